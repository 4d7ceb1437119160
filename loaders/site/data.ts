// What the dashboard's data loaders (src/data, src/plans …) share: the prepared warehouse and output.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { openWarehouse, runQuery } from "../warehouse/index.ts";
import { MANIFEST } from "../warehouse/publish.ts";
import { prepareSite, SITE_DIR, type Manifest } from "./prepare.ts";

let opened: Promise<{ conn: DuckDBConnection; manifest: Manifest }> | null = null;

export function site(): Promise<{ conn: DuckDBConnection; manifest: Manifest }> {
  opened ??= (async () => {
    // a cache from before warehouse manifests (or a cut-short prepare) is prepared again
    if (!existsSync(join(SITE_DIR, "manifest.json")) || !existsSync(join(SITE_DIR, MANIFEST))) await prepareSite();
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

/** The value of --name=value given to a parameterized loader. */
export function param(name: string): string {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (!arg) throw new Error(`missing --${name}`);
  return arg.slice(name.length + 3);
}

/** Above this many tasks the corpus-wide pages ship aggregates only and link to per-plan pages. */
export const INLINE_TASKS = 4000;

/**
 * Up to this many plans the corpus-wide pages compare plans one by one; beyond it they compare provinces
 * by year (a heatmap of 3,000 rows is neither readable nor light), and the plan pages hold the detail.
 */
export const PER_PLAN_LIMIT = 60;

export async function grouped(): Promise<boolean> {
  const { manifest } = await site();
  return manifest.docs.length > PER_PLAN_LIMIT;
}

/** The province-and-year group of a plan, as a key and a label, in SQL over `documents` aliased d. */
export const GROUP_KEY = "coalesce(d.province, '未识别省份') || ' ' || coalesce(d.year::VARCHAR, '年份不详')";
