// Recurring requirements: tasks of any plan and year that state the same requirement share a
// requirement_id. Chinese needs no word segmentation here: character bigrams are the features.
//
//   1. Each task text is reduced to its requirement (enrich/wording.ts: addressees such as
//      「各镇人民政府…要」 and boilerplate such as 认真贯彻落实 set aside), cut into clauses, without
//      punctuation, years and numbers masked; identical forms are collapsed, so a requirement copied
//      verbatim by 3,000 counties costs one text.
//   2. Bigrams get idf weights over the distinct texts: wording shared by many different requirements
//      (公开本地区…, 每年至少…) weighs little, the words of an obligation weigh much.
//   3. The leading requirement is coded with the codebook concept it names (enrich/concepts.ts:
//      网民留言办理, 年报编制, 年报监督指导 …; when it names no duty, the duty of the clause after it:
//      conceptStated), which tells rewordings of one duty and different duties worded alike, where
//      bigrams cannot.
//   4. Candidates come from an inverted index of each text's rarest bigrams (prefix filtering) and of
//      its concept, so the cost grows with the corpus, not with all pairs; each candidate is confirmed
//      with exact weighted Jaccard, weighted containment (a requirement cut down or extended), the match
//      of the leading clauses (a bundle of requirements and a plan that copies its main one) and the
//      concepts (one duty: a little shared wording suffices; a duty and its sub-duty: as much as two
//      tasks of one topic; two duties: nearly the same text is needed).
//   5. Leader clustering (most common wording first) turns confirmed matches into groups that
//      partition the tasks, without the chaining union–find suffers from at scale.
import { createHash } from "node:crypto";
import { CONCEPTS, conceptOf, family, type Concept } from "./concepts.ts";
import { CLAUSE_MARK, requirementClauses } from "./wording.ts";

export { CLAUSE_MARK };

export interface GroupInput {
  taskId: string;
  docId: string;
  text: string;
  region: string | null;
  year: number | null;
}

export interface Thresholds {
  /** Weighted Jaccard at or above which two texts state the same requirement (unless they state different concepts: conceptVeto). */
  jaccard: number;
  /** Weighted containment (of the shorter in the longer) at or above which they do, … */
  containment: number;
  /** … provided the shorter text has at least this many bigrams. */
  minShingles: number;
  /** Weighted containment of one leading clause in the other at or above which they do, … */
  lead: number;
  /** … provided the shorter leading clause has at least this many bigrams. */
  minLeadShingles: number;
  /** Two texts whose leading requirements state one obligation of the codebook (enrich/concepts.ts) are one requirement at this weighted Jaccard; */
  conceptJaccard: number;
  /** of one topic or channel, at this; */
  topicJaccard: number;
  /** two texts stating different concepts are one requirement only at this Jaccard (their other tests do not count). */
  conceptVeto: number;
}

/**
 * Calibrated on the dev split of the hand-labelled pairs (test/fixtures/requirement-pairs.tsv, blocks
 * seeds, real, j, k, l, m and n, labelled by two annotators blind and adjudicated where they differ;
 * scripts/evaluate.ts --frontier): the best dev F1 but for a tie (dev 0.885 / 0.903, F1 0.894, held-out
 * 0.787 / 0.867; a concept match at 0.02 gives F1 0.895 at precision 0.864: precision takes the tie; the
 * wording tests alone 0.870 / 0.528 and 0.850 / 0.478). One annotator against the other reaches 0.879 /
 * 0.962 on the held-out pairs: what the labels can tell apart is about that much. The misses of the
 * wording tests are requirements reworded, their false matches different duties worded alike; the
 * requirement concepts settle both: one concept with a little shared wording (0.03) is one requirement,
 * a duty and its sub-duty (enrich/concepts.ts family) need as much as two tasks of one topic (0.2, or the
 * wording tests), two concepts are two
 * unless nearly the same text (0.4). Concept matches err most where a duty is named inside a list of
 * others, or name a duty its other plan states in another respect (标准目录: compiled here, kept up to
 * date there): of the links the concepts alone make in the real corpus (blocks l, m and n, drawn from them),
 * 119 of 174 are right. Whole-text containment is off: it joined a bundle of
 * requirements with each of its secondary clauses (the labels' bundle rule); the leading clauses carry
 * a cut-down copy.
 */
