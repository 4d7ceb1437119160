// One plan saved several ways is one document in the corpus; another version of a plan is kept and
// flagged; different plans are never merged (checked over the seeds and the whole real corpus).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { parseFiles } from "../loaders/corpus.ts";
import { tasksOf } from "../loaders/parse/index.ts";
import { buildTables } from "../loaders/tables/build.ts";
import { SEEDS, SEEDS_DIR } from "./helpers.ts";
import { REAL_DIR } from "./support/real-corpus.ts";
import { asWebPage } from "./support/web-page.ts";

const seedText = (file: string) => readFileSync(SEEDS_DIR + file, "utf8");

function folder(files: Record<string, string | Uint8Array>): string[] {
  const dir = mkdtempSync(join(tmpdir(), "zwgk-dups-"));
  return Object.entries(files).map(([name, content]) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  });
}

describe("the same plan saved several ways", () => {
  for (const { file } of SEEDS) {
    it(`keeps ${file} once whether saved in UTF-8, with a BOM, in GB18030, with trailing blank lines or CRLF`, async () => {
      const text = seedText(file);
      const copies = { "b.txt": "\ufeff" + text, "c.txt": iconv.encode(text, "gb18030"), "d.txt": text + "\n\n\n  \n\n", "e.txt": text.replace(/\n/g, "\r\n") };
      const docs = await parseFiles(folder({ "a.txt": text, ...copies }));
      expect(docs).toHaveLength(1);
      expect(docs[0].sourceFile).toMatch(/a\.txt$/);
      expect(docs[0].duplicates.map((f) => f.split("/").pop())).toEqual(Object.keys(copies));
      const issues = buildTables(docs).parse_issues.filter((i) => i.code === "duplicate-document");
      expect(issues).toHaveLength(4);
      for (const i of issues) expect(i.doc_id).toBe(docs[0].docId); // on the kept document, never an orphan
    });
  }

  it("keeps each real plan once when it is saved as text and as two kinds of government web page", async () => {
    const real = readdirSync(REAL_DIR).filter((f) => f.endsWith(".txt")).sort();
    let plans = 0;
    for (const file of real) {
      const text = readFileSync(REAL_DIR + file, "utf8");
      const [doc] = await parseFiles(folder({ "a.txt": text }));
      if (!doc.plan || tasksOf(doc.plan).length === 0) continue; // a notice without tasks is compared by its text alone
      // a stored page that stops mid-task ends differently once page chrome follows it: not the same file
      if (doc.plan.issues.some((i) => i.code === "truncated")) continue;
      plans++;
      const cms = asWebPage(text, "cms");
      const old = asWebPage(text, "layout-table");
      const docs = await parseFiles(folder({ "a.txt": text, [`b-${cms.name}`]: cms.bytes, [`c-${old.name}`]: old.bytes }));
      expect(docs.map((d) => d.sourceFile.split("/").pop()), file).toEqual(["a.txt"]);
      expect(docs[0].duplicates).toHaveLength(2);
    }
    expect(plans).toBeGreaterThanOrEqual(5); // most stored pages are excerpts that stop mid-task
  });

  it("keeps a copy whose whitespace and punctuation widths differ once (property)", async () => {
    const text = seedText("qingyuan-2022.txt");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(text.length - 1), { maxLength: 20 }), fc.boolean(), async (cuts, fullWidth) => {
        let copy = text;
        // spaces at line ends and blank lines between paragraphs; ASCII ↔ full-width punctuation
        for (const at of [...cuts].sort((a, b) => b - a)) {
          const nl = copy.indexOf("\n", at);
          if (nl > 0) copy = copy.slice(0, nl) + " \n" + copy.slice(nl);
        }
        if (fullWidth) copy = copy.replace(/;/g, "；").replace(/:/g, "：");
        const docs = await parseFiles(folder({ "a.txt": text, "b.txt": copy }));
        expect(docs).toHaveLength(1);
      }),
      { numRuns: 15 },
    );
  });
});

describe("another version of a plan", () => {
  it("keeps both and flags the later one with what it shares", async () => {
    const text = seedText("dinghu-2021.txt");
    const doc = (await parseFiles(folder({ "x.txt": text })))[0];
    const tasks = tasksOf(doc.plan!);
    const edited = tasks[5].task.text.slice(0, 12);
    expect(text).toContain(edited);
    const version = text.replace(edited, edited.slice(0, 6) + "进一步" + edited.slice(6)); // one task reworded
    const docs = await parseFiles(folder({ "a.txt": text, "b.txt": version }));
    expect(docs).toHaveLength(2);
    const flagged = docs[1].plan!.issues.filter((i) => i.code === "near-duplicate");
    expect(flagged).toHaveLength(1);
    expect(flagged[0].message).toMatch(new RegExp(`a\\.txt 的任务 97% 相同（${tasks.length - 1}/${tasks.length} 项）`));
    expect(docs[0].plan!.issues.map((i) => i.code)).not.toContain("near-duplicate");
  });

  it("are never merged or flagged across the seeds and the real corpus, which hold no plan twice", async () => {
    const files = [...SEEDS.map((s) => SEEDS_DIR + s.file), ...readdirSync(REAL_DIR).filter((f) => /\.(txt|html?)$/.test(f)).map((f) => REAL_DIR + f)];
    const docs = await parseFiles(files);
    expect(docs).toHaveLength(files.length);
    expect(docs.flatMap((d) => d.plan?.issues.filter((i) => i.code === "near-duplicate").map((i) => `${d.sourceFile}: ${i.message}`) ?? [])).toEqual([]);
  });
});
