// The views the dashboard's pages read (loaders/warehouse/sql/): each checked against the tables it is
// computed from, on the seeds plus a derived 2023 Yingde plan (so a region has two years) and, for the
// province-and-year grouping, on a corpus of 66 plans made by copying the seeds into other provinces.
import { beforeAll, describe, expect, it } from "vitest";
import type { DuckDBConnection } from "@duckdb/node-api";
import { parseFile, parseFiles } from "../loaders/corpus.ts";
import { buildTables } from "../loaders/tables/build.ts";
import { runQuery, warehouseFromTables } from "../loaders/warehouse/index.ts";
import { readFileSync } from "node:fs";
import { SEEDS, SEEDS_DIR } from "./helpers.ts";

type Row = Record<string, any>;
/** The tables as plain rows (the tests read their columns freely). */
type Tables = Record<"documents" | "sections" | "tasks" | "assignments" | "requirements" | "parse_issues" | "texts", Row[]>;
const q = async (conn: DuckDBConnection, sql: string) => (await runQuery(conn, sql)).rows as Row[];
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The tables with every plan copied `times` times into made-up provinces (doc ids and task ids renamed). */
function copies(tables: Tables, times: number): Tables {
  const out = structuredClone(tables);
  for (let k = 1; k <= times; k++) {
    const id = (s: string) => s.replace(/^([0-9a-f]+)/, `$1c${k}`);
    for (const d of tables.documents) out.documents.push({ ...d, doc_id: id(d.doc_id), province: `测试省${k % 4}`, source_file: `copy-${k}/${d.source_file}` });
    for (const t of tables.tasks) out.tasks.push({ ...t, doc_id: id(t.doc_id), task_id: id(t.task_id), section_id: t.section_id && id(t.section_id) });
    for (const a of tables.assignments) out.assignments.push({ ...a, doc_id: id(a.doc_id), task_id: id(a.task_id) });
    for (const s of tables.sections) out.sections.push({ ...s, doc_id: id(s.doc_id), section_id: id(s.section_id), parent_id: s.parent_id && id(s.parent_id) });
  }
  return out;
}

let tables: Tables;
let conn: DuckDBConnection;
let big: DuckDBConnection;
let bigTables: Tables;

beforeAll(async () => {
  const docs = await parseFiles(SEEDS.map((s) => SEEDS_DIR + s.file));
  const yingde = readFileSync(SEEDS_DIR + "yingde-2022.txt", "utf8")
    .replace("英德市2022年政务公开工作要点分工方案", "英德市2023年政务公开工作要点分工方案")
    .replace(/38\.增强政治意识[^\n]*\n/, "38.全面梳理本地区涉企收费目录清单，按季度更新并在政府网站集中公开，接受企业监督。\n");
  docs.push(await parseFile("derived/yingde-2023.txt", new TextEncoder().encode(yingde)));
  docs.push(await parseFile("derived/not-a-plan.txt", new TextEncoder().encode("关于召开会议的通知\n请各单位准时参加。\n")));
  const built = buildTables(docs);
  tables = built as unknown as Tables;
  conn = await warehouseFromTables(built);
  bigTables = copies(tables, 10); // 6 parsed plans × 11 = 66 > 60
  big = await warehouseFromTables(bigTables as unknown as Parameters<typeof warehouseFromTables>[0]);
}, 120_000);

const parsed = () => tables.documents.filter((d) => d.task_count > 0);