export const DEFAULT_THRESHOLDS: Thresholds = { jaccard: 0.4, containment: 1.01, minShingles: 15, lead: 0.3, minLeadShingles: 6, conceptJaccard: 0.03, topicJaccard: 0.2, conceptVeto: 0.4 };

export interface RequirementRow {
  requirement_id: string;
  label: string;
  task_count: number;
  doc_count: number;
  region_count: number;
  first_year: number | null;
  last_year: number | null;
  /** The codebook concept the group's leading wording states (enrich/concepts.ts), or null. */
  concept: string | null;
  /** Plans that state it in the group's own wording or near it (requirement_link lead or wording): doc_count less those that share only its duty. */
  wording_doc_count: number;
}

/**
 * How a task came into its requirement group (tasks.requirement_link): it states the group's own
 * wording (its comparable form is the leader's: the most common wording, up to punctuation, numbers,
 * addressees and boilerplate), or its wording is near it (the wording tests, or nearly the same text
 * where the codebook names two duties), or the codebook joined them with little wording in common (one
 * duty, one topic, or a duty and its sub-duty). The codebook's links are the less sure: of the pairs
 * blocks l, m and n of the labels drew from the grouping's links on the real pages (a sample of each kind),
 * 119 of the 174 it links by the codebook alone state one requirement, 69 of the 89 it links by wording
 * (scripts/evaluate.ts).
 */
export const REQUIREMENT_LINKS = ["lead", "wording", "concept"] as const;
export type RequirementLink = (typeof REQUIREMENT_LINKS)[number];

export interface Grouping {
  requirementOf: Map<string, string>;
  /** Each distinct text (the corpus's items) and how it came into its group, REQUIREMENT_LINKS[link[i]]: per text, not per task (taskLinks). */
  links: { items: readonly Distinct[]; link: Uint8Array };
  requirements: RequirementRow[];
  /** Distinct comparable texts and candidate pairs checked, for the benchmark. */
  stats: { tasks: number; distinct: number; candidates: number; confirmed: number };
}


/** One clause in the form it is compared in: wording only. */
function comparableClause(text: string): string {
  return text
    .replace(/(?:19|20)\d{2}\s*年/g, "年")
    .replace(/\d+(?:\.\d+)?/g, "#")
    .replace(/[\s\p{P}\p{S}]/gu, "");
}

/** The form two tasks are compared in: the requirement's clauses, wording only, joined by CLAUSE_MARK. */
export function comparable(text: string): string {
  return requirementClauses(text).map(comparableClause).filter((c) => c !== "").join(CLAUSE_MARK);
}

/**
 * Character bigrams as numbers (two UTF-16 units packed into 32 bits), sorted, unique; none across a
 * clause mark. Bigrams, not trigrams: on the labelled pairs they found more of the reworded
 * requirements at the same precision (dev recall 0.62 against 0.51 at precision 0.94).
 */
export function shingles(s: string): number[] {
  const mark = CLAUSE_MARK.charCodeAt(0);
  if (s.length < 2) return s.length === 0 || s.charCodeAt(0) === mark ? [] : [s.charCodeAt(0)];
  const out: number[] = [];
  for (let i = 0; i + 2 <= s.length; i++) {
    const x = s.charCodeAt(i);
    const y = s.charCodeAt(i + 1);
    if (x !== mark && y !== mark) out.push(x * 65536 + y);
  }
  out.sort((a, b) => a - b);
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i];
  out.length = n;
  return out;
}

/** A short first clause is the requirement's title (加强权力配置信息公开。): it leads with the clause after it. */
const TITLE = 16;

/** The requirement a comparable form opens with: its first clause, with the next one when the first is a title. */
export function leadingClause(key: string): string {
  const parts = key.split(CLAUSE_MARK);
  return parts.length > 1 && parts[0].length <= TITLE ? parts[0] + CLAUSE_MARK + parts[1] : parts[0];
}

/** A text's (or a clause's) weighted bigrams. */
export interface Features {
  shingles: number[];
  weights: Float64Array;
  total: number;
}

export interface Distinct extends Features {
  key: string;
  /** The leading clause: the requirement a bundle opens with. */
  lead: Features;
  /** The codebook concept the text states (conceptStated: its leading requirement's, or the next clause's duty), or null. */
  concept: Concept | null;
  tasks: GroupInput[];
}

export class Similarity {
  constructor(private readonly weightOf: (shingle: number) => number) {}

