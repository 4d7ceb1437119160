// Shared by the tests: the seed corpus, parsed once per worker.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readSource, type SourceText } from "../loaders/read/index.ts";
import { parsePlan, tasksOf, type PlanDocument } from "../loaders/parse/index.ts";

export const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const SEEDS_DIR = ROOT + "seeds/";
export const SHARED_SEEDS = fileURLToPath(new URL("../../shared/seeds/", import.meta.url));

export interface SeedEntry {
  file: string;
  original: string;
  sha256: string;
  region: string;
  year: number;
  layout: string;
}

export function tsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, "utf8").split(/\r?\n/).filter((l) => l.trim() !== "" && !l.startsWith("#"));
  const header = lines.shift()!.split("\t");
  return lines.map((l) => Object.fromEntries(l.split("\t").map((c, i) => [header[i], c.trim()])));
}

export const SEEDS: SeedEntry[] = tsv(SEEDS_DIR + "MANIFEST.tsv").map((r) => ({ ...r, year: Number(r.year) }) as unknown as SeedEntry);

const cache = new Map<string, Promise<{ source: SourceText; plan: PlanDocument }>>();

export function seed(file: string): Promise<{ source: SourceText; plan: PlanDocument }> {
  let hit = cache.get(file);
  if (!hit) {
    hit = (async () => {
      const source = await readSource("seeds/" + file, readFileSync(SEEDS_DIR + file));
      return { source, plan: parsePlan(source.text) };
    })();
    cache.set(file, hit);
  }
  return hit;
}

/** The seed that a fixture row names by its original file name. */
export function seedByOriginal(original: string): SeedEntry {
  const s = SEEDS.find((x) => x.original === original);
  if (!s) throw new Error(`no seed ${original} in MANIFEST.tsv`);
  return s;
}

/** The normalisation fixture prefixes are written in: full-width ASCII and the ideographic space folded. */
export function fold(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

/** Find the task a fixture row names by number and/or the first characters of its text. */
export function findTask(plan: PlanDocument, number: string, prefix: string) {
  const tasks = tasksOf(plan).map((t) => t.task);
  const want = fold(prefix).replace(/\s+/g, "");
  const matches = tasks.filter((t) => (number === "" || t.number === Number(number)) && fold(t.text).replace(/\s+/g, "").startsWith(want));
  return matches.length === 1 ? matches[0] : matches.length > 1 && number !== "" ? matches[0] : null;
}

export function tasks(plan: PlanDocument) {
  return tasksOf(plan).map((t) => t.task);
}

/** Is `needle` a subsequence of `hay` (every character in order, others between allowed)? */
export function isSubsequence(needle: string, hay: string): boolean {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
  return j === needle.length;
}

/** The fastest of five timed runs of `f`, in milliseconds: for ratios measured within one test run. */
export function bestTime(f: () => unknown): number {
  // the fastest of five runs: other work on the machine (parallel test files) only ever adds time
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    f();
    runs.push(performance.now() - t0);
  }
  return Math.min(...runs);
}
