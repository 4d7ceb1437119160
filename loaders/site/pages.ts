// The data of the parameterized pages (one per year and recurring requirement) and of the plan and region
// viewers (one file per plan, one per region), computed for the whole corpus in a few queries and split into one file per
// page. The page loaders in src/ only copy these files, and the plan files are copied as they are: a
// corpus of thousands of plans must not start a process, a database or a Framework page per plan.
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { conceptLabel } from "../enrich/concepts.ts";
import { charDiff } from "../enrich/diff.ts";
import { sqlString } from "../tables/write.ts";
import { columnsOf } from "./columns.ts";
import { runQuery } from "../warehouse/index.ts";

type Row = Record<string, unknown>;

async function all(conn: DuckDBConnection, sql: string): Promise<Row[]> {
  return (await runQuery(conn, sql)).rows;
}

/** Group rows by one column, dropping that column from each row. */
function groupBy(rows: Row[], key: string): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const row of rows) {
    const k = String(row[key]);
    const { [key]: _, ...rest } = row;
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push(rest);
  }
  return out;
}

function write(dir: string, name: string, value: unknown) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), typeof value === "string" ? value : JSON.stringify(value));
}

export interface PageKeys {
  /** The corpus folder and the warehouse run it was ingested as: named on printed reports. */
  corpus: string;
  run: string;
  docs: string[];
  regions: string[];
  years: number[];
  requirements: string[];
}

/** Plans (or regions) read per batch of this many (ranges of ids), so a national corpus is never held whole. */
const BATCH = 1000;

/** Where the files go: the pages' (copied by their loaders) and the viewers' (copied by Framework as they are). */
export interface PageFolders {
  pages: string;
  plans: string;
  regions: string;
  lists: string;
}

/** Up to this many plans, the plan and region indexes can list the whole corpus at once. */
export const LIST_ALL = 2000;

/** The plan lists the indexes fetch: one per province, and all plans while there are few (plan-lists/). */
export interface PlanLists {
  all: boolean;
  provinces: { id: string; province: string | null; plans: number }[];
}

export async function writePages(conn: DuckDBConnection, { pages: dir, plans, regions, lists }: PageFolders, keys: PageKeys): Promise<PlanLists> {
  const planLists = await writePlanLists(conn, lists);
  await writePlanData(conn, plans, keys);
  await writeRegionData(conn, regions, keys);
  await writeReportPages(conn, join(dir, "reports"), keys);
  await writeRequirementPages(conn, join(dir, "requirements"), keys);
  return planLists;
}

/**
 * <dir>/p<k>.json, the plans of each province as columns (view plan_list), <dir>/all.json of every plan
 * while there are at most LIST_ALL, and <dir>/provinces.json naming them: the plan and region indexes
 * fetch one province at a time, so a national corpus's index pages do not ship 30,000 rows.
 */
async function writePlanLists(conn: DuckDBConnection, dir: string): Promise<PlanLists> {
  mkdirSync(dir, { recursive: true });
  const plans = await all(conn, "SELECT * FROM plan_list ORDER BY province NULLS LAST, parent_city, region, year, doc_id");
  const byProvince = new Map<string | null, Row[]>();
  for (const p of plans) {
    const key = (p.province as string | null) ?? null;
    if (!byProvince.has(key)) byProvince.set(key, []);
    byProvince.get(key)!.push(p);
  }
  const lists: PlanLists = { all: plans.length <= LIST_ALL, provinces: [] };
  [...byProvince].forEach(([province, rows], k) => {
    const id = `p${k}`;
    write(dir, `${id}.json`, columnsOf(rows));
    lists.provinces.push({ id, province, plans: rows.length });
  });
  if (lists.all) write(dir, "all.json", columnsOf(plans));
  write(dir, "provinces.json", lists);
  return lists;
}

