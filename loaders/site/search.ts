// The site search's index: every plan's search text (view search_entries: title, names, headings, task
// text, unit names) cut into bigrams (view search_bigrams), one posting list per bigram, split into shards
// of about SHARD_BYTES so that a query fetches only the shards of its own bigrams — a 30,000-plan site
// never ships one index of all of it. Written to <dir>/meta.json (the plans and the shard count) and
// <dir>/sNNN.json (bigram → posting list), and each plan's folded text (tN.json) to check phrases in; the
// format is src/components/search-core.js.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { runQuery } from "../warehouse/index.ts";
import { encodePostings, shardName, shardOf, textName } from "../../src/components/search-core.js";

export const SHARD_BYTES = 256 * 1024;

export interface SearchIndexSummary {
  plans: number;
  bigrams: number;
  shards: number;
  bytes: number;
  /** The index's files (without .json): meta and the shards, the site's dynamic paths. */
  files: string[];
}

export async function writeSearchIndex(conn: DuckDBConnection, dir: string): Promise<SearchIndexSummary> {
  mkdirSync(dir, { recursive: true });
  const docs = (await runQuery(conn, "SELECT doc_idx, doc_id, title FROM search_entries ORDER BY doc_idx")).rows as { doc_idx: number; doc_id: string; title: string }[];
  const plans = docs.length;
  const lists = new Map<string, string>();
  let bytes = 0;
  const reader = await conn.runAndReadAll("SELECT bigram, list(doc_idx ORDER BY doc_idx) AS docs FROM search_bigrams GROUP BY bigram ORDER BY bigram");
  for (const row of reader.getRowObjectsJson() as { bigram: string; docs: (number | string)[] }[]) {
    const text = encodePostings(row.docs.map(Number), plans);
    lists.set(row.bigram, text);
    bytes += row.bigram.length * 3 + text.length + 6;
  }
  const shards = 2 ** Math.max(0, Math.ceil(Math.log2(bytes / SHARD_BYTES)));
  const parts: Record<string, string>[] = Array.from({ length: shards }, () => ({}));
  for (const [bigram, text] of lists) parts[shardOf(bigram, shards)][bigram] = text;
  let written = 0;
  const write = (name: string, value: unknown) => {
    const json = JSON.stringify(value);
    writeFileSync(join(dir, `${name}.json`), json);
    written += Buffer.byteLength(json);
  };
  parts.forEach((part, i) => write(shardName(i), part));
  // each plan's folded search text: the search box checks that a phrase is there as typed (a plan can hold
  // every bigram of 规范性文件库 in 规范性文件 and 文件库 without the phrase)
  for (const row of (await runQuery(conn, "SELECT doc_idx, folded FROM search_folded ORDER BY doc_idx")).rows as { doc_idx: number; folded: string }[]) {
    write(textName(row.doc_idx), row.folded);
  }
  write("meta", { format: "zwgk-search/1", plans, shards, docs: docs.map((d) => ({ id: d.doc_id, title: d.title })) });
  return { plans, bigrams: lists.size, shards, bytes: written, files: ["meta", ...parts.map((_, i) => shardName(i)), ...docs.map((d) => textName(d.doc_idx))] };
}