  features(text: string): Features {
    const sh = shingles(text);
    const weights = new Float64Array(sh.length);
    let total = 0;
    for (let i = 0; i < sh.length; i++) total += weights[i] = this.weightOf(sh[i]);
    return { shingles: sh, weights, total };
  }

  prepare(key: string, tasks: GroupInput[] = []): Distinct {
    const whole = this.features(key);
    const leading = leadingClause(key);
    const lead = leading.length === key.length ? whole : this.features(leading);
    return { key, ...whole, lead, concept: conceptStated(key, leading), tasks };
  }
}

/**
 * The concept a text states: the one its leading requirement names, or, when that names no duty (a
 * headline such as 「加强涉及市场主体的信息公开。增强政策制定实施的透明度…」 names at most a topic), the duty
 * the clause after it names (「加大受疫情影响重的…行业帮扶政策的公开力度」): a reader takes a bundle's first
 * concrete duty for its main one (the labels' bundle rule, as adjudicated). One clause, not more: looking
 * further found no more pairs on the dev split and cost precision.
 */
export function conceptStated(key: string, leading: string = leadingClause(key)): Concept | null {
  const first = conceptOf(leading);
  if (first?.tier === "obligation" || leading.length >= key.length) return first;
  const next = conceptOf(key.slice(leading.length + 1).split(CLAUSE_MARK)[0]);
  return next?.tier === "obligation" ? next : first;
}

