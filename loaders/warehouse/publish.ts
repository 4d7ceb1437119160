// Publishing a warehouse folder atomically. An ingest writes its tables into a staging folder beside them
// (<out>/.zwgk-staging-<pid>/), counts their rows, and only then swaps them in, the manifest
// (zwgk-manifest.json: the run's id, layout, and each table's path and row count) last. A reader trusts
// a folder only when its manifest matches the files, so an interrupted ingest is refused, never read as a
// mix of two runs. Only what an earlier ingest listed in a manifest is ever removed; a folder holding
// anything else under a table's name is refused. One ingest at a time: <out>/.zwgk.lock holds its pid.
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { writePartitioned } from "../tables/partition.ts";
import { TABLE_NAMES, type TableName, type Tables } from "../tables/schema.ts";
import { openDuckDB, sqlString, writeParquet } from "../tables/write.ts";

export const MANIFEST = "zwgk-manifest.json";
const PREVIOUS = ".zwgk-manifest.previous.json";
const LOCK = ".zwgk.lock";
const STAGING = ".zwgk-staging-";
// 2: requirements gained a concept column (the requirement_rank view selects it); 3: tasks gained
// requirement_link and requirements wording_doc_count. A warehouse of an older format reads as none, and
// ingest writes it again
const FORMAT = "zwgk-warehouse/3";

export type Layout = "flat" | "partitioned";

export interface WarehouseManifest {
  format: typeof FORMAT;
  /** sha256 of the table files (paths and bytes): the same corpus gives the same run id. */
  run: string;
  layout: Layout;
  tables: Record<TableName, { path: string; rows: number; files: number; bytes: number }>;
}

/** A folder that cannot take a warehouse, or a warehouse that cannot be trusted: a message for the user. */
export class WarehouseError extends Error {}

/** Where each table lives in a layout, relative to the warehouse folder. */
function tablePath(name: TableName, layout: Layout): string {
  return layout === "flat" ? `${name}.parquet` : name;
}

/** The Parquet files of a table entry (one file, or every file under its partition folders), sorted. */
function parquetFiles(root: string, entry: string): string[] {
  const full = join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [full];
  const files: string[] = [];
  const stack = [full];
  while (stack.length) {
    const dir = stack.pop()!;
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, d.name);
      if (d.isDirectory()) stack.push(p);
      else if (d.isFile() && d.name.endsWith(".parquet")) files.push(p);
    }
  }
  return files.sort();
}

function sizeOf(files: string[]): number {
  return files.reduce((n, f) => n + statSync(f).size, 0);
}

async function countRows(conn: DuckDBConnection, files: string[]): Promise<number> {
  if (files.length === 0) return 0;
  const list = `[${files.map(sqlString).join(", ")}]`;
  const reader = await conn.runAndReadAll(`SELECT coalesce(sum(num_rows), 0)::BIGINT AS n FROM parquet_file_metadata(${list})`);
  return Number(reader.getRowObjectsJson()[0].n);
}

/** Does `dir` hold a warehouse manifest this version of zwgk reads (its format, its tables)? */
export function hasCurrentManifest(dir: string): boolean {
  return readManifest(join(dir, MANIFEST)) !== null;
}

function readManifest(path: string): WarehouseManifest | null {
  if (!existsSync(path)) return null;
  try {
    const m = JSON.parse(readFileSync(path, "utf8")) as WarehouseManifest;
    return m && m.format === FORMAT && m.tables ? m : null;
  } catch {
    return null;
  }
}

/** Is the process that wrote a lock or staging folder still running (on this machine)? */
function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * An output folder claimed by this process: checked (a folder, writable), locked against a second ingest,
 * cleared of what interrupted ingests left, and checked for entries under a table's name that no ingest
 * wrote — all before any parsing starts.
 */
export class WarehouseOutput {
  private released = false;
  /** Table entries some manifest in the folder lists (the live one, or one an interrupted run left). */
  private owned = new Set<string>();

  private constructor(
    readonly dir: string,
    private readonly lock: string,
  ) {}

  static claim(dir: string): WarehouseOutput {
    const root = resolve(dir);
    if (existsSync(root) && !statSync(root).isDirectory()) throw new WarehouseError(`--out ${dir} is a file, not a folder`);
    makeFolder(root, dir);
    const lock = join(root, LOCK);
    takeLock(dir, lock);
    const output = new WarehouseOutput(root, lock);
    try {
      output.owned = output.ownedEntries();
      output.checkForeignEntries();
      output.clearLeftovers();
    } catch (e) {
      output.release();
      throw e;
    }
    return output;
  }

