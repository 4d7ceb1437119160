// Incremental ingest: a prepared document (prepare.ts) is kept on disk under a key made of the file's path
// and the sha256 of its bytes, in a folder named after the code and data that made it. A second ingest
// into the same --out reads back what it finds there and parses only files that are new or changed; the
// requirement groups are still made over the whole corpus. Any change to the parser, its tables in data/,
// the installed packages or Node's serialiser gives a new folder, so a cached entry is never stale.
//
//   <out>/.zwgk-cache/<version>/<key[0..2]>/<key>.v8
//
// Entries are written whole (to a temporary name, then renamed), an entry that cannot be read back is
// prepared again, and after an ingest the entries it did not use (files removed or changed) and the
// folders of other versions are removed.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import type { PreparedDoc } from "./prepare.ts";

/** The cache's folder inside a warehouse folder (publish.ts removes only the tables its manifests list). */
export const CACHE_FOLDER = ".zwgk-cache";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** What the rows of a document depend on besides its path and bytes: the code, its data tables, the packages. */
const VERSION_INPUTS = ["loaders", "data", "package-lock.json"];

let version: string | null = null;

/** The version of the code that prepares documents: a sha256 over VERSION_INPUTS and the serialiser's format. */
export function preparerVersion(): string {
  version ??= versionOf(VERSION_INPUTS.map((p) => join(ROOT, p)), ROOT);
  return version;
}

/** sha256 over every file under `paths` (names relative to `root`, and bytes), in a fixed order. */
export function versionOf(paths: string[], root: string): string {
  const hash = createHash("sha256").update(`node-v8 ${process.versions.v8}\0`);
  const files: string[] = [];
  const stack = [...paths];
  while (stack.length) {
    const p = stack.pop()!;
    if (!existsSync(p)) continue;
    if (statSync(p).isDirectory()) for (const name of readdirSync(p)) stack.push(join(p, name));
    else files.push(p);
  }
  for (const f of files.sort()) hash.update(relative(root, f).split(sep).join("/")).update("\0").update(readFileSync(f)).update("\0");
  return hash.digest("hex").slice(0, 16);
}

/** The key of a file's entry: its path as stored in source_file, and its bytes. */
export function cacheKey(sourceFile: string, bytes: Uint8Array): string {
  return createHash("sha256").update(sourceFile).update("\0").update(bytes).digest("hex");
}

/** A cache folder for one preparer version. Worker threads open their own on the same folder. */
export class PrepareCache {
  constructor(readonly dir: string) {}

  /** The cache of the current preparer version inside `root` (a warehouse folder's CACHE_FOLDER). */
  static inside(root: string): PrepareCache {
    return new PrepareCache(join(root, preparerVersion()));
  }

  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.v8`);
  }

  /** Whether an entry is kept under `key` (it may still turn out unreadable: get). */
  has(key: string): boolean {
    return existsSync(this.pathOf(key));
  }

  /** Whether the folder holds no entry at all (a first ingest): then nothing need be looked up. */
  isEmpty(): boolean {
    return safeList(this.dir).length === 0;
  }

  /** The entry under `key`, or null when there is none or it cannot be read back whole. */
  get(key: string): PreparedDoc | null {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.pathOf(key));
    } catch {
      return null;
    }
    try {
      const doc = deserialize(bytes) as PreparedDoc;
      return doc && doc.rows && doc.facts ? doc : null;
    } catch {
      return null; // cut short or written by something else: prepared again, and written over
    }
  }

  /** Keep `doc` under `key`. A cache that cannot be written costs only the speed of the next run. */
  put(key: string, doc: PreparedDoc) {
    const path = this.pathOf(key);
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
      writeFileSync(temporary, serialize(doc));
      renameSync(temporary, path);
    } catch {
      rmSync(temporary, { force: true });
    }
  }

  /**
   * Remove every entry whose key is not in `used`, and the folders of other versions beside this one
   * (what they hold was made by other code). Returns the number of entries removed.
   */
  prune(used: Set<string>): number {
    let removed = 0;
    const root = join(this.dir, "..");
    for (const name of safeList(root)) if (join(root, name) !== this.dir) rmSync(join(root, name), { recursive: true, force: true });
    for (const shard of safeList(this.dir)) {
      for (const name of safeList(join(this.dir, shard))) {
        const key = name.endsWith(".v8") ? name.slice(0, -3) : null;
        if (key !== null && used.has(key)) continue;
        rmSync(join(this.dir, shard, name), { force: true });
        removed++;
      }
    }
    return removed;
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
