// The real-plan corpus (test/fixtures/real/): plan pages as government and reposting sites published
// them, each kept as found, with a manifest and a truth file written by reading the texts. This module
// scores the parser against that truth: metadata fields, the first tasks, their lead and other units,
// and the level-1 headings — overall and per format family. Shared by test/real.test.ts and
// `npm run evaluate:real`.
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { parseFile, type ParsedDoc } from "../../loaders/corpus.ts";
import { sectionsOf, tasksOf, type Task } from "../../loaders/parse/index.ts";
import { toSimplifiedTable } from "../../loaders/read/simplify.ts";
import { ROOT, tsv } from "../helpers.ts";

export const REAL_DIR = ROOT + "test/fixtures/real/";

export interface TruthTask {
  /** The task's opening characters as printed (after its number marker). */
  start: string;
  lead: string[];
  other: string[];
}

export interface Truth {
  file: string;
  url: string;
  region: string | null;
  province: string | null;
  parent_city: string | null;
  level: string;
  year: number;
  doc_number: string | null;
  issue_date: string | null;
  headings: string[];
  tasks: TruthTask[];
  family: string;
  notes?: string;
}

export const META_FIELDS = ["region", "province", "parent_city", "level", "year", "doc_number", "issue_date"] as const;
export type MetaField = (typeof META_FIELDS)[number];
export const MEASURES = [...META_FIELDS, "metadata", "task_found", "lead_units", "other_units", "headings", "parsed", "notice_only"] as const;
export type Measure = (typeof MEASURES)[number];

export function readTruth(): Truth[] {
  const truth = JSON.parse(readFileSync(REAL_DIR + "truth.json", "utf8")) as Truth[];
  const manifest = new Map(tsv(REAL_DIR + "MANIFEST.tsv").map((r) => [r.file, r]));
  for (const t of truth) {
    const m = manifest.get(t.file);
    if (!m) throw new Error(`truth.json names ${t.file}, which MANIFEST.tsv does not list`);
    if (m.url !== t.url || m.family !== t.family) throw new Error(`${t.file}: MANIFEST.tsv and truth.json disagree on url or family`);
  }
  if (manifest.size !== truth.length) throw new Error(`MANIFEST.tsv lists ${manifest.size} files, truth.json ${truth.length}`);
  return truth;
}

/** A key for comparing what a reader wrote with what the parser found: simplified, no spaces or punctuation, half/full width alike. */
export function key(s: string): string {
  const table = toSimplifiedTable();
  let out = "";
  // reading aids a reader copied as printed (推進(jìn)行政): the repair stage removes them from the text
  // (and one the 8 characters of a task's start cut: 「加大重點(diǎ」)
  const aids = /[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,8}(?:[)）]|$)/g;
  for (const ch of s.replace(aids, "").normalize("NFKC")) out += table.get(ch) ?? ch;
  return out.replace(/[\s\u2029\p{P}\p{S}]/gu, "");
}

