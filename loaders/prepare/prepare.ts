// One file → everything the warehouse needs of it: read, parsed, enriched into rows, with the facts the
// duplicate finder compares. A pure function of the file's path and bytes, so it can run in any worker
// thread (pool.ts) and the rows stay the same.
import { readFileSync } from "node:fs";
import { failedDoc, parseFile, type ParsedDoc } from "../corpus.ts";
import { duplicateFacts, type DuplicateFacts } from "../duplicates.ts";
import { documentRows } from "../tables/build.ts";
import { cacheKey, PrepareCache } from "./cache.ts";
import { pack, valueAt, type PackedRows } from "./packed.ts";

export interface PreparedDoc {
  failure: ParsedDoc["failure"];
  facts: DuplicateFacts;
  /** The document's rows, as columns (packed.ts). */
  rows: PackedRows;
  /** The file's cache key (cache.ts), null when it could not be read; and whether the cache gave it. */
  key: string | null;
  reused: boolean;
}

/** A file read and keyed, to be parsed (in a worker thread, when there is a pool). */
export interface FileToPrepare {
  sourceFile: string;
  bytes: Uint8Array;
  key: string;
}

/**
 * Read a file and look it up in the cache (cache.ts): the document kept for this path and these bytes, or
 * the file to parse. A file that cannot be read is a failed document.
 */
export function readFile(sourceFile: string, cache: PrepareCache | null): PreparedDoc | FileToPrepare {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(sourceFile);
  } catch (e) {
    return prepareDoc(failedDoc(sourceFile, "unreadable-file", (e as Error).message));
  }
  const key = cacheKey(sourceFile, bytes);
  const kept = cache?.get(key);
  return kept ? { ...kept, reused: true } : { sourceFile, bytes, key };
}

/** Parse and enrich a file read by readFile, and keep the result in the cache. */
export async function prepareRead({ sourceFile, bytes, key }: FileToPrepare, cache: PrepareCache | null): Promise<PreparedDoc> {
  const prepared = prepareDoc(await parseFile(sourceFile, bytes), key);
  cache?.put(key, prepared);
  return prepared;
}

/** Read, parse and enrich one file; with a cache, an unchanged file is read back instead of parsed. */
export async function prepareFile(sourceFile: string, cache: PrepareCache | null = null): Promise<PreparedDoc> {
  const read = readFile(sourceFile, cache);
  return "bytes" in read ? prepareRead(read, cache) : read;
}

export function prepareDoc(doc: ParsedDoc, key: string | null = null): PreparedDoc {
  return { failure: doc.failure, facts: duplicateFacts(doc), rows: pack(documentRows(doc)), key, reused: false };
}

/** What the command line prints for a document: read from its documents row. */
export interface DocSummary {
  docId: string;
  sourceFile: string;
  failure: ParsedDoc["failure"];
  region: string | null;
  year: number | null;
  layout: string;
  tasks: number;
  warnings: number;
}

export function summaryOf({ failure, rows }: PreparedDoc): DocSummary {
  const column = (name: string) => valueAt("documents", rows.tables.documents, 0, name);
  return {
    docId: column("doc_id") as string, sourceFile: rows.sourceFile, failure, region: column("region") as string | null, year: column("year") as number | null,
    layout: column("layout") as string, tasks: column("task_count") as number, warnings: column("warning_count") as number,
  };
}
