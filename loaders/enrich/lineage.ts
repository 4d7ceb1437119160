// Requirements copied down the levels: national → provincial → prefecture → county.
//
// A county's plan is mostly its province's or city's plan of the same year (or of the year before) with
// the names changed, a clause cut here and a local detail added there; a bundle of three requirements
// in the provincial plan often becomes one task in the county's. So plans are aligned clause by clause:
// a clause of one task is taken from another when most of its weighted bigrams are there
// (requirements.ts gives the weights and the comparable form, without addressees or boilerplate).
//
//   lineage   for each task, its most likely source among the plans of the regions above it
//   coverage  for each plan and each plan above it, each requirement of the plan above: copied,
//             modified or absent in the plan below
import { CLAUSE_MARK, compare, DEFAULT_THRESHOLDS, passesWording, type Corpus, type Distinct, type Features, sharedWeight } from "./requirements.ts";

export type Level = "national" | "provincial" | "prefecture" | "county";

/** What lineage needs of a plan: where and when it was issued. */
export interface PlanFacts {
  docId: string;
  level: Level | null;
  year: number | null;
  region: string | null;
  province: string | null;
  parentCity: string | null;
  /** Tasks parsed: of two plans of one region and year (a 要点 and its 分工方案), the fuller is followed. */
  taskCount?: number;
}

/** lineage.relation and coverage.status values (their labels: data/labels.tsv, sets relation and coverage). */
export const RELATIONS = ["copied", "modified"] as const;
export const COVERAGE_STATUSES = ["copied", "modified", "absent"] as const;

export interface LineageRow {
  task_id: string;
  doc_id: string;
  source_task_id: string;
  source_doc_id: string;
  similarity: number;
  relation: (typeof RELATIONS)[number];
}

export interface CoverageRow {
  doc_id: string;
  parent_doc_id: string;
  parent_task_id: string;
  status: (typeof COVERAGE_STATUSES)[number];
  task_id: string | null;
  similarity: number;
}

/** A clause is taken from a text when at least this share of its bigram weight is there, … */
export const ALIGN = 0.5;
/** … and it has at least this many bigrams (a 3-character clause proves nothing). */
export const MIN_CLAUSE_SHINGLES = 5;
/** A task comes from a source when at least this share of its requirement is taken from it; */
export const MIN_SIMILARITY = 0.5;
/** when at least this share is, it is a copy (modified otherwise). */
export const COPIED = 0.9;
/** A requirement of the plan above is carried (modified) when at least this share of it is found below. */
export const CARRIED = 0.3;
/** Candidates (by shared bigram weight) aligned clause by clause for each task. */
const CANDIDATES = 2;

const RANK: Record<Level, number> = { national: 0, provincial: 1, prefecture: 2, county: 3 };

/**
 * The plans a plan may copy from: of each region above it (its prefecture, its province, the nation),
 * its plan of the same year, or, when that region has none, of the year before; nearest level first.
 * When a region has several plans of a year, the one with the most tasks (then the lowest doc_id).
 */
export function plansAbove(plan: PlanFacts, byRegionYear: Map<string, PlanFacts[]>): PlanFacts[] {
  if (!plan.level || plan.year === null) return [];
  const out: PlanFacts[] = [];
  const regions: [Level, string | null][] = [
    ["prefecture", plan.level === "county" ? plan.parentCity : null],
    ["provincial", plan.level === "county" || plan.level === "prefecture" ? plan.province : null],
    ["national", plan.level === "national" ? null : "全国"],
  ];
  for (const [level, region] of regions) {
    if (!region) continue;
    for (const year of [plan.year, plan.year - 1]) {
      const found = (byRegionYear.get(`${level}|${region}|${year}`) ?? []).filter((p) => p.docId !== plan.docId);
      if (found.length) {
        out.push(found.reduce((a, b) => ((b.taskCount ?? 0) > (a.taskCount ?? 0) ? b : a)));
        break;
      }
    }
  }
  return out;
}

