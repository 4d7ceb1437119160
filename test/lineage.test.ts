// Requirements followed down the levels (enrich/wording.ts, enrich/lineage.ts) on the seeds and the
// real-plan corpus, where provincial, prefecture and county plans copy the national plan and each other.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { mkdtempSync, copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { parseFiles, type ParsedDoc } from "../loaders/corpus.ts";
import { lineageRows, plansAbove, type PlanFacts } from "../loaders/enrich/lineage.ts";
import { comparable, prepareCorpus, type GroupInput } from "../loaders/enrich/requirements.ts";
import { addresseeOf, clauses, requirementClauses } from "../loaders/enrich/wording.ts";
import { buildTables } from "../loaders/tables/build.ts";
import type { Row, Tables } from "../loaders/tables/schema.ts";
import { fold, ROOT, SEEDS, SEEDS_DIR, tsv } from "./helpers.ts";
import { zwgk } from "./support/zwgk.ts";
import { runQuery, warehouseFromTables } from "../loaders/warehouse/index.ts";

const REAL = ROOT + "test/fixtures/real/";
const FILES = [...readdirSync(REAL).filter((f) => f.endsWith(".txt")).map((f) => REAL + f), ...SEEDS.map((s) => SEEDS_DIR + s.file)];

let docs: ParsedDoc[];
let tables: Tables;
const docOf = (file: string) => tables.documents.find((d) => (d.source_file as string).endsWith("/" + file))!;
const taskOf = (file: string, n: number) => tables.tasks.find((t) => t.doc_id === docOf(file).doc_id && t.number === n)!;
const lineageOf = (task: Row) => tables.lineage.find((l) => l.task_id === task.task_id);

beforeAll(async () => {
  docs = await parseFiles(FILES);
  tables = buildTables(docs);
}, 60_000);

describe("the requirement apart from its addressee and boilerplate", () => {
  it("sets aside the addressee list Yingde's tasks open with, and keeps a subject whose duty is the requirement", () => {
    const yingde3 = taskOf("yingde-2022.txt", 3).text as string; // 各镇人民政府、英城街道办事处，市直相关部门、清远市生态环境局英德分局要继续落实…
    expect(addresseeOf(yingde3)).toBe("各镇人民政府、英城街道办事处，市直相关部门、清远市生态环境局英德分局要");
    expect(requirementClauses(yingde3)[0].startsWith("落实基层政务公开标准化规范化要求")).toBe(true); // 继续: boilerplate
    expect(addresseeOf("各地各部门对照法律法规规章，全面梳理本机关依法行使的行政权力。")).toBe("各地各部门");
    expect(addresseeOf("区财政局要有效推动有关业务主管部门，落实补贴信息公开向村和社区延伸。")).toBe("区财政局要");
    // a comma may close the list before its modal word (陆丰 2: 「…星都管理办公室，市府直各单位，要结合权责清单…」)
    const lufeng2 = taskOf("lufeng-2024.txt", 2).text as string;
    expect(addresseeOf(lufeng2)).toBe("各镇（街、场）人民政府（办事处），星都管理办公室，市府直各单位，要");
    expect(addresseeOf("区财政局，要加强补贴信息公开。")).toBe("区财政局，要");
    expect(addresseeOf("发布信息后，，要及时回应。")).toBe("");
    // 主要负责同志每年至少听取…: the person's duty is the requirement
    expect(addresseeOf("各级、各部门主要负责同志每年至少听取1次政务公开工作汇报。")).toBe("");
    expect(addresseeOf("及时回应社会关切。")).toBe("");
  });

  it("keeps Yingde 2 (主动公开目录) and Yingde 3 (基层标准化) apart, though both open with the same 35-character addressee list", () => {
    expect(taskOf("yingde-2022.txt", 2).requirement_id).not.toBe(taskOf("yingde-2022.txt", 3).requirement_id);
    expect(comparable(taskOf("yingde-2022.txt", 2).text as string)).not.toContain("英城街道");
  });

  it("cuts a task into clauses that add up to its text, and never throws (property)", () => {
    for (const t of tables.tasks) expect(clauses(t.text as string).join("")).toBe(t.text);
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.array(fc.constantFrom("。", "；", "要", "各部门", "区财政局", "，", "进一步", " ", "\n"), { maxLength: 12 }), (s, bits) => {
        const text = s + bits.join("") + s;
        expect(clauses(text).join("")).toBe(text);
        expect(() => comparable(text)).not.toThrow();
      }),
    );
  });
});

