// The data of the parameterized pages (one per plan, region, year and recurring requirement), computed
// for the whole corpus in a few queries and split into one file per page. The page loaders in src/
// only copy these files: a corpus of thousands of plans must not start a process and a database per page.
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { charDiff } from "../enrich/diff.ts";
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

export async function writePages(conn: DuckDBConnection, dir: string, keys: PageKeys) {
  await writePlanPages(conn, join(dir, "plans"), keys);
  await writeRegionPages(conn, join(dir, "regions"), keys);
  await writeReportPages(conn, join(dir, "reports"), keys);
  await writeRequirementPages(conn, join(dir, "requirements"), keys);
}

async function writePlanPages(conn: DuckDBConnection, dir: string, keys: PageKeys) {
  const pages = new Set(keys.requirements);
  const meta = groupBy(await all(conn, "SELECT * EXCLUDE (sha256) FROM documents"), "doc_id");
  const sections = groupBy(await all(conn, "SELECT doc_id, section_id, parent_id, level, marker, title, span_start FROM sections ORDER BY doc_id, span_start"), "doc_id");
  const tasks = groupBy(
    await all(conn, `SELECT t.doc_id, t.task_id, t.seq, t.number, t.section_id, t.text, t.span_start, t.span_end, t.category, c.label AS category_label,
      t.categories, t.domain, t.deadline, t.frequency, t.requirement_id, r.doc_count AS requirement_plans, t.category_evidence
      FROM tasks t JOIN categories c USING (category) LEFT JOIN requirements r USING (requirement_id) ORDER BY t.doc_id, t.seq`),
    "doc_id",
  );
  const assignments = groupBy(await all(conn, "SELECT doc_id, task_id, unit_raw, unit, unit_kind, role, blanket FROM assignments ORDER BY doc_id, task_id, span_start"), "doc_id");
  const issues = groupBy(await all(conn, "SELECT doc_id, severity, code, message, span_start, span_end FROM parse_issues ORDER BY doc_id, span_start NULLS FIRST, code"), "doc_id");
  const gaps = groupBy(
    await all(conn, `SELECT 'year' AS peer, * FROM coverage_gaps(peer := 'year') UNION ALL SELECT 'province', * FROM coverage_gaps(peer := 'province')
      UNION ALL SELECT 'all', * FROM coverage_gaps(peer := 'all') ORDER BY doc_id, 1, gap_type, peer_share DESC NULLS LAST, item`),
    "doc_id",
  );
  const workload = groupBy(await all(conn, "SELECT doc_id, unit, unit_kind, blanket, led, participated, responsible, tasks, round(weighted_load, 3) AS weighted_load FROM unit_workload ORDER BY doc_id, blanket, weighted_load DESC, unit"), "doc_id");
  const texts = new Map((await all(conn, "SELECT doc_id, text FROM texts")).map((r) => [r.doc_id as string, r.text as string]));
  for (const doc of keys.docs) {
    write(dir, `${doc}.json`, {
      meta: { doc_id: doc, ...meta.get(doc)?.[0] },
      sections: sections.get(doc) ?? [],
      tasks: (tasks.get(doc) ?? []).map((t) => ({ ...t, requirement_page: pages.has(t.requirement_id as string) })),
      assignments: assignments.get(doc) ?? [],
      issues: issues.get(doc) ?? [],
      gaps: gaps.get(doc) ?? [],
      workload: workload.get(doc) ?? [],
    });
    write(dir, `${doc}.txt`, texts.get(doc) ?? "");
  }
}

