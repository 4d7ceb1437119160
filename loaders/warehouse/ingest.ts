// The one way from plan files to a warehouse: `zwgk ingest` and the dashboard's prepare step both call
// it, so the tables a reader downloads from the site are the files `zwgk ingest` writes for the same
// corpus, byte for byte. Documents stream into DuckDB as they are parsed (tables/sink.ts), duplicates
// are reported on the document kept, the requirement groups are made over the whole corpus, and the
// tables are published atomically (publish.ts).
import { join } from "node:path";
import { DuplicateFinder, type Kept } from "../duplicates.ts";
import type { Issue } from "../parse/types.ts";
import { CACHE_FOLDER, PrepareCache } from "../prepare/cache.ts";
import { prepareFiles } from "../prepare/pool.ts";
import { summaryOf, type DocSummary } from "../prepare/prepare.ts";
import type { Grouping } from "../enrich/requirements.ts";
import { pushRow, setValue, valueAt, type PackedRows } from "../prepare/packed.ts";
import { TableBuilder } from "../tables/build.ts";
import { DuckDBSink } from "../tables/sink.ts";
import type { TableName } from "../tables/schema.ts";
import { WarehouseOutput, type Layout, type WarehouseManifest } from "./publish.ts";

export interface IngestSummary {
  files: number;
  parsed: number;
  failed: number;
  duplicates: number;
  /** Worker threads that parsed (0: the calling thread). */
  workers: number;
  /** Files read back from the cache of an earlier ingest (unchanged path and bytes), not parsed again. */
  reused: number;
  rows: Record<TableName, number>;
  manifest: WarehouseManifest;
  /** Where the time went: reading, parsing and enriching (with the rows into DuckDB), grouping, lineage and coverage, writing Parquet. */
  seconds: { prepare: number; group: number; lineage: number; write: number };
  grouping: Grouping["stats"];
}

/** Each document as it is prepared: kept (duplicateOf null) or a copy of the document kept. */
export type OnDocument = (doc: DocSummary, index: number, duplicateOf: Kept | null) => void;

export interface IngestOptions {
  /** Worker threads (0: this thread); by default one per core when there are enough files to parse. */
  workers?: number;
  /**
   * Where prepared documents are kept between runs (prepare/cache.ts): by default <out>/.zwgk-cache, so
   * that an ingest into the same folder parses only new and changed files; false: no cache.
   */
  cache?: string | false;
}

/** Parse `files` (sorted display paths, as findFiles gives them) into the claimed `output`. */
export async function ingestInto(output: WarehouseOutput, files: string[], layout: Layout, onDoc?: OnDocument, options: IngestOptions = {}): Promise<IngestSummary> {
  const sink = await DuckDBSink.open();
  const builder = new TableBuilder(sink);
  const finder = new DuplicateFinder();
  let failed = 0;
  let duplicates = 0;
  let reused = 0;
  const cache = options.cache === false ? null : PrepareCache.inside(options.cache ?? join(output.dir, CACHE_FOLDER));
  const used = new Set<string>();
  // whatever order they come in, the same copy of a duplicate is kept
  const started = performance.now();
  const { workers } = await prepareFiles([...files].sort(), (prepared, i) => {
    if (prepared.reused) reused++;
    if (prepared.key !== null) used.add(prepared.key);
    const { duplicateOf, nearDuplicate } = finder.checkFacts(prepared.facts);
    if (duplicateOf !== null) {
      duplicates++;
      builder.addDuplicate(duplicateOf, prepared.rows.sourceFile);
    } else {
      if (prepared.failure) failed++;
      if (nearDuplicate) addIssue(prepared.rows, nearDuplicate);
      builder.addPacked(prepared.rows);
    }
    onDoc?.(summaryOf(prepared), i, duplicateOf);
  }, { workers: options.workers, cacheDir: cache?.dir ?? null });
  const prepared = performance.now();
  const grouping = builder.group();
  const grouped = performance.now();
  const manifest = await output.publish(layout, (staging) => sink.finish(grouping, staging, { partition: layout === "partitioned" }));
  cache?.prune(used); // entries of files removed or changed since, and of other versions of the code
  const seconds = { prepare: (prepared - started) / 1000, group: grouping.seconds.group, lineage: (grouped - prepared) / 1000 - grouping.seconds.group, write: (performance.now() - grouped) / 1000 };
  return { files: files.length, parsed: files.length - failed - duplicates, failed, duplicates, workers, reused, rows: { ...sink.counts }, manifest, seconds, grouping: grouping.stats };
}

/** An issue found after the rows were made (a near-duplicate): its row, and the document's warning count. */
function addIssue(rows: PackedRows, issue: Issue) {
  const docs = rows.tables.documents;
  pushRow("parse_issues", rows.tables.parse_issues, {
    doc_id: valueAt("documents", docs, 0, "doc_id"), severity: issue.severity, code: issue.code, message: issue.message, span_start: null, span_end: null, source_file: rows.sourceFile,
  });
  if (issue.severity === "warning") setValue("documents", docs, 0, "warning_count", (valueAt("documents", docs, 0, "warning_count") as number) + 1);
}

/** Claim <out>, ingest `files` into it, and let it go. */
export async function ingest(files: string[], out: string, layout: Layout = "flat", onDoc?: OnDocument, options: IngestOptions = {}): Promise<IngestSummary> {
  const output = WarehouseOutput.claim(out);
  try {
    return await ingestInto(output, files, layout, onDoc, options);
  } finally {
    output.release();
  }
}
