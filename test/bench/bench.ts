// The benchmark: `npm run bench -- --docs N [--json] [--keep] [--site]`.
//
// Generates a synthetic corpus of N plans from the seeds' content — real county names from the
// gazetteer (and, one plan in ten, their prefecture's, province's or the national plan), years 2016–2025, and the edits real plans show (tasks dropped, added, reworded, reordered,
// units renamed), laid out in five layouts — then measures in one run, each size in a fresh process:
//   - parse: read + normalise + parse (no tables) in one thread, against a reference measured in the same
//     process on the same bytes: TextDecoder plus one regular-expression scan for the plan's markers;
//   - ingest as `zwgk ingest` runs it (worker threads read, parse and enrich; rows stream into DuckDB;
//     Parquet), recurring-requirement grouping, peak memory; the same at 2N, and the time ratio;
//   - incremental ingest: the plans of the newest year added to a warehouse of the others, whose
//     prepared documents the cache holds; its time against the full run's;
//   - the baseline: a true all-pairs grouping (every distinct task text against every other, the same
//     similarity and thresholds) on a subset, its time projected to N's distinct texts by its quadratic
//     cost, and the agreement between the two groupings on the subset (Rand index over task pairs);
//   - with --site, the dashboard built from the N plans: build time, pages, and the heaviest page a
//     reader's browser loads (test/bench/site.ts).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { listFiles, parseFiles } from "../../loaders/corpus.ts";
import { ingest } from "../../loaders/warehouse/ingest.ts";
import { groupAllPairs, groupRequirements, type GroupInput, type Grouping } from "../../loaders/enrich/requirements.ts";
import { allCounties, parsePlan } from "../../loaders/parse/index.ts";
import { buildTables } from "../../loaders/tables/build.ts";
import { readSource } from "../../loaders/read/index.ts";
import { measureSite, type SiteRun } from "./site.ts";
import { render, specOf, type LayoutName, type PlanSpec, type SpecTask } from "../support/render.ts";

const SELF = fileURLToPath(import.meta.url);
const SEEDS_DIR = fileURLToPath(new URL("../../seeds/", import.meta.url));