  /** The entries (table files or folders) earlier ingests wrote, by any manifest still in the folder. */
  private ownedEntries(): Set<string> {
    const owned = new Set<string>();
    const manifests = [join(this.dir, MANIFEST), join(this.dir, PREVIOUS)];
    for (const d of readdirSync(this.dir)) if (d.startsWith(STAGING)) manifests.push(join(this.dir, d, MANIFEST));
    for (const path of manifests) {
      const m = readManifest(path);
      if (m) for (const t of Object.values(m.tables)) owned.add(t.path);
    }
    return owned;
  }

  /** Staging folders of ingests that are no longer running are removed (their tables never went live). */
  private clearLeftovers() {
    for (const d of readdirSync(this.dir)) {
      if (!d.startsWith(STAGING)) continue;
      const pid = Number(d.slice(STAGING.length));
      // an interrupted swap may have moved some of its tables out already: `owned` keeps them
      if (pid === process.pid || !alive(pid)) rmSync(join(this.dir, d), { recursive: true, force: true });
    }
  }

  private checkForeignEntries() {
    const owned = this.owned;
    const foreign: string[] = [];
    for (const name of TABLE_NAMES) for (const entry of [`${name}.parquet`, name]) if (existsSync(join(this.dir, entry)) && !owned.has(entry)) foreign.push(entry);
    if (foreign.length > 0) {
      throw new WarehouseError(
        `${this.dir} holds ${foreign.join(", ")}, which no zwgk ingest listed in a manifest: nothing was written, so as not to replace them. ` +
          `Choose an empty --out folder, or move them away.`,
      );
    }
  }

