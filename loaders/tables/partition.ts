// Hive-partitioned Parquet (<table>/province=…/year=…/data_0.parquet) for corpora that outgrow one
// machine: DuckDB, Spark and Trino read it unchanged. Tables without province and year of their own get
// them from their document, so every table partitions the same way.
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { SCHEMA, TABLE_NAMES, type Tables } from "./schema.ts";
import { loadTable, openDuckDB, sqlString } from "./write.ts";

export async function writePartitioned(dir: string, tables: Tables): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const conn = await openDuckDB();
  await loadTable(conn, "documents", SCHEMA.documents, tables.documents);
  for (const name of TABLE_NAMES) {
    if (name !== "documents") await loadTable(conn, name, SCHEMA[name], tables[name]);
    const target = join(resolve(dir), name);
    rmSync(target, { recursive: true, force: true });
    const select =
      name === "requirements"
        ? `SELECT *, 'all' AS province, 0 AS year FROM requirements` // corpus-wide: one partition
        : name === "documents"
          ? `SELECT *, coalesce(province, 'unknown') AS province_part, coalesce(year, 0) AS year_part FROM documents`
          : `SELECT t.*, coalesce(d.province, 'unknown') AS province, coalesce(d.year, 0) AS year FROM "${name}" t JOIN documents d USING (doc_id)`;
    // documents has its own province/year columns: partition on copies, named as elsewhere
    const sql =
      name === "documents"
        ? `COPY (SELECT * EXCLUDE (province_part, year_part), province_part AS partition_province, year_part AS partition_year FROM (${select})) TO ${sqlString(target)} (FORMAT parquet, PARTITION_BY (partition_province, partition_year))`
        : `COPY (${select}) TO ${sqlString(target)} (FORMAT parquet, PARTITION_BY (province, year))`;
    await conn.run(sql);
  }
  conn.closeSync();
}
