// Measures the enrich stage against the hand labels in test/fixtures: task categories (agreement on
// the dev and held-out splits) and requirement pairs (precision and recall over a threshold grid).
// npx tsx scripts/evaluate.ts [--grid] [--frontier]
import { classify } from "../loaders/enrich/categories.ts";
import { compare, comparable, corpusSimilarity, DEFAULT_THRESHOLDS, passes, passesWording, type Thresholds } from "../loaders/enrich/requirements.ts";
import { tasksOf } from "../loaders/parse/index.ts";
import { readdirSync, readFileSync } from "node:fs";
import { readSource } from "../loaders/read/index.ts";
import { parsePlan, type PlanDocument } from "../loaders/parse/index.ts";
import { findTask, ROOT, seed, seedByOriginal, SEEDS, tsv } from "../test/helpers.ts";

export async function categoryAgreement() {
  const labels = tsv(ROOT + "test/fixtures/category-labels.tsv");
  const out: Record<string, { n: number; primary: number; anyLabel: number; misses: string[] }> = { dev: { n: 0, primary: 0, anyLabel: 0, misses: [] }, holdout: { n: 0, primary: 0, anyLabel: 0, misses: [] } };
  for (const row of labels) {
    const { plan } = await seed(seedByOriginal(row.seed).file);
    const task = findTask(plan, row.number, row.text_prefix);
    if (!task) throw new Error(`label row not found: ${row.seed} ${row.number} ${row.text_prefix}`);
    const path = tasksOf(plan).find((t) => t.task === task)!.path.map((s) => s.title);
    const c = classify(task.text, path);
    const o = out[row.split];
    o.n++;
    if (c.category === row.category) o.primary++;
    else o.misses.push(`${row.seed.slice(0, 3)}#${row.number || "-"} ${task.text.slice(0, 24)} → ${c.category} (label ${row.category})`);
    if (c.category === row.category || row.secondary.split(",").includes(c.category)) o.anyLabel++;
  }
  return out;
}

/** A plan a pair row names: a seed by its original file name, or a real plan as real/<file>. */
async function planOf(name: string) {
  if (!name.startsWith("real/")) return (await seed(seedByOriginal(name).file)).plan;
  const path = ROOT + "test/fixtures/" + name;
  return parsePlan((await readSource(path, readFileSync(path))).text);
}

/** The labelled pairs, scored; idf weights from the corpus they come from (seeds and real plans), as ingest computes them. */
export async function pairScores() {
  const rows = tsv(ROOT + "test/fixtures/requirement-pairs.tsv");
  const names = [...new Set(rows.flatMap((r) => [r.seed_a, r.seed_b]))];
  const realFiles = readdirSync(ROOT + "test/fixtures/real").filter((f) => f.endsWith(".txt")).map((f) => "real/" + f);
  const plans = new Map<string, PlanDocument>();
  for (const name of [...SEEDS.map((s) => s.original), ...realFiles, ...names]) if (!plans.has(name)) plans.set(name, await planOf(name));
  const all = new Set<string>();
  for (const plan of plans.values()) for (const { task } of tasksOf(plan)) all.add(comparable(task.text));
  const { sim } = corpusSimilarity([...all]);
  const scored = [];
  for (const r of rows) {
    const a = findTask(plans.get(r.seed_a)!, r.number_a, r.prefix_a);
    const b = findTask(plans.get(r.seed_b)!, r.number_b, r.prefix_b);
    if (!a || !b) throw new Error(`pair row not found: ${JSON.stringify(r)}`);
    const source = r.seed_a.startsWith("real/") || r.seed_b.startsWith("real/") ? "real" : "seeds";
    // blocks j, k, l, m and n were chosen and labelled blind to the requirement-concept codebook, to measure it
    const block = r.block;
    const kind = r.reason.match(/^(verbatim|reworded|bundle-main|bundle-clause|same-topic):/)?.[1] ?? (r.reason.startsWith("Unrelated:") ? "unrelated" : "");
    // same: the label both annotators gave, or the adjudicator's; first and second: each annotator's own
    const labels = { same: r.same === "true", first: r.first === "true", second: r.second === "true" };
    scored.push({ ...compare(sim.prepare(comparable(a.text)), sim.prepare(comparable(b.text))), ...labels, split: r.split, source, kind, block, a: a.text, b: b.text, rowA: r.seed_a, rowB: r.seed_b });
  }
  return scored;
}

