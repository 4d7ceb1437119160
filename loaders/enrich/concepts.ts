// The requirement concept a task states: a codebook entry of data/requirement-concepts.tsv, found by the
// words of its leading requirement. Bigrams tell copies and near copies apart from the rest; the codebook
// tells two rewordings of one duty (「网民留言办理」 / 「留言受理转办和反馈机制」) and two different duties
// with much wording in common (「重点任务台账」 / 「回头看」) — what a reader of the plans knows and bigrams
// do not.
import { readTable } from "../data.ts";
import { CLAUSE_MARK, valuesOf } from "./wording.ts";

export const TIERS = ["obligation", "topic", "channel"] as const;
export type Tier = (typeof TIERS)[number];

export interface Concept {
  concept: string;
  tier: Tier;
  label: string;
  /** The broader duty this one is part of (安全生产信息 of 行政执法信息), or null: see `family`. */
  parent: string | null;
  /** A duty named as the head of a phrase whose modifier names another (…依申请公开工作业务培训): see `conceptOf`. */
  head: boolean;
}

const rows = readTable("requirement-concepts.tsv");

export const CONCEPTS: Concept[] = rows.map((r) => {
  if (!(TIERS as readonly string[]).includes(r.tier)) throw new Error(`requirement-concepts.tsv: unknown tier "${r.tier}" for ${r.concept}`);
  if (r.head !== "" && r.head !== "head") throw new Error(`requirement-concepts.tsv: head is "head" or empty, not "${r.head}" (${r.concept})`);
  return { concept: r.concept, tier: r.tier as Tier, label: r.label, parent: r.parent || null, head: r.head === "head" };
});

/** Throws unless every parent named is a concept of the same tier that has no parent of its own. */
export function checkParents(concepts: readonly Concept[]): void {
  for (const c of concepts) {
    if (!c.parent) continue;
    const parent = concepts.find((p) => p.concept === c.parent);
    if (!parent || parent === c || parent.parent || parent.tier !== c.tier)
      throw new Error(`requirement-concepts.tsv: the parent of ${c.concept} must be another concept of the same tier without a parent of its own, not "${c.parent}"`);
  }
}
checkParents(CONCEPTS);

/**
 * The duty a concept belongs to: its parent, or itself. Two concepts of one family (a sub-duty and its
 * duty, two sub-duties of one duty) are related, not different: a plan that writes 「加强行政执法信息公开」
 * may mean the 安全生产 enforcement another plan names, so their wording decides (enrich/requirements.ts).
 */
export function family(c: Concept): string {
  return c.parent ?? c.concept;
}

const labels = new Map(CONCEPTS.map((c) => [c.concept, c.label]));

/** A concept's label as the site shows it (the id itself for an id the codebook no longer has, null for none). */
export function conceptLabel(id: string | null | undefined): string | null {
  return id ? (labels.get(id) ?? id) : null;
}

/** A row's pattern as a group of the tier's expression: its own groups must not capture, and it must not match nothing. */
function member(r: Record<string, string>): string {
  const source = r.pattern.replace(/\((?!\?)/g, "(?:");
  const probe = new RegExp(`(?:${source})|`, "u").exec("")!;
  if (probe.length !== 1 || /\\\(|\[[^\]]*\(/.test(r.pattern)) throw new Error(`requirement-concepts.tsv: the pattern of ${r.concept} has a group, an escaped or bracketed parenthesis, which the codebook does not allow`);
  if (new RegExp(source, "u").test("")) throw new Error(`requirement-concepts.tsv: the pattern of ${r.concept} matches an empty text`);
  return `(${source})`;
}

/**
 * One regular expression per tier: each concept's pattern is a capturing group, in table order, so the
 * leftmost match is the concept named earliest and, at one position, the row listed first.
 */
const TIER_PATTERNS = TIERS.map((tier) => {
  const members = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.tier === tier);
  const source = members.map(({ r }) => member(r)).join("|");
  return { re: new RegExp(source || "(?!)", "u"), members: members.map(({ i }) => CONCEPTS[i]) };
});

/**
 * An adverbial a clause may open with (结合权责清单…推动…, 以基层政务公开标准化规范化为抓手加强…): the
 * requirement is what follows the verb after it (data/requirement-wording.tsv, kinds adverbial and verb).
 */
const ADVERBIAL = new RegExp(`^(?:${valuesOf("adverbial").map((p) => `(?:${p})`).join("|")})`, "u");
const VERB = new RegExp(valuesOf("verb").join("|"), "u");

/** The concept a text names first (its tier's leftmost match), and where its words end. */
function search(text: string): { concept: Concept; end: number } | null {
  for (const { re, members } of TIER_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    for (let k = 0; k < members.length; k++) if (m[k + 1] !== undefined) return { concept: members[k], end: m.index + m[0].length };
  }
  return null;
}

/** Head duties, each anchored: it must start where the gap after the first duty ends. */
const HEADS = rows.map((r, i) => ({ r, c: CONCEPTS[i] })).filter(({ c }) => c.head).map(({ r, c }) => ({ concept: c, re: new RegExp(`^(?:${r.pattern})`, "u") }));
/** A word that may stand between a duty and its head (data/requirement-wording.tsv head-gap). */
const GAP_WORD = new RegExp(`^(?:${valuesOf("head-gap").join("|")})`, "u");
/** At most this many such words. */
const MAX_GAP_WORDS = 2;

/**
 * A head duty that follows the duty ending at `end` as the head of one noun phrase (「依申请公开工作业务培训」:
 * only 工作 between them), or null.
 */
function headAfter(text: string, end: number): Concept | null {
  let at = end;
  for (let words = 0; ; words++) {
    const rest = text.slice(at);
    for (const h of HEADS) if (h.re.test(rest)) return h.concept;
    const gap = words < MAX_GAP_WORDS ? GAP_WORD.exec(rest) : null;
    if (!gap) return null;
    at += gap[0].length;
  }
}

/** A clause without its opening adverbial, when the requirement after the adverbial's verb names a concept. */
function withoutAdverbial(clause: string): string {
  const adverbial = ADVERBIAL.exec(clause);
  if (!adverbial) return clause;
  const verb = VERB.exec(clause.slice(adverbial[0].length));
  if (!verb) return clause;
  const rest = clause.slice(adverbial[0].length + verb.index);
  return search(rest) ? rest : clause; // nothing named after the verb: what the adverbial names is all there is
}

/**
 * The concept a leading requirement (in comparable form: a title and its first clause joined by the
 * clause mark) states, or null when the codebook names none: the duty named first, unless a head duty
 * (培训, 考核, 督查: the codebook's head column) follows it as the head of the noun phrase the first one
 * modifies, with no more than 工作 or 的 between (「加强…依申请公开工作业务培训和案例指导」 trains).
 */
export function conceptOf(lead: string): Concept | null {
  const text = lead.split(CLAUSE_MARK).map(withoutAdverbial).join(CLAUSE_MARK);
  const first = search(text);
  if (!first || first.concept.head || first.concept.tier !== "obligation") return first?.concept ?? null;
  return headAfter(text, first.end) ?? first.concept;
}