function regionYearIndex(plans: PlanFacts[]): Map<string, PlanFacts[]> {
  const index = new Map<string, PlanFacts[]>();
  for (const p of plans) {
    if (!p.level || p.year === null) continue;
    const region = p.level === "national" ? "全国" : p.region;
    if (!region) continue;
    const key = `${p.level}|${region}|${p.year}`;
    index.set(key, [...(index.get(key) ?? []), p]);
  }
  for (const list of index.values()) list.sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0));
  return index;
}

interface Entry {
  taskId: string;
  item: Distinct;
}

/** One plan's tasks, with an inverted index of their bigrams for finding candidates. */
class PlanIndex {
  private readonly postings = new Map<number, number[]>();
  private readonly score: Float64Array;
  /** The first entry of each requirement group: a task of the same requirement is always a candidate. */
  readonly entryOfGroup = new Map<string, number>();

  constructor(readonly entries: Entry[], groupOf: (item: Distinct) => string | undefined) {
    entries.forEach((e, k) => {
      const group = groupOf(e.item);
      if (group !== undefined && !this.entryOfGroup.has(group)) this.entryOfGroup.set(group, k);
      for (const s of e.item.shingles) {
        const list = this.postings.get(s);
        if (list) list.push(k);
        else this.postings.set(s, [k]);
      }
    });
    this.score = new Float64Array(entries.length);
  }

  /** The bigram weight entry k shares with the text of the last call to candidates. */
  shared(k: number): number {
    return this.score[k];
  }

  /** The entries sharing the most bigram weight with `f`, at most `n`, best first (ties in plan order). */
  candidates(f: Features, n: number): number[] {
    this.score.fill(0);
    const touched: number[] = [];
    for (let i = 0; i < f.shingles.length; i++) {
      const list = this.postings.get(f.shingles[i]);
      if (!list) continue;
      for (let j = 0; j < list.length; j++) {
        const k = list[j];
        if (this.score[k] === 0) touched.push(k);
        this.score[k] += f.weights[i];
      }
    }
    // the n best by a selection pass (n is 2 or 3; sorting every touched entry cost more than the rest)
    const best: number[] = [];
    for (const k of touched) {
      let at = best.length;
      while (at > 0 && (this.score[k] > this.score[best[at - 1]] || (this.score[k] === this.score[best[at - 1]] && k < best[at - 1]))) at--;
      if (at < n) {
        best.splice(at, 0, k);
        if (best.length > n) best.pop();
      }
    }
    return best;
  }
}

/** Clause features of a distinct text, made once. */
class ClauseFeatures {
  private readonly cache = new Map<Distinct, { clauses: Features[]; floor: number }>();
  constructor(private readonly corpus: Corpus) {}

  private entry(item: Distinct) {
    let hit = this.cache.get(item);
    if (!hit) {
      const clauses = item.key.includes(CLAUSE_MARK) ? item.key.split(CLAUSE_MARK).map((c) => this.corpus.sim.features(c)) : [item];
      // the least bigram weight another text must share with this one for any clause of it to align there
      let floor = Infinity;
      for (const c of clauses) if (c.shingles.length >= MIN_CLAUSE_SHINGLES && c.total > 0) floor = Math.min(floor, ALIGN * c.total);
      hit = { clauses, floor };
      this.cache.set(item, hit);
    }
    return hit;
  }

  of(item: Distinct): Features[] {
    return this.entry(item).clauses;
  }

  /**
   * Below this shared weight two texts can neither align a clause either way nor pass the grouping's
   * measure (its leading-clause test needs THRESHOLD × the shorter leading clause): not worth comparing.
   */
  floor(a: Distinct, b: Distinct): number {
    return Math.min(this.entry(a).floor, this.entry(b).floor, DEFAULT_THRESHOLDS.lead * Math.min(a.lead.total, b.lead.total), DEFAULT_THRESHOLDS.jaccard * Math.max(a.total, b.total));
  }
}

/**
 * How much of `clauses` (one text's clauses) is taken from `source`: the share of their bigram weight in
 * clauses that align with it. 1 when every clause is there, 0 when none is.
 */