/** <dir>/<doc_id>.json for every plan: what the plan viewer shows, its normalised text included. */
async function writePlanData(conn: DuckDBConnection, dir: string, keys: PageKeys) {
  const pages = new Set(keys.requirements);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < keys.docs.length; i += BATCH) {
    const batch = keys.docs.slice(i, i + BATCH); // sorted by doc_id (prepare.ts)
    const within = `doc_id BETWEEN ${sqlString(batch[0])} AND ${sqlString(batch[batch.length - 1])}`;
    const meta = groupBy(await all(conn, `SELECT * EXCLUDE (sha256) FROM documents WHERE ${within}`), "doc_id");
    const sections = groupBy(await all(conn, `SELECT doc_id, section_id, parent_id, level, marker, title, span_start FROM sections WHERE ${within} ORDER BY doc_id, span_start`), "doc_id");
    const tasks = groupBy(await all(conn, `SELECT * FROM plan_tasks WHERE ${within} ORDER BY doc_id, seq`), "doc_id");
    const assignments = groupBy(await all(conn, `SELECT doc_id, task_id, unit_raw, unit, unit_kind, role, blanket FROM assignments WHERE ${within} ORDER BY doc_id, task_id, span_start`), "doc_id");
    const issues = groupBy(await all(conn, `SELECT doc_id, severity, code, message, span_start, span_end FROM parse_issues WHERE ${within} ORDER BY doc_id, span_start NULLS FIRST, code`), "doc_id");
    const gaps = groupBy(await all(conn, `SELECT * FROM plan_gaps WHERE ${within} ORDER BY doc_id, peer, gap_type, peer_share DESC NULLS LAST, item`), "doc_id");
    const workload = groupBy(await all(conn, `SELECT doc_id, unit, unit_kind, blanket, led, participated, responsible, tasks, round(weighted_load, 3) AS weighted_load FROM unit_workload WHERE ${within} ORDER BY doc_id, blanket, weighted_load DESC, unit`), "doc_id");
    const texts = new Map((await all(conn, `SELECT doc_id, text FROM texts WHERE ${within}`)).map((r) => [r.doc_id as string, r.text as string]));
    const sources = new Map((await all(conn, `SELECT * FROM task_sources WHERE ${within}`)).map((r) => [r.task_id as string, r]));
    const coverage = groupBy(await all(conn, `SELECT doc_id, parent_doc_id, parent_region, parent_level, parent_year, parent_title, parent_task_id, parent_seq, parent_number, parent_text, status, task_id, seq, number, similarity FROM parent_coverage WHERE ${within} ORDER BY doc_id, CASE parent_level WHEN 'prefecture' THEN 0 WHEN 'provincial' THEN 1 ELSE 2 END, parent_region, parent_year, parent_doc_id, parent_seq`), "doc_id");
    for (const doc of batch) {
      write(dir, `${doc}.json`, {
        meta: { doc_id: doc, ...meta.get(doc)?.[0] },
        sections: sections.get(doc) ?? [],
        tasks: (tasks.get(doc) ?? []).map((t) => ({ ...t, requirement_page: pages.has(t.requirement_id as string), source: sourceOf(t, sources.get(t.task_id as string)) })),
        coverage: coverage.get(doc) ?? [],
        assignments: assignments.get(doc) ?? [],
        issues: issues.get(doc) ?? [],
        gaps: gaps.get(doc) ?? [],
        workload: workload.get(doc) ?? [],
        text: texts.get(doc) ?? "",
      });
    }
  }
}

/** Where a task comes from, for the plan viewer: the source task's plan and number, and the character diff from its text. */
function sourceOf(task: Row, source: Row | undefined) {
  if (!source) return null;
  return {
    doc_id: source.source_doc_id, task_id: source.source_task_id, region: source.source_region, level: source.source_level, year: source.source_year,
    title: source.source_title, seq: source.source_seq, number: source.source_number, relation: source.relation, similarity: source.similarity,
    diff: charDiff(source.source_text as string, task.text as string),
  };
}

