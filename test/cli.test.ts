// The zwgk command line end to end: ingest into a temporary folder, query it, and the exit codes.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ROOT, SEEDS, SEEDS_DIR } from "./helpers.ts";
import { BIN, zwgk } from "./support/zwgk.ts";

const run = promisify(execFile);

const tmp = mkdtempSync(join(tmpdir(), "zwgk-cli-"));

describe("zwgk ingest + query on the seeds", () => {
  const out = join(tmp, "seeds-out");
  let ingest: Awaited<ReturnType<typeof zwgk>>;
  beforeAll(async () => {
    ingest = await zwgk("ingest", "seeds", "--out", out);
  });

  it("parses every seed, prints a line per document and a summary, exits 0", () => {
    expect(ingest.code).toBe(0);
    const lines = ingest.stdout.trim().split("\n");
    expect(lines).toHaveLength(SEEDS.length + 1);
    for (const { file } of SEEDS) expect(ingest.stdout).toContain(`ok   seeds/${file}`);
    expect(lines[lines.length - 1]).toMatch(/^5 files: 5 parsed, 0 failed; 236 tasks/);
  });

  it("answers SQL as JSON with integers as numbers and dates as YYYY-MM-DD", async () => {
    const r = await zwgk("query", out, "SELECT region, year, issue_date, task_count FROM documents ORDER BY region", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { region: "庆元县", year: 2022, issue_date: "2022-06-13", task_count: 31 },
      { region: "翁源县", year: 2018, issue_date: null, task_count: 57 },
      { region: "英德市", year: 2022, issue_date: null, task_count: 44 },
      { region: "陆丰市", year: 2024, issue_date: "2024-11-04", task_count: 56 },
      { region: "鼎湖区", year: 2021, issue_date: "2021-09-11", task_count: 48 },
    ]);
    const count = await zwgk("query", out, "SELECT count(*) AS n FROM tasks", "--json");
    expect(JSON.parse(count.stdout)).toEqual([{ n: 236 }]);
  });

  it("keeps the contract's tables and columns", async () => {
    const r = await zwgk("query", out, "SELECT table_name, list(column_name ORDER BY ordinal_position) AS cols FROM information_schema.columns GROUP BY 1 ORDER BY 1", "--json");
    const cols = Object.fromEntries((JSON.parse(r.stdout) as { table_name: string; cols: string[] }[]).map((x) => [x.table_name, x.cols]));
    expect(cols.documents.slice(0, 17)).toEqual(["doc_id", "source_file", "sha256", "title", "region", "region_code", "parent_city", "province", "level", "year", "issuer", "doc_number", "issue_date", "status", "layout", "task_count", "char_count"]);
    expect(cols.sections).toEqual(["doc_id", "section_id", "parent_id", "level", "ordinal", "marker", "title", "span_start", "span_end"]);
    expect(cols.tasks.slice(0, 14)).toEqual(["task_id", "doc_id", "seq", "number", "section_id", "section_path", "text", "span_start", "span_end", "category", "categories", "domain", "deadline", "requirement_id"]);
    expect(cols.assignments.slice(0, 7)).toEqual(["task_id", "doc_id", "unit_raw", "unit", "unit_kind", "role", "blanket"]);
    expect(cols.requirements).toEqual(["requirement_id", "label", "task_count", "doc_count", "region_count", "first_year", "last_year", "concept", "wording_doc_count"]);
    expect(cols.tasks).toContain("requirement_link");
    expect(cols.parse_issues.slice(0, 6)).toEqual(["doc_id", "severity", "code", "message", "span_start", "span_end"]);
  });

  it("writes each task's requirement link and each requirement's count of plans in near wording, as the groups say", async () => {
    const q = async (sql: string) => JSON.parse((await zwgk("query", out, sql, "--json")).stdout) as Record<string, unknown>[];
    expect(await q("SELECT requirement_link AS link, count(*) AS n FROM tasks GROUP BY 1 ORDER BY 1")).toEqual([
      { link: "concept", n: 57 },
      { link: "lead", n: 141 },
      { link: "wording", n: 38 },
    ]);
    // one leading wording per group, and wording_doc_count = the plans of its lead and wording tasks
    const wrong = await q(`SELECT r.requirement_id FROM requirements r JOIN tasks t USING (requirement_id) GROUP BY r.requirement_id, r.wording_doc_count
      HAVING count(DISTINCT CASE WHEN t.requirement_link <> 'concept' THEN t.doc_id END) <> r.wording_doc_count
          OR count(*) FILTER (WHERE t.requirement_link = 'lead') = 0`);
    expect(wrong).toEqual([]);
  });

  it("stores spans that show each task in the stored text", async () => {
    const r = await zwgk("query", out, "SELECT t.text, substring(x.text, t.span_start + 1, t.span_end - t.span_start) AS span FROM tasks t JOIN texts x USING (doc_id)", "--json");
    const rows = JSON.parse(r.stdout) as { text: string; span: string }[];
    expect(rows).toHaveLength(236);
    for (const row of rows) expect(row.span.replace(/\s/g, "").startsWith(row.text.replace(/\s/g, "").slice(0, 6))).toBe(true);
  });

  it("answers the researcher's first questions: workload, gaps, categories", async () => {
    const workload = JSON.parse((await zwgk("workload", out, "--region", "翁源县", "--json")).stdout);
    expect(workload.find((r: { unit: string }) => r.unit === "翁源县人民政府办公室")).toMatchObject({ led: 10, unit_kind: "gov-office", blanket: false });
    const kinds = JSON.parse((await zwgk("workload", out, "--region", "翁源县", "--by", "kind", "--json")).stdout);
    expect(kinds[0]).toMatchObject({ unit_kind: "gov-office", blanket: false });
    const gaps = JSON.parse((await zwgk("gaps", out, "--region", "庆元县", "--peer", "all", "--json")).stdout);
    expect(gaps.filter((g: { gap_type: string }) => g.gap_type === "category").map((g: { item: string }) => g.item)).toEqual(["annual-report"]);
    const table = await zwgk("categories", out, "--region", "英德市");
    expect(table.stdout).toMatch(/英德市\s+2022\s+policy-docs\s+政策文件公开/);
    expect((await zwgk("gaps", out, "--peer", "galaxy")).code).toBe(2);
  });

  it("writes byte-identical Parquet when the same corpus is ingested again", async () => {
    const again = join(tmp, "seeds-again");
    await zwgk("ingest", "seeds", "--out", again, "--quiet");
    for (const t of ["documents", "sections", "tasks", "assignments", "requirements", "parse_issues", "texts"]) {
      expect(readFileSync(join(again, `${t}.parquet`)).equals(readFileSync(join(out, `${t}.parquet`)))).toBe(true);
    }
  });
});