describe("plan_groups and display_groups: what the corpus-wide pages compare", () => {
  it("compares plans one by one up to 60 plans", async () => {
    const groups = await q(conn, "SELECT * FROM display_groups ORDER BY group_id");
    expect(groups.map((g) => g.group_id)).toEqual(parsed().map((d) => d.doc_id).sort());
    for (const g of groups) {
      const d = parsed().find((x) => x.doc_id === g.group_id)!;
      expect(g).toMatchObject({ grouped: false, doc_id: d.doc_id, region: d.region, year: d.year, plans: 1 });
    }
  });

  it("compares provinces by year beyond 60 plans, each plan in exactly one group", async () => {
    const plans = bigTables.documents.filter((d) => d.task_count > 0);
    expect(plans.length).toBe(66);
    const groups = await q(big, "SELECT * FROM display_groups ORDER BY group_id");
    const expected = new Set(plans.map((d) => `${d.province ?? "未识别省份"} ${d.year ?? "年份不详"}`));
    expect(new Set(groups.map((g) => g.group_id))).toEqual(expected);
    expect(groups.every((g) => g.grouped && g.doc_id === null && g.region === g.province)).toBe(true);
    expect(groups.reduce((s, g) => s + g.plans, 0)).toBe(66);
  });
});

describe("category_by_group", () => {
  it("is category_matrix for one-plan groups, with the plans that cover no task of the category", async () => {
    const rows = await q(conn, "SELECT * FROM category_by_group");
    const matrix = await q(conn, "SELECT * FROM category_matrix");
    expect(rows.length).toBe(matrix.length);
    for (const r of rows) {
      const m = matrix.find((x) => x.doc_id === r.doc_id && x.category === r.category)!;
      expect([r.task_count, round(r.share)]).toEqual([m.task_count, round(m.share)]);
      const covered = tables.tasks.some((t) => t.doc_id === r.doc_id && t.categories.includes(r.category));
      expect(r.plans_lacking, `${r.region} ${r.category}`).toBe(covered ? 0 : 1);
    }
  });

  it("sums a group's plans: counts add up to their tasks, shares to 1", async () => {
    const sums = await q(big, "SELECT group_id, sum(task_count) AS tasks, round(sum(share), 6) AS share, max(plans) AS plans FROM category_by_group GROUP BY group_id");
    const groups = await q(big, "SELECT group_id, plans FROM display_groups");
    expect(sums.length).toBe(groups.length);
    for (const s of sums) {
      const members = await q(big, `SELECT sum(d.task_count) AS tasks FROM plan_groups g JOIN documents d USING (doc_id) WHERE g.group_id = '${s.group_id}'`);
      expect(s.tasks).toBe(members[0].tasks);
      expect(s.share).toBe(1);
      expect(s.plans).toBe(groups.find((g) => g.group_id === s.group_id)!.plans);
    }
  });
});

describe("gap views", () => {
  it("plan_gaps: coverage_gaps for each peer group, at the default share", async () => {
    for (const peer of ["year", "province", "all"]) {
      const [a] = await q(conn, `SELECT count(*) AS n FROM plan_gaps WHERE peer = '${peer}'`);
      const [b] = await q(conn, `SELECT count(*) AS n FROM coverage_gaps(peer := '${peer}', min_share := 0.5)`);
      expect(a.n, peer).toBe(b.n);
    }
    expect((await q(conn, "SELECT count(*) AS n FROM plan_gaps"))[0].n).toBeGreaterThan(0);
  });

  it("requirement_share_by_group: 1 or 0 for one plan, the carrying share of a province's plans", async () => {
    const small = await q(conn, "SELECT s.present_share, p.present FROM requirement_share_by_group s JOIN requirement_presence p ON p.requirement_id = s.requirement_id AND p.doc_id = s.group_id");
    expect(small.length).toBeGreaterThan(0);
    for (const r of small) expect(r.present_share).toBe(r.present ? 1 : 0);
    const shares = await q(big, "SELECT requirement_id, group_id, present_share, plans FROM requirement_share_by_group WHERE rank <= 5");
    for (const s of shares) {
      const [c] = await q(big, `SELECT count(DISTINCT t.doc_id) AS n FROM tasks t JOIN plan_groups g USING (doc_id) WHERE g.group_id = '${s.group_id}' AND t.requirement_id = '${s.requirement_id}'`);
      expect(round(s.present_share)).toBe(round(c.n / s.plans));
    }
  });
});