describe("lineage", () => {
  it("links the Shanghai district's copies of the Shanghai plan: verbatim ones as copied", () => {
    for (const [child, parent] of [[3, 3], [4, 5]]) {
      const row = lineageOf(taskOf("a-20.txt", child)); // 奉贤区 2025 ← 上海市 2025
      expect(row).toMatchObject({ source_task_id: taskOf("a-19.txt", parent).task_id, relation: "copied", similarity: 1 });
    }
    expect(lineageOf(taskOf("a-20.txt", 2))).toMatchObject({ source_task_id: taskOf("a-19.txt", 2).task_id, relation: "modified" });
  });

  it("links a county task to the one clause of a national bundle it copies (Yingde 2022 ← 国务院办公厅 2022)", () => {
    const national = docOf("a-13.txt");
    const bundle = tables.tasks.find((t) => t.doc_id === national.doc_id && (t.text as string).startsWith("加强涉及市场主体的信息公开"))!;
    const row = lineageOf(taskOf("yingde-2022.txt", 15))!; // 持续推进反垄断和反不正当竞争执法信息公开工作…
    expect(row).toMatchObject({ source_doc_id: national.doc_id, source_task_id: bundle.task_id });
    expect(row.similarity).toBeGreaterThanOrEqual(0.9);
  });

  it("links the labelled cross-level copies among the real plans, directly or through the copy between them (measured: 50 of 59, 47 directly; every verbatim copy; the rewordings of blocks l, m and n are linked by grouping, not lineage)", () => {
    const plans = new Map(tables.documents.map((d) => [d.doc_id as string, facts(d)]));
    const index = new Map<string, PlanFacts[]>();
    for (const p of plans.values()) {
      const key = `${p.level}|${p.level === "national" ? "全国" : p.region}|${p.year}`;
      index.set(key, [...(index.get(key) ?? []), p]);
    }
    const fileOf = (name: string) => (name.startsWith("real/") ? name.slice(5) : SEEDS.find((s) => s.original === name)!.file);
    const find = (name: string, number: string, prefix: string) => {
      const doc = docOf(fileOf(name));
      return tables.tasks.find((t) => t.doc_id === doc.doc_id && (number === "" || t.number === Number(number)) && fold(t.text as string).replace(/\s+/g, "").startsWith(prefix))!;
    };
    const linked: Record<string, [number, number]> = {};
    for (const r of tsv(ROOT + "test/fixtures/requirement-pairs.tsv")) {
      const kind = r.reason.match(/^(verbatim|reworded|bundle-main|bundle-clause):/)?.[1];
      if (!kind) continue;
      let [a, b] = [find(r.seed_a, r.number_a, r.prefix_a), find(r.seed_b, r.number_b, r.prefix_b)];
      if (plansAbove(plans.get(a.doc_id as string)!, index).some((p) => p.docId === b.doc_id)) [a, b] = [a, b];
      else if (plansAbove(plans.get(b.doc_id as string)!, index).some((p) => p.docId === a.doc_id)) [a, b] = [b, a];
      else continue; // not a plan and a plan above it
      const c = (linked[kind] ??= [0, 0]);
      c[0]++;
      // its source, or the source of its source: a county plan may copy its province's copy of the national text
      // (和平区 2022 ← 天津市 2022 ← 全国 2022, where the national page's excerpt ends inside the task)
      const chain: unknown[] = [];
      for (let at = lineageOf(a); at && chain.length < 3; at = tables.lineage.find((l) => l.task_id === at!.source_task_id)) chain.push(at.source_task_id);
      if (chain.includes(b.task_id)) c[1]++;
    }
    const total = Object.values(linked).reduce((n, [all]) => n + all, 0);
    const found = Object.values(linked).reduce((n, [, ok]) => n + ok, 0);
    expect(total).toBeGreaterThanOrEqual(50);
    // 0.85 on 57 pairs; two more joined when 丽水's and 锦州's spam-named counties got their level and city (a
    // copy linked through its province's, and a rewording of the national 权责清单 duty, which grouping links)
    expect(found / total).toBeGreaterThanOrEqual(0.84);
    expect(linked.verbatim[1]).toBe(linked.verbatim[0]);
  });

  it("only ever names a source in a plan of a region above, of the same year or the year before", () => {
    const doc = new Map(tables.documents.map((d) => [d.doc_id, d]));
    const rank = { national: 0, provincial: 1, prefecture: 2, county: 3 } as Record<string, number>;
    expect(tables.lineage.length).toBeGreaterThanOrEqual(30);
    for (const l of tables.lineage) {
      const [child, source] = [doc.get(l.doc_id)!, doc.get(l.source_doc_id)!];
      expect(rank[source.level as string]).toBeLessThan(rank[child.level as string]);
      expect([child.year, (child.year as number) - 1]).toContain(source.year);
      if (source.level === "provincial") expect(source.region).toBe(child.province);
      if (source.level === "prefecture") expect(source.region).toBe(child.parent_city);
      expect(l.similarity as number).toBeGreaterThan(0);
      expect(l.relation).toBe((l.similarity as number) >= 0.9 ? "copied" : "modified");
    }
  });

  it("is the same whatever the order of the documents (property)", () => {
    const inputs = (ds: ParsedDoc[]) => {
      const t = buildTables(ds, { skipRequirements: true });
      const group: GroupInput[] = t.tasks.map((r) => ({ taskId: r.task_id as string, docId: r.doc_id as string, text: r.text as string, region: null, year: null }));
      return { group, plans: t.documents.map(facts) };
    };
    const reference = JSON.stringify(lineageRows(prepareCorpus(inputs(docs).group), inputs(docs).plans));
    fc.assert(
      fc.property(fc.shuffledSubarray(docs, { minLength: docs.length, maxLength: docs.length }), (shuffled) => {
        const { group, plans } = inputs(shuffled);
        expect(JSON.stringify(lineageRows(prepareCorpus([...group].reverse()), plans))).toBe(reference);
      }),
      { numRuns: 3 },
    );
  });
});

