// Formats users download: PDF (the text layer, with lines and table rows rebuilt from positions), Word
// 97–2003 .doc and WPS .wps, and the formats refused with a message that says how to convert them.
// The PDFs are printed by headless Chromium from HTML renderings of the seeds (a table per plan) and of
// real pages; the .doc files are the seeds' .docx renderings saved by LibreOffice
// (scripts/make-format-fixtures.ts).
import { existsSync, readFileSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFile } from "../loaders/corpus.ts";
import { readSource } from "../loaders/read/index.ts";
import { parsePlan } from "../loaders/parse/index.ts";
import { essence, render, specOf } from "./support/render.ts";
import { seed, SEEDS } from "./helpers.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FORMATS = new URL("./fixtures/formats/", import.meta.url).pathname;
const REAL = new URL("./fixtures/real/", import.meta.url).pathname;

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
});
afterAll(async () => {
  await browser?.close();
});

async function printPdf(html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    return new Uint8Array(await page.pdf({ format: "A4", margin: { top: "20mm", bottom: "20mm", left: "18mm", right: "18mm" } }));
  } finally {
    await page.close();
  }
}

async function parseBytes(name: string, bytes: Uint8Array) {
  const source = await readSource(name, bytes);
  return { source, plan: parsePlan(source.text) };
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

describe.each(SEEDS)("$file as a PDF printed from its HTML table", ({ file }) => {
  it("gives the same tasks, sections and units", async () => {
    const { plan } = await seed(file);
    const { source, plan: again } = await parseBytes(`${file}.pdf`, await printPdf(render(specOf(plan), "html")));
    expect(source.format).toBe("pdf");
    expect(again.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(essence(again)).toEqual(essence(plan));
    expect(again.meta.region).toBe(plan.meta.region);
    expect(again.meta.year).toBe(plan.meta.year);
  }, 60_000);
});

describe("real pages printed to PDF", () => {
  // prose pages: the paragraphs the page wraps must come back whole
  it.each(["b-14.txt", "d-17.txt", "c-10.txt", "e-02.txt"])("%s reads as its text does", async (file) => {
    const text = readFileSync(REAL + file, "utf8");
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${text
      .split("\n")
      .map((line) => `<p style="margin:0;text-indent:2em">${escape(line.trim()) || "&nbsp;"}</p>`)
      .join("\n")}</body></html>`;
    const fromText = parsePlan((await readSource(file, new TextEncoder().encode(text))).text);
    const { plan: fromPdf } = await parseBytes(file.replace(/\.txt$/, ".pdf"), await printPdf(html));
    expect(fromPdf.meta).toMatchObject({ region: fromText.meta.region, year: fromText.meta.year, docNumber: fromText.meta.docNumber, issueDate: fromText.meta.issueDate });
    expect(essence(fromPdf).map((t) => ({ text: t.text.slice(0, 40), units: t.units }))).toEqual(essence(fromText).map((t) => ({ text: t.text.slice(0, 40), units: t.units })));
  }, 60_000);
});

describe("PDFs that cannot be read", () => {
  it("a scan (pages without a text layer) is refused with a message that says so", async () => {
    const pdf = await printPdf(`<!DOCTYPE html><html><body><div style="width:400px;height:300px;background:#888"></div></body></html>`);
    const doc = await parseFile("scan.pdf", pdf);
    expect(doc.plan).toBeNull();
    expect(doc.failure?.code).toBe("scanned-pdf");
    expect(doc.failure?.message).toMatch(/no text layer.*OCR/);
  }, 60_000);

  it("a damaged PDF is one failed file with a message, not a crash", async () => {
    const doc = await parseFile("broken.pdf", new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage"));
    expect(doc.plan).toBeNull();
    expect(doc.failure?.code).toMatch(/pdf/);
  });
});

describe.each(SEEDS)("$file as a Word 97–2003 .doc", ({ file }) => {
  const doc = file.replace(/\.txt$/, ".doc");
  it("gives the same tasks, sections and units", async () => {
    const { plan } = await seed(file);
    const { source, plan: again } = await parseBytes(doc, readFileSync(FORMATS + doc));
    expect(source.format).toBe("doc");
    expect(essence(again)).toEqual(essence(plan));
  });
});

describe("other Word-processor formats", () => {
  it("a .wps file in Word's binary format is read like a .doc", async () => {
    const bytes = readFileSync(FORMATS + "yingde-2022.doc");
    const { plan } = await seed("yingde-2022.txt");
    expect(essence((await parseBytes("yingde-2022.wps", bytes)).plan)).toEqual(essence(plan));
  });

  it("a .wps file that is not readable says how to convert it", async () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const doc = await parseFile("plan.wps", bytes);
    expect(doc.failure?.code).toBe("unreadable-wps");
    expect(doc.failure?.message).toMatch(/\.docx/);
  });

  it("an RTF file is refused with a message that says how to convert it", async () => {
    const doc = await parseFile("plan.rtf", new TextEncoder().encode("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 SimSun;}} \\'b9\\'a4\\'d7\\'f7}"));
    expect(doc.failure?.code).toBe("unsupported-format");
    expect(doc.failure?.message).toMatch(/RTF.*\.docx/);
  });
});