/** The weight of a's bigrams that b also has (a merge of two sorted arrays). */
export function sharedWeight(a: Features, b: Features): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.shingles.length && j < b.shingles.length) {
    const x = a.shingles[i];
    const y = b.shingles[j];
    if (x === y) {
      common += a.weights[i];
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common;
}

export interface Scores {
  jaccard: number;
  containment: number;
  minShingles: number;
  /** Containment of the shorter leading clause in the other, and its bigram count. */
  lead: number;
  leadShingles: number;
  /** Do the two texts state one codebook concept (and of which tier), a duty and its sub-duty (related), two, or does one state none? */
  concept: "same-obligation" | "same-topic" | "related" | "different" | "none";
}

/** Weighted Jaccard and containment of two prepared texts, and of their leading clauses. */
export function compare(a: Distinct, b: Distinct): Scores {
  const common = sharedWeight(a, b);
  const union = a.total + b.total - common;
  const [short, long] = a.lead.total <= b.lead.total ? [a.lead, b.lead] : [b.lead, a.lead];
  return {
    jaccard: union > 0 ? common / union : 1,
    containment: Math.min(a.total, b.total) > 0 ? common / Math.min(a.total, b.total) : 0,
    minShingles: Math.min(a.shingles.length, b.shingles.length),
    lead: short.total > 0 ? sharedWeight(short, long) / short.total : 0,
    leadShingles: short.shingles.length,
    concept: conceptRelation(a.concept, b.concept),
  };
}

function conceptRelation(a: Concept | null, b: Concept | null): Scores["concept"] {
  if (!a || !b) return "none";
  if (a.concept !== b.concept) return family(a) === family(b) ? "related" : "different";
  return a.tier === "obligation" ? "same-obligation" : "same-topic";
}

/** The wording tests alone: is one text (nearly) the other, or its leading requirement cut down or extended? */
export function passesWording(s: Scores, t: Thresholds): boolean {
  return s.jaccard >= t.jaccard || (s.containment >= t.containment && s.minShingles >= t.minShingles) || (s.lead >= t.lead && s.leadShingles >= t.minLeadShingles);
}

/** The one decision: do two texts with these scores state the same requirement? */
export function passes(s: Scores, t: Thresholds): boolean {
  switch (s.concept) {
    case "same-obligation":
      return s.jaccard >= t.conceptJaccard || passesWording(s, t);
    case "same-topic":
    case "related":
      return s.jaccard >= t.topicJaccard || passesWording(s, t);
    case "different":
      return s.jaccard >= t.conceptVeto;
    case "none":
      return passesWording(s, t);
    default:
      throw new Error(`scores without a concept relation: ${JSON.stringify(s)}`);
  }
}

function distinctTexts(tasks: GroupInput[]): { keys: string[]; byKey: Map<string, GroupInput[]> } {
  const byKey = new Map<string, GroupInput[]>();
  const keyOf = new Map<string, string>(); // a text copied verbatim by many plans is reduced once
  for (const t of [...tasks].sort((a, b) => (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0))) {
    let key = keyOf.get(t.text);
    if (key === undefined) keyOf.set(t.text, (key = comparable(t.text)));
    const list = byKey.get(key);
    if (list) list.push(t);
    else byKey.set(key, [t]);
  }
  return { keys: [...byKey.keys()], byKey };
}

/**
 * The similarity of a corpus: each bigram weighted by its inverse document frequency over the distinct
 * comparable texts `keys` (a bigram in every text weighs nothing). `df` is kept for the candidate index.
 */
export function corpusSimilarity(keys: string[]): { sim: Similarity; df: Map<number, number> } {
  const df = new Map<number, number>();
  for (const key of keys) for (const s of shingles(key)) df.set(s, (df.get(s) ?? 0) + 1);
  const n = keys.length;
  return { sim: new Similarity((s) => Math.log((n + 1) / (df.get(s) ?? 1))), df };
}

const BUCKET_PROBE = 64; // candidates read from one bucket (a bigram's most recent entries, a concept's first)
const BUCKET_CAP = 2048; // entries kept in one bucket

/**
 * Leader clustering: distinct texts are taken most common first; each joins the group of the most
 * similar existing leader it passes the thresholds with, or leads a new group. Every member is
 * compared with its leader, never only with another member, so a chain of small rewordings cannot
 * drift from one requirement into the next (union–find over all similar pairs did exactly that at
 * national scale: one group swallowed 99% of a 3,000-plan corpus).
 */
function cluster(items: Distinct[], thresholds: Thresholds, candidatesOf: (i: number) => Iterable<number>, onLeader: (i: number) => void) {
  const leaderOf = new Int32Array(items.length).fill(-1);
  const link = new Uint8Array(items.length); // an index of REQUIREMENT_LINKS: 0 for a leader
  let candidates = 0;
  let confirmed = 0;
  for (let i = 0; i < items.length; i++) {
    let best = -1;
    let bestScore = -1;
    let bestScores: Scores | null = null;
    for (const j of candidatesOf(i)) {
      candidates++;
      const s = compare(items[i], items[j]);
      if (!passes(s, thresholds)) continue;
      const score = s.jaccard + s.containment;
      if (score > bestScore || (score === bestScore && j < best)) {
        best = j;
        bestScore = score;
        bestScores = s;
      }
    }
    if (best >= 0) {
      leaderOf[i] = best;
      link[i] = linkOf(bestScores!, thresholds);
      confirmed++;
    } else {
      leaderOf[i] = i;
      onLeader(i);
    }
  }
  return { leaderOf, link, candidates, confirmed };
}

/** The link two passing texts make (an index of REQUIREMENT_LINKS): by their wording, unless only the codebook joined them. */
function linkOf(s: Scores, t: Thresholds): number {
  const byCodebook = (s.concept === "same-obligation" || s.concept === "same-topic" || s.concept === "related") && !passesWording(s, t);
  return REQUIREMENT_LINKS.indexOf(byCodebook ? "concept" : "wording");
}

/** Each grouped task and its link, text by text (a national corpus has 1.5 M tasks: no map of them is kept). */
export function* taskLinks(grouping: Grouping): Generator<[taskId: string, link: RequirementLink]> {
  const { items, link } = grouping.links;
  for (let i = 0; i < items.length; i++) for (const t of items[i].tasks) yield [t.taskId, REQUIREMENT_LINKS[link[i]]];
}

/** A corpus's distinct texts, most common wording first (ties by the text), with their similarity features. */
export interface Corpus {
  items: Distinct[];
  df: Map<number, number>;
  sim: Similarity;
}

export function prepareCorpus(tasks: GroupInput[]): Corpus {
  const { keys, byKey } = distinctTexts(tasks);
  const { sim, df } = corpusSimilarity(keys);
  const items = keys.map((k) => sim.prepare(k, byKey.get(k)!));
  items.sort((a, b) => b.tasks.length - a.tasks.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { items, df, sim };
}

export function groupRequirements(tasks: GroupInput[], thresholds: Thresholds = DEFAULT_THRESHOLDS, corpus: Corpus = prepareCorpus(tasks)): Grouping {
  const { items, df } = corpus;
  // an inverted index of each leader's rarest bigrams: a text meets the leaders it shares rare words with
  const buckets = new Map<number, number[]>();
  // and the leaders of its concept (a negative key: bigram keys are not negative), which may share few words
  const conceptKey = new Map(CONCEPTS.map((c, k) => [c.concept, -1 - k]));
  const rarest = (i: number) => {
    const item = items[i];
    const order = item.shingles.map((_, k) => k).sort((x, y) => df.get(item.shingles[x])! - df.get(item.shingles[y])! || item.shingles[x] - item.shingles[y]);
    const keys = order.slice(0, Math.max(3, Math.ceil(order.length * 0.5))).map((k) => item.shingles[k]);
    if (item.concept) keys.unshift(conceptKey.get(item.concept.concept)!);
    return keys;
  };
  const seen = new Int32Array(items.length).fill(-1);
  const { leaderOf, link, candidates, confirmed } = cluster(
    items,
    thresholds,
    function* (i) {
      for (const s of rarest(i)) {
        const bucket = buckets.get(s);
        if (!bucket) continue;
        // a bigram's most recent leaders; a concept's first, its most common wordings
        const first = s < 0;
        for (let n = 0; n < bucket.length && n < BUCKET_PROBE; n++) {
          const j = first ? bucket[n] : bucket[bucket.length - 1 - n];
          if (seen[j] === i) continue;
          seen[j] = i;
          yield j;
        }
      }
    },
    (i) => {
      for (const s of rarest(i)) {
        const bucket = buckets.get(s);
        if (!bucket) buckets.set(s, [i]);
        else if (bucket.length < BUCKET_CAP) bucket.push(i);
      }
    },
  );
  return finish(items, leaderOf, link, tasks.length, { candidates, confirmed });
}

/**
 * The baseline: every distinct text compared with every other (all n(n−1)/2 pairs, the same similarity
 * and thresholds), then the same leader clustering over the pairs that pass. Quadratic; for small corpora
 * and the benchmark, which measures how far the indexed grouping is from it in time and in agreement.
 */
export function groupAllPairs(tasks: GroupInput[], thresholds: Thresholds = DEFAULT_THRESHOLDS): Grouping {
  const { items } = prepareCorpus(tasks);
  const passing: number[][] = items.map(() => []);
  let pairs = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      pairs++;
      if (passes(compare(items[i], items[j]), thresholds)) passing[j].push(i); // only an earlier text can lead a later one
    }
  }
  const leader = new Uint8Array(items.length);
  const { leaderOf, link, confirmed } = cluster(items, thresholds, (i) => passing[i].filter((j) => leader[j] === 1), (i) => (leader[i] = 1));
  return finish(items, leaderOf, link, tasks.length, { candidates: pairs, confirmed });
}

