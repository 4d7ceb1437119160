// One file → everything the warehouse needs of it: read, parsed, enriched into rows, with the facts the
// duplicate finder compares. A pure function of the file's path and bytes, so it can run in any worker
// thread (pool.ts) and the rows stay the same.
import { parsePath, type ParsedDoc } from "../corpus.ts";
import { duplicateFacts, type DuplicateFacts } from "../duplicates.ts";
import { documentRows } from "../tables/build.ts";
import { pack, valueAt, type PackedRows } from "./packed.ts";

export interface PreparedDoc {
  failure: ParsedDoc["failure"];
  facts: DuplicateFacts;
  /** The document's rows, as columns (packed.ts). */
  rows: PackedRows;
}

export async function prepareFile(sourceFile: string): Promise<PreparedDoc> {
  return prepareDoc(await parsePath(sourceFile));
}

export function prepareDoc(doc: ParsedDoc): PreparedDoc {
  return { failure: doc.failure, facts: duplicateFacts(doc), rows: pack(documentRows(doc)) };
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