type Scored = Awaited<ReturnType<typeof pairScores>>[number];

/**
 * Precision and recall of the decision `decide` (the grouping's, its wording tests alone, or an annotator's
 * label) on a split, source and block, against `gold` (the adjudicated label; or one annotator's).
 */
export function precisionRecall(scored: Scored[], t: Thresholds, split?: string, source?: string, decide: (s: Scored, t: Thresholds) => boolean = passes, block?: string, gold = (s: Scored) => s.same) {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const s of scored.filter((x) => (!split || x.split === split) && (!source || x.source === source) && (!block || x.block === block))) {
    const predicted = decide(s, t);
    const same = gold(s);
    if (predicted && same) tp++;
    else if (predicted) fp++;
    else if (same) fn++;
    else tn++;
  }
  return { tp, fp, fn, tn, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) };
}

if (process.argv[1]?.endsWith("evaluate.ts")) {
  const cat = await categoryAgreement();
  for (const [split, o] of Object.entries(cat)) {
    console.log(`categories ${split}: ${o.primary}/${o.n} primary = ${((o.primary / o.n) * 100).toFixed(1)}%, within labelled categories ${o.anyLabel}/${o.n} = ${((o.anyLabel / o.n) * 100).toFixed(1)}%`);
    if (process.argv.includes("--misses")) for (const m of o.misses) console.log("   ", m);
  }
  const scored = await pairScores();
  for (const split of ["dev", "holdout"])
    for (const source of [undefined, "seeds", "real"]) {
      const r = precisionRecall(scored, DEFAULT_THRESHOLDS, split, source);
      console.log(`requirements ${split}${source ? ` (${source})` : ""} @ default: precision ${r.precision.toFixed(3)} recall ${r.recall.toFixed(3)} (tp ${r.tp} fp ${r.fp} fn ${r.fn} tn ${r.tn})`);
    }
  for (const block of ["j", "k", "l", "m", "n"])
    for (const split of ["dev", "holdout"]) {
      const r = precisionRecall(scored, DEFAULT_THRESHOLDS, split, undefined, passes, block);
      console.log(`requirements ${split} (block ${block}, labelled blind to the concepts) @ default: precision ${r.precision.toFixed(3)} recall ${r.recall.toFixed(3)} (tp ${r.tp} fp ${r.fp} fn ${r.fn} tn ${r.tn})`);
    }
  for (const split of ["dev", "holdout"]) {
    const r = precisionRecall(scored, DEFAULT_THRESHOLDS, split, undefined, passesWording);
    console.log(`requirements ${split} @ default, wording tests alone (no concepts): precision ${r.precision.toFixed(3)} recall ${r.recall.toFixed(3)} (tp ${r.tp} fp ${r.fp} fn ${r.fn} tn ${r.tn})`);
  }
  // the grouping's links as it makes them on the real pages (blocks l, m and n were drawn from them), by
  // how they are made: what tasks.requirement_link tells a reader (wording / concept)
  for (const [what, linked] of [["the wording tests", (s: Scored) => passesWording(s, DEFAULT_THRESHOLDS)], ["the concept alone", (s: Scored) => passes(s, DEFAULT_THRESHOLDS) && !passesWording(s, DEFAULT_THRESHOLDS)]] as const) {
    const links = scored.filter((s) => (s.block === "l" || s.block === "m" || s.block === "n") && linked(s));
    console.log(`links of blocks l, m and n made by ${what}: the same requirement ${links.filter((s) => s.same).length} of ${links.length}`);
  }
  // the human ceiling: each annotator's labels, and the grouping, against the other annotator's and against the adjudicated ones
  const first = (s: Scored) => s.first;
  const second = (s: Scored) => s.second;
  const line = (what: string, r: ReturnType<typeof precisionRecall>) => console.log(`${what}: precision ${r.precision.toFixed(3)} recall ${r.recall.toFixed(3)} (tp ${r.tp} fp ${r.fp} fn ${r.fn} tn ${r.tn})`);
  for (const split of ["dev", "holdout"]) {
    line(`annotators ${split}: the second annotator's labels against the first's`, precisionRecall(scored, DEFAULT_THRESHOLDS, split, undefined, second, undefined, first));
    line(`annotators ${split}: the first annotator's labels against the adjudicated`, precisionRecall(scored, DEFAULT_THRESHOLDS, split, undefined, first));
    line(`annotators ${split}: the second annotator's labels against the adjudicated`, precisionRecall(scored, DEFAULT_THRESHOLDS, split, undefined, second));
    line(`requirements ${split} @ default against the first annotator's labels`, precisionRecall(scored, DEFAULT_THRESHOLDS, split, undefined, passes, undefined, first));
    line(`requirements ${split} @ default against the second annotator's labels`, precisionRecall(scored, DEFAULT_THRESHOLDS, split, undefined, passes, undefined, second));
  }
  if (process.argv.includes("--frontier")) {
    // the best dev recall at each dev precision floor (and what the held-out split says of that setting)
    const results = [];
    for (const jaccard of [0.2, 0.3, 0.4, 1.1])
      for (const containment of [0.4, 0.6, 1.01])
        for (const lead of [0.3, 0.4, 0.5, 1.01])
          // a concept match needs some wording in common: at 0 every task of one duty would be one requirement
          for (const conceptJaccard of [0.02, 0.03, 0.04, 0.06, 0.1, 1.1])
            for (const topicJaccard of [0.1, 0.2, 0.3])
              for (const conceptVeto of [0.3, 0.4, 0.5, 1.1]) {
              const t = { ...DEFAULT_THRESHOLDS, jaccard, containment, lead, conceptJaccard, topicJaccard, conceptVeto };
              results.push({ t, dev: precisionRecall(scored, t, "dev"), holdout: precisionRecall(scored, t, "holdout") });
            }
    const f1 = (r: { precision: number; recall: number }) => (2 * r.precision * r.recall) / Math.max(1e-9, r.precision + r.recall);
    const bestF1 = results.sort((a, b) => f1(b.dev) - f1(a.dev) || b.dev.precision - a.dev.precision)[0];
    console.log(`dev F1 best:`, JSON.stringify(bestF1.t), `dev P ${bestF1.dev.precision.toFixed(3)} R ${bestF1.dev.recall.toFixed(3)} F1 ${f1(bestF1.dev).toFixed(3)}; held-out P ${bestF1.holdout.precision.toFixed(3)} R ${bestF1.holdout.recall.toFixed(3)}`);
    for (const floor of [0.8, 0.85, 0.9, 0.95]) {
      const best = results.filter((r) => r.dev.precision >= floor).sort((a, b) => b.dev.recall - a.dev.recall || b.dev.precision - a.dev.precision)[0];
      if (best) console.log(`dev P >= ${floor}:`, JSON.stringify(best.t), `dev P ${best.dev.precision.toFixed(3)} R ${best.dev.recall.toFixed(3)}; held-out P ${best.holdout.precision.toFixed(3)} R ${best.holdout.recall.toFixed(3)}`);
    }
  }
  if (process.argv.includes("--grid")) {
    const results = [];
    for (const jaccard of [0.12, 0.15, 0.18, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5])
      for (const containment of [0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 1.01])
        for (const minShingles of [8, 15, 25, 40])
          for (const lead of [0.4, 0.5, 0.6, 0.7, 0.8, 1.01])
            for (const minLeadShingles of [6, 10, 15, 20]) {
              const t = { ...DEFAULT_THRESHOLDS, jaccard, containment, minShingles, lead, minLeadShingles };
              const r = precisionRecall(scored, t, "dev");
              results.push({ t, ...r, f1: (2 * r.precision * r.recall) / Math.max(1e-9, r.precision + r.recall) });
            }
    results.sort((a, b) => b.f1 - a.f1 || b.precision - a.precision);
    for (const r of results.slice(0, 15)) console.log(JSON.stringify(r.t), `dev P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)} F1 ${r.f1.toFixed(3)}`);
  }
}
