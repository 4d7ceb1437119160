// The read stage: encodings detected from bytes, formats sniffed, debris normalised with an offset map.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import iconv from "iconv-lite";
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { decode, ReadError } from "../loaders/read/decode.ts";
import { htmlToText } from "../loaders/read/html.ts";
import { normalize, PARAGRAPH, readSource } from "../loaders/read/index.ts";
import { parsePlan, sectionsOf, tasksOf } from "../loaders/parse/index.ts";
import { SEEDS, SEEDS_DIR, seed } from "./helpers.ts";

const utf8Seed = readFileSync(SEEDS_DIR + "wengyuan-2018.txt");
const seedText = utf8Seed.toString("utf8");

describe("decode", () => {
  it.each([
    ["utf-8", utf8Seed],
    ["utf-8-bom", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8Seed])],
    ["utf-16le", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seedText, "utf-16le")])],
    ["utf-16be", Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(seedText, "utf-16be")])],
    ["utf-16le", iconv.encode(seedText, "utf-16le")], // no BOM: told by its zero bytes
    ["gb18030", iconv.encode(seedText, "gb18030")],
    ["gb18030", iconv.encode(seedText, "gbk")],
  ] as const)("detects %s from the bytes and decodes the seed exactly", (encoding, bytes) => {
    const d = decode(new Uint8Array(bytes));
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(seedText);
    expect(d.replaced).toBe(0);
  });

  it("refuses empty and binary files with a clear reason", () => {
    expect(() => decode(new Uint8Array())).toThrow(/empty/);
    const binary = new Uint8Array(2048).map((_, i) => (i * 7919) % 256);
    try {
      decode(binary);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ReadError);
      expect((e as ReadError).code).toBe("binary-file");
    }
  });

  it("never throws on arbitrary bytes except with a ReadError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          const d = decode(bytes);
          expect(typeof d.text).toBe("string");
        } catch (e) {
          expect(e).toBeInstanceOf(ReadError);
        }
      }),
    );
  });
});

describe("normalize", () => {
  it("removes markup debris and folds widths, keeping an offset map to the source", () => {
    const src = "<p>１２．**加强**政务公开</p> <p>１３．做好&nbsp;解读</p>\r\n（三）";
    const n = normalize(src);
    expect(n.text).toBe(`12.加强政务公开${PARAGRAPH}13.做好 解读\n（三）`);
    expect(src[n.toSource[n.text.indexOf("加")]]).toBe("加");
    expect(src[n.toSource[n.text.indexOf("（")]]).toBe("（");
    expect(n.toSource[n.text.length]).toBe(src.length);
  });

  const piece = fc.oneof(
    fc.constantFrom("政务公开", "县财政局牵头", "（一）", "1.", "、", "，", "。", "\n", "\t", " "),
    fc.constantFrom("<p>", "</p>", "</p> <p>", "**", "<br/>", "<span class=\"x\">", "&nbsp;", "&lt;", "&#12288;", "\r\n", "\u3000", "１", "Ａ", "．"),
    fc.string({ maxLength: 6 }),
  );

  it("maps every normalised character to a source position, in order (property)", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const src = parts.join("");
        const n = normalize(src);
        expect(n.toSource.length).toBe(n.text.length + 1);
        for (let i = 0; i < n.text.length; i++) {
          expect(n.toSource[i]).toBeGreaterThanOrEqual(0);
          expect(n.toSource[i]).toBeLessThan(src.length);
          if (i > 0) expect(n.toSource[i]).toBeGreaterThanOrEqual(n.toSource[i - 1]);
          // an unchanged character maps onto itself
          if (/[\u4e00-\u9fff]/.test(n.text[i]) && !n.simplified) expect(src[n.toSource[i]]).toBe(n.text[i]);
        }
        expect(n.text).not.toMatch(/<\/?p>|\*\*/);
      }),
    );
  });

  it("reads a traditional-script copy of a seed to the same plan", async () => {
    const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
    for (const { file } of SEEDS) {
      const { plan } = await seed(file);
      const traditional = toTraditional(readFileSync(SEEDS_DIR + file, "utf8"));
      const source = await readSource(file, new TextEncoder().encode(traditional));
      expect(source.simplified).toBe(true);
      const copy = parsePlan(source.text);
      expect(tasksOf(copy).map((t) => t.task.number)).toEqual(tasksOf(plan).map((t) => t.task.number));
      expect(sectionsOf(copy).length).toBe(sectionsOf(plan).length);
      expect(copy.meta.region).toBe(plan.meta.region);
    }
  });
});

describe("formats", () => {
  it("turns HTML tables into tab-separated rows and drops page chrome", () => {
    const html = `<html><head><title>x</title><script>alert(1)</script></head><body><nav>首页 &gt; 政务公开</nav>
      <h1>某县2023年政务公开工作要点分工方案</h1>
      <table><tr><th>工作任务</th><th>具体要求</th><th>责任单位</th></tr>
      <tr><td>做好财政信息公开</td><td><p>1. 公开预决算。</p><p>2. 公开债务信息。</p></td><td>县财政局牵头</td></tr></table>
      <footer>版权所有</footer></body></html>`;
    const text = htmlToText(html);
    expect(text).toContain("工作任务\t具体要求\t责任单位");
    expect(text).toContain(`做好财政信息公开\t1. 公开预决算。${PARAGRAPH}2. 公开债务信息。\t县财政局牵头`);
    expect(text).not.toMatch(/alert|首页|版权所有/);
  });

  it("decodes a web page's entities once: &amp;lt; is the text &lt;, while a text copy's entity debris is repaired", async () => {
    const page = `<html><body><p>1.公开 &amp;lt;b&amp;gt; 与 a&amp;amp;b&nbsp;c。</p></body></html>`;
    expect((await readSource("a.html", new TextEncoder().encode(page))).text).toContain("公开 &lt;b&gt; 与 a&amp;b c。");
    expect((await readSource("a.txt", new TextEncoder().encode("1.公开 a&amp;b&nbsp;c。"))).text).toContain("公开 a&b c。");
  });

  // PDF and .doc are read now (test/formats.test.ts); one that cannot be opened is explained, not guessed
  it("explains a PDF and an old .doc that cannot be opened instead of guessing", async () => {
    await expect(readSource("a.pdf", new TextEncoder().encode("%PDF-1.7\n..."))).rejects.toThrow(/PDF could not be opened/);
    await expect(readSource("a.doc", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).rejects.toThrow(/save it as \.docx/);
  });
});