describe("requirement views", () => {
  it("requirement_totals: recurring and local requirements add up", async () => {
    const [t] = await q(conn, "SELECT * FROM requirement_totals");
    const reqs = tables.requirements;
    expect(t).toEqual({
      requirements: reqs.length,
      recurring: reqs.filter((r) => r.doc_count >= 2).length,
      local: reqs.filter((r) => r.doc_count === 1).length,
      recurring_tasks: reqs.filter((r) => r.doc_count >= 2).reduce((s, r) => s + r.task_count, 0),
    });
  });

  it("requirement_carriers: each recurring requirement's carrying plans, adding up to its doc_count", async () => {
    const rows = await q(conn, "SELECT requirement_id, sum(plans) AS plans FROM requirement_carriers GROUP BY requirement_id");
    const recurring = tables.requirements.filter((r) => r.doc_count >= 2);
    expect(rows.length).toBe(recurring.length);
    for (const r of rows) expect(r.plans).toBe(recurring.find((x) => x.requirement_id === r.requirement_id)!.doc_count);
  });

  it("requirement_wordings: every task stating a requirement, numbered 1… per requirement", async () => {
    const rows = await q(conn, "SELECT requirement_id, count(*) AS n, max(n) AS last, min(n) AS first FROM requirement_wordings GROUP BY requirement_id");
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(tables.tasks.filter((t) => t.requirement_id).length);
    for (const r of rows) expect([r.first, r.last]).toEqual([1, r.n]);
  });
});

describe("workload totals", () => {
  it("unit_kind_totals and unit_totals: the corpus's load, the same total as unit_workload", async () => {
    const [w] = await q(conn, "SELECT round(sum(weighted_load), 6) AS load, sum(led) AS led FROM unit_workload");
    const [k] = await q(conn, "SELECT round(sum(weighted_load), 6) AS load, sum(led) AS led FROM unit_kind_totals");
    const [u] = await q(conn, "SELECT round(sum(weighted_load), 6) AS load, sum(led) AS led FROM unit_totals");
    expect(k).toEqual(w);
    expect(u).toEqual(w);
    const [top] = await q(conn, "SELECT * FROM unit_totals WHERE unit = '翁源县人民政府办公室'");
    expect(top).toMatchObject({ plans: 1, led: 10 });
  });
});

describe("corpus views", () => {
  it("corpus_summary: plans, failed files, tasks, regions, years and units as the tables hold them", async () => {
    const [c] = await q(conn, "SELECT * FROM corpus_summary");
    const ok = parsed();
    expect(c).toMatchObject({
      plans: ok.length,
      failed: tables.documents.length - ok.length,
      tasks: tables.tasks.length,
      regions: new Set(ok.map((d) => d.region)).size,
      first_year: Math.min(...ok.map((d) => d.year!)),
      last_year: Math.max(...ok.map((d) => d.year!)),
      units: new Set(tables.assignments.map((a) => a.unit)).size,
    });
    expect(c.failed).toBe(1);
  });

  it("plan_list: every parsed plan with its layout (the 版式 column)", async () => {
    const rows = await q(conn, "SELECT * FROM plan_list");
    expect(rows.length).toBe(parsed().length);
    for (const r of rows) expect(r.layout, r.source_file).toBe(tables.documents.find((d) => d.doc_id === r.doc_id)!.layout);
    expect(new Set(rows.map((r) => r.layout))).toEqual(new Set(["cell-lines", "table-rows", "prose-tags"]));
  });

  it("province_year_summary, parse_issue_summary, failed_files: counts that add up", async () => {
    const [p] = await q(conn, "SELECT sum(plans) AS plans, sum(tasks) AS tasks FROM province_year_summary");
    expect(p).toEqual({ plans: parsed().length, tasks: tables.tasks.length });
    const [i] = await q(conn, "SELECT sum(n) AS n FROM parse_issue_summary");
    expect(i.n).toBe(tables.parse_issues.length);
    const failed = await q(conn, "SELECT * FROM failed_files");
    expect(failed.map((f) => f.source_file)).toEqual(["derived/not-a-plan.txt"]);
  });
});