  /**
   * Write a run's tables with `write(staging)`, count their rows, write the manifest, and swap them in:
   * the old manifest goes first (readers now refuse the folder), then the old tables, then the new tables
   * move in, and the new manifest last.
   */
  async publish(layout: Layout, write: (staging: string) => Promise<void>): Promise<WarehouseManifest> {
    const staging = join(this.dir, `${STAGING}${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
    await write(staging);
    const conn = await openDuckDB();
    const hash = createHash("sha256");
    const tables = {} as WarehouseManifest["tables"];
    try {
      for (const name of TABLE_NAMES) {
        const path = tablePath(name, layout);
        if (!existsSync(join(staging, path))) throw new Error(`the ${name} table was not written to ${staging}`);
        const files = parquetFiles(staging, path);
        for (const f of files) hash.update(relative(staging, f).split(sep).join("/")).update("\0").update(readFileSync(f));
        tables[name] = { path, rows: await countRows(conn, files), files: files.length, bytes: sizeOf(files) };
      }
    } finally {
      conn.closeSync();
    }
    const manifest: WarehouseManifest = { format: FORMAT, run: hash.digest("hex").slice(0, 16), layout, tables };
    writeFileSync(join(staging, MANIFEST), JSON.stringify(manifest, null, 1) + "\n");

    const live = join(this.dir, MANIFEST);
    const previous = join(this.dir, PREVIOUS);
    if (existsSync(live)) renameSync(live, previous);
    for (const path of this.owned) rmSync(join(this.dir, path), { recursive: true, force: true });
    for (const name of TABLE_NAMES) renameSync(join(staging, tables[name].path), join(this.dir, tables[name].path));
    renameSync(join(staging, MANIFEST), live);
    rmSync(previous, { force: true });
    this.owned = new Set(Object.values(tables).map((t) => t.path));
    rmSync(staging, { recursive: true, force: true });
    return manifest;
  }

  /** Remove the staging folder (if a run stops before publishing) and the lock. */
  release() {
    if (this.released) return;
    this.released = true;
    rmSync(join(this.dir, `${STAGING}${process.pid}`), { recursive: true, force: true });
    try {
      if (readFileSync(this.lock, "utf8").split("\n")[0] === String(process.pid)) unlinkSync(this.lock);
    } catch {
      // already gone
    }
  }
}

/**
 * mkdir -p, one level at a time: Node's recursive mkdirSync loops forever where a parent exists but
 * refuses children (/proc/x), so each missing level is made, and the first refusal is the answer.
 */
function makeFolder(root: string, asGiven: string) {
  const missing: string[] = [];
  for (let p = root; !existsSync(p); p = dirname(p)) missing.unshift(p);
  for (const p of missing) {
    try {
      mkdirSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EEXIST" && statSync(p).isDirectory()) continue;
      throw new WarehouseError(`cannot create the folder ${asGiven}: ${code ?? (e as Error).message} at ${p}`);
    }
  }
  if (!statSync(root).isDirectory()) throw new WarehouseError(`--out ${asGiven} is not a folder`);
}

function takeLock(dir: string, lock: string) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, "wx");
      writeSync(fd, `${process.pid}\n${hostname()}\n`);
      closeSync(fd);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "EEXIST") throw new WarehouseError(`cannot write to ${dir}: ${code ?? (e as Error).message}`);
    }
    const [pid, host] = readFileSync(lock, "utf8").split("\n");
    const sameHost = !host || host === hostname();
    if (sameHost && !alive(Number(pid))) {
      rmSync(lock, { force: true }); // left by an ingest that was killed: take it over
      continue;
    }
    throw new WarehouseError(`another zwgk ingest (process ${pid}${sameHost ? "" : ` on ${host}`}) is writing to ${dir}; wait for it to finish (or remove ${lock} if it is gone)`);
  }
  throw new WarehouseError(`could not lock ${dir}`);
}

/** Claim <dir>, publish one run's tables into it, and let it go: for writers that hold their tables already. */
export async function writeWarehouse(dir: string, layout: Layout, write: (staging: string) => Promise<void>): Promise<WarehouseManifest> {
  const output = WarehouseOutput.claim(dir);
  try {
    return await output.publish(layout, write);
  } finally {
    output.release();
  }
}

/** Publish tables held in memory as the warehouse in <dir> (data loaders and tests). */
export function publishTables(dir: string, tables: Tables, layout: Layout = "flat"): Promise<WarehouseManifest> {
  return writeWarehouse(dir, layout, async (staging) => {
    if (layout === "flat") await writeParquet(staging, tables);
    else await writePartitioned(staging, tables);
  });
}

/**
 * Check a warehouse folder before reading it: its manifest is present, and every table it lists is there
 * with the rows it lists. Returns the manifest, or throws a WarehouseError that says what to do.
 */
export async function verifyWarehouse(dir: string, conn: DuckDBConnection): Promise<WarehouseManifest> {
  const root = resolve(dir);
  const manifest = readManifest(join(root, MANIFEST));
  if (!manifest) {
    const some = TABLE_NAMES.some((n) => existsSync(join(root, `${n}.parquet`)) || existsSync(join(root, n)));
    throw new WarehouseError(
      some
        ? `${dir} has tables but no ${MANIFEST}: an ingest was interrupted (or wrote it with an older zwgk). Run \`zwgk ingest … --out ${dir}\` again.`
        : `${dir} holds no warehouse: run \`zwgk ingest … --out ${dir}\` first`,
    );
  }
  for (const name of TABLE_NAMES) {
    const t = manifest.tables[name];
    if (!t) throw new WarehouseError(`${dir}/${MANIFEST} lists no ${name} table: run \`zwgk ingest … --out ${dir}\` again`);
    if (!existsSync(join(root, t.path))) throw new WarehouseError(`${dir}/${t.path} is missing although ${MANIFEST} lists it: run \`zwgk ingest … --out ${dir}\` again`);
    const files = parquetFiles(root, t.path);
    let rows: number;
    try {
      rows = await countRows(conn, files);
    } catch (e) {
      throw new WarehouseError(`${dir}/${t.path} is not readable Parquet (${(e as Error).message.split("\n")[0]}): run \`zwgk ingest … --out ${dir}\` again`);
    }
    const bytes = sizeOf(files);
    if (files.length !== t.files || rows !== t.rows || bytes !== t.bytes) {
      throw new WarehouseError(
        `${dir}/${t.path} holds ${rows} rows in ${files.length} files (${bytes} bytes), but ${MANIFEST} (run ${manifest.run}) lists ${t.rows} rows in ${t.files} (${t.bytes} bytes): ` +
          `the folder mixes two runs. Run \`zwgk ingest … --out ${dir}\` again.`,
      );
    }
  }
  return manifest;
}