/** mulberry32: a small deterministic PRNG, so the same N gives the same corpus. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REWORDINGS: [RegExp, string][] = [
  [/加强/g, "强化"], [/进一步/g, ""], [/及时/g, "按时"], [/切实/g, "扎实"], [/做好/g, "抓好"], [/持续/g, "不断"],
  [/信息公开/g, "信息公开工作"], [/推进/g, "推动"], [/，/g, "、"],
];
const LOCAL_TASKS = [
  "结合{r}实际，编制本地区政务公开特色工作清单，按季度更新并在政府门户网站公开。",
  "推动{r}各镇（街道）便民服务中心设立政务公开查阅点，年底前实现全覆盖。",
  "围绕{r}重点项目建设，及时公开项目审批、招标投标和资金使用信息，接受社会监督。",
  "建立{r}政务公开工作联络员制度，每半年组织一次业务培训。",
  "在{r}政府网站开设乡村振兴专栏，集中公开涉农政策和资金分配结果。",
];
const EXTENSIONS = ["并于年底前报送工作总结。", "主动接受社会监督。", "确保各项措施落地见效。", "相关情况纳入年度考核。", "定期开展督查通报。"];
const LAYOUTS: LayoutName[] = ["table-tabs", "cell-lines", "prose-tags", "table-pipes", "one-cell-per-line"];

async function seedSpecs(): Promise<PlanSpec[]> {
  const specs: PlanSpec[] = [];
  for (const file of listFiles([SEEDS_DIR])) {
    const source = await readSource(file, readFileSync(file));
    specs.push(specOf(parsePlan(source.text)));
  }
  return specs;
}

/** Writes N plans into `dir`; returns their bytes and each file's year (file i is plan-00000i.txt). */
export async function generateCorpus(n: number, dir: string): Promise<{ bytes: number; years: number[] }> {
  const specs = await seedSpecs();
  const counties = allCounties().filter((c) => c.parentCity);
  const random = rng(20260101 + n);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  const years: number[] = [];
  for (let i = 0; i < n; i++) {
    const base = specs[i % specs.length];
    const county = pick(counties);
    // the levels above the counties, in about the national proportions (10 national, 300 provincial and
    // 3,000 prefecture plans among 30,000): the plans lineage follows the counties' requirements to
    const level = i % 100 === 0 ? (i < 1000 ? "national" : "provincial") : i % 100 === 50 ? "provincial" : i % 10 === 5 ? "prefecture" : "county";
    const drawn = 2016 + Math.floor(random() * 10);
    const year = level === "national" ? 2016 + i / 100 : drawn; // one national plan a year
    years.push(year);
    const own = county.region.slice(-1); // 县 / 区 / 市
    const renameUnit = (u: string) => (/^[县区市]/.test(u) && u[0] !== own && !u.startsWith("市直") ? own + u.slice(1) : u);
    let number = 0;
    const editTasks = (tasks: SpecTask[]): SpecTask[] => {
      const out: SpecTask[] = [];
      for (const t of tasks) {
        if (random() < 0.08) continue; // dropped
        let text = t.text;
        for (let k = 0; k < 3; k++) {
          if (random() < 0.3) {
            const [re, to] = pick(REWORDINGS);
            text = text.replace(re, to);
          }
        }
        if (random() < 0.2) text = `结合${county.region}实际，${text}`; // localised
        if (random() < 0.15 && text.indexOf("。") > 0 && text.indexOf("。") < text.length - 1) text = text.slice(0, text.indexOf("。") + 1); // cut down
        if (random() < 0.15) text += pick(EXTENSIONS); // extended
        out.push({ number: t.number === null ? null : ++number, text, units: t.units.map((u) => ({ ...u, names: u.names.map(renameUnit) })) });
      }
      if (out.length > 1 && random() < 0.3) {
        const k = Math.floor(random() * (out.length - 1));
        [out[k].text, out[k + 1].text] = [out[k + 1].text, out[k].text]; // reordered
      }
      if (random() < 0.3) out.push({ number: ++number, text: pick(LOCAL_TASKS).replace("{r}", county.region), units: [{ role: "lead", names: [`${own}政府办公室`] }] });
      return out;
    };
    const issuer = { national: "国务院办公厅", provincial: `${county.province}人民政府办公厅`, prefecture: `${county.parentCity}人民政府办公室`, county: `${county.parentCity}${county.region}人民政府办公室` }[level];
    const place = { national: "", provincial: county.province, prefecture: county.parentCity, county: county.region }[level];
    const spec: PlanSpec = {
      title: `${place}${year}年政务公开工作要点${random() < 0.5 ? "分工方案" : ""}`,
      draft: random() < 0.05,
      sections: base.sections.map((l1) => ({ ...l1, tasks: editTasks(l1.tasks), sections: l1.sections.map((l2) => ({ ...l2, sections: [], tasks: editTasks(l2.tasks) })) })),
    };
    const text = `${issuer}\n\n${render(spec, pick(LAYOUTS))}`;
    const file = join(dir, `plan-${String(i).padStart(6, "0")}.txt`);
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  return { bytes, years };
}

interface Run {
  docs: number;
  tasks: number;
  bytes: number;
  parse_mb_per_s: number;
  reference_mb_per_s: number;
  workers: number;
  prepare_s: number;
  parquet_s: number;
  ingest_s: number;
  group_s: number;
  lineage_s: number;
  distinct_texts: number;
  candidates: number;
  peak_rss_mb: number;
  failed: number;
  /** Re-ingest after a new year's plans were added (the rest unchanged), into the folder holding the rest. */
  /** The dashboard built from the corpus (--site). */
  site: SiteRun | null;
  incremental: { year: number; new_files: number; reused: number; workers: number; seconds: number; steps: { prepare: number; group: number; lineage: number; write: number } } | null;
}

/** The plan's markers (一、 （一） 1.), the scan the reference makes over every byte. */
const MARKERS = /[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.、．]/gu;

/**
 * Parsing against reading, in this thread, on the same files held in memory (at most 1,000 of them):
 * MB/s of readSource + parsePlan, and of TextDecoder + one scan with MARKERS. Each is run twice and
 * the second run counts (the first compiles the code).
 */
async function parseSpeed(files: string[]) {
  const sample = files.slice(0, 1000).map((f) => ({ f, bytes: readFileSync(f) }));
  const mb = sample.reduce((n, x) => n + x.bytes.length, 0) / 1e6;
  const timed = async (run: () => Promise<unknown> | unknown) => {
    await run();
    const t0 = performance.now();
    await run();
    return mb / ((performance.now() - t0) / 1000);
  };
  const reference = await timed(() => {
    const decoder = new TextDecoder();
    let n = 0;
    for (const { bytes } of sample) {
      const text = decoder.decode(bytes);
      MARKERS.lastIndex = 0;
      while (MARKERS.exec(text) !== null) n++;
    }
    return n;
  });
  const parse = await timed(async () => {
    for (const { f, bytes } of sample) parsePlan((await readSource(f, bytes)).text);
  });
  return { parse_mb_per_s: parse, reference_mb_per_s: reference };
}

async function measure(n: number, keep: boolean, incremental: boolean, site: boolean): Promise<Run> {
  const work = mkdtempSync(join(tmpdir(), `zwgk-bench-${n}-`));
  const corpus = join(work, "corpus");
  const { bytes, years } = await generateCorpus(n, corpus);
  const files = listFiles([corpus]); // plan-000000.txt … in the order generated
  const speed = await parseSpeed(files);
  // `zwgk ingest` itself: worker threads read, parse and enrich; rows stream into DuckDB; Parquet; the cache written
  const summary = await ingest(files, join(work, "out"));
  const peak = process.resourceUsage().maxRSS / 1024;
  // a new year's plans added to last year's warehouse: the earlier years are read back from the cache
  let again: Run["incremental"] = null;
  if (incremental) {
    const newest = Math.max(...years);
    const earlier = files.filter((_, i) => years[i] !== newest);
    const out = join(work, "incremental");
    await ingest(earlier, out);
    const t0 = performance.now();
    const next = await ingest(files, out);
    again = { year: newest, new_files: files.length - earlier.length, reused: next.reused, workers: next.workers, seconds: (performance.now() - t0) / 1000, steps: next.seconds };
  }
  const built = site ? await measureSite(corpus, join(work, "site")) : null;
  if (!keep) rmSync(work, { recursive: true, force: true });
  return {
    site: built,
    docs: n,
    tasks: summary.rows.tasks,
    bytes,
    ...speed,
    workers: summary.workers,
    prepare_s: summary.seconds.prepare,
    parquet_s: summary.seconds.write,
    ingest_s: summary.seconds.prepare + summary.seconds.write,
    group_s: summary.seconds.group,
    lineage_s: summary.seconds.lineage,
    distinct_texts: summary.grouping.distinct,
    candidates: summary.grouping.candidates,
    peak_rss_mb: peak,
    failed: summary.failed,
    incremental: again,
  };
}

/** Rand index: the share of task pairs on which two groupings agree (same group in both, or in neither). */
function randIndex(a: Grouping, b: Grouping, ids: string[]): number {
  let agree = 0;
  let total = 0;
  for (let i = 0; i < ids.length; i++) {
    const ai = a.requirementOf.get(ids[i]);
    const bi = b.requirementOf.get(ids[i]);
    for (let j = i + 1; j < ids.length; j++) {
      total++;
      if ((ai === a.requirementOf.get(ids[j])) === (bi === b.requirementOf.get(ids[j]))) agree++;
    }
  }
  return total ? agree / total : 1;
}

async function baseline(subsetDocs: number) {
  const work = mkdtempSync(join(tmpdir(), "zwgk-bench-base-"));
  await generateCorpus(subsetDocs, work);
  const tables = buildTables(await parseFiles(listFiles([work])), { skipRequirements: true });
  rmSync(work, { recursive: true, force: true });
  const inputs: GroupInput[] = tables.tasks.map((t) => ({ taskId: t.task_id as string, docId: t.doc_id as string, text: t.text as string, region: null, year: null }));
  const t0 = performance.now();
  const indexed = groupRequirements(inputs);
  const t1 = performance.now();
  const allPairs = groupAllPairs(inputs);
  const t2 = performance.now();
  return {
    docs: subsetDocs, tasks: inputs.length, distinct_texts: allPairs.stats.distinct, pairs: allPairs.stats.candidates,
    indexed_s: (t1 - t0) / 1000, all_pairs_s: (t2 - t1) / 1000, agreement: randIndex(indexed, allPairs, inputs.map((t) => t.taskId)),
  };
}

function child(args: string[]): unknown {
  // the heap limit `zwgk` runs with (bin/zwgk.js): the collector works before the heap grows past it
  const out = execFileSync(process.execPath, ["--max-old-space-size=2560", "--import", "tsx", SELF, ...args], { encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(out.trim().split("\n").pop()!);
}

async function main() {
  const { values } = parseArgs({
    options: { docs: { type: "string", default: "1000" }, json: { type: "boolean" }, keep: { type: "boolean" }, child: { type: "string" }, incremental: { type: "boolean" }, site: { type: "boolean" }, baseline: { type: "string" }, "baseline-docs": { type: "string", default: "300" }, "skip-double": { type: "boolean" } },
  });
  if (values.child) {
    console.log(JSON.stringify(await measure(Number(values.child), Boolean(values.keep), Boolean(values.incremental), Boolean(values.site))));
    return;
  }
  if (values.baseline) {
    console.log(JSON.stringify(await baseline(Number(values.baseline))));
    return;
  }
  const n = Number(values.docs);
  if (!Number.isInteger(n) || n < 1) throw new Error("--docs must be a positive integer");
  const keep = values.keep ? ["--keep"] : [];
  const run1 = child(["--child", String(n), "--incremental", ...(values.site ? ["--site"] : []), ...keep]) as Run;
  // the run at 2N may not fit where N just does (memory): it is then reported as failed, not the whole bench
  let run2: Run | null = null;
  let run2Failure: string | null = null;
  if (values["skip-double"]) run2Failure = "skipped (--skip-double)";
  else {
    try {
      run2 = child(["--child", String(2 * n), ...keep]) as Run;
    } catch (e) {
      run2Failure = (e as Error).message.split("\n")[0];
    }
  }
  const base = child(["--baseline", String(Math.min(n, Number(values["baseline-docs"])))]) as Awaited<ReturnType<typeof baseline>>;
  const total1 = run1.ingest_s + run1.group_s + run1.lineage_s;
  const total2 = run2 ? run2.ingest_s + run2.group_s + run2.lineage_s : null;
  // all pairs cost grows with the square of the distinct texts: projected from the subset to N's
  const projected = base.all_pairs_s * (run1.distinct_texts / base.distinct_texts) ** 2;
  const result = {
    docs: run1.docs,
    tasks: run1.tasks,
    bytes: run1.bytes,
    parse_mb_per_s: round(run1.parse_mb_per_s),
    reference_mb_per_s: round(run1.reference_mb_per_s),
    parse_share: round(run1.parse_mb_per_s / run1.reference_mb_per_s, 3),
    mb_per_s: round(run1.bytes / 1e6 / total1),
    workers: run1.workers,
    ingest_s: round(run1.ingest_s),
    group_s: round(run1.group_s),
    lineage_s: round(run1.lineage_s),
    total_s: round(total1),
    peak_rss_mb: Math.round(run1.peak_rss_mb),
    scaling_ratio: total2 === null ? null : round(total2 / total1),
    incremental_new_files: run1.incremental!.new_files,
    incremental_reused: run1.incremental!.reused,
    incremental_s: round(run1.incremental!.seconds),
    incremental_share: round(run1.incremental!.seconds / total1, 3),
    baseline_kind: "all-pairs",
    baseline_projected_s: round(projected),
    baseline_speedup: round(projected / run1.group_s),
    baseline_agreement: round(base.agreement, 4),
    ...(run1.site ? { ...run1.site, weights: undefined, site_build_s: round(run1.site.site_build_s), site_mb: round(run1.site.site_mb), heaviest_page_kb: run1.site.heaviest_page_kb === null ? null : round(run1.site.heaviest_page_kb, 1) } : {}),
    detail: { n: run1, two_n: run2 ?? { failed: run2Failure }, baseline: base },
  };
  if (values.json) console.log(JSON.stringify(result));
  else {
    console.log(`zwgk bench — ${n} synthetic plans (${(run1.bytes / 1e6).toFixed(1)} MB, ${run1.tasks} tasks, ${run1.failed} failed)`);
    console.log(`  parse    ${result.parse_mb_per_s} MB/s in one thread = ${round(result.parse_share * 100, 1)}% of the reference (TextDecoder + one marker scan: ${result.reference_mb_per_s} MB/s)`);
    console.log(`  ingest   ${result.ingest_s}s with ${run1.workers} workers (prepare ${round(run1.prepare_s)}s, parquet ${round(run1.parquet_s)}s)`);
    console.log(`  grouping ${result.group_s}s  (${run1.distinct_texts} distinct texts, ${run1.candidates} candidate pairs); lineage and coverage ${result.lineage_s}s`);
    console.log(`  total    ${result.total_s}s = ${result.mb_per_s} MB/s end to end; peak RSS ${result.peak_rss_mb} MB`);
    if (run2) console.log(`  at 2N    ingest ${round(run2.ingest_s)}s + grouping ${round(run2.group_s)}s + lineage ${round(run2.lineage_s)}s, peak ${Math.round(run2.peak_rss_mb)} MB: time ratio 2N/N = ${result.scaling_ratio}`);
    else console.log(`  at 2N    not measured: ${run2Failure}`);
    const inc = run1.incremental!;
    console.log(`  re-ingest with ${inc.year}'s ${inc.new_files} plans added to the other ${inc.reused} (read from the cache): ${result.incremental_s}s = ${round(result.incremental_share * 100, 1)}% of the full run (prepare ${round(inc.steps.prepare)}s, grouping ${round(inc.steps.group)}s, lineage ${round(inc.steps.lineage)}s, parquet ${round(inc.steps.write)}s)`);
    console.log(`  baseline all pairs on ${base.docs} plans (${base.distinct_texts} distinct texts, ${base.pairs} pairs): ${round(base.all_pairs_s)}s, indexed ${round(base.indexed_s, 3)}s; agreement (Rand) ${result.baseline_agreement}`);
    console.log(`           projected to ${run1.distinct_texts} distinct texts: ${result.baseline_projected_s}s = ${result.baseline_speedup}× the indexed grouping's ${result.group_s}s`);
    const site = run1.site;
    if (site) {
      console.log(`  site     built in ${round(site.site_build_s)}s: ${site.site_pages} pages, ${site.site_addresses} short addresses, ${site.site_files} files, ${round(site.site_mb)} MB`);
      console.log(`           heaviest of ${site.pages_weighed} pages weighed in Chromium: ${site.heaviest_page_kb === null ? "not weighed (no Chromium)" : `${round(site.heaviest_page_kb, 1)} kB, ${site.heaviest_page}`}`);
    }
  }
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

if (process.argv[1] === SELF) await main();
