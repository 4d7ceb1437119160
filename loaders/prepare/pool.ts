// Files → prepared documents (prepare.ts) on every core, handed on in file order. Workers read, parse and
// enrich; the calling thread only receives rows in order, so the output is the same whatever the number of
// workers and however fast each file is. A bounded window of files is in flight at any time, so memory does
// not grow with the corpus.
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { failedDoc } from "../corpus.ts";
import { prepareDoc, prepareFile, type PreparedDoc } from "./prepare.ts";

/** Below this many files, starting threads (each loads the gazetteer and dictionaries) costs more than it saves. */
const WORTH_A_POOL = 64;
/** Files in flight per worker. */
const WINDOW_PER_WORKER = 4;

/** The number of workers: ZWGK_WORKERS, else one per core. */
export function defaultWorkers(): number {
  const set = Number(process.env.ZWGK_WORKERS);
  return Number.isInteger(set) && set >= 0 ? set : availableParallelism();
}

/**
 * Prepare `files` and hand each to `onPrepared` in the order given. `workers`: 0 or 1 prepares in this
 * thread; by default a pool is used when the corpus is large enough for it to pay.
 */
export async function prepareFiles(files: string[], onPrepared: (doc: PreparedDoc, index: number) => void, { workers }: { workers?: number } = {}): Promise<void> {
  const threads = workers ?? (files.length >= WORTH_A_POOL ? defaultWorkers() : 0);
  if (threads <= 1) {
    for (let i = 0; i < files.length; i++) onPrepared(await prepareFile(files[i]), i);
    return;
  }
  const pool = new Piscina<string, PreparedDoc>({ filename: new URL("./worker.mjs", import.meta.url).href, minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
  try {
    const pending = new Map<number, Promise<PreparedDoc>>();
    const window = threads * WINDOW_PER_WORKER;
    let next = 0;
    const submit = () => {
      while (next < files.length && pending.size < window) {
        const file = files[next];
        pending.set(next, pool.run(file).catch((e: Error) => workerFailed(file, e)));
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
  } finally {
    await pool.destroy();
  }
}

/** A worker that died on a file (out of memory, say) costs that file only: it is reported as failed. */
function workerFailed(sourceFile: string, e: Error): PreparedDoc {
  return prepareDoc(failedDoc(sourceFile, "internal-error", `the worker preparing this file failed: ${e.message}`));
}
