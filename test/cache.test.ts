// Incremental ingest (loaders/prepare/cache.ts): a second ingest into the same folder reads unchanged
// files back from the cache and parses only new and changed ones — and the warehouse it writes is the one
// a fresh ingest writes, byte for byte.
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFiles } from "../loaders/corpus.ts";
import { CACHE_FOLDER, versionOf } from "../loaders/prepare/cache.ts";
import { ingest } from "../loaders/warehouse/ingest.ts";
import { SEEDS_DIR } from "./helpers.ts";
import { zwgk } from "./support/zwgk.ts";

const REAL = join(import.meta.dirname, "fixtures/real");
const work = mkdtempSync(join(tmpdir(), "zwgk-cache-"));
const corpus = join(work, "corpus");

function parquetBytes(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith(".parquet")).sort().map((f) => [f, readFileSync(join(dir, f)).toString("base64")]));
}

/** Every entry file in a warehouse folder's cache: version folder → entry names. */
function entries(out: string): Record<string, string[]> {
  const root = join(out, CACHE_FOLDER);
  return Object.fromEntries(readdirSync(root).map((v) => [v, readdirSync(join(root, v)).flatMap((shard) => readdirSync(join(root, v, shard)))]));
}

beforeAll(() => {
  mkdirSync(corpus);
  for (const f of readdirSync(SEEDS_DIR)) copyFileSync(join(SEEDS_DIR, f), join(corpus, f));
  for (const f of readdirSync(REAL).filter((f) => f.endsWith(".txt"))) copyFileSync(join(REAL, f), join(corpus, `real-${f}`));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("incremental ingest", () => {
  it("parses only new and changed files on a second ingest, and writes what a fresh ingest writes", { timeout: 300_000 }, async () => {
    const out = join(work, "out");
    const first = await ingest(findFiles([corpus]).files, out, "flat", undefined, { workers: 2 });
    expect(first.reused).toBe(0);
    const before = findFiles([corpus]).files;
    expect(Object.values(entries(out))[0]).toHaveLength(before.length);

    // a new year's plans arrive (two seeds a year on), one plan is corrected, one is withdrawn
    const yingde = readFileSync(join(SEEDS_DIR, "yingde-2022.txt"), "utf8");
    writeFileSync(join(corpus, "yingde-2023.txt"), yingde.replaceAll("2022", "2023").replace("主动公开目录", "主动公开事项目录"));
    const other = "lufeng-2024.txt";
    writeFileSync(join(corpus, `next-${basename(other)}`), readFileSync(join(SEEDS_DIR, other), "utf8").replaceAll("2024", "2025"));
    appendFileSync(join(corpus, "real-a-01.txt"), "\n（附件略）\n");
    rmSync(join(corpus, "real-a-02.txt"));
    const files = findFiles([corpus]).files;

    const second = await ingest(files, out, "flat", undefined, { workers: 2 });
    expect(second.reused).toBe(files.length - 3); // all but the two new files and the corrected one
    const fresh = join(work, "fresh");
    const full = await ingest(files, fresh, "flat", undefined, { workers: 0, cache: false });
    expect(full.reused).toBe(0);
    expect(parquetBytes(out)).toEqual(parquetBytes(fresh));
    expect(second.manifest.run).toBe(full.manifest.run);
    // the entries of the withdrawn file and of the corrected file's old bytes are gone
    expect(Object.values(entries(out))[0]).toHaveLength(files.length);
    expect(() => readdirSync(join(fresh, CACHE_FOLDER))).toThrow();

    // an entry cut short is prepared again; the folder of another version of the code is removed
    const [version, names] = Object.entries(entries(out))[0];
    const cut = join(out, CACHE_FOLDER, version, names[0].slice(0, 2), names[0]);
    truncateSync(cut, 40);
    mkdirSync(join(out, CACHE_FOLDER, "0000000000000000", "ab"), { recursive: true });
    writeFileSync(join(out, CACHE_FOLDER, "0000000000000000", "ab", "ab.v8"), "old");
    const third = await ingest(files, out, "flat", undefined, { workers: 0 });
    expect(third.reused).toBe(files.length - 1);
    expect(parquetBytes(out)).toEqual(parquetBytes(fresh));
    expect(Object.keys(entries(out))).toEqual([version]);
  });

  it("gives the code a new version when a file of it or of its data changes", () => {
    const root = join(work, "version");
    mkdirSync(join(root, "data"), { recursive: true });
    mkdirSync(join(root, "loaders", "parse"), { recursive: true });
    writeFileSync(join(root, "data", "unit-aliases.tsv"), "市府办\t市政府办公室\n");
    writeFileSync(join(root, "loaders", "parse", "units.ts"), "export const x = 1;\n");
    const inputs = [join(root, "loaders"), join(root, "data"), join(root, "package-lock.json")];
    const v1 = versionOf(inputs, root);
    expect(versionOf(inputs, root)).toBe(v1);
    appendFileSync(join(root, "data", "unit-aliases.tsv"), "县府办\t县政府办公室\n");
    const v2 = versionOf(inputs, root);
    expect(v2).not.toBe(v1);
    writeFileSync(join(root, "loaders", "parse", "units.ts"), "export const x = 2;\n");
    expect(versionOf(inputs, root)).not.toBe(v2);
    writeFileSync(join(root, "package-lock.json"), "{}");
    expect(versionOf(inputs, root)).not.toBe(v2);
  });

  it("zwgk ingest says how many files it read from the cache, and --no-cache parses them all", { timeout: 120_000 }, async () => {
    const small = join(work, "small");
    mkdirSync(small);
    for (const f of readdirSync(SEEDS_DIR)) copyFileSync(join(SEEDS_DIR, f), join(small, f));
    const out = join(work, "out-cli");
    const first = await zwgk("ingest", small, "--out", out, "--quiet");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).not.toMatch(/read from the cache/);
    const second = await zwgk("ingest", small, "--out", out, "--quiet");
    expect(second.stdout).toMatch(/\(5 unchanged, read from the cache\)/);
    const third = await zwgk("ingest", small, "--out", out, "--quiet", "--no-cache");
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).not.toMatch(/read from the cache/);
  });
});
