// The enrich stage and the analyses, against hand labels and expectations verified by reading the seeds.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { DuckDBConnection } from "@duckdb/node-api";
import { parseFiles } from "../loaders/corpus.ts";
import { CATEGORIES, classify } from "../loaders/enrich/categories.ts";
import { family } from "../loaders/enrich/concepts.ts";
import { charDiff } from "../loaders/enrich/diff.ts";
import { groupAllPairs, groupRequirements, REQUIREMENT_LINKS, taskLinks, type GroupInput } from "../loaders/enrich/requirements.ts";
import { timeExpressions } from "../loaders/enrich/time.ts";
import { resolveUnit, UNIT_KINDS } from "../loaders/enrich/units.ts";
import { tasksOf } from "../loaders/parse/index.ts";
import { parseUnitCell } from "../loaders/parse/units.ts";
import { buildTables } from "../loaders/tables/build.ts";
import type { Tables } from "../loaders/tables/schema.ts";
import { runQuery, warehouseFromTables } from "../loaders/warehouse/index.ts";
import { categoryAgreement, pairScores, precisionRecall } from "../scripts/evaluate.ts";
import { ROOT, seed, SEEDS, SEEDS_DIR, tasks, tsv } from "./helpers.ts";
import { comparable, conceptStated, DEFAULT_THRESHOLDS, passes, passesWording } from "../loaders/enrich/requirements.ts";
import { parsePlan } from "../loaders/parse/index.ts";
import { readSource } from "../loaders/read/index.ts";
import { readdirSync, readFileSync } from "node:fs";
import { REAL_DIR } from "./support/real-corpus.ts";

const REGION = Object.fromEntries(SEEDS.map((s) => [s.original, s.file]));

