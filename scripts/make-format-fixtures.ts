// Regenerate test/fixtures/formats/*.doc: each seed's parsed content as a .docx (test/support/render.ts),
// converted to Word 97–2003 by LibreOffice. Run by hand when the seeds or the renderer change (needs
// `soffice`, e.g. apt-get install libreoffice-writer-nogui); CI only reads the committed files.
//   npx tsx scripts/make-format-fixtures.ts
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseFile } from "../loaders/corpus.ts";
import { renderDocx, specOf } from "../test/support/render.ts";

const SEEDS = new URL("../seeds/", import.meta.url).pathname;
const OUT = new URL("../test/fixtures/formats/", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "zwgk-formats-"));
for (const name of ["yingde-2022", "dinghu-2021", "qingyuan-2022", "lufeng-2024", "wengyuan-2018"]) {
  const doc = await parseFile(SEEDS + name + ".txt", readFileSync(SEEDS + name + ".txt"));
  if (!doc.plan) throw new Error(`${name}: ${doc.failure?.message}`);
  const docx = join(work, name + ".docx");
  writeFileSync(docx, await renderDocx(specOf(doc.plan)));
  execFileSync("soffice", ["--headless", "--convert-to", "doc", "--outdir", work, docx], { stdio: "ignore" });
  renameSync(join(work, name + ".doc"), OUT + name + ".doc");
  console.log(OUT + name + ".doc");
}
