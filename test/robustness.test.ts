// Hostile and broken input: each gets a clear message, the other documents are kept, nothing crashes
// or hangs; parsing time grows linearly; mutations of the seeds never break the parser's guarantees;
// the same corpus in any file order gives byte-identical Parquet; partitioned output reads back the same.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { parseFile, parseFiles } from "../loaders/corpus.ts";
import { parsePlan, sectionsOf, tasksOf } from "../loaders/parse/index.ts";
import { normalize } from "../loaders/read/normalize.ts";
import { buildTables } from "../loaders/tables/build.ts";
import { publishTables } from "../loaders/warehouse/publish.ts";
import { openWarehouse, runQuery } from "../loaders/warehouse/index.ts";
import { render, specOf } from "./support/render.ts";
import { bestTime, seed, SEEDS, SEEDS_DIR } from "./helpers.ts";

const encode = (s: string) => new TextEncoder().encode(s);

describe("hostile and broken files", () => {
  it("refuses a 50 MB file at once with a clear message", async () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    const t0 = performance.now();
    const doc = await parseFile("huge.txt", big);
    expect(doc.failure).toMatchObject({ code: "file-too-large" });
    expect(doc.failure!.message).toMatch(/50\.0 MB/);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it("parses a plan that is one 5 MB line without hanging", async () => {
    const line = "2023年某县政务公开工作要点 " + "加强政务公开工作，做好政策解读，".repeat(330_000);
    expect(line.length).toBeGreaterThan(5_000_000);
    const doc = await parseFile("one-line.txt", encode(line));
    expect(doc.plan).not.toBeNull();
  });

  it("survives a million repeated markers", async () => {
    const text = "政务公开工作要点\n" + "（一）".repeat(1_000_000) + "\n" + "1.".repeat(300_000) + "（县府办牵头负责）".repeat(50_000);
    const doc = await parseFile("markers.txt", encode(text));
    expect(doc.plan).not.toBeNull();
  });

  it("reads a file pasted together from UTF-8 and GB18030 line by line, and says so", async () => {
    const text = readFileSync(SEEDS_DIR + "wengyuan-2018.txt", "utf8");
    const lines = text.split("\n");
    const bytes = Buffer.concat(lines.map((l, i) => (i % 2 ? iconv.encode(l + "\n", "gb18030") : Buffer.from(l + "\n", "utf8"))));
    const doc = await parseFile("mixed.txt", bytes);
    expect(doc.source?.encoding).toBe("mixed");
    expect(doc.plan!.issues.map((i) => i.code)).toContain("encoding");
    expect(tasksOf(doc.plan!)).toHaveLength(57);
  });

  it("reads a GB18030 line whose bytes are also valid UTF-8 (「知」 = D6 AA, U+05AA in UTF-8) as GB18030 (徐汇区 2020 as a GBK page)", async () => {
    const text = readFileSync(SEEDS_DIR + "wengyuan-2018.txt", "utf8");
    // one UTF-8 line makes the file mixed; a GBK line holding one Chinese character then ASCII is valid UTF-8 too
    const bytes = Buffer.concat([Buffer.from("注：本文件由网站转载\n", "utf8"), iconv.encode("知</font>\n" + text, "gb18030")]);
    const doc = await parseFile("mixed-gbk.txt", bytes);
    expect(doc.source!.text.split("\n")[1]).toBe("知"); // (the tag is markup debris the reader removes)
    expect(doc.source!.text).not.toMatch(/[\u0100-\u07ff]/);
  });

  it("parses what a truncated download holds and says it is truncated", async () => {
    const text = readFileSync(SEEDS_DIR + "lufeng-2024.txt", "utf8");
    const cut = text.slice(0, text.indexOf("38. 落实《广东省政府系统政策解读工作细则") + 60);
    const plan = parsePlan(normalize(cut).text);
    const truncated = plan.issues.filter((i) => i.code === "truncated");
    expect(truncated).toHaveLength(1);
    expect(truncated[0].message).toContain("第 38 项任务");
    expect(tasksOf(plan).map((t) => t.task.number).slice(-2)).toEqual([37, 38]);
    for (const { file } of SEEDS) expect((await seed(file)).plan.issues.map((i) => i.code)).not.toContain("truncated");
  });

  it("keeps a plan saved twice under two names once, and reports the copy", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zwgk-dup-"));
    copyFileSync(SEEDS_DIR + "yingde-2022.txt", join(dir, "b-yingde.txt"));
    copyFileSync(SEEDS_DIR + "yingde-2022.txt", join(dir, "a-copy.txt"));
    const docs = await parseFiles([join(dir, "b-yingde.txt"), join(dir, "a-copy.txt")]);
    expect(docs).toHaveLength(1);
    expect(docs[0].sourceFile).toMatch(/a-copy\.txt$/);
    expect(docs[0].duplicates[0]).toMatch(/b-yingde\.txt$/);
    const tables = buildTables(docs);
    expect(tables.parse_issues.filter((i) => i.code === "duplicate-document")).toHaveLength(1);
  });
});

