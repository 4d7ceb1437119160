// The analyses a researcher asks for first, as commands over the warehouse views.
import type { DuckDBConnection } from "@duckdb/node-api";
import { runQuery, type QueryResult } from "./index.ts";

type Options = Record<string, string | boolean | undefined>;

export interface Analysis {
  command: string;
  usage: string;
  help: string;
  options: Record<string, { type: "string" | "boolean" }>;
  run: (conn: DuckDBConnection, o: Options) => Promise<QueryResult>;
}

/** The peer groups of coverage_gaps (labels: data/labels.tsv set peer). */
export const PEERS = ["year", "province", "all"];

function where(o: Options, columns: { region?: string; year?: string } = {}): { sql: string; params: Record<string, string | number> } {
  const parts: string[] = [];
  const params: Record<string, string | number> = {};
  if (typeof o.region === "string") {
    parts.push(`${columns.region ?? "region"} = $region`);
    params.region = o.region;
  }
  if (typeof o.year === "string") {
    const year = Number(o.year);
    if (!Number.isInteger(year)) throw new RangeError(`--year must be a year, not ${o.year}`);
    parts.push(`${columns.year ?? "year"} = $year`);
    params.year = year;
  }
  return { sql: parts.length ? `WHERE ${parts.join(" AND ")}` : "", params };
}

export const ANALYSES: Analysis[] = [
  {
    command: "gaps",
    usage: "[--region 庆元县] [--year 2022] [--peer year|province|all] [--min-share 0.5] [--parent]",
    help:
      "Categories and widely shared requirements a plan leaves out, compared with its peers and the plans above it. " +
      "--parent: every requirement of each plan above it (prefecture, province, nation; same year or the year before), copied, modified or absent.",
    options: { region: { type: "string" }, year: { type: "string" }, peer: { type: "string" }, "min-share": { type: "string" }, parent: { type: "boolean" } },
    run: (conn, o) => {
      if (o.parent === true) {
        const w = where(o);
        return runQuery(conn, `SELECT region, year, parent_region, parent_level, parent_year, parent_number, status, number, similarity, parent_text
          FROM parent_coverage ${w.sql}
          ORDER BY region, year, parent_level, parent_region, parent_year, parent_seq`, w.params);
      }
      const peer = typeof o.peer === "string" ? o.peer : "year";
      if (!PEERS.includes(peer)) throw new RangeError(`--peer must be one of ${PEERS.join(", ")}`);
      const minShare = typeof o["min-share"] === "string" ? Number(o["min-share"]) : 0.5;
      if (!(minShare > 0 && minShare <= 1)) throw new RangeError("--min-share must be a number in (0, 1]");
      const w = where(o);
      return runQuery(conn, `SELECT region, year, gap_type, item, label, carriers, peers, round(peer_share, 2) AS peer_share
        FROM coverage_gaps(peer := '${peer}', min_share := ${minShare}) ${w.sql}
        ORDER BY region, year, gap_type, peer_share DESC NULLS LAST, item`, w.params);
    },
  },
  {
    command: "workload",
    usage: "[--region 翁源县] [--year 2018] [--by unit|kind]",
    help: "Tasks led, participated in and responsible for, per unit or unit kind, weighted and raw; blanket groups flagged.",
    options: { region: { type: "string" }, year: { type: "string" }, by: { type: "string" } },
    run: (conn, o) => {
      const by = typeof o.by === "string" ? o.by : "unit";
      if (by !== "unit" && by !== "kind") throw new RangeError("--by must be unit or kind");
      const w = where(o);
      const view = by === "unit" ? "unit_workload" : "unit_kind_workload";
      const cols = by === "unit" ? "region, year, unit, unit_kind, blanket" : "region, year, unit_kind, blanket, units";
      return runQuery(conn, `SELECT ${cols}, led, participated, responsible, tasks, round(weighted_load, 2) AS weighted_load
        FROM ${view} ${w.sql} ORDER BY region, year, blanket, weighted_load DESC, tasks DESC, ${by === "unit" ? "unit" : "unit_kind"}`, w.params);
    },
  },
  {
    command: "categories",
    usage: "[--region 英德市] [--year 2022]",
    help: "Tasks per category for each plan, with shares.",
    options: { region: { type: "string" }, year: { type: "string" } },
    run: (conn, o) => {
      const w = where(o);
      return runQuery(conn, `SELECT region, year, category, category_label, task_count, round(share, 3) AS share
        FROM category_matrix ${w.sql} ORDER BY region, year, category_ord`, w.params);
    },
  },
  {
    command: "diff",
    usage: "[--region 庆元县]",
    help: "For regions with plans of several years: requirements added, dropped and kept from one plan to the next.",
    options: { region: { type: "string" } },
    run: (conn, o) => {
      const w = where(o);
      return runQuery(conn, `SELECT region, prev_year, year, status, requirement_id, label FROM plan_diff ${w.sql}
        ORDER BY region, year, status, requirement_id`, w.params);
    },
  },
];

export function runAnalysis(conn: DuckDBConnection, command: string, options: Options): Promise<QueryResult> {
  const analysis = ANALYSES.find((a) => a.command === command);
  if (!analysis) throw new RangeError(`unknown analysis ${command}`);
  return analysis.run(conn, options);
}