function sameUnits(found: string[], expected: string[]): boolean {
  const a = [...new Set(found.map(key))].sort();
  const b = [...new Set(expected.map(key))].sort();
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Lead units as the truth counts them: units marked lead, or — where a task names no lead — every responsible unit. */
export function leadUnits(task: Task): string[] {
  const lead = task.units.filter((p) => p.role === "lead");
  const chosen = lead.length > 0 ? lead : task.units.filter((p) => p.role === "responsible");
  return chosen.flatMap((p) => p.units.map((u) => u.name));
}

export function otherUnits(task: Task): string[] {
  return task.units.filter((p) => p.role === "participant").flatMap((p) => p.units.map((u) => u.name));
}

export interface Check {
  file: string;
  family: string;
  measure: Measure;
  ok: boolean;
  expected: unknown;
  found: unknown;
}

/** Where the truth's task starts in the parser's task list: the first task from `from` on whose text opens with those characters. */
function findTask(tasks: Task[], start: string, from: number): number {
  const want = key(start).slice(0, 6);
  if (want === "") return -1;
  for (let i = from; i < tasks.length; i++) if (key(tasks[i].text).startsWith(want)) return i;
  return -1;
}

export function checkDocument(truth: Truth, doc: ParsedDoc): Check[] {
  const checks: Check[] = [];
  const add = (measure: Measure, ok: boolean, expected: unknown, found: unknown) => checks.push({ file: truth.file, family: truth.family, measure, ok, expected, found });
  const plan = doc.plan;
  const meta = plan?.meta;
  const found: Record<MetaField, unknown> = {
    region: meta?.region ?? null,
    province: meta?.province ?? null,
    parent_city: meta?.parentCity ?? null,
    level: meta?.level ?? null,
    year: meta?.year ?? null,
    doc_number: meta?.docNumber ?? null,
    issue_date: meta?.issueDate ?? null,
  };
  let allMeta = true;
  for (const field of META_FIELDS) {
    const expected = field === "province" && truth.level === "national" ? (found.province === "全国" ? "全国" : null) : truth[field];
    const ok = field === "doc_number" ? (expected === null ? found[field] === null : found[field] !== null && key(String(found[field])) === key(String(expected))) : found[field] === expected;
    add(field, ok, expected, found[field]);
    allMeta &&= ok;
  }
  add("metadata", allMeta, "all fields", allMeta ? "all fields" : "some wrong");
  const tasks = plan ? tasksOf(plan).map((t) => t.task) : [];
  if (truth.tasks.length > 0) add("parsed", doc.failure === null && tasks.length > 0, "tasks", doc.failure?.code ?? `${tasks.length} tasks`);
  // a page that shows only the issuing notice: its own numbered requirements are not the plan's tasks
  if (truth.family === "notice-only") add("notice_only", tasks.length === 0, "no tasks", tasks.length === 0 ? "no tasks" : tasks.slice(0, 2).map((x) => x.text.slice(0, 12)));
  let from = 0;
  for (const t of truth.tasks) {
    const i = findTask(tasks, t.start, from);
    const task = i >= 0 ? tasks[i] : null;
    if (i >= 0) from = i + 1;
    add("task_found", task !== null, t.start, task ? task.text.slice(0, 12) : tasks.slice(from, from + 1).map((x) => x.text.slice(0, 12))[0] ?? null);
    const lead = task ? leadUnits(task) : null;
    add("lead_units", lead !== null && sameUnits(lead, t.lead), t.lead, lead);
    const other = task ? otherUnits(task) : null;
    add("other_units", other !== null && sameUnits(other, t.other), t.other, other);
  }
  const level1 = plan ? sectionsOf(plan).filter((s) => s.section.level === 1).map((s) => key(s.section.title)) : [];
  for (const h of truth.headings) {
    const k = key(h);
    add("headings", level1.some((title) => title === k || (k.length >= 4 && (title.startsWith(k) || k.startsWith(title) && title.length >= 4))), h, null);
  }
  return checks;
}

/** Re-serve a page's text in another form (a web page, a PDF) before it is parsed. */
export type Serve = (text: string, file: string) => Promise<{ name: string; bytes: Uint8Array }> | { name: string; bytes: Uint8Array };

export async function evaluateReal(serve?: Serve): Promise<{ truth: Truth[]; docs: Map<string, ParsedDoc>; checks: Check[] }> {
  const truth = readTruth();
  const docs = new Map<string, ParsedDoc>();
  const checks: Check[] = [];
  for (const t of truth) {
    const bytes = readFileSync(REAL_DIR + t.file);
    const served = serve ? await serve(bytes.toString("utf8"), t.file) : { name: t.file, bytes };
    const doc = await parseFile(`test/fixtures/real/${t.file.replace(/\.txt$/, extname(served.name))}`, served.bytes);
    docs.set(t.file, doc);
    checks.push(...checkDocument(t, doc));
  }
  return { truth, docs, checks };
}

export interface Score {
  right: number;
  total: number;
  share: number;
}

/** Share right per measure, overall and per family. */
export function summarise(checks: Check[]): { overall: Record<string, Score>; byFamily: Record<string, Record<string, Score>> } {
  const tally = (list: Check[]) => {
    const out: Record<string, Score> = {};
    for (const measure of MEASURES) {
      const of = list.filter((c) => c.measure === measure);
      const right = of.filter((c) => c.ok).length;
      if (of.length > 0) out[measure] = { right, total: of.length, share: right / of.length };
    }
    return out;
  };
  const families = [...new Set(checks.map((c) => c.family))].sort();
  return { overall: tally(checks), byFamily: Object.fromEntries(families.map((f) => [f, tally(checks.filter((c) => c.family === f))])) };
}

/** A plain-text table of the summary, measures as rows and families as columns. */
export function formatSummary(summary: ReturnType<typeof summarise>): string {
  const families = Object.keys(summary.byFamily);
  const cols = ["all", ...families];
  const pct = (s: Score | undefined) => (s ? `${(s.share * 100).toFixed(0)}% ${s.right}/${s.total}` : "-");
  const rows = MEASURES.map((m) => [m, pct(summary.overall[m]), ...families.map((f) => pct(summary.byFamily[f][m]))]);
  const header = ["measure", ...cols];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [header, ...rows].map((r) => r.map((c, i) => c.padEnd(widths[i])).join("  ")).join("\n");
}
