// The contract's tables as files for the 数据 page: Parquet and CSV downloads, Arrow IPC streams for
// the in-browser SQL console.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SCHEMA, type Row, type TableName } from "../tables/schema.ts";
import { arrowStream, sqlString } from "../tables/write.ts";
import { runQuery } from "../warehouse/index.ts";
import { site } from "./data.ts";

export async function emitTable(name: TableName, format: "parquet" | "csv" | "arrow") {
  const { conn } = await site();
  const [first, second] = SCHEMA[name];
  const order = first.name === "doc_id" && second ? `"doc_id", "${second.name}"` : `"${first.name}"`;
  const select = `SELECT * FROM "${name}" ORDER BY ${order}`;
  if (format === "arrow") {
    const result = await runQuery(conn, select);
    process.stdout.write(arrowStream(name, result.rows as Row[]));
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "zwgk-table-"));
  try {
    const file = join(dir, `${name}.${format}`);
    await conn.run(`COPY (${select}) TO ${sqlString(file)} (${format === "parquet" ? "FORMAT parquet, COMPRESSION zstd" : "FORMAT csv, HEADER true"})`);
    if (format === "csv") process.stdout.write("\ufeff");
    process.stdout.write(readFileSync(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