describe("units", () => {
  const fixture = tsv(ROOT + "test/fixtures/seed-units.tsv");

  it("resolves every unit named in the seeds to its canonical name, kind and blanket flag", async () => {
    expect(fixture.length).toBe(116);
    for (const row of fixture) {
      const { plan } = await seed(REGION[row.seed]);
      const info = resolveUnit(row.unit_raw, plan.meta);
      expect({ raw: row.unit_raw, unit: info.unit, kind: info.kind, blanket: info.blanket }).toEqual({ raw: row.unit_raw, unit: row.canonical, kind: row.kind, blanket: row.blanket === "true" });
    }
  });

  it("lists exactly the units each seed names, none of them of kind other", async () => {
    for (const { file, original } of SEEDS) {
      const { plan } = await seed(file);
      const parsed = new Set(tasks(plan).flatMap((t) => t.units.flatMap((p) => p.units.map((u) => u.name.replace(/\(/g, "（").replace(/\)/g, "）")))));
      const listed = new Set(fixture.filter((r) => r.seed === original).map((r) => r.unit_raw.replace(/\(/g, "（").replace(/\)/g, "）")));
      expect([...parsed].sort()).toEqual([...listed].sort());
      for (const name of parsed) expect(resolveUnit(name, plan.meta).kind, name).not.toBe("other");
    }
  });

  it("flags blanket groups by the kind rule that matched (data/unit-kinds.tsv blanket column), not by a second table", () => {
    const county = { region: "庆元县", parentCity: "丽水市", province: "浙江省", level: "county" as const };
    const city = { region: "荆州市", parentCity: null, province: "湖北省", level: "prefecture" as const };
    // found on real pages: a provincial or prefecture plan's word for its counties — blanket, and now a kind of its own
    expect(resolveUnit("各县市区人民政府", city)).toMatchObject({ kind: "lower-governments", blanket: true });
    expect(resolveUnit("各区县政府﹝含南太湖新区管委会,下同﹞", city)).toMatchObject({ kind: "lower-governments", blanket: true });
    // the bare plural 街道 (seed 002) is every sub-district; a named one is one unit
    expect(resolveUnit("街道", county)).toMatchObject({ kind: "townships", blanket: true });
    expect(resolveUnit("街道办事处", { ...county, region: "鼎湖区" })).toMatchObject({ kind: "townships", blanket: true });
    expect(resolveUnit("英城街道办事处", { ...county, region: "英德市" })).toMatchObject({ kind: "townships", blanket: false });
    expect(resolveUnit("县直各部门", county)).toMatchObject({ kind: "all-departments", blanket: true });
    expect(resolveUnit("县财政局", county)).toMatchObject({ kind: "finance", blanket: false });
  });

  it("keeps pre-2018 agencies as themselves and unifies them by kind", () => {
    const ctx = { region: "翁源县", parentCity: "韶关市", province: "广东省", level: "county" as const };
    expect(resolveUnit("县卫计局", ctx)).toMatchObject({ unit: "翁源县卫生和计划生育局", kind: "health" });
    expect(resolveUnit("县卫健局", ctx)).toMatchObject({ unit: "翁源县卫生健康局", kind: "health" });
    expect(resolveUnit("县工商局", ctx).kind).toBe("market-regulation");
    expect(resolveUnit("县安监局", ctx).kind).toBe("emergency");
    expect(resolveUnit("市公共资源交易中心翁源分中心", ctx)).toMatchObject({ unit: "韶关市公共资源交易中心翁源分中心", kind: "public-resources" });
    expect(UNIT_KINDS).toContain("other");
  });

  const name = fc.tuple(
    fc.constantFrom("县", "区", "市", "各"),
    fc.constantFrom("财政", "教育", "镇", "政务服务数据管理", "宣传"),
    fc.constantFrom("", "（场）", "(网信办)", "（街、场）", "（办事处（分中心））"),
    fc.constantFrom("局", "部", "人民政府", "中心", "单位"),
    fc.constantFrom("", "（办事处）", "(分局)"),
  ).map((parts) => parts.join(""));

  it("never splits a unit name inside its parentheses (property)", () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 6 }), fc.constantFrom("、", "，", ","), fc.constantFrom("", "牵头", "负责", "分别牵头负责", "按职责分工落实"), (names, sep, role) => {
        const cell = names.join(sep) + role;
        const { phrases } = parseUnitCell(cell, { start: 0, end: cell.length });
        const units = phrases.flatMap((p) => p.units.map((u) => u.name));
        expect(units).toEqual(names);
        if (role.includes("牵头")) expect(phrases.some((p) => p.role === "lead")).toBe(true);
        if (role === "" || role === "负责") expect(phrases.every((p) => p.role === "responsible")).toBe(true);
      }),
    );
  });
});

describe("task categories", () => {
  it("agrees with the hand labels, held-out labels included (measured: dev 94.0%, held out 98.6%)", async () => {
    const { dev, holdout } = await categoryAgreement();
    expect(dev.n + holdout.n).toBeGreaterThanOrEqual(60);
    expect(holdout.n).toBeGreaterThanOrEqual(20);
    expect(dev.primary / dev.n).toBeGreaterThanOrEqual(0.88);
    expect(holdout.primary / holdout.n).toBeGreaterThanOrEqual(0.88);
  });

  it("gives every task exactly one primary category from the fourteen, with evidence (property)", async () => {
    const check = (text: string, titles: string[]) => {
      const c = classify(text, titles);
      expect(CATEGORIES).toContain(c.category);
      expect(c.categories[0]).toBe(c.category);
      expect(new Set(c.categories).size).toBe(c.categories.length);
      if (!c.weak) expect(c.evidence.length).toBeGreaterThan(0);
    };
    for (const { file } of SEEDS) for (const { task, path } of tasksOf((await seed(file)).plan)) check(task.text, path.map((s) => s.title));
    fc.assert(fc.property(fc.string({ maxLength: 80 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 2 }), check));
  });

  it("labels key-area tasks with a domain", async () => {
    const { plan } = await seed("lufeng-2024.txt");
    const t13 = tasks(plan).find((t) => t.number === 13)!; // 食品药品安全方面质量信息…
    expect(classify(t13.text)).toMatchObject({ category: "key-areas", domain: "food-drugs" });
  });
});