/** <dir>/<region_code>.json for every region: its plans, their categories by year, and what changed year to year. */
async function writeRegionData(conn: DuckDBConnection, dir: string, keys: PageKeys) {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < keys.regions.length; i += BATCH) {
    const batch = keys.regions.slice(i, i + BATCH); // sorted by code (prepare.ts)
    const within = `region_code BETWEEN ${sqlString(batch[0])} AND ${sqlString(batch[batch.length - 1])}`;
    const plans = groupBy(await all(conn, `SELECT region_code, doc_id, region, title, year, status, issuer, doc_number, issue_date, parent_city, province, task_count FROM documents WHERE task_count > 0 AND ${within} ORDER BY region_code, year, doc_id`), "region_code");
    const categories = groupBy(await all(conn, `SELECT region_code, year, doc_id, category, category_label, category_ord, task_count, share FROM category_matrix WHERE ${within} ORDER BY region_code, year, category_ord`), "region_code");
    const diff = groupBy(await all(conn, `SELECT region_code, year, prev_year, status, requirement_id, label FROM plan_diff WHERE ${within} ORDER BY region_code, year, status, requirement_id`), "region_code");
    for (const code of batch) {
      const list = plans.get(code) ?? [];
      write(dir, `${code}.json`, { region: list[0]?.region ?? code, code, plans: list, categories: categories.get(code) ?? [], diff: diff.get(code) ?? [] });
    }
  }
}

async function writeReportPages(conn: DuckDBConnection, dir: string, keys: PageKeys) {
  const totals = await all(conn, "SELECT * FROM year_totals ORDER BY year");
  const categories = await all(conn, "SELECT * FROM year_categories ORDER BY year, category_ord");
  const requirements = groupBy(await all(conn, "SELECT * EXCLUDE (rank) FROM year_requirements WHERE rank <= 15 ORDER BY year, rank"), "year");
  const fresh = groupBy(await all(conn, "SELECT * EXCLUDE (rank) FROM year_new_requirements WHERE rank <= 15 ORDER BY year, rank"), "year");
  const kinds = groupBy(await all(conn, "SELECT year, unit_kind, blanket, round(weighted_load, 2) AS weighted_load, led FROM year_unit_kinds ORDER BY year, weighted_load DESC, unit_kind, blanket"), "year");
  const changes = groupBy(await all(conn, "SELECT * FROM year_changes ORDER BY year, region, status"), "year");
  const [dated] = await all(conn, "SELECT plans, latest_issue_date FROM corpus_summary");
  const source = { corpus: basename(keys.corpus), run: keys.run, plans: dated.plans, latest_issue_date: dated.latest_issue_date };
  for (const year of keys.years) {
    const prevYear = (totals.map((t) => t.year as number).filter((y) => y < year).pop() ?? null) as number | null;
    write(dir, `${year}.json`, {
      year,
      prevYear,
      totals: totals.filter((t) => t.year === year || t.year === prevYear),
      categories: categories.filter((c) => c.year === year || c.year === prevYear),
      requirements: requirements.get(String(year)) ?? [],
      newRequirements: fresh.get(String(year)) ?? [],
      kinds: (kinds.get(String(year)) ?? []).slice(0, 20),
      changes: changes.get(String(year)) ?? [],
      source,
    });
  }
}

async function writeRequirementPages(conn: DuckDBConnection, dir: string, keys: PageKeys) {
  if (keys.requirements.length === 0) return;
  const pages = `rank <= ${keys.requirements.length}`; // the pages are the top of requirement_rank (prepare.ts)
  const head = new Map((await all(conn, `SELECT * FROM requirement_rank WHERE ${pages}`)).map((r) => [r.requirement_id as string, r]));
  const wordings = groupBy(
    await all(conn, `SELECT * EXCLUDE (rank) FROM requirement_wordings WHERE ${pages} AND n <= 300 ORDER BY requirement_id, n`),
    "requirement_id",
  );
  for (const id of keys.requirements) {
    const requirement = head.get(id)!;
    write(dir, `${id}.json`, {
      // the codebook concept as the reader reads it (null when the codebook names none)
      requirement: { ...requirement, concept_label: conceptLabel(requirement.concept as string | null) },
      wordings: (wordings.get(id) ?? []).map(({ n: _, ...w }) => ({ ...w, diff: charDiff(requirement.label as string, w.text as string) })),
    });
  }
}