export function takenFrom(clauses: Features[], source: Features): number {
  let total = 0;
  let taken = 0;
  for (const c of clauses) {
    total += c.total;
    taken += alignedWeight(c, source);
  }
  return total > 0 ? taken / total : 0;
}

/** The weight of one clause found in `source` when it aligns with it, 0 otherwise. */
function alignedWeight(c: Features, source: Features): number {
  if (c.shingles.length < MIN_CLAUSE_SHINGLES || c.total === 0) return 0;
  const shared = sharedWeight(c, source);
  return shared / c.total >= ALIGN ? shared : 0;
}

/** Tasks of each plan in task order. */
function tasksByPlan(corpus: Corpus): Map<string, Entry[]> {
  const byDoc = new Map<string, Entry[]>();
  for (const item of corpus.items)
    for (const t of item.tasks) {
      const list = byDoc.get(t.docId);
      if (list) list.push({ taskId: t.taskId, item });
      else byDoc.set(t.docId, [{ taskId: t.taskId, item }]);
    }
  for (const list of byDoc.values()) list.sort((a, b) => (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0));
  return byDoc;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const NO_MATCHES: readonly Match[] = Object.freeze([]);

/** A task of a plan above that a text may come from: how much of the text it holds, and how much of each of its clauses the text holds. */
interface Match {
  k: number;
  /** The text comes from this task: enough of it aligns clause by clause, or the two state one requirement. */
  linked: boolean;
  similarity: number;
  parentShares: number[];
}

/** Where the rows go as they are made (a national corpus has millions of coverage rows). */
export interface LinkSink {
  lineage(row: LineageRow): void;
  coverage(row: CoverageRow): void;
}

/**
 * Lineage and coverage over a corpus, into `sink`: pure and deterministic. Plans are taken by year, then
 * doc_id, each plan's tasks in order, whatever the input order. `groupOf` gives a distinct text's
 * requirement group (requirements.ts), when grouped.
 * Texts copied verbatim by many plans are aligned with a plan above once: matches are kept per plan above
 * and distinct text while plans of its year and the next are taken (plans go year by year).
 */
export function traceLineage(corpus: Corpus, plans: PlanFacts[], sink: LinkSink, groupOf: (item: Distinct) => string | undefined = () => undefined): void {
  const byRegionYear = regionYearIndex(plans);
  const byDoc = tasksByPlan(corpus);
  const clauses = new ClauseFeatures(corpus);
  const above = new Map<string, { index: PlanIndex; memo: Map<Distinct, readonly Match[]>; year: number }>();
  const sourceOf = (plan: PlanFacts) => {
    let hit = above.get(plan.docId);
    if (!hit) above.set(plan.docId, (hit = { index: new PlanIndex(byDoc.get(plan.docId) ?? [], groupOf), memo: new Map(), year: plan.year ?? 0 }));
    return hit;
  };
  const matchesIn = (item: Distinct, plan: PlanFacts): readonly Match[] => {
    const source = sourceOf(plan);
    let hit = source.memo.get(item);
    if (!hit) {
      const found: Match[] = [];
      // the tasks sharing the most with this text, and a task of its requirement group even when others
      // share more (a bundle here may state that requirement and copy a clause of another task above: both
      // count for coverage)
      const group = groupOf(item);
      const same = group === undefined ? undefined : source.index.entryOfGroup.get(group);
      const candidates = source.index.candidates(item, CANDIDATES);
      if (same !== undefined && !candidates.includes(same)) candidates.push(same);
      for (const k of candidates) {
        const parent = source.index.entries[k].item;
        if (k !== same && source.index.shared(k) < clauses.floor(item, parent)) continue; // nothing in common worth aligning
        let similarity = takenFrom(clauses.of(item), parent);
        let linked = similarity >= MIN_SIMILARITY;
        if (!linked) {
          // reworded rather than copied clause by clause: the same requirement by the grouping's wording
          // tests (not by its concepts: a source is a text copied from, not any task of the same duty)
          const scores = compare(item, parent);
          linked = passesWording(scores, DEFAULT_THRESHOLDS);
          if (linked) similarity = Math.max(similarity, scores.jaccard);
        }
        const parentShares = clauses.of(parent).map((c) => (c.total > 0 ? alignedWeight(c, item) / c.total : 0));
        if (linked || parentShares.some((x) => x > 0)) found.push({ k, linked, similarity, parentShares });
      }
      hit = found.length ? found : NO_MATCHES; // most texts share nothing with a given plan above: one empty list
      source.memo.set(item, hit);
    }
    return hit;
  };
  const ordered = [...plans].sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0));
  for (const plan of ordered) {
    // a plan above serves the plans of its year and the next: older ones are let go
    for (const [docId, source] of above) if (source.year < (plan.year ?? 0) - 1) above.delete(docId);
    const parents = plansAbove(plan, byRegionYear);
    const tasks = byDoc.get(plan.docId) ?? [];
    if (parents.length === 0 || tasks.length === 0) continue;
    // one pass per plan above (nearest first): each task's best source so far (lineage; ties go to the
    // nearer plan), and each requirement above, found here or not (coverage; a bundle above may be spread
    // over several tasks here, so each of its clauses counts where it is found best)
    const best: ({ entry: Entry; plan: PlanFacts; similarity: number } | null)[] = tasks.map(() => null);
    for (const parent of parents) {
      const entries = sourceOf(parent).index.entries;
      const clauseBest: Float64Array[] = [];
      const carrier: { taskId: string | null; weight: number }[] = [];
      tasks.forEach((task, t) => {
        for (const m of matchesIn(task.item, parent)) {
          if (m.linked && (!best[t] || m.similarity > best[t]!.similarity + 1e-9)) best[t] = { entry: entries[m.k], plan: parent, similarity: m.similarity };
          const parts = clauses.of(entries[m.k].item);
          const top = (clauseBest[m.k] ??= new Float64Array(parts.length));
          carrier[m.k] ??= { taskId: null, weight: 0 };
          let weight = 0;
          for (let i = 0; i < parts.length; i++) {
            const share = m.parentShares[i];
            if (share > top[i]) top[i] = share;
            weight += share * parts[i].total;
          }
          if (weight > carrier[m.k].weight + 1e-9) carrier[m.k] = { taskId: task.taskId, weight };
        }
      });
      entries.forEach((e, k) => {
        const parts = clauses.of(e.item);
        const total = parts.reduce((n, c) => n + c.total, 0);
        const top = clauseBest[k];
        // the status follows the similarity as the table gives it (rounded), so that a reader can check one by the other
        const similarity = round(total > 0 && top ? parts.reduce((n, c, i) => n + top[i] * c.total, 0) / total : 0);
        const status = similarity >= COPIED ? "copied" : similarity >= CARRIED ? "modified" : "absent";
        sink.coverage({
          doc_id: plan.docId, parent_doc_id: parent.docId, parent_task_id: e.taskId, status,
          task_id: status === "absent" ? null : (carrier[k]?.taskId ?? null), similarity,
        });
      });
    }
    tasks.forEach((task, t) => {
      const b = best[t];
      if (!b) return;
      const similarity = round(b.similarity);
      sink.lineage({
        task_id: task.taskId, doc_id: plan.docId, source_task_id: b.entry.taskId, source_doc_id: b.plan.docId,
        similarity, relation: similarity >= COPIED ? "copied" : "modified",
      });
    });
  }
}

/** Lineage and coverage as two arrays. */
export function lineageRows(corpus: Corpus, plans: PlanFacts[], groupOf?: (item: Distinct) => string | undefined): { lineage: LineageRow[]; coverage: CoverageRow[] } {
  const rows = { lineage: [] as LineageRow[], coverage: [] as CoverageRow[] };
  traceLineage(corpus, plans, { lineage: (r) => rows.lineage.push(r), coverage: (r) => rows.coverage.push(r) }, groupOf);
  return rows;
}