describe("coverage of the plans above", () => {
  const coverageOf = (child: string, parent: string) => tables.coverage.filter((c) => c.doc_id === docOf(child).doc_id && c.parent_doc_id === docOf(parent).doc_id);

  it("marks each requirement of the Shanghai plan copied, modified or absent in 奉贤区's", () => {
    const rows = coverageOf("a-20.txt", "a-19.txt");
    const status = (n: number) => rows.find((c) => c.parent_task_id === taskOf("a-19.txt", n).task_id)!;
    expect(rows).toHaveLength(tables.tasks.filter((t) => t.doc_id === docOf("a-19.txt").doc_id).length);
    expect(status(3)).toMatchObject({ status: "copied", task_id: taskOf("a-20.txt", 3).task_id });
    expect(status(5)).toMatchObject({ status: "copied", task_id: taskOf("a-20.txt", 4).task_id });
    expect(status(2)).toMatchObject({ status: "modified", task_id: taskOf("a-20.txt", 2).task_id });
    // 制发关于进一步加强全市政府信息依申请公开办理工作的指导文件: not in the district's first tasks
    expect(status(4)).toMatchObject({ status: "absent", task_id: null });
  });

  it("counts the national bundle Yingde carries in two tasks (14, 15) as carried, not absent", () => {
    const rows = coverageOf("yingde-2022.txt", "a-13.txt");
    const bundle = rows.find((c) => tables.tasks.find((t) => t.task_id === c.parent_task_id)!.text!.toString().startsWith("加强涉及市场主体的信息公开"))!;
    expect(bundle.status).toBe("modified");
    expect([taskOf("yingde-2022.txt", 14).task_id, taskOf("yingde-2022.txt", 15).task_id]).toContain(bundle.task_id);
  });

  it("counts a clause a task copies from a second task above, though the task states the requirement of a first (derived from 奉贤区 2025)", async () => {
    // 奉贤区's task 3 copies 上海市's task 3; here it also takes the first clauses of 上海市's task 4 (依申请公开指导文件)
    const dir = mkdtempSync(join(tmpdir(), "zwgk-bundle-"));
    copyFileSync(REAL + "a-19.txt", join(dir, "a-19.txt"));
    const county = readFileSync(REAL + "a-20.txt", "utf8").replace("协调性审核。(责任单位", "协调性审核。制发关于进一步加强全区政府信息依申请公开办理工作的指导文件,编制依申请公开业务应知应会手册。(责任单位");
    writeFileSync(join(dir, "a-20.txt"), county);
    const t = buildTables(await parseFiles([join(dir, "a-19.txt"), join(dir, "a-20.txt")]));
    const [province, district] = ["a-19.txt", "a-20.txt"].map((f) => t.documents.find((d) => (d.source_file as string).endsWith(f))!.doc_id);
    const task = (doc: unknown, n: number) => t.tasks.find((x) => x.doc_id === doc && x.number === n)!;
    expect(task(district, 3).requirement_id).toBe(task(province, 3).requirement_id); // it still states 上海市's task 3
    const row = (n: number) => t.coverage.find((c) => c.doc_id === district && c.parent_task_id === task(province, n).task_id)!;
    expect(row(3)).toMatchObject({ status: "copied", task_id: task(district, 3).task_id });
    expect(row(4).status).not.toBe("absent");
    expect(row(4).task_id).toBe(task(district, 3).task_id);
  });

  it("zwgk gaps --parent lists them; zwgk gaps lists the absent ones as parent gaps", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zwgk-lineage-"));
    for (const f of ["a-19.txt", "a-20.txt"]) copyFileSync(REAL + f, join(dir, f));
    const out = join(dir, "out");
    expect((await zwgk("ingest", dir, "--out", out)).code).toBe(0);
    const rows = JSON.parse((await zwgk("gaps", out, "--region", "奉贤区", "--parent", "--json")).stdout);
    expect(rows.map((r: Row) => r.status)).toEqual(["modified", "modified", "copied", "absent", "copied", "absent"]);
    expect(rows[2]).toMatchObject({ parent_region: "上海市", parent_level: "provincial", parent_year: 2025, parent_number: 3, number: 3, similarity: 1 });
    const gaps = JSON.parse((await zwgk("gaps", out, "--region", "奉贤区", "--json")).stdout).filter((g: Row) => g.gap_type === "parent");
    expect(gaps.map((g: Row) => g.label)).toEqual(rows.filter((r: Row) => r.status === "absent").map((r: Row) => r.parent_text));
  });
});

