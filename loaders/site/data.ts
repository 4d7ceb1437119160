// What the dashboard's data loaders (src/data, src/plans …) share: the prepared warehouse and output.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { openWarehouse, runQuery } from "../warehouse/index.ts";
import { hasCurrentManifest } from "../warehouse/publish.ts";
import { columnsOf } from "./columns.ts";
import { prepareSite, SITE_DIR, type Manifest } from "./prepare.ts";

export { columnsOf };

let opened: Promise<{ conn: DuckDBConnection; manifest: Manifest }> | null = null;

export function site(): Promise<{ conn: DuckDBConnection; manifest: Manifest }> {
  opened ??= (async () => {
    // a cache from before warehouse manifests, of an older warehouse format, or of a cut-short prepare is prepared again
    if (!existsSync(join(SITE_DIR, "manifest.json")) || !hasCurrentManifest(SITE_DIR)) await prepareSite();
    const manifest = JSON.parse(readFileSync(join(SITE_DIR, "manifest.json"), "utf8")) as Manifest;
    return { conn: await openWarehouse(SITE_DIR), manifest };
  })();
  return opened;
}

export async function rows<T = Record<string, unknown>>(sql: string, params?: Record<string, string | number | boolean | null>): Promise<T[]> {
  const { conn } = await site();
  return (await runQuery(conn, sql, params)).rows as T[];
}

export function emitJson(value: unknown) {
  process.stdout.write(JSON.stringify(value));
}

/** A page's data as plain rows: a JSON array of objects, selected from a warehouse view. */
export async function emitRows(sql: string) {
  emitJson(await rows(sql));
}

/** A page's data as columns (columnsOf), selected from a warehouse view: for tables that grow with the corpus. */
export async function emitColumns(sql: string) {
  emitJson(columnsOf(await rows(sql)));
}

/** The value of --name=value given to a parameterized loader. */
export function param(name: string): string {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (!arg) throw new Error(`missing --${name}`);
  return arg.slice(name.length + 3);
}

/** Above this many tasks the categories page ships no task list and links to the plan pages instead. */
export const INLINE_TASKS = 4000;

/** Up to this many unit rows (unit_workload), the workload page ships each plan's units and kinds. */
export const INLINE_UNIT_ROWS = 20000;

export async function inlineUnits(): Promise<boolean> {
  const [{ n }] = await rows<{ n: number }>("SELECT count(*) AS n FROM unit_workload");
  return n <= INLINE_UNIT_ROWS;
}

/** Whether the corpus-wide pages compare provinces by year rather than plans (decided by the view plan_groups). */
export async function grouped(): Promise<boolean> {
  const [first] = await rows<{ grouped: boolean }>("SELECT grouped FROM display_groups LIMIT 1");
  return first?.grouped ?? false;
}