describe("deadlines and frequencies", () => {
  it("extracts what the seeds state, as written", async () => {
    const task = async (file: string, n: number) => tasks((await seed(file)).plan).find((t) => t.number === n)!.text;
    expect(timeExpressions(await task("yingde-2022.txt", 33)).deadline).toBe("2022年底前");
    expect(timeExpressions(await task("wengyuan-2018.txt", 35)).deadline).toBe("完成审批程序后1个工作日内");
    expect(timeExpressions(await task("lufeng-2024.txt", 56)).deadline).toBe("印发30日内");
    expect(timeExpressions(await task("lufeng-2024.txt", 50)).frequency).toBe("每年至少召开一次");
    expect(timeExpressions(await task("yingde-2022.txt", 41)).frequency).toBe("每年至少听取1次");
    expect(timeExpressions("加强政务公开工作。")).toEqual({ deadline: null, frequency: null });
  });
});

describe("recurring requirements", () => {
  let tables: Tables;
  beforeAll(async () => {
    tables = buildTables(await parseFiles(SEEDS.map((s) => SEEDS_DIR + s.file)));
  });
  const requirementOf = (doc: string, n: number) => {
    const d = tables.documents.find((x) => (x.source_file as string).endsWith(doc))!;
    return tables.tasks.find((t) => t.doc_id === d.doc_id && t.number === n)!.requirement_id;
  };

  it("is calibrated on labelled pairs from the seeds and the real plans (measured on the held-out third against the adjudicated labels: precision 0.79, recall 0.87; the wording tests alone 0.86, 0.48)", async () => {
    const scored = await pairScores();
    expect(scored.length).toBeGreaterThanOrEqual(1270); // 1,273 (62 pairs went with tasks the parser no longer takes: page chrome, notices' own requirements)
    expect(scored.filter((s) => s.source === "real").length).toBeGreaterThanOrEqual(650);
    const h = precisionRecall(scored, DEFAULT_THRESHOLDS, "holdout");
    expect(h.precision).toBeGreaterThanOrEqual(0.77);
    expect(h.recall).toBeGreaterThanOrEqual(0.85);
    // the requirement concepts find the rewordings the wording tests miss (held-out recall 0.48 without them)
    const wording = precisionRecall(scored, DEFAULT_THRESHOLDS, "holdout", undefined, passesWording);
    expect(h.recall - wording.recall).toBeGreaterThanOrEqual(0.15);
    // a bundle and one of its secondary clauses are not one requirement (lineage links them instead)
    const clauses = scored.filter((s) => s.kind === "bundle-clause");
    expect(clauses.length).toBeGreaterThanOrEqual(100);
    // measured 27 of 156; blocks l, m and n were drawn from the grouping's own links, so theirs are links by construction: 8 of the other 105
    expect(clauses.filter((s) => passes(s, DEFAULT_THRESHOLDS)).length / clauses.length).toBeLessThanOrEqual(0.18);
    const drawnElsewhere = clauses.filter((s) => !["l", "m", "n"].includes(s.block));
    expect(drawnElsewhere.filter((s) => passes(s, DEFAULT_THRESHOLDS)).length / drawnElsewhere.length).toBeLessThanOrEqual(0.1);
  });

  it("measures against labels two annotators gave blind, adjudicated where they differ", async () => {
    const scored = await pairScores();
    const rows = tsv(ROOT + "test/fixtures/requirement-pairs.tsv");
    expect(rows.every((r) => ["true", "false"].includes(r.first) && ["true", "false"].includes(r.second))).toBe(true);
    // where the two agree, theirs is the label; where they differ, the reason gives the adjudicator's
    for (const r of rows) {
      if (r.first === r.second) expect(r.same, r.prefix_a).toBe(r.first);
      else expect(r.reason, r.prefix_a).toContain("[adjudicated;");
    }
    const disagreed = rows.filter((r) => r.first !== r.second).length;
    expect(disagreed / rows.length).toBeLessThan(0.12); // measured 92 of 1,273 (74 of the first 855 as labelled, kappa 0.83; 2 of block l's 160; 11 of block m's 160; 7 of block n's 160, kappa 0.91)
    // the grouping's held-out F1 against the adjudicated labels is within 0.1 of one annotator's against the other's (0.919; the grouping's
    // 0.825: block n's held-out third is mostly the grouping's own links, and 16 of its 43 are not one requirement)
    const human = precisionRecall(scored, DEFAULT_THRESHOLDS, "holdout", undefined, (s) => s.second, undefined, (s) => s.first);
    const grouping = precisionRecall(scored, DEFAULT_THRESHOLDS, "holdout");
    expect(f1(grouping)).toBeGreaterThanOrEqual(f1(human) - 0.1);
  });

  // a block labelled blind to the codebook, its held-out third: the decision against the wording tests alone
  const f1 = (r: { precision: number; recall: number }) => (2 * r.precision * r.recall) / Math.max(1e-9, r.precision + r.recall);
  const blind = [
    { block: "j", what: "pairs chosen and labelled without the codebook; precision 0.83 -> 0.85, recall 0.59 -> 0.88", pairs: 30, recallGain: 0.2 },
    { block: "k", what: "half of them links the concepts alone make, labelled blind; precision 0.50 -> 0.70, recall 0.04 -> 0.70", pairs: 22, recallGain: 0.5 },
    // the concepts' own links as the grouping makes them in the real corpus: they find what the wording tests miss, at a cost in precision
    { block: "l", what: "links of the grouping and its near misses, labelled twice; precision 0.88 -> 0.70, recall 0.35 -> 0.80", pairs: 20, recallGain: 0.4 },
    { block: "m", what: "drawn like block l from a later grouping, labelled twice; precision 0.70 -> 0.69, recall 0.33 -> 0.95", pairs: 20, recallGain: 0.4 },
    { block: "n", what: "drawn like blocks l and m from the grouping of c986cc6, labelled twice; precision 0.58 -> 0.63, recall 0.26 -> 1.00", pairs: 25, recallGain: 0.5 },
  ];
  for (const { block, what, pairs, recallGain } of blind)
    it(`beats the wording tests on block ${block}'s held-out third, never looked at (${what})`, async () => {
      const scored = await pairScores();
      const now = precisionRecall(scored, DEFAULT_THRESHOLDS, "holdout", undefined, passes, block);
      const wording = precisionRecall(scored, DEFAULT_THRESHOLDS, "holdout", undefined, passesWording, block);
      expect(now.tp + now.fn).toBeGreaterThanOrEqual(pairs);
      expect(f1(now) - f1(wording)).toBeGreaterThanOrEqual(0.1);
      expect(now.recall - wording.recall).toBeGreaterThanOrEqual(recallGain);
      expect(now.precision).toBeGreaterThanOrEqual(0.55);
    });

  it("groups the real-plan corpus by duty without merging duties into one heap (largest group 27 of 676 tasks; 5 groups hold two duties)", async () => {
    const files = readdirSync(REAL_DIR).filter((f) => f.endsWith(".txt")).sort();
    const input: GroupInput[] = [];
    for (const f of files) {
      const plan = parsePlan((await readSource(REAL_DIR + f, readFileSync(REAL_DIR + f))).text);
      tasksOf(plan).forEach(({ task }, i) => input.push({ taskId: `${f}#${i}`, docId: f, text: task.text, region: null, year: null }));
    }
    const grouping = groupRequirements(input);
    expect(input.length).toBeGreaterThanOrEqual(350);
    expect(Math.max(...grouping.requirements.map((r) => r.task_count)) / input.length).toBeLessThanOrEqual(0.08);
    // a group's coded tasks state one duty: a duty and its sub-duties count as one (concepts.ts family); two
    // duties only where texts are nearly the same (Jaccard >= 0.4) or a bundle's clause links them
    const concepts = new Map<string, Set<string>>();
    for (const t of input) {
      const stated = conceptStated(comparable(t.text));
      const c = stated ? family(stated) : undefined;
      const r = grouping.requirementOf.get(t.taskId)!;
      if (c) concepts.set(r, (concepts.get(r) ?? new Set()).add(c));
    }
    // 5 on 287 pages (6 on 259, 4 on 226): of those the o and p pages brought, two are copies nearly word for word
    // that state a duty and its extension (惠民惠农资金 with 涉农补贴, p-07 and p-08; 经略海洋, c-06 and o-14), and
    // one a text cut by the end of its page (「市、县级政府部门要结合权责清」, i-05) that leads two duties
    expect([...concepts.values()].filter((s) => s.size > 1).length).toBeLessThanOrEqual(6);
    expect(grouping.requirements.filter((r) => r.doc_count > 1).length).toBeGreaterThanOrEqual(60);
  });

  it("puts one requirement copied by three plans in one group, and keeps a neighbouring one apart", () => {
    // 主要负责同志每年至少听取1次政务公开工作汇报 — Yingde 41, Dinghu 41, Lufeng 51
    const hear = requirementOf("yingde-2022.txt", 41);
    expect(requirementOf("dinghu-2021.txt", 41)).toBe(hear);
    expect(requirementOf("lufeng-2024.txt", 51)).toBe(hear);
    // 领导小组…每年至少召开一次会议 — Yingde 40, Lufeng 50: the same as each other, not as 听取汇报
    expect(requirementOf("lufeng-2024.txt", 50)).toBe(requirementOf("yingde-2022.txt", 40));
    expect(requirementOf("yingde-2022.txt", 40)).not.toBe(hear);
    // 规范编制发布年度报告 (Yingde 8) and 加强年报编制发布的监督指导 (Yingde 9) are different obligations
    expect(requirementOf("yingde-2022.txt", 8)).not.toBe(requirementOf("yingde-2022.txt", 9));
    const row = tables.requirements.find((r) => r.requirement_id === hear)!;
    expect(row).toMatchObject({ doc_count: 3, region_count: 3, first_year: 2021, last_year: 2024 });
  });

  it("partitions the tasks: every task in exactly one group, counts adding up", () => {
    expect(tables.tasks.every((t) => typeof t.requirement_id === "string")).toBe(true);
    expect(tables.requirements.reduce((n, r) => n + (r.task_count as number), 0)).toBe(tables.tasks.length);
    expect(new Set(tables.requirements.map((r) => r.requirement_id)).size).toBe(tables.requirements.length);
  });

  it("marks how each task came into its group: in the group's own wording, near it, or by its duty alone", () => {
    const taskOf = (doc: string, n: number) => {
      const d = tables.documents.find((x) => (x.source_file as string).endsWith(doc))!;
      return tables.tasks.find((t) => t.doc_id === d.doc_id && t.number === n)!;
    };
    // 网民留言办理: Dinghu 22 is the commonest wording, Yingde 30 says it in near words, Wengyuan 28 in others
    // (「建立完善网民留言、咨询的受理、转办和反馈机制」), the same duty by the codebook
    const [dinghu, yingde, wengyuan] = [taskOf("dinghu-2021.txt", 22), taskOf("yingde-2022.txt", 30), taskOf("wengyuan-2018.txt", 28)];
    expect(new Set([dinghu.requirement_id, yingde.requirement_id, wengyuan.requirement_id]).size).toBe(1);
    expect([dinghu.requirement_link, yingde.requirement_link, wengyuan.requirement_link]).toEqual(["lead", "wording", "concept"]);
    for (const r of tables.requirements) {
      const members = tables.tasks.filter((t) => t.requirement_id === r.requirement_id);
      expect(members.every((t) => (REQUIREMENT_LINKS as readonly unknown[]).includes(t.requirement_link))).toBe(true);
      expect(members.some((t) => t.requirement_link === "lead")).toBe(true);
      const near = new Set(members.filter((t) => t.requirement_link !== "concept").map((t) => t.doc_id));
      expect(r.wording_doc_count).toBe(near.size);
    }
    // measured on the seeds: 141 tasks in their group's own wording, 38 near it, 57 by the codebook alone
    const byConcept = tables.tasks.filter((t) => t.requirement_link === "concept").length;
    expect(byConcept).toBeGreaterThan(0);
    expect(byConcept / tables.tasks.length).toBeLessThan(0.35);
  });

  it("gives the same groups and ids whatever the input order, and matches all-pairs on the seeds (property)", async () => {
    const inputs: GroupInput[] = tables.tasks.map((t) => ({ taskId: t.task_id as string, docId: t.doc_id as string, text: t.text as string, region: null, year: null }));
    const reference = groupRequirements(inputs);
    fc.assert(
      fc.property(fc.shuffledSubarray(inputs, { minLength: inputs.length, maxLength: inputs.length }), (shuffled) => {
        const g = groupRequirements(shuffled);
        expect([...g.requirementOf.entries()].sort()).toEqual([...reference.requirementOf.entries()].sort());
        expect([...taskLinks(g)].sort()).toEqual([...taskLinks(reference)].sort());
      }),
      { numRuns: 5 },
    );
    const naive = groupAllPairs(inputs);
    const partition = (m: Map<string, string>) => {
      const groups = new Map<string, string[]>();
      for (const [task, req] of m) groups.set(req, [...(groups.get(req) ?? []), task]);
      return new Set([...groups.values()].map((g) => g.sort().join(",")));
    };
    const a = partition(reference.requirementOf);
    const b = partition(naive.requirementOf);
    const same = [...a].filter((g) => b.has(g)).length;
    expect(same / Math.max(a.size, b.size)).toBeGreaterThanOrEqual(0.95);
  });

  it("shows what one wording adds to and drops from another", () => {
    const a = "各级、各部门主要负责同志每年至少听取1次政务公开工作汇报";
    const b = "各部门主要负责同志每年至少听取 1 次政务公开工作汇报";
    const diff = charDiff(a, b);
    expect(diff.filter(([op]) => op !== "+").map(([, s]) => s).join("")).toBe(a);
    expect(diff.filter(([op]) => op !== "-").map(([, s]) => s).join("")).toBe(b);
    expect(diff.filter(([op]) => op === "-").map(([, s]) => s).join("")).toHaveLength(3); // 各级、 (or 级、各: the same alignment)
    expect(diff.filter(([op]) => op === "+").map(([, s]) => s).join("")).toBe("  ");
  });
});

