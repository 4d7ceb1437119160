// Both cores: files are read, parsed and enriched in worker threads (loaders/prepare/pool.ts), and the
// warehouse must not depend on it — the same bytes whatever the number of workers and the order of the
// files, including the duplicate and near-duplicate decisions made across documents.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFiles } from "../loaders/corpus.ts";
import { prepareFiles } from "../loaders/prepare/pool.ts";
import { ingest } from "../loaders/warehouse/ingest.ts";
import { SEEDS_DIR } from "./helpers.ts";
import { TABLE_NAMES } from "../loaders/tables/schema.ts";

const REAL = join(import.meta.dirname, "fixtures/real");
const work = mkdtempSync(join(tmpdir(), "zwgk-pool-"));
const corpus = join(work, "corpus");

function parquetBytes(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith(".parquet")).sort().map((f) => [f, readFileSync(join(dir, f)).toString("base64")]));
}

beforeAll(() => {
  // the seeds and the real pages, a byte-for-byte copy (a duplicate) and a re-edited version (a near-duplicate)
  mkdirSync(corpus);
  const sources = [...readdirSync(SEEDS_DIR).map((f) => join(SEEDS_DIR, f)), ...readdirSync(REAL).filter((f) => f.endsWith(".txt")).map((f) => join(REAL, f))];
  for (const f of sources) copyFileSync(f, join(corpus, f.startsWith(REAL) ? `real-${basename(f)}` : basename(f)));
  copyFileSync(join(SEEDS_DIR, "yingde-2022.txt"), join(corpus, "zz-copy-of-yingde.txt"));
  const yingde = readFileSync(join(SEEDS_DIR, "yingde-2022.txt"), "utf8");
  writeFileSync(join(corpus, "zz-yingde-edited.txt"), yingde.replace("主动公开目录", "主动公开事项目录"));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the prepare pool", () => {
  it("writes the same warehouse with 0, 1 and 2 workers, whatever the order of the files", { timeout: 240_000 }, async () => {
    const files = findFiles([corpus]).files;
    expect(files.length).toBeGreaterThan(90);
    const outs: Record<string, string>[] = [];
    const runs: [number, string[]][] = [[0, files], [2, files], [2, [...files].reverse()], [1, [...files.slice(40), ...files.slice(0, 40)]]];
    for (const [i, [workers, order]] of runs.entries()) {
      const out = join(work, `out-${i}`);
      const summary = await ingest(order, out, "flat", undefined, { workers });
      expect(summary.failed + summary.parsed + summary.duplicates).toBe(files.length);
      expect(summary.duplicates, "zz-copy-of-yingde.txt").toBe(1);
      outs.push(parquetBytes(out));
    }
    expect(Object.keys(outs[0])).toHaveLength(TABLE_NAMES.length);
    // the near-duplicate was found and reported on the edited copy (a row made after the worker's rows)
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    const near = await db.runAndReadAll(`SELECT source_file, code FROM '${join(work, "out-0", "parse_issues.parquet")}' WHERE code = 'near-duplicate'`);
    expect(near.getRowObjects().map((r) => String(r.source_file).split("/").pop())).toEqual(["zz-yingde-edited.txt"]);
    db.closeSync();
    for (const o of outs.slice(1)) expect(o).toEqual(outs[0]);
  });

  it("hands documents on in file order, and a file the workers cannot read costs only that file", { timeout: 120_000 }, async () => {
    const files = findFiles([corpus]).files.slice(0, 12);
    const missing = join(corpus, "zz-gone.txt");
    const order: string[] = [];
    const failures: string[] = [];
    await prepareFiles([...files, missing], (doc) => {
      order.push(doc.rows.sourceFile);
      if (doc.failure) failures.push(`${doc.rows.sourceFile}: ${doc.failure.code}`);
    }, { workers: 2 });
    expect(order).toEqual([...files, missing]);
    expect(failures).toEqual([`${missing}: unreadable-file`]);
  });
});
