// A worker thread of the prepare pool (pool.ts): TypeScript through tsx, as bin/zwgk.js runs it.
import { register } from "tsx/esm/api";

register();
const { prepareRead } = await import("./prepare.ts");
const { PrepareCache } = await import("./cache.ts");

/** One file read by the calling thread (pool.ts: PrepareTask): parsed, enriched, kept in the cache. */
export default function prepare({ sourceFile, bytes, key, cacheDir }) {
  return prepareRead({ sourceFile, bytes, key }, cacheDir === null ? null : new PrepareCache(cacheDir));
}