describe("analyses (DuckDB views)", () => {
  let conn: DuckDBConnection;
  let tables: Tables;
  const q = async (sql: string) => (await runQuery(conn, sql)).rows as Record<string, any>[];

  beforeAll(async () => {
    // the seeds, plus a 2023 Yingde plan derived from the 2022 one: task 38 dropped, one task added
    const docs = await parseFiles(SEEDS.map((s) => SEEDS_DIR + s.file));
    const { parseFile } = await import("../loaders/corpus.ts");
    const { readFileSync } = await import("node:fs");
    const yingde = readFileSync(SEEDS_DIR + "yingde-2022.txt", "utf8")
      .replace("英德市2022年政务公开工作要点分工方案", "英德市2023年政务公开工作要点分工方案")
      .replace(/38\.增强政治意识[^\n]*\n/, "38.全面梳理本地区涉企收费目录清单，按季度更新并在政府网站集中公开，接受企业监督。\n");
    docs.push(await parseFile("derived/yingde-2023.txt", new TextEncoder().encode(yingde)));
    tables = buildTables(docs);
    conn = await warehouseFromTables(tables);
  });

  it("category_matrix: every plan × 14 categories, counts summing to the plan's tasks and shares to 1", async () => {
    const rows = await q("SELECT doc_id, count(*) AS n, sum(task_count) AS tasks, round(sum(share), 6) AS share FROM category_matrix GROUP BY doc_id");
    expect(rows).toHaveLength(6);
    for (const r of rows) {
      expect(r.n).toBe(14);
      expect(r.share).toBe(1);
      expect(r.tasks).toBe(tables.documents.find((d) => d.doc_id === r.doc_id)!.task_count);
    }
  });

  it("unit_workload: Wengyuan's government office leads 10 tasks; weighted loads add up to the tasks that name a carrier", async () => {
    const [office] = await q("SELECT led, participated, responsible FROM unit_workload WHERE unit = '翁源县人民政府办公室'");
    expect(office).toEqual({ led: 10, participated: 1, responsible: 4 }); // led: 2, 7, 37, 38, 48–51, 55, 57
    const sums = await q(`SELECT w.doc_id, round(sum(w.weighted_load), 6) AS load,
        (SELECT count(DISTINCT a.task_id) FROM assignments a WHERE a.doc_id = w.doc_id AND a.role <> 'participant') AS carried
      FROM unit_workload w GROUP BY w.doc_id`);
    for (const s of sums) expect(s.load).toBe(s.carried);
    const [kinds] = await q("SELECT sum(led) AS led FROM unit_kind_workload");
    const [assigned] = await q("SELECT count(*) AS led FROM assignments WHERE role = 'lead'");
    expect(kinds.led).toBe(assigned.led);
  });

  it("coverage_gaps: the categories plans leave out that most of their peers carry", async () => {
    // by reading: Qingyuan and Wengyuan have no task on the annual report itself (only 「纳入年度报告」),
    // and Dinghu none on public participation in major decisions, while every other plan has one
    const gaps = await q("SELECT region, item, carriers, peers FROM coverage_gaps(peer := 'all') WHERE gap_type = 'category' ORDER BY region, item");
    expect(gaps).toEqual([
      { region: "庆元县", item: "annual-report", carriers: 4, peers: 5 },
      { region: "翁源县", item: "annual-report", carriers: 4, peers: 5 },
      { region: "鼎湖区", item: "participation", carriers: 5, peers: 5 },
    ]);
    // each 2022 plan has one other 2022 plan: too few peers for a gap
    expect(await q("SELECT * FROM coverage_gaps(peer := 'year')")).toEqual([]);
    const shared = await q("SELECT count(*) AS n FROM coverage_gaps(peer := 'all') WHERE gap_type = 'requirement' AND region = '陆丰市'");
    expect(shared[0].n).toBeGreaterThan(0);
  });

  it("plan_diff: the derived 2023 Yingde plan drops one requirement and adds one", async () => {
    const diff = await q("SELECT status, count(*) AS n FROM plan_diff WHERE region = '英德市' GROUP BY status ORDER BY status");
    const byStatus = Object.fromEntries(diff.map((d) => [d.status, d.n]));
    expect(byStatus.added).toBe(1);
    expect(byStatus.dropped).toBe(1);
    expect(byStatus.kept).toBeGreaterThan(35);
    const [added] = await q("SELECT label FROM plan_diff WHERE region = '英德市' AND status = 'added'");
    expect(added.label).toContain("涉企收费目录清单");
  });

  it("requirement_presence: the most carried requirement is present in exactly its plans", async () => {
    const [top] = await q("SELECT requirement_id, doc_count FROM requirement_rank WHERE rank = 1");
    const present = await q(`SELECT count(*) FILTER (WHERE present) AS yes, count(*) AS n FROM requirement_presence WHERE requirement_id = '${top.requirement_id}'`);
    expect(present[0]).toEqual({ yes: top.doc_count, n: 6 });
  });
});
