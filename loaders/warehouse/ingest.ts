// The one way from plan files to a warehouse: `zwgk ingest` and the dashboard's prepare step both call
// it, so the tables a reader downloads from the site are the files `zwgk ingest` writes for the same
// corpus, byte for byte. Documents stream into DuckDB as they are parsed (tables/sink.ts), duplicates
// are reported on the document kept, the requirement groups are made over the whole corpus, and the
// tables are published atomically (publish.ts).
import { streamFiles, type ParsedDoc } from "../corpus.ts";
import type { Kept } from "../duplicates.ts";
import { TableBuilder } from "../tables/build.ts";
import { DuckDBSink } from "../tables/sink.ts";
import type { TableName } from "../tables/schema.ts";
import { WarehouseOutput, type Layout, type WarehouseManifest } from "./publish.ts";

export interface IngestSummary {
  files: number;
  parsed: number;
  failed: number;
  duplicates: number;
  rows: Record<TableName, number>;
  manifest: WarehouseManifest;
}

/** Each document as it is parsed: kept (duplicateOf null) or a copy of the document kept. */
export type OnDocument = (doc: ParsedDoc, index: number, duplicateOf: Kept | null) => void;

/** Parse `files` (sorted display paths, as findFiles gives them) into the claimed `output`. */
export async function ingestInto(output: WarehouseOutput, files: string[], layout: Layout, onDoc?: OnDocument): Promise<IngestSummary> {
  const sink = await DuckDBSink.open();
  const builder = new TableBuilder(sink);
  let failed = 0;
  let duplicates = 0;
  await streamFiles(files, (doc, i, duplicateOf) => {
    if (duplicateOf !== null) {
      duplicates++;
      builder.addDuplicate(duplicateOf, doc.sourceFile);
    } else {
      if (doc.failure) failed++;
      builder.add(doc);
    }
    onDoc?.(doc, i, duplicateOf);
  });
  const grouping = builder.group();
  const manifest = await output.publish(layout, (staging) => sink.finish(grouping, staging, { partition: layout === "partitioned" }));
  return { files: files.length, parsed: files.length - failed - duplicates, failed, duplicates, rows: { ...sink.counts }, manifest };
}

/** Claim <out>, ingest `files` into it, and let it go. */
export async function ingest(files: string[], out: string, layout: Layout = "flat", onDoc?: OnDocument): Promise<IngestSummary> {
  const output = WarehouseOutput.claim(out);
  try {
    return await ingestInto(output, files, layout, onDoc);
  } finally {
    output.release();
  }
}
