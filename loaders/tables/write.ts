// Rows → Arrow tables and files: Parquet through DuckDB (one file per table), Arrow IPC streams for
// the browser. Row order is the caller's; output is byte-identical for identical rows.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { DuckDBInstance, dateValue, listValue, type DuckDBAppender, type DuckDBConnection } from "@duckdb/node-api";
import { Bool, DateDay, Int32, Float64, List, Field, Table, Utf8, vectorFromArray, tableToIPC, type DataType, type Vector } from "apache-arrow";
import { SCHEMA, TABLE_NAMES, type Column, type Row, type TableName, type Tables } from "./schema.ts";

function arrowType(c: Column): DataType {
  switch (c.type) {
    case "VARCHAR":
      return new Utf8();
    case "INTEGER":
      return new Int32();
    case "DOUBLE":
      return new Float64();
    case "BOOLEAN":
      return new Bool();
    case "DATE":
      return new DateDay();
    case "VARCHAR[]":
      return new List(new Field("item", new Utf8(), true));
  }
}

export function toArrow(name: TableName, rows: Row[], columns: Column[] = SCHEMA[name]): Table {
  const vectors: Record<string, Vector> = {};
  for (const c of columns) {
    const values = rows.map((r) => {
      const v = r[c.name] ?? null;
      if (v !== null && c.type === "DATE") return new Date(`${v as string}T00:00:00Z`);
      return v;
    });
    vectors[c.name] = vectorFromArray(values as never[], arrowType(c) as never) as Vector;
  }
  return new Table(vectors);
}

export function arrowStream(name: TableName, rows: Row[], columns?: Column[]): Uint8Array {
  return tableToIPC(toArrow(name, rows, columns), "stream");
}

const DAY_MS = 86_400_000;

export function appendRow(appender: DuckDBAppender, columns: Column[], row: Row) {
  for (const c of columns) append(appender, c, row[c.name]);
  appender.endRow();
}

/** Rows given as columns (columns[k][r] is row r's value of column k). */
export function appendColumns(appender: DuckDBAppender, columns: Column[], values: Row[string][][], length: number) {
  for (let r = 0; r < length; r++) {
    for (let k = 0; k < columns.length; k++) append(appender, columns[k], values[k][r]);
    appender.endRow();
  }
}

function append(appender: DuckDBAppender, c: Column, v: Row[string] | undefined) {
  if (v === null || v === undefined) return appender.appendNull();
  switch (c.type) {
    case "VARCHAR":
      return appender.appendVarchar(String(v));
    case "INTEGER":
      return appender.appendInteger(v as number);
    case "DOUBLE":
      return appender.appendDouble(v as number);
    case "BOOLEAN":
      return appender.appendBoolean(v as boolean);
    case "DATE":
      return appender.appendDate(dateValue(Math.round(Date.parse(`${v as string}T00:00:00Z`) / DAY_MS)));
    case "VARCHAR[]":
      return appender.appendList(listValue(v as string[]));
  }
}

/** Create (or replace) a DuckDB table from rows, using the contract's types. */
export async function loadTable(conn: DuckDBConnection, name: string, columns: Column[], rows: Row[]) {
  await conn.run(`CREATE OR REPLACE TABLE "${name}" (${columns.map((c) => `"${c.name}" ${c.type}`).join(", ")})`);
  if (rows.length === 0) return;
  const appender = await conn.createAppender(name);
  for (const row of rows) appendRow(appender, columns, row);
  appender.closeSync();
}

/**
 * A DuckDB connection: in memory, or in a database file (with a memory limit) for data larger than
 * memory should hold. One thread: deterministic row groups and byte-identical files.
 */
export async function openDuckDB(file = ":memory:", memoryLimit?: string): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(file, { threads: "1", ...(memoryLimit ? { memory_limit: memoryLimit } : {}) });
  return instance.connect();
}

export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** COPY every table of the contract that `conn` holds to <dir>/<table>.parquet, in insertion order. */
export async function writeTablesToParquet(conn: DuckDBConnection, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const name of TABLE_NAMES) {
    const file = join(resolve(dir), `${name}.parquet`);
    await conn.run(`COPY "${name}" TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`);
    files.push(file);
  }
  return files;
}

/**
 * Write every table as <dir>/<table>.parquet (files only: warehouse/publish.ts's publishTables makes them a
 * warehouse, with a manifest).
 */
export async function writeParquet(dir: string, tables: Tables): Promise<string[]> {
  const c = await openDuckDB();
  try {
    for (const name of TABLE_NAMES) await loadTable(c, name, SCHEMA[name], tables[name]);
    return await writeTablesToParquet(c, dir);
  } finally {
    c.closeSync();
  }
}