describe("bad input among good", () => {
  it("reports each broken file clearly, exits 1, and still writes every good plan", async () => {
    const corpus = join(tmp, "mixed");
    mkdirSync(corpus);
    for (const { file } of SEEDS) copyFileSync(SEEDS_DIR + file, join(corpus, file));
    writeFileSync(join(corpus, "empty.txt"), "");
    writeFileSync(join(corpus, "binary.txt"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)));
    writeFileSync(join(corpus, "recipe.txt"), "红烧肉的做法\n\n1. 五花肉切块。\n2. 冷水下锅焯水。\n");
    const out = join(tmp, "mixed-out");
    const r = await zwgk("ingest", corpus, "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/FAIL .*empty\.txt: empty-file: the file is empty/);
    expect(r.stderr).toMatch(/FAIL .*binary\.txt: binary-file: /);
    expect(r.stderr).toMatch(/FAIL .*recipe\.txt: not-a-plan: /);
    expect(r.stdout).toMatch(/8 files: 5 parsed, 3 failed; 236 tasks/);
    const docs = JSON.parse((await zwgk("query", out, "SELECT source_file, task_count, error_count FROM documents ORDER BY source_file", "--json")).stdout);
    expect(docs.filter((d: { error_count: number }) => d.error_count > 0)).toHaveLength(3);
    expect(docs.reduce((n: number, d: { task_count: number }) => n + d.task_count, 0)).toBe(236);
    const issues = JSON.parse((await zwgk("query", out, "SELECT code FROM parse_issues WHERE severity = 'error' ORDER BY code", "--json")).stdout);
    expect(issues.map((i: { code: string }) => i.code)).toEqual(["binary-file", "empty-file", "not-a-plan"]);
  });

  it("exits 2 on usage errors", async () => {
    expect((await zwgk("ingest", "seeds")).code).toBe(2);
    expect((await zwgk("ingest", "--out", join(tmp, "x"))).code).toBe(2);
    expect((await zwgk("ingest", "no-such-folder", "--out", join(tmp, "x"))).code).toBe(2);
    expect((await zwgk("frobnicate")).code).toBe(2);
    expect((await zwgk("query", join(tmp, "seeds-out"))).code).toBe(2);
  });

  it("runs only queries that read, and reads only the warehouse's own files", async () => {
    const out = join(tmp, "seeds-out");
    const copy = await zwgk("query", out, `COPY (SELECT 1 AS x) TO '${join(out, "tasks.parquet")}' (FORMAT parquet)`);
    expect(copy.code).toBe(1);
    expect(copy.stderr).toMatch(/only queries that read.*COPY.*--unsafe/);
    const attach = await zwgk("query", out, `ATTACH '${join(tmp, "evil.db")}'`);
    expect(attach.code).toBe(1);
    const outside = await zwgk("query", out, "SELECT * FROM read_text('/etc/hostname')");
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/Permission Error/);
    const reset = await zwgk("query", out, "SELECT 1; SET enable_external_access = true");
    expect(reset.code).toBe(1);
    // the warehouse is intact, and describing it is reading
    expect(JSON.parse((await zwgk("query", out, "SELECT count(*) AS n FROM tasks", "--json")).stdout)).toEqual([{ n: 236 }]);
    expect((await zwgk("query", out, "DESCRIBE tasks")).code).toBe(0);
  });

  it("runs any SQL with --unsafe, on purpose", async () => {
    const target = join(tmp, "unsafe.csv");
    expect((await zwgk("query", join(tmp, "seeds-out"), `COPY (SELECT 1 AS x) TO '${target}'`, "--unsafe")).code).toBe(0);
    expect(readFileSync(target, "utf8")).toBe("x\n1\n");
  });

  it("stops quietly when the reader of its output stops (| head)", async () => {
    const { stdout, stderr } = await run("sh", ["-c", `"${process.execPath}" "${BIN}" query "${join(tmp, "seeds-out")}" "SELECT * FROM tasks, range(200)" --csv | head -n 2`], { cwd: ROOT, maxBuffer: 64 << 20 });
    expect(stdout.split("\n")).toHaveLength(3);
    expect(stderr).not.toMatch(/EPIPE|Error/);
  });

  it("says which SQL failed without a stack trace", async () => {
    const r = await zwgk("query", join(tmp, "seeds-out"), "SELECT nope FROM tasks");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/zwgk query: .*nope/);
  });
});
