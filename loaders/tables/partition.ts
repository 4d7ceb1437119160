// Hive-partitioned Parquet (<table>/province=…/year=…/data_0.parquet, values percent-encoded) for
// corpora that outgrow one machine: DuckDB, Spark and Trino read it unchanged. Tables without province and year of their own get
// them from their document, so every table partitions the same way.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { SCHEMA, TABLE_NAMES, type Tables } from "./schema.ts";
import type { DuckDBConnection } from "@duckdb/node-api";
import { loadTable, openDuckDB, sqlString } from "./write.ts";

export async function writePartitioned(dir: string, tables: Tables): Promise<void> {
  const conn = await openDuckDB();
  for (const name of TABLE_NAMES) await loadTable(conn, name, SCHEMA[name], tables[name]);
  await copyPartitioned(conn, dir);
  conn.closeSync();
}

/** COPY every table of the contract that `conn` holds to <dir>/<table>/province=…/year=…/ (a fresh folder: warehouse/publish.ts stages it). */
export async function copyPartitioned(conn: DuckDBConnection, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const name of TABLE_NAMES) {
    const target = join(resolve(dir), name);
    // documents carry province and year themselves; the other tables take them from their document
    const select =
      name === "requirements"
        ? `SELECT *, 'all' AS province, 0 AS year FROM requirements` // corpus-wide: one partition
        : name === "documents"
          ? `SELECT * FROM documents`
          : `SELECT t.*, d.province, d.year FROM "${name}" t JOIN documents d USING (doc_id)`;
    const sql = `COPY (${select}) TO ${sqlString(target)} (FORMAT parquet, PARTITION_BY (province, year))`;
    await conn.run(sql);
  }
}