describe("the views over lineage and coverage (lineage_views.sql, gaps_by_group.sql)", () => {
  it("task_sources, parent_coverage, parent_coverage_summary and parent_coverage_by_group: rows that add up to the tables'", async () => {
    const conn = await warehouseFromTables(tables);
    const q = async (sql: string) => (await runQuery(conn, sql)).rows as Row[];
    const sources = await q("SELECT * FROM task_sources");
    expect(sources.length).toBe(tables.lineage.length);
    for (const r of sources) {
      const source = tables.tasks.find((t) => t.task_id === r.source_task_id)!;
      expect([r.source_text, r.source_seq, r.source_year]).toEqual([source.text, source.seq, tables.documents.find((d) => d.doc_id === r.source_doc_id)!.year]);
    }
    expect((await q("SELECT count(*)::INTEGER AS n FROM parent_coverage"))[0].n).toBe(tables.coverage.length);
    const summary = await q("SELECT * FROM parent_coverage_summary");
    for (const r of summary) {
      const rows = tables.coverage.filter((c) => c.doc_id === r.doc_id && c.parent_doc_id === r.parent_doc_id);
      expect([r.copied, r.modified, r.absent, r.parent_tasks]).toEqual([...["copied", "modified", "absent"].map((s) => rows.filter((c) => c.status === s).length), rows.length]);
    }
    const byGroup = await q("SELECT sum(requirements)::INTEGER AS n FROM parent_coverage_by_group");
    expect(byGroup[0].n).toBe(tables.coverage.length);
    // a requirement page names where each wording comes from
    const [wording] = await q(`SELECT * FROM requirement_wordings WHERE task_id = '${taskOf("a-20.txt", 3).task_id}'`);
    expect(wording).toMatchObject({ source_region: "上海市", source_year: 2025, source_number: 3, relation: "copied", source_task_id: taskOf("a-19.txt", 3).task_id });
  });
});

function facts(d: Row): PlanFacts {
  return { docId: d.doc_id as string, level: d.level as PlanFacts["level"], year: d.year as number | null, region: d.region as string | null, province: d.province as string | null, parentCity: d.parent_city as string | null, taskCount: d.task_count as number };
}
