// Issue 11, text that vanished with exit 0 and time that grew with the square of the input. Each case is
// built from a seed: the damaged copy must give the seed's tasks, with the damage reported, never hidden.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { parseFile, parseFiles } from "../loaders/corpus.ts";
import { parsePlan, tasksOf } from "../loaders/parse/index.ts";
import { extractHtml } from "../loaders/read/html.ts";
import { normalize } from "../loaders/read/normalize.ts";
import { essence } from "./support/render.ts";
import { bestTime, seed, SEEDS_DIR } from "./helpers.ts";

const LUFENG = readFileSync(SEEDS_DIR + "lufeng-2024.txt", "utf8");
const ANCHOR = "落实《广东省政府系统政策解读工作细则";

function insertBytes(text: string, at: string, bytes: number[]): Buffer {
  const all = Buffer.from(text);
  const i = all.indexOf(Buffer.from(at));
  return Buffer.concat([all.subarray(0, i), Buffer.from(bytes), all.subarray(i)]);
}

describe("damaged bytes cost only themselves", () => {
  it("an invalid byte inside a UTF-8 line costs one U+FFFD and a warning, not the line", async () => {
    const doc = await parseFile("bad-byte.txt", insertBytes(LUFENG, ANCHOR, [0xff]));
    const { plan } = await seed("lufeng-2024.txt");
    expect(doc.source).toMatchObject({ encoding: "utf-8", replaced: 1 });
    expect(essence(doc.plan!).map((t) => t.text.replace("\ufffd", ""))).toEqual(essence(plan).map((t) => t.text));
    expect(doc.plan!.issues.find((i) => i.code === "encoding")?.message).toMatch(/^1 个字符无法按 utf-8 解码/);
  });

  it("a NUL byte in a text plan is removed and reported, not taken for a binary file", async () => {
    const doc = await parseFile("nul.txt", insertBytes(LUFENG, ANCHOR, [0x00]));
    expect(doc.failure).toBeNull();
    expect(tasksOf(doc.plan!)).toHaveLength(56);
    expect(doc.plan!.issues.map((i) => i.code)).toContain("control-bytes");
  });

  it("a file of NUL bytes and text is still refused as binary", async () => {
    const bytes = Buffer.concat(Array.from({ length: 200 }, () => Buffer.from([0, 0, 0, 1, 0x41, 0x42])));
    expect((await parseFile("binary.txt", bytes)).failure?.code).toBe("binary-file");
  });

  it.each(["dinghu-2021.txt", "lufeng-2024.txt", "qingyuan-2022.txt"])("a line left as U+FFFD by a lone surrogate is no task in %s", async (file) => {
    const text = readFileSync(SEEDS_DIR + file, "utf8");
    const lines = text.split("\n");
    lines.splice(Math.floor(lines.length / 2), 0, "\ud800");
    const doc = await parseFile(file, Buffer.from(lines.join("\n"))); // encoded as U+FFFD, as any UTF-8 writer does
    const { plan } = await seed(file);
    expect(essence(doc.plan!)).toEqual(essence(plan));
    expect(doc.plan!.issues.map((i) => i.code)).toContain("undecodable-text");
  });
});

describe("markup is stripped only where it is markup", () => {
  it("keeps 「a<b 和 c>d」 and 「x<y>z」 in a plain-text plan, and still removes tag debris", () => {
    expect(normalize("a<b 和 c>d，x<y>z，<p>段落</p>，<span style=\"color:red\">红</span>").text).toBe("a<b 和 c>d，x<y>z，段落，红");
  });
});

describe("invisible controls", () => {
  it("never reach unit names (U+202E, U+200B, U+2066…), and their removal is reported", async () => {
    const damaged = LUFENG.replace(/市财政局/g, "市\u202e财政局").replace(/市司法局/g, "市司法\u200b局\u2066");
    const doc = await parseFile("bidi.txt", Buffer.from(damaged));
    const { plan } = await seed("lufeng-2024.txt");
    expect(essence(doc.plan!)).toEqual(essence(plan));
    expect(doc.plan!.issues.find((i) => i.code === "invisible-characters")?.severity).toBe("info");
  });
});

describe("parsing time is linear in the input (1× and 4× of each pathological shape)", () => {
  const QINGYUAN = readFileSync(SEEDS_DIR + "qingyuan-2022.txt", "utf8");
  const parse = (text: string) => () => parsePlan(normalize(text).text);
  const shapes: [string, (n: number) => () => unknown][] = [
    ["short lines after a plan", (n) => parse(QINGYUAN + "\n" + "短行\n".repeat(n))],
    ["headings", (n) => parse("2023年某县政务公开工作要点\n" + Array.from({ length: n }, (_, i) => `${"一二三"[i % 3]}、标题${i}\n`).join(""))],
    ["continuation pieces", (n) => parse(LUFENG.slice(0, 3000) + "\n" + "续接的文字，没有句号\n".repeat(n))],
    ["unit tags", (n) => parse("2023年某县政务公开工作要点\n一、标题\n" + "做好公开。（县政府办牵头）".repeat(n))],
    ["numbered tasks", (n) => parse("2023年某县政务公开工作要点\n一、标题\n" + Array.from({ length: n }, (_, i) => `${i + 1}. 做好公开工作。\n`).join(""))],
    ["table rows", (n) => parse("2023年某县政务公开工作要点\n工作任务\t责任单位\n" + "做好公开\t县政府办\n".repeat(n))],
    ["nested web-page elements", (n) => () => extractHtml("<div>".repeat(n) + "一、正文" + "</div>".repeat(n))],
    ["nested web-page tables", (n) => () => extractHtml("<table><tr><td>".repeat(n) + "一、正文")],
  ];
  it.each(shapes)("%s", (_, make) => {
    const one = make(5_000);
    const four = make(20_000);
    one(); // warm up
    const ratio = bestTime(four) / bestTime(one);
    expect(ratio).toBeLessThan(8); // linear is 4; quadratic would be 16
  }, 60_000);
});

describe("a .docx zip bomb", () => {
  it("is one failed file with a message; the plans beside it are parsed", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file("word/document.xml", `<?xml version="1.0"?><w:document xmlns:w="w"><w:body>${"<w:p/>".repeat(9_000_000)}</w:body></w:document>`);
    const bomb = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(400_000); // about 50 MB of XML in a small file
    const dir = mkdtempSync(join(tmpdir(), "zwgk-bomb-"));
    writeFileSync(join(dir, "bomb.docx"), bomb);
    for (const file of ["qingyuan-2022.txt", "lufeng-2024.txt"]) copyFileSync(SEEDS_DIR + file, join(dir, file));
    const docs = await parseFiles(["bomb.docx", "lufeng-2024.txt", "qingyuan-2022.txt"].map((f) => join(dir, f)));
    const bombDoc = docs.find((d) => d.sourceFile.endsWith("bomb.docx"))!;
    expect(bombDoc.failure?.code).toBe("docx-too-large");
    expect(bombDoc.failure?.message).toMatch(/word\/document\.xml inflates to more than 16 MB/);
    expect(docs.filter((d) => d.plan !== null && d.failure === null)).toHaveLength(2);
  }, 60_000);
});