async function writeRegionPages(conn: DuckDBConnection, dir: string, keys: PageKeys) {
  const plans = groupBy(await all(conn, "SELECT region_code, doc_id, region, title, year, status, issuer, doc_number, issue_date, parent_city, province, task_count FROM documents WHERE task_count > 0 ORDER BY region_code, year, doc_id"), "region_code");
  const categories = groupBy(await all(conn, "SELECT region_code, year, doc_id, category, category_label, category_ord, task_count, share FROM category_matrix ORDER BY region_code, year, category_ord"), "region_code");
  const diff = groupBy(
    await all(conn, "SELECT d.region_code, p.year, p.prev_year, p.status, p.requirement_id, p.label FROM plan_diff p JOIN documents d USING (doc_id) ORDER BY d.region_code, p.year, p.status, p.requirement_id"),
    "region_code",
  );
  for (const code of keys.regions) {
    const list = plans.get(code) ?? [];
    write(dir, `${code}.json`, { region: list[0]?.region ?? code, code, plans: list, categories: categories.get(code) ?? [], diff: diff.get(code) ?? [] });
  }
}

async function writeReportPages(conn: DuckDBConnection, dir: string, keys: PageKeys) {
  const totals = await all(conn, "SELECT year, count(*) AS plans, sum(task_count) AS tasks, count(DISTINCT province) AS provinces, round(avg(task_count), 1) AS avg_tasks FROM documents WHERE task_count > 0 AND year IS NOT NULL GROUP BY year ORDER BY year");
  const categories = await all(conn, `WITH c AS (SELECT year, category, category_label, category_ord, sum(task_count) AS tasks FROM category_matrix GROUP BY year, category, category_label, category_ord)
    SELECT *, tasks::DOUBLE / sum(tasks) OVER (PARTITION BY year) AS share FROM c ORDER BY year, category_ord`);
  const requirements = groupBy(
    await all(conn, `WITH per AS (SELECT d.year, t.requirement_id, count(DISTINCT t.doc_id) AS plans FROM tasks t JOIN documents d USING (doc_id) GROUP BY d.year, t.requirement_id),
      ranked AS (SELECT *, row_number() OVER (PARTITION BY year ORDER BY plans DESC, requirement_id) AS n FROM per)
      SELECT k.year, k.requirement_id, r.label, k.plans, r.first_year, r.doc_count FROM ranked k JOIN requirements r USING (requirement_id) WHERE k.n <= 15 ORDER BY k.year, k.n`),
    "year",
  );
  const fresh = groupBy(
    await all(conn, `SELECT first_year AS year, requirement_id, label, doc_count FROM (SELECT *, row_number() OVER (PARTITION BY first_year ORDER BY doc_count DESC, requirement_id) AS n
      FROM requirements WHERE doc_count >= 2) WHERE n <= 15 ORDER BY first_year, n`),
    "year",
  );
  const kinds = groupBy(
    await all(conn, `SELECT year, unit_kind, blanket, round(sum(weighted_load), 2) AS weighted_load, sum(led) AS led FROM unit_kind_workload GROUP BY year, unit_kind, blanket ORDER BY year, weighted_load DESC`),
    "year",
  );
  const changes = groupBy(await all(conn, "SELECT year, region, status, count(*) AS n FROM plan_diff GROUP BY year, region, status ORDER BY year, region, status"), "year");
  const [dated] = await all(conn, "SELECT count(*) AS plans, max(issue_date)::VARCHAR AS latest_issue_date FROM documents WHERE task_count > 0");
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
  const ids = keys.requirements.map((r) => `'${r.replace(/'/g, "''")}'`).join(",");
  const head = new Map((await all(conn, `SELECT * FROM requirement_rank WHERE requirement_id IN (${ids})`)).map((r) => [r.requirement_id as string, r]));
  const wordings = groupBy(
    await all(conn, `SELECT * FROM (SELECT t.requirement_id, t.task_id, t.doc_id, t.number, t.text, d.region, d.year,
        row_number() OVER (PARTITION BY t.requirement_id ORDER BY d.year, d.region, t.task_id) AS n
      FROM tasks t JOIN documents d USING (doc_id) WHERE t.requirement_id IN (${ids})) WHERE n <= 300 ORDER BY requirement_id, n`),
    "requirement_id",
  );
  for (const id of keys.requirements) {
    const requirement = head.get(id)!;
    write(dir, `${id}.json`, {
      requirement,
      wordings: (wordings.get(id) ?? []).map(({ n: _, ...w }) => ({ ...w, diff: charDiff(requirement.label as string, w.text as string) })),
    });
  }
}
