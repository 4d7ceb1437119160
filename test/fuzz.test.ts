// Fuzzing the read and parse stages with mutated real input: the seeds and the real-plan pages as text,
// as saved web pages of two kinds, and as .docx, each damaged at the byte level (flips, cuts, spliced
// bytes, stray markup and control characters). Every file must give a tree or one clear failure, never
// an internal error; every span must stay inside its text; and a corpus of mutants must lose no
// document: each file is a row of `documents` or reported as a duplicate of one. Hangs are caught by
// the tests' timeouts; parsing time against input size is measured in test/reliability.test.ts.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFile, parseFiles, type ParsedDoc } from "../loaders/corpus.ts";
import { sectionsOf, tasksOf } from "../loaders/parse/index.ts";
import { buildTables } from "../loaders/tables/build.ts";
import { SEEDS, SEEDS_DIR, seed } from "./helpers.ts";
import { REAL_DIR } from "./support/real-corpus.ts";
import { renderDocx, specOf } from "./support/render.ts";
import { asWebPage } from "./support/web-page.ts";

const utf8 = new TextEncoder();
/** A longer run: ZWGK_FUZZ_RUNS=20 multiplies the runs; ZWGK_FUZZ_SEED=n explores other mutants. */
const SCALE = Number(process.env.ZWGK_FUZZ_RUNS ?? 1);
const SEED = Number(process.env.ZWGK_FUZZ_SEED ?? 20261124);
const texts = [
  ...SEEDS.map(({ file }) => readFileSync(SEEDS_DIR + file, "utf8")),
  ...readdirSync(REAL_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(REAL_DIR + f, "utf8")),
];

/** What goes into the middle of a file: markup that swallows, controls, markers, broken multi-byte runs. */
const STRAY = ["<!--", "<script>", "</table>", '<p title="a>b">', "<", ">", "&", "&#", "\u0000", "\ufffd", "\u202e", "\u200b", "\ud800", "\r", "\t", "一、", "（一）", "1.", "（牵头单位：", "）", "附件", "抄送：", "\xe4\xb8"];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant("cut" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant("drop" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(400) }),
  fc.record({ kind: fc.constant("repeat" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(400), times: fc.integer({ min: 2, max: 30 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), stray: fc.constantFrom(...STRAY) }),
  fc.record({ kind: fc.constant("bytes" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.uint8Array({ maxLength: 64 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = Math.floor(m.at * bytes.length);
  const join = (...parts: Uint8Array[]) => Buffer.concat(parts);
  switch (m.kind) {
    case "flip": {
      const out = Uint8Array.from(bytes);
      if (out.length) out[Math.min(at, out.length - 1)] ^= m.bits;
      return out;
    }
    case "cut":
      return bytes.slice(0, at);
    case "drop":
      return join(bytes.slice(0, at), bytes.slice(at + m.length));
    case "repeat": {
      const run = bytes.slice(at, at + m.length);
      return join(bytes.slice(0, at), ...Array.from({ length: m.times }, () => run), bytes.slice(at));
    }
    case "insert":
      return join(bytes.slice(0, at), Buffer.from(m.stray, m.stray === "\xe4\xb8" ? "latin1" : "utf8"), bytes.slice(at));
    case "bytes":
      return join(bytes.slice(0, at), m.bytes, bytes.slice(at));
  }
}

/** A document as every reader must leave it: a tree with spans inside its text, or a named failure. */
function expectSound(doc: ParsedDoc) {
  if (!doc.plan || !doc.source) {
    expect(doc.failure?.code, doc.failure?.message).toMatch(/^[a-z-]+$/);
    expect(doc.failure?.code, doc.failure?.message).not.toBe("internal-error");
    return;
  }
  const n = doc.source.text.length;
  const inside = (s: { start: number; end: number }) => s.start >= 0 && s.start <= s.end && s.end <= n;
  for (const { task } of tasksOf(doc.plan)) expect(inside(task.position) && task.pieces.every(inside)).toBe(true);
  for (const { section } of sectionsOf(doc.plan)) expect(inside(section.position)).toBe(true);
  for (const issue of doc.plan.issues) if (issue.position) expect(inside(issue.position), issue.code).toBe(true);
  expect(doc.plan.issues.map((i) => i.code)).not.toContain("internal-error");
}

type Form = "text" | "cms" | "layout-table" | "docx";
const FORMS: Form[] = ["text", "cms", "layout-table", "docx"];
const docxCache = new Map<number, Uint8Array>();

/** Input `which` served in `form`: a .docx is rendered from the seed's parsed tree. */
async function served(which: number, form: Form): Promise<{ name: string; bytes: Uint8Array }> {
  const text = texts[which];
  if (form === "text") return { name: "plan.txt", bytes: utf8.encode(text) };
  if (form === "docx") {
    const s = which % SEEDS.length;
    if (!docxCache.has(s)) docxCache.set(s, await renderDocx(specOf((await seed(SEEDS[s].file)).plan)));
    return { name: "plan.docx", bytes: docxCache.get(s)! };
  }
  return asWebPage(text, form);
}

describe("fuzzing the readers and the parser with mutated real input", () => {
  for (const form of FORMS) {
    it(`${form}: every mutant gives a sound tree or a named failure`, { timeout: 120_000 * SCALE }, async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(texts.length - 1), fc.array(mutation, { minLength: 1, maxLength: 5 }), async (which, mutations) => {
          const { name, bytes } = await served(which, form);
          expectSound(await parseFile(name, mutations.reduce(mutate, bytes)));
        }),
        { numRuns: (form === "text" ? 1000 : 400) * SCALE, seed: SEED + FORMS.indexOf(form) },
      );
    });
  }

  it("loses no document: every mutant file is a row of documents, or a duplicate of one", { timeout: 120_000 * SCALE }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(texts.length - 1), fc.constantFrom(...FORMS), fc.array(mutation, { maxLength: 3 })), { minLength: 2, maxLength: 12 }),
        async (cases) => {
          const dir = mkdtempSync(join(tmpdir(), "zwgk-fuzz-"));
          const files: string[] = [];
          for (const [i, [which, form, mutations]] of cases.entries()) {
            const { name, bytes } = await served(which, form);
            const file = join(dir, `${String(i).padStart(2, "0")}-${name}`);
            writeFileSync(file, mutations.reduce(mutate, bytes));
            files.push(file);
          }
          const docs = await parseFiles(files);
          const tables = buildTables(docs, { skipRequirements: true });
          const accounted = [...tables.documents.map((d) => d.source_file as string), ...docs.flatMap((d) => d.duplicates)].sort();
          expect(accounted).toEqual([...files].sort());
          const ids = new Set(tables.documents.map((d) => d.doc_id));
          for (const t of ["tasks", "sections", "assignments", "parse_issues", "texts"] as const) for (const row of tables[t]) expect(ids.has(row.doc_id as string)).toBe(true);
        },
      ),
      { numRuns: 60 * SCALE, seed: SEED },
    );
  });
});
