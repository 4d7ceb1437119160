// The contract's tables as files for the 数据 page. The Parquet download is the warehouse's own file,
// written by the same ingest as `zwgk ingest` (warehouse/ingest.ts), so it is byte for byte what the
// command line writes for the corpus; CSV and the Arrow IPC streams of the in-browser SQL console hold
// the same rows in the same order.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Row, TableName } from "../tables/schema.ts";
import { arrowStream, sqlString } from "../tables/write.ts";
import { runQuery } from "../warehouse/index.ts";
import { MANIFEST, type WarehouseManifest } from "../warehouse/publish.ts";
import { site } from "./data.ts";
import { SITE_DIR } from "./prepare.ts";

export async function emitTable(name: TableName, format: "parquet" | "csv" | "arrow") {
  const { conn } = await site();
  if (format === "parquet") {
    const manifest = JSON.parse(readFileSync(join(SITE_DIR, MANIFEST), "utf8")) as WarehouseManifest;
    process.stdout.write(readFileSync(join(SITE_DIR, manifest.tables[name].path)));
    return;
  }
  const select = `SELECT * FROM "${name}"`;
  if (format === "arrow") {
    const result = await runQuery(conn, select);
    process.stdout.write(arrowStream(name, result.rows as Row[]));
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "zwgk-table-"));
  try {
    const file = join(dir, `${name}.csv`);
    await conn.run(`COPY (${select}) TO ${sqlString(file)} (FORMAT csv, HEADER true)`);
    process.stdout.write("\ufeff"); // so that Excel reads the Chinese
    process.stdout.write(readFileSync(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