function finish(items: Distinct[], leaderOf: Int32Array, link: Uint8Array, taskCount: number, counts: { candidates: number; confirmed: number }): Grouping {
  const groups = new Map<number, number[]>(); // a leader's index, and its members' (the leader first)
  items.forEach((_, i) => {
    const r = leaderOf[i];
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  const requirementOf = new Map<string, string>();
  const requirements: RequirementRow[] = [];
  for (const [leader, indices] of groups) {
    // the leader — the most common wording — represents the group and names it
    const rep = items[leader];
    const members = indices.map((i) => items[i]);
    const id = "r" + createHash("sha256").update(rep.key).digest("hex").slice(0, 12);
    const all = members.flatMap((m) => m.tasks);
    for (const t of all) requirementOf.set(t.taskId, id);
    const wordingDocs = new Set<string>();
    for (const i of indices) if (REQUIREMENT_LINKS[link[i]] !== "concept") for (const t of items[i].tasks) wordingDocs.add(t.docId);
    const years = all.map((t) => t.year).filter((y): y is number => y !== null);
    requirements.push({
      requirement_id: id,
      label: rep.tasks[0].text,
      task_count: all.length,
      doc_count: new Set(all.map((t) => t.docId)).size,
      region_count: new Set(all.map((t) => t.region ?? t.docId)).size,
      first_year: years.length ? years.reduce((a, b) => Math.min(a, b)) : null,
      last_year: years.length ? years.reduce((a, b) => Math.max(a, b)) : null,
      concept: rep.concept?.concept ?? null,
      wording_doc_count: wordingDocs.size,
    });
  }
  requirements.sort((a, b) => b.doc_count - a.doc_count || b.task_count - a.task_count || (a.requirement_id < b.requirement_id ? -1 : 1));
  return { requirementOf, links: { items, link }, requirements, stats: { tasks: taskCount, distinct: items.length, ...counts } };
}