describe("parsing time grows linearly with input", () => {
  const time = bestTime;

  it.each(["table-tabs", "cell-lines", "prose-tags"] as const)("a %s plan ten times as long takes under twenty times as long", async (layout) => {
    const { plan } = await seed("lufeng-2024.txt");
    const one = render(specOf(plan), layout);
    const body = one.slice(one.indexOf("\n") + 1);
    const ten = one + body.repeat(9);
    parsePlan(one); // warm up
    const t1 = time(() => parsePlan(normalize(one).text));
    const t10 = time(() => parsePlan(normalize(ten).text));
    expect(tasksOf(parsePlan(normalize(ten).text)).length).toBeGreaterThanOrEqual(10 * tasksOf(parsePlan(normalize(one).text)).length - 10);
    expect(t10 / t1).toBeLessThan(20);
  });

  it.each([
    ["repeated headings", (n: number) => "政务公开工作要点\n" + "（一）加强公开\n".repeat(n)],
    ["nested parentheses", (n: number) => "政务公开工作要点\n一、总体\n" + "（".repeat(n) + "县府办牵头负责" + "）".repeat(n)],
    ["one long cell", (n: number) => "政务公开工作要点\n工作任务\t具体要求\t责任单位\n一、公开\t1. " + "加强信息公开、".repeat(n) + "\t县府办"],
  ] as const)("%s: ten times the input takes under twenty times as long", (_name, make) => {
    const small = make(20_000);
    const large = make(200_000);
    parsePlan(small);
    const t1 = time(() => parsePlan(small));
    const t10 = time(() => parsePlan(large));
    expect(t10 / Math.max(t1, 1)).toBeLessThan(20);
  });
});

