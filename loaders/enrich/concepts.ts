// The requirement concept a task states: a codebook entry of data/requirement-concepts.tsv, found by the
// words of its leading requirement. Bigrams tell copies and near copies apart from the rest; the codebook
// tells two rewordings of one duty (「网民留言办理」 / 「留言受理转办和反馈机制」) and two different duties
// with much wording in common (「重点任务台账」 / 「回头看」) — what a reader of the plans knows and bigrams
// do not.
import { readTable } from "../data.ts";

export const TIERS = ["obligation", "topic", "channel"] as const;
export type Tier = (typeof TIERS)[number];

export interface Concept {
  concept: string;
  tier: Tier;
  label: string;
}

const rows = readTable("requirement-concepts.tsv");

export const CONCEPTS: Concept[] = rows.map((r) => {
  if (!(TIERS as readonly string[]).includes(r.tier)) throw new Error(`requirement-concepts.tsv: unknown tier "${r.tier}" for ${r.concept}`);
  return { concept: r.concept, tier: r.tier as Tier, label: r.label };
});

/**
 * One regular expression per tier: each concept's pattern is a capturing group, in table order, so the
 * leftmost match is the concept named earliest and, at one position, the row listed first.
 */
const TIER_PATTERNS = TIERS.map((tier) => {
  const members = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.tier === tier);
  // the patterns' own groups become non-capturing, so group k + 1 is member k
  const source = members.map(({ r }) => `(${r.pattern.replace(/\((?!\?)/g, "(?:")})`).join("|");
  return { re: new RegExp(source || "(?!)", "u"), members: members.map(({ i }) => CONCEPTS[i]) };
});

/**
 * An adverbial a clause may open with (结合权责清单…推动…, 以基层政务公开标准化规范化为抓手加强…): the
 * requirement is what follows its verb.
 */
const ADVERBIAL = /^(?:结合|围绕|按照|依据|根据|对照|参照|以.{1,24}?为(?:抓手|依托|重点|契机|导向|核心|载体))/u;
const VERB = /推动|推进|做好|加强|开展|完善|建立|落实|加大/u;

function search(text: string): Concept | null {
  for (const { re, members } of TIER_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    for (let k = 0; k < members.length; k++) if (m[k + 1] !== undefined) return members[k];
  }
  return null;
}

/** The concept a leading requirement (in comparable form) states, or null when the codebook names none. */
export function conceptOf(lead: string): Concept | null {
  if (ADVERBIAL.test(lead)) {
    const verb = VERB.exec(lead);
    const after = verb ? search(lead.slice(verb.index)) : null;
    if (after) return after;
  }
  return search(lead);
}
