// A corpus: files → parsed documents, one at a time, so that a broken file costs only itself.
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import { ReadError, readSource, toNormalized, type SourceText } from "./read/index.ts";
import { parsePlan, type PlanDocument } from "./parse/index.ts";
import { DuplicateFinder, type Kept } from "./duplicates.ts";

/** What the later stages need of a source: the normalised text and facts about the file, not the offset map. */
export type SourceFacts = Omit<SourceText, "original" | "toSource" | "notices">;

export interface ParsedDoc {
  docId: string;
  sourceFile: string;
  source: SourceFacts | null;
  plan: PlanDocument | null;
  /** Set when the file could not be read or parsed at all. */
  failure: { code: string; message: string } | null;
  /** Other files with the same normalised content (kept once, under the first name). */
  duplicates: string[];
}

/**
 * What a plan can be saved as. Inside a folder, other files (a MANIFEST.tsv, images) are not plans and
 * are passed over; a file named on the command line is always read, whatever its name.
 */
export const PLAN_FILE = /(\.(txt|text|md|markdown|html?|xhtml|shtml|docx|doc|wps|pdf)|^[^.]+)$/i;

/** A path the walk could not read: reported one by one, and the walk goes on. */
export interface WalkFault {
  path: string;
  /** dangling-link, link-loop, unreadable-folder, unreadable-path; repeated-folder is reported but costs nothing. */
  code: string;
  message: string;
}

/**
 * Files named on the command line or found under folders, sorted, as display paths; and every path that
 * could not be followed. A folder reached twice through links (a link back to a parent) is read once.
 */
