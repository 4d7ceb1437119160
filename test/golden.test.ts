// Golden Plan trees, in the manner of mdast's fixtures: for every seed (seeds/) and every real page
// (test/fixtures/real/MANIFEST.tsv) the whole document that reading + parsing gives — through parseFile,
// the entry the CLI's ingest uses — is kept as JSON in test/fixtures/golden/ and compared in full. Any
// change to the tree (a span, a unit, a role, an issue, a metadata field) fails here until the goldens
// are refreshed on purpose:
//
//   UPDATE=1 npx vitest run test/golden.test.ts
//
// and the diff in test/fixtures/golden/ is reviewed like code (test/fixtures/golden/README.md).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, extname } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { parseFile, type ParsedDoc } from "../loaders/corpus.ts";
import { REAL_DIR } from "./support/real-corpus.ts";
import { ROOT, SEEDS_DIR, tsv } from "./helpers.ts";

const UPDATE = process.env.UPDATE === "1";
const GOLDEN_DIR = ROOT + "test/fixtures/golden/";
const REFRESH = "UPDATE=1 npx vitest run test/golden.test.ts";

interface Input {
  /** The path parseFile is given, relative to the checkout (as the CLI gives it when run from there). */
  sourceFile: string;
  /** Where its golden tree is kept, relative to the checkout. */
  golden: string;
}

const stem = (file: string) => basename(file, extname(file));

const SEED_INPUTS: Input[] = readdirSync(SEEDS_DIR)
  .filter((f) => f !== "MANIFEST.tsv" && !f.startsWith("."))
  .sort()
  .map((f) => ({ sourceFile: `seeds/${f}`, golden: `test/fixtures/golden/seeds/${stem(f)}.json` }));

const REAL_INPUTS: Input[] = tsv(REAL_DIR + "MANIFEST.tsv")
  .map((r) => r.file)
  .sort()
  .map((f) => ({ sourceFile: `test/fixtures/real/${f}`, golden: `test/fixtures/golden/real/${stem(f)}.json` }));

/**
 * The one normalisation between the parsed document and its golden JSON. Everything parseFile returns is
 * kept — docId, the source facts (sha256, format, encoding, the normalised text every span points into),
 * the failure, and the whole Plan tree with its positions — and key order is the order the code builds
 * objects in (deterministic). Two things are done:
 *  - the absolute path of the checkout (only ever in an internal-error's stack trace) becomes "<root>/",
 *    so a golden does not depend on where the repository is checked out;
 *  - any value JSON cannot hold faithfully (undefined, NaN/Infinity, Map, Set, typed arrays, functions)
 *    throws instead of being dropped or turned into {} / null in silence.
 */
function goldenJson(doc: ParsedDoc): string {
  const rootUrl = pathToFileURL(ROOT).href;
  const check = (value: unknown, path: string): unknown => {
    if (value === null || typeof value === "boolean") return value;
    if (typeof value === "string") return value.split(rootUrl).join("<root>/").split(ROOT).join("<root>/");
    if (typeof value === "number") {
      if (!Number.isFinite(value)) throw new Error(`golden: ${path} is ${value}, which JSON cannot hold`);
      return value;
    }
    if (Array.isArray(value)) return value.map((v, i) => check(v, `${path}[${i}]`));
    if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, check(v, `${path}.${k}`)]));
    }
    throw new Error(`golden: ${path} is ${value === undefined ? "undefined" : Object.prototype.toString.call(value)}, which JSON cannot hold faithfully: normalise it in goldenJson`);
  };
  return JSON.stringify(check(doc, "doc"), null, 2) + "\n";
}

const GOLDEN_OF = new Map([...SEED_INPUTS, ...REAL_INPUTS].map((i) => [i.sourceFile, i.golden]));

async function compare(sourceFile: string): Promise<void> {
  const golden = GOLDEN_OF.get(sourceFile)!;
  const doc = await parseFile(sourceFile, readFileSync(ROOT + sourceFile));
  const actual = goldenJson(doc);
  const path = ROOT + golden;
  if (UPDATE) {
    if (!existsSync(path) || readFileSync(path, "utf8") !== actual) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, actual);
      console.log(`golden written: ${golden}`);
    }
    return;
  }
  if (!existsSync(path)) throw new Error(`no golden tree ${golden} for ${sourceFile}: create it with \`${REFRESH}\` and review it before committing`);
  expect(actual, `${sourceFile} no longer parses to ${golden}; if the change is intended, refresh with \`${REFRESH}\` and review the diff`).toBe(readFileSync(path, "utf8"));
}

describe("golden Plan trees of the seeds", () => {
  it("finds the seeds", () => expect(SEED_INPUTS.length).toBeGreaterThanOrEqual(5));
  it.for(SEED_INPUTS.map((i) => i.sourceFile))("%s parses to its golden tree", compare);
});

describe("golden Plan trees of the real pages", () => {
  it("finds the real pages", () => expect(REAL_INPUTS.length).toBeGreaterThanOrEqual(80));
  it.for(REAL_INPUTS.map((i) => i.sourceFile))("%s parses to its golden tree", compare);
});

describe("the golden folder", () => {
  it("holds one golden per input and no others (UPDATE=1 removes goldens whose input is gone)", () => {
    const wanted = new Set([...SEED_INPUTS, ...REAL_INPUTS].map((i) => i.golden));
    expect(wanted.size, "two inputs share a golden file name").toBe(SEED_INPUTS.length + REAL_INPUTS.length);
    const present = ["seeds", "real"].flatMap((dir) =>
      existsSync(GOLDEN_DIR + dir) ? readdirSync(GOLDEN_DIR + dir).filter((f) => f.endsWith(".json")).map((f) => `test/fixtures/golden/${dir}/${f}`) : [],
    );
    const orphans = present.filter((g) => !wanted.has(g)).sort();
    if (UPDATE) {
      for (const g of orphans) {
        rmSync(ROOT + g);
        console.log(`golden removed (its input is gone): ${g}`);
      }
      return;
    }
    expect(orphans, `goldens without an input: remove them with \`${REFRESH}\``).toEqual([]);
  });
});
