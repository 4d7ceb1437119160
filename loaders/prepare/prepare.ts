// One file → everything the warehouse needs of it: read, parsed, enriched into rows, with the facts the
// duplicate finder compares and a one-line summary for the command line. A pure function of the file's
// path and bytes, so it can run in any worker thread (pool.ts) and the rows stay the same.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseFile, type ParsedDoc } from "../corpus.ts";
import { duplicateFacts, type DuplicateFacts } from "../duplicates.ts";
import { tasksOf } from "../parse/index.ts";
import { documentRows } from "../tables/build.ts";
import { pack, type PackedRows } from "./packed.ts";

/** What the command line prints for a document. */
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

export interface PreparedDoc {
  summary: DocSummary;
  facts: DuplicateFacts;
  /** The document's rows, as columns (packed.ts). */
  rows: PackedRows;
}

export async function prepareFile(sourceFile: string): Promise<PreparedDoc> {
  let doc: ParsedDoc;
  try {
    doc = await parseFile(sourceFile, readFileSync(sourceFile));
  } catch (e) {
    doc = { docId: createHash("sha256").update(sourceFile).digest("hex").slice(0, 16), sourceFile, source: null, plan: null, failure: { code: "unreadable-file", message: (e as Error).message }, duplicates: [] };
  }
  return prepareDoc(doc);
}

export function prepareDoc(doc: ParsedDoc): PreparedDoc {
  const plan = doc.plan;
  const summary: DocSummary = {
    docId: doc.docId, sourceFile: doc.sourceFile, failure: doc.failure, region: plan?.meta.region ?? null, year: plan?.meta.year ?? null,
    layout: plan?.layout ?? "none", tasks: plan ? tasksOf(plan).length : 0, warnings: plan ? plan.issues.filter((x) => x.severity === "warning").length : 0,
  };
  return { summary, facts: duplicateFacts(doc), rows: pack(documentRows(doc)) };
}