export function findFiles(inputs: string[]): { files: string[]; faults: WalkFault[] } {
  const files: string[] = [];
  const faults: WalkFault[] = [];
  const fault = (path: string, code: string, message: string) => faults.push({ path: displayPath(path), code, message });
  const visited = new Set<string>();
  const stack: { path: string; named: boolean }[] = [...inputs].reverse().map((path) => ({ path, named: true }));
  while (stack.length) {
    const { path, named } = stack.pop()!;
    let st;
    try {
      st = statSync(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT" && isLink(path)) fault(path, "dangling-link", `the link points to ${safeReadlink(path)}, which does not exist`);
      else if (code === "ELOOP") fault(path, "link-loop", "the link points back to itself (through one or more links)");
      else fault(path, "unreadable-path", `${code ?? ""} ${(e as Error).message}`.trim());
      continue;
    }
    if (st.isDirectory()) {
      const real = safeRealpath(path);
      if (visited.has(real)) {
        fault(path, "repeated-folder", `the same folder as ${displayPath(real)}, read once`);
        continue;
      }
      visited.add(real);
      let names: string[];
      try {
        names = readdirSync(path).sort();
      } catch (e) {
        fault(path, "unreadable-folder", `${(e as NodeJS.ErrnoException).code ?? ""} ${(e as Error).message}`.trim());
        continue;
      }
      for (let i = names.length - 1; i >= 0; i--) if (!names[i].startsWith(".")) stack.push({ path: join(path, names[i]), named: false });
    } else if (st.isFile() && (named || PLAN_FILE.test(basename(path)))) files.push(path);
  }
  return { files: [...new Set(files.map(displayPath))].sort(), faults };
}

/** Files named on the command line or found under folders, sorted, as display paths (faults left out). */
export function listFiles(inputs: string[]): string[] {
  return findFiles(inputs).files;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function safeReadlink(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return "?";
  }
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** A path as stored in source_file: relative to the working directory when inside it, with / separators. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return (rel.startsWith("..") ? resolve(path) : rel).split(sep).join("/");
}

export function docIdOf(normalisedText: string): string {
  return createHash("sha256").update(normalisedText).digest("hex").slice(0, 16);
}

export async function parseFile(sourceFile: string, bytes: Uint8Array): Promise<ParsedDoc> {
  try {
    const source = await readSource(sourceFile, bytes);
    const plan = parsePlan(source.text);
    if (source.replaced > 0) {
      plan.issues.unshift({ severity: "warning", code: "encoding", message: `${source.replaced} 个字符无法按 ${source.encoding === "mixed" ? "UTF-8 或 GB18030" : source.encoding} 解码，已替换为 U+FFFD`, position: null });
    }
    if (source.encoding === "mixed") {
      plan.issues.unshift({ severity: "warning", code: "encoding", message: "文件混用了 UTF-8 和 GB18030 两种编码，已逐行识别解码，请核对原文", position: null });
    }
    for (const notice of [...source.notices].reverse()) {
      const at = notice.offset === null ? null : toNormalized(source.toSource, notice.offset);
      plan.issues.unshift({ severity: notice.severity, code: notice.code, message: notice.message, position: at === null ? null : { start: at, end: at } });
    }
    if (source.invisible > 0) {
      plan.issues.unshift({ severity: "info", code: "invisible-characters", message: `删除了 ${source.invisible} 个不可见的格式控制字符（零宽字符、双向文字控制符等），它们不会进入单位名称和任务文本`, position: null });
    }
    if (source.simplified) plan.issues.unshift({ severity: "info", code: "traditional-script", message: "原文为繁体字，分析文本已逐字转换为简体", position: null });
    const failure = plan.issues.find((i) => i.severity === "error") ?? null;
    const { original: _original, toSource: _toSource, notices: _notices, ...facts } = source; // the offset map is not kept for a whole corpus
    return { docId: docIdOf(source.text), sourceFile, source: facts, plan, failure: failure && { code: failure.code, message: failure.message }, duplicates: [] };
  } catch (e) {
    const code = e instanceof ReadError ? e.code : "internal-error";
    const message = e instanceof ReadError ? e.message : `parser failure: ${(e as Error).stack?.split("\n").slice(0, 3).join(" ")}`;
    return { docId: createHash("sha256").update(bytes).digest("hex").slice(0, 16), sourceFile, source: null, plan: null, failure: { code, message }, duplicates: [] };
  }
}

/**
 * Parse files one at a time, in sorted order, and hand each document to `onDoc` without keeping it:
 * a corpus of tens of thousands of plans never holds all its trees. A file holding a plan already seen
 * (the same text, or the same content in another form: loaders/duplicates.ts) is handed over with
 * `duplicateOf`, the document kept, instead of going into the corpus.
 */
export async function streamFiles(input: string[], onDoc: (doc: ParsedDoc, index: number, duplicateOf: Kept | null) => void): Promise<void> {
  const finder = new DuplicateFinder();
  const files = [...input].sort(); // whatever order they come in, the same copy of a duplicate is kept
  for (let i = 0; i < files.length; i++) {
    const doc = await parsePath(files[i]);
    onDoc(doc, i, finder.check(doc));
  }
}

/** Read and parse one file; a file that cannot be read is a failed document, not an exception. */
export async function parsePath(sourceFile: string): Promise<ParsedDoc> {
  try {
    return await parseFile(sourceFile, readFileSync(sourceFile));
  } catch (e) {
    return failedDoc(sourceFile, "unreadable-file", (e as Error).message);
  }
}

/** A document that could not be read or parsed at all, identified by its path. */
export function failedDoc(sourceFile: string, code: string, message: string): ParsedDoc {
  return { docId: createHash("sha256").update(sourceFile).digest("hex").slice(0, 16), sourceFile, source: null, plan: null, failure: { code, message }, duplicates: [] };
}

/** Parse files into documents kept in memory (small corpora, tests); duplicates are kept once. */
export async function parseFiles(input: string[], onDoc?: (doc: ParsedDoc, index: number) => void): Promise<ParsedDoc[]> {
  const docs = new Map<string, ParsedDoc>();
  await streamFiles(input, (doc, i, duplicateOf) => {
    if (duplicateOf === null) docs.set(doc.docId, doc);
    else docs.get(duplicateOf.docId)!.duplicates.push(doc.sourceFile);
    onDoc?.(doc, i);
  });
  return [...docs.values()];
}