describe("yearly report views", () => {
  it("year_totals and year_categories: each year's plans and tasks; category shares summing to 1", async () => {
    const totals = await q(conn, "SELECT * FROM year_totals ORDER BY year");
    expect(totals.reduce((s, t) => s + t.plans, 0)).toBe(parsed().length);
    expect(totals.map((t) => t.year)).toEqual([2018, 2021, 2022, 2023, 2024]);
    const cats = await q(conn, "SELECT year, sum(tasks) AS tasks, round(sum(share), 6) AS share FROM year_categories GROUP BY year ORDER BY year");
    expect(cats.map((c) => [c.year, c.tasks, c.share])).toEqual(totals.map((t) => [t.year, t.tasks, 1]));
  });

  it("year_requirements and year_new_requirements: ranked within each year", async () => {
    const reqs = await q(conn, "SELECT year, count(*) AS n, max(rank) AS last, max(plans) AS most FROM year_requirements GROUP BY year");
    for (const r of reqs) expect(r.last).toBe(r.n);
    const [y2022] = await q(conn, "SELECT plans FROM year_requirements WHERE year = 2022 AND rank = 1");
    expect(y2022.plans).toBe(2); // the two 2022 plans (陆丰, 英德) share requirements
    const fresh = await q(conn, "SELECT * FROM year_new_requirements");
    expect(fresh.length).toBe(tables.requirements.filter((r) => r.doc_count >= 2).length);
    for (const f of fresh) expect(f.year).toBe(tables.requirements.find((r) => r.requirement_id === f.requirement_id)!.first_year);
  });

  it("year_unit_kinds and year_changes: the workload and the plan-to-plan changes of each year", async () => {
    const [a] = await q(conn, "SELECT round(sum(weighted_load), 6) AS load FROM year_unit_kinds");
    const [b] = await q(conn, "SELECT round(sum(weighted_load), 6) AS load FROM unit_workload");
    expect(a.load).toBe(b.load);
    const changes = await q(conn, "SELECT status, n FROM year_changes WHERE year = 2023 AND region = '英德市' ORDER BY status");
    expect(changes.find((c) => c.status === "added")?.n).toBe(1);
    expect(changes.find((c) => c.status === "dropped")?.n).toBe(1);
    const [sum] = await q(conn, "SELECT sum(n) AS n FROM year_changes");
    expect(sum.n).toBe((await q(conn, "SELECT count(*) AS n FROM plan_diff"))[0].n);
  });
});

describe("plan page views", () => {
  it("plan_tasks: every task with its category's label and how many plans state its requirement", async () => {
    const rows = await q(conn, "SELECT task_id, category_label, requirement_id, requirement_plans FROM plan_tasks");
    expect(rows.length).toBe(tables.tasks.length);
    for (const r of rows) {
      expect(r.category_label).toMatch(/\p{Script=Han}/u);
      if (r.requirement_id) expect(r.requirement_plans).toBe(tables.requirements.find((x) => x.requirement_id === r.requirement_id)!.doc_count);
    }
  });

  it("search_entries: one per parsed plan, naming its region, year and headings", async () => {
    const rows = await q(conn, "SELECT * FROM search_entries");
    expect(rows.length).toBe(parsed().length);
    for (const r of rows) {
      const d = parsed().find((x) => x.doc_id === r.doc_id)!;
      expect(r.title).toContain(d.region!);
      expect(r.title).toContain(`${d.year}年`);
      const heading = tables.sections.find((s) => s.doc_id === d.doc_id && s.title)?.title;
      if (heading) expect(r.text).toContain(heading);
    }
  });
});
