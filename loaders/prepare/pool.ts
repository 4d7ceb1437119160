// Files → prepared documents (prepare.ts) on every core, handed on in file order. This thread reads each
// file and looks it up in the cache; workers parse and enrich the rest; rows come back in order, so the
// output is the same whatever the number of workers and however fast each file is. A bounded window of
// files is in flight at any time, so memory does not grow with the corpus.
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { failedDoc } from "../corpus.ts";
import { cacheKey, PrepareCache } from "./cache.ts";
import { prepareDoc, prepareRead, readFile, type FileToPrepare, type PreparedDoc } from "./prepare.ts";

/**
 * Below this many files to parse, starting threads (each compiles the code and loads the gazetteer and
 * dictionaries) costs more than it saves. Measured on the 2-core machines CI runs on, parsing only:
 * 500 files 1.65 s in this thread against 2.19 s with two workers; 1,000 files 2.98 s against 3.08 s.
 */
const WORTH_A_POOL = 1000;
/** Files in flight per worker. */
const WINDOW_PER_WORKER = 4;

export interface PrepareOptions {
  /** Worker threads; 0 or 1 prepares in this thread. */
  workers?: number;
  /** A cache folder of prepared documents (cache.ts), read and written by every thread; null: none. */
  cacheDir?: string | null;
}

/** What a worker is sent for one file: the file read (prepare.ts), and the cache to keep its result in. */
export interface PrepareTask extends FileToPrepare {
  cacheDir: string | null;
}

/** The number of workers: ZWGK_WORKERS, else one per core. */
export function defaultWorkers(): number {
  const set = Number(process.env.ZWGK_WORKERS);
  return Number.isInteger(set) && set >= 0 ? set : availableParallelism();
}

/**
 * Prepare `files` and hand each to `onPrepared` in the order given; returns the threads that parsed (0:
 * this one). This thread reads each file and looks it up in the cache; only files to parse go to the
 * workers, their bytes moved, not copied. `workers`: 0 or 1 parses in this thread; by default a pool is
 * used when there are enough files to parse for it to pay, so a re-ingest that adds a few plans to a
 * cached corpus starts no thread.
 */
export async function prepareFiles(files: string[], onPrepared: (doc: PreparedDoc, index: number) => void, { workers, cacheDir = null }: PrepareOptions = {}): Promise<{ workers: number }> {
  const cache = cacheDir === null ? null : new PrepareCache(cacheDir);
  // the keys of the files the cache holds, found first (a first ingest's cache holds none): they decide the pool
  const kept = cache === null || cache.isEmpty() ? files.map(() => null) : files.map((f) => keptKey(f, cache));
  const toParse = kept.filter((k) => k === null).length;
  const threads = workers ?? (toParse >= WORTH_A_POOL ? defaultWorkers() : 0);
  // a file the cache holds is read back (an entry that turns out unreadable is parsed again and written over)
  const take = (i: number): PreparedDoc | FileToPrepare => {
    const doc = kept[i] === null ? null : cache!.get(kept[i]!);
    return doc ? { ...doc, reused: true } : readFile(files[i]);
  };
  if (threads <= 1) {
    for (let i = 0; i < files.length; i++) {
      const read = take(i);
      onPrepared("bytes" in read ? await prepareRead(read, cache) : read, i);
    }
    return { workers: 0 };
  }
  let pool: Piscina<PrepareTask, PreparedDoc> | null = null;
  const parse = (read: FileToPrepare): Promise<PreparedDoc> => {
    pool ??= new Piscina<PrepareTask, PreparedDoc>({ filename: new URL("./worker.mjs", import.meta.url).href, minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
    const bytes = read.bytes.slice(); // a buffer of its own, to move to the worker
    return pool.run({ ...read, bytes, cacheDir }, { transferList: [bytes.buffer] }).catch((e: Error) => workerFailed(read.sourceFile, e));
  };
  try {
    const pending = new Map<number, PreparedDoc | Promise<PreparedDoc>>();
    const window = threads * WINDOW_PER_WORKER;
    let next = 0;
    const submit = () => {
      while (next < files.length && pending.size < window) {
        const read = take(next);
        pending.set(next, "bytes" in read ? parse(read) : read);
        next++;
      }
    };
    submit();
    for (let i = 0; i < files.length; i++) {
      const doc = await pending.get(i)!;
      pending.delete(i);
      submit();
      onPrepared(doc, i);
    }
    return { workers: pool === null ? 0 : threads };
  } finally {
    await (pool as Piscina<PrepareTask, PreparedDoc> | null)?.destroy();
  }
}

/** The key of a file the cache holds an entry for, or null (not kept, or unreadable). */
function keptKey(sourceFile: string, cache: PrepareCache): string | null {
  try {
    const key = cacheKey(sourceFile, readFileSync(sourceFile));
    return cache.has(key) ? key : null;
  } catch {
    return null;
  }
}

/** A worker that died on a file (out of memory, say) costs that file only: it is reported as failed. */
function workerFailed(sourceFile: string, e: Error): PreparedDoc {
  return prepareDoc(failedDoc(sourceFile, "internal-error", `the worker preparing this file failed: ${e.message}`));
}
