// loaders/warehouse — DuckDB over the contract's tables: each table a view over its Parquet file (or
// its Hive-partitioned folder), the analyses as the views and macros of sql/*.sql.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { StatementType, type DuckDBConnection } from "@duckdb/node-api";
import { labels, LABEL_SETS } from "../labels.ts";
import { TABLE_NAMES, type Tables } from "../tables/schema.ts";
import { SCHEMA } from "../tables/schema.ts";
import { loadTable, openDuckDB, sqlString } from "../tables/write.ts";
import { verifyWarehouse } from "./publish.ts";

const SQL_DIR = fileURLToPath(new URL("./sql/", import.meta.url));

/** The analyses' SQL, in dependency order (a view may use the views before it). */
export const ANALYSIS_FILES = [
  "category_matrix", "unit_workload", "unit_kind_workload", "requirement_presence", "lineage_views", "coverage_gaps", "plan_diff",
  // what the dashboard's pages read (each page's loader selects from these, and only from these and the tables)
  "plan_groups", "category_groups", "gaps_by_group", "requirement_views", "workload_totals", "corpus_summary", "yearly_report", "plan_pages",
];

/** The reference tables the views join: labels (data/labels.tsv: set, id, label, colour, ord within its set) and categories. */
async function addLabels(conn: DuckDBConnection) {
  const rows = LABEL_SETS.flatMap((set) => labels(set).map((l, i) => ({ ...l, ord: i + 1 })));
  await loadTable(conn, "labels", [{ name: "set", type: "VARCHAR" }, { name: "id", type: "VARCHAR" }, { name: "label", type: "VARCHAR" }, { name: "colour", type: "VARCHAR" }, { name: "ord", type: "INTEGER" }], rows);
  await conn.run(`CREATE OR REPLACE VIEW categories AS SELECT id AS category, label, ord, colour FROM labels WHERE "set" = 'category'`);
}

export async function addAnalyses(conn: DuckDBConnection) {
  await addLabels(conn);
  for (const name of ANALYSIS_FILES) await conn.run(readFileSync(join(SQL_DIR, `${name}.sql`), "utf8"));
}

/**
 * A connection with the tables of <dir> as views and the analyses defined. The folder's manifest must
 * match its files (verifyWarehouse): a folder an interrupted ingest left is refused with a WarehouseError.
 */
export async function openWarehouse(dir: string): Promise<DuckDBConnection> {
  const conn = await openDuckDB();
  try {
    const manifest = await verifyWarehouse(dir, conn);
    for (const name of TABLE_NAMES) {
      const { path, files } = manifest.tables[name];
      const at = join(resolve(dir), path);
      if (manifest.layout === "flat") await conn.run(`CREATE VIEW "${name}" AS SELECT * FROM read_parquet(${sqlString(at)})`);
      else if (files > 0) await conn.run(`CREATE VIEW "${name}" AS SELECT * FROM read_parquet(${sqlString(join(at, "**", "*.parquet"))}, hive_partitioning = true, union_by_name = true)`);
      else await loadTable(conn, name, SCHEMA[name], []); // an empty partitioned table has no files to read
    }
    await addAnalyses(conn);
  } catch (e) {
    conn.closeSync();
    throw e;
  }
  return conn;
}

/** A connection over in-memory tables (data loaders and tests, without files). */
export async function warehouseFromTables(tables: Tables): Promise<DuckDBConnection> {
  const conn = await openDuckDB();
  for (const name of TABLE_NAMES) await loadTable(conn, name, SCHEMA[name], tables[name]);
  await addAnalyses(conn);
  return conn;
}

/**
 * Confine a connection to reading the warehouse in <dir>: DuckDB opens no file outside it (no read_text of
 * /etc/…, no ATTACH, no extension install), and the configuration is locked so no query can undo that.
 */
export async function confine(conn: DuckDBConnection, dir: string): Promise<void> {
  await conn.run(`SET allowed_directories = [${sqlString(resolve(dir))}]`);
  await conn.run("SET enable_external_access = false");
  await conn.run("SET lock_configuration = true");
}

/** Statements a user's query may hold: reading only (SELECT, and DESCRIBE/SHOW/SUMMARIZE/PRAGMA that read; EXPLAIN). */
const READING = new Set([StatementType.SELECT, StatementType.EXPLAIN]);

export class QueryRefused extends Error {}

/** Run a user's SQL after checking that every statement in it only reads (no COPY … TO over the warehouse). */
export async function runReadingQuery(conn: DuckDBConnection, sql: string): Promise<QueryResult> {
  const statements = await conn.extractStatements(sql);
  for (let i = 0; i < statements.count; i++) {
    const type = (await statements.prepare(i)).statementType;
    if (!READING.has(type)) throw new QueryRefused(`only queries that read are run (statement ${i + 1} is ${StatementType[type]}); use --unsafe to run any SQL with your own rights`);
  }
  return runQuery(conn, sql);
}

export interface QueryResult {
  columns: string[];
  types: string[];
  rows: Record<string, unknown>[];
}

const INTEGER_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;

/** Run SQL (named parameters as $name) and return plain JSON-ready rows: integers as numbers, dates as YYYY-MM-DD. */
export async function runQuery(conn: DuckDBConnection, sql: string, params?: Record<string, string | number | boolean | null>): Promise<QueryResult> {
  const reader = params ? await conn.runAndReadAll(sql, params as never) : await conn.runAndReadAll(sql);
  const columns = reader.columnNames();
  const types = reader.columnTypes().map((t) => t.toString());
  const rows = reader.getRowObjectsJson() as Record<string, unknown>[];
  for (const row of rows) {
    for (let c = 0; c < columns.length; c++) {
      const v = row[columns[c]];
      if (typeof v === "string" && INTEGER_TYPES.test(types[c])) row[columns[c]] = Number(v);
    }
  }
  return { columns, types, rows };
}

export type OutputFormat = "table" | "json" | "csv";

export function formatRows(result: QueryResult, format: OutputFormat): string {
  if (format === "json") return JSON.stringify(result.rows) + "\n";
  const cell = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));
  if (format === "csv") {
    const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    return [result.columns.map(quote).join(","), ...result.rows.map((r) => result.columns.map((c) => quote(cell(r[c]))).join(","))].join("\n") + "\n";
  }
  // a readable table: display width counts CJK as two columns
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  const clip = (s: string) => {
    let out = "";
    let w = 0;
    for (const ch of s.replace(/\s+/g, " ")) {
      const cw = width(ch);
      if (w + cw > 60) return out + "…";
      out += ch;
      w += cw;
    }
    return out;
  };
  const cells = result.rows.map((r) => result.columns.map((c) => clip(cell(r[c]))));
  const widths = result.columns.map((c, i) => Math.max(width(c), ...cells.map((row) => width(row[i]))));
  const pad = (s: string, i: number) => s + " ".repeat(widths[i] - width(s));
  const lines = [result.columns.map(pad).join("  "), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map((row) => row.map(pad).join("  "))];
  return lines.join("\n") + `\n(${result.rows.length} row${result.rows.length === 1 ? "" : "s"})\n`;
}