describe("mutated seeds (property)", () => {
  const seedTexts = SEEDS.map(({ file }) => readFileSync(SEEDS_DIR + file, "utf8"));
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant("cut" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant("splice" as const), from: fc.nat(4), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(3000) }),
    fc.record({ kind: fc.constant("duplicate-lines" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), count: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant("widths" as const), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant("markup" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), tag: fc.constantFrom("<p>", "</p> <p>", "**", "</td><td>", "<br/>", "&nbsp;", "\t", "\n\n", "（", "）", "牵头负责）", "一、", "（二）", "12.") }),
  );
  type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;
  const apply = (text: string, m: Mutation): string => {
    const at = (x: number) => Math.floor(x * text.length);
    switch (m.kind) {
      case "cut":
        return text.slice(0, at(m.at));
      case "splice": {
        const other = seedTexts[m.from];
        const start = Math.floor(other.length * 0.3);
        return text.slice(0, at(m.at)) + other.slice(start, start + m.length) + text.slice(at(m.at));
      }
      case "duplicate-lines": {
        const lines = text.split("\n");
        const i = Math.floor(m.at * lines.length);
        return [...lines.slice(0, i + m.count), ...lines.slice(i, i + m.count), ...lines.slice(i + m.count)].join("\n");
      }
      case "widths":
        return text.replace(/[0-9.()]/g, (c, i: number) => ((i * 7919) % 100 < m.share * 100 ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c));
      case "markup":
        return text.slice(0, at(m.at)) + m.tag + text.slice(at(m.at));
      default:
        return text;
    }
  };

  it("never throws, keeps every span inside the text, and keeps ids unique", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(4), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (which, mutations) => {
        const text = mutations.reduce(apply, seedTexts[which]);
        const doc = await parseFile(`mutant-${which}.txt`, encode(text || " "));
        if (!doc.plan || !doc.source) {
          expect(doc.failure?.code).toMatch(/^[a-z-]+$/);
          expect(doc.failure?.code).not.toBe("internal-error");
          return;
        }
        const n = doc.source.text.length;
        for (const { task } of tasksOf(doc.plan)) {
          expect(task.position.start).toBeGreaterThanOrEqual(0);
          expect(task.position.end).toBeLessThanOrEqual(n);
          expect(task.position.start).toBeLessThanOrEqual(task.position.end);
        }
        for (const { section } of sectionsOf(doc.plan)) expect(section.position.end).toBeLessThanOrEqual(n);
        for (const issue of doc.plan.issues) if (issue.position) expect(issue.position.end).toBeLessThanOrEqual(n);
        const tables = buildTables([doc]);
        expect(new Set(tables.tasks.map((t) => t.task_id)).size).toBe(tables.tasks.length);
        expect(new Set(tables.sections.map((s) => s.section_id)).size).toBe(tables.sections.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe("deterministic output", () => {
  it("writes byte-identical Parquet for the same corpus in any file order", async () => {
    const files = SEEDS.map((s) => SEEDS_DIR + s.file);
    const tmp = mkdtempSync(join(tmpdir(), "zwgk-order-"));
    await publishTables(join(tmp, "a"), buildTables(await parseFiles(files)));
    await publishTables(join(tmp, "b"), buildTables(await parseFiles([...files].reverse())));
    await publishTables(join(tmp, "c"), buildTables(await parseFiles([files[2], files[0], files[4], files[1], files[3]])));
    for (const t of ["documents", "sections", "tasks", "assignments", "requirements", "parse_issues", "texts"]) {
      const a = readFileSync(join(tmp, "a", `${t}.parquet`));
      expect(readFileSync(join(tmp, "b", `${t}.parquet`)).equals(a)).toBe(true);
      expect(readFileSync(join(tmp, "c", `${t}.parquet`)).equals(a)).toBe(true);
    }
  });

  it("writes Hive-partitioned Parquet that DuckDB reads back to the same rows", async () => {
    const tables = buildTables(await parseFiles(SEEDS.map((s) => SEEDS_DIR + s.file)));
    const tmp = mkdtempSync(join(tmpdir(), "zwgk-part-"));
    mkdirSync(join(tmp, "flat"));
    await publishTables(join(tmp, "flat"), tables);
    await publishTables(join(tmp, "part"), tables, "partitioned");
    expect(readFileSync(join(tmp, "part", "tasks", `province=${encodeURIComponent("浙江省")}`, "year=2022", "data_0.parquet")).length).toBeGreaterThan(0);
    const flat = await openWarehouse(join(tmp, "flat"));
    const part = await openWarehouse(join(tmp, "part"));
    for (const [table, key] of [["tasks", "task_id"], ["assignments", "task_id, unit"], ["sections", "section_id"], ["documents", "doc_id"], ["parse_issues", "doc_id, code, span_start"], ["requirements", "requirement_id"]]) {
      const cols = (await runQuery(flat, `SELECT * FROM "${table}" LIMIT 0`)).columns.map((c) => `"${c}"`).join(", ");
      const a = await runQuery(flat, `SELECT ${cols} FROM "${table}" ORDER BY ${key}`);
      const b = await runQuery(part, `SELECT ${cols} FROM "${table}" ORDER BY ${key}`);
      expect(b.rows).toEqual(a.rows);
    }
    const byProvince = await runQuery(part, "SELECT province, count(*) AS n FROM tasks GROUP BY province ORDER BY province");
    expect(byProvince.rows).toEqual([{ province: "广东省", n: 205 }, { province: "浙江省", n: 31 }]);
  });
});
