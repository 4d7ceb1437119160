// One file → everything the warehouse needs of it: read, parsed, enriched into rows, with the facts the
// duplicate finder compares. A pure function of the file's path and bytes, so it can run in any worker
// thread (pool.ts) and the rows stay the same.
import { readFileSync } from "node:fs";
import { failedDoc, parseFile, type ParsedDoc } from "../corpus.ts";
import { duplicateFacts, type DuplicateFacts } from "../duplicates.ts";
import { documentRows } from "../tables/build.ts";
import { cacheKey, type PrepareCache } from "./cache.ts";
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

/** Read and key a file to parse (pool.ts looks the key up in the cache); a file that cannot be read is a failed document. */
export function readFile(sourceFile: string): PreparedDoc | FileToPrepare {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(sourceFile);
  } catch (e) {
    return prepareDoc(failedDoc(sourceFile, "unreadable-file", (e as Error).message));
  }
  return { sourceFile, bytes, key: cacheKey(sourceFile, bytes) };
}

/** Parse and enrich a file read by readFile, and keep the result in the cache. */
export async function prepareRead({ sourceFile, bytes, key }: FileToPrepare, cache: PrepareCache | null): Promise<PreparedDoc> {
  const prepared = prepareDoc(await parseFile(sourceFile, bytes), key);
  cache?.put(key, prepared);
  return prepared;
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
