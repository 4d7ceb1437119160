// Task categories (domain.md): one primary category per task, secondary ones allowed, and the evidence
// kept. The rules are data: data/category-rules.tsv (weighted patterns on the task text and, as weaker
// context, on the titles of its sections) and data/key-area-domains.tsv (sub-labels of key-areas); the
// categories themselves, their order and labels are data/labels.tsv.
import { readTable } from "../data.ts";
import { labelIds, labelMap } from "../labels.ts";

/** The category ids in display order, and their labels: data/labels.tsv (set category). */
export const CATEGORIES: readonly string[] = labelIds("category");
export type Category = string;

export const CATEGORY_LABELS: Record<Category, string> = labelMap("category");

interface Rule {
  category: Category;
  weight: number;
  scope: "text" | "section";
  re: RegExp;
  note: string;
  index: number;
}

let rules: Rule[] | null = null;
let domains: { domain: string; re: RegExp }[] | null = null;

function loadRules(): Rule[] {
  if (rules) return rules;
  rules = readTable("category-rules.tsv").map((r, index) => {
    if (!CATEGORIES.includes(r.category as Category)) throw new Error(`data/category-rules.tsv: unknown category ${r.category}`);
    return { category: r.category as Category, weight: Number(r.weight), scope: r.scope === "section" ? "section" : "text", re: new RegExp(r.pattern), note: r.note || r.pattern, index };
  });
  return rules;
}

function loadDomains() {
  domains ??= readTable("key-area-domains.tsv").map((r) => ({ domain: r.domain, re: new RegExp(r.pattern) }));
  return domains;
}

export interface Classification {
  category: Category;
  categories: Category[];
  domain: string | null;
  /** Which rules fired: 「category+weight: note」, strongest first. */
  evidence: string[];
  /** True when no rule matched the text and the category came from section context or the fallback. */
  weak: boolean;
}

/** Fallback when nothing at all matches: the broadest obligation, flagged as weak. */
const FALLBACK: Category = "key-areas";

/**
 * The rules of one scope that a string matches, by index. A national corpus repeats its requirements
 * verbatim (a county copies the province) and its section titles in every task under them, so the
 * answers are remembered per string (a bounded map, emptied when full: the result never depends on it).
 */
const MEMO_LIMIT = 50_000;
const memo = { text: new Map<string, Rule[]>(), section: new Map<string, Rule[]>() };

function matching(scope: Rule["scope"], s: string): Rule[] {
  const seen = memo[scope];
  const hit = seen.get(s);
  if (hit) return hit;
  const found = loadRules().filter((rule) => rule.scope === scope && rule.re.test(s));
  if (seen.size >= MEMO_LIMIT) seen.clear();
  seen.set(s, found);
  return found;
}

export function classify(text: string, sectionTitles: string[] = []): Classification {
  const score = new Map<Category, number>();
  const best = new Map<Category, number>();
  const context = sectionTitles.join("｜");
  const fired: { rule: Rule }[] = [...matching("text", text), ...matching("section", context)].sort((a, b) => a.index - b.index).map((rule) => ({ rule }));
  let textHits = 0;
  for (const { rule } of fired) {
    if (rule.scope === "text" && rule.weight > 0) textHits++;
    score.set(rule.category, (score.get(rule.category) ?? 0) + rule.weight);
    best.set(rule.category, Math.max(best.get(rule.category) ?? -Infinity, rule.weight));
  }
  const ranked = CATEGORIES.filter((c) => (score.get(c) ?? 0) > 0).sort(
    (a, b) => score.get(b)! - score.get(a)! || best.get(b)! - best.get(a)! || CATEGORIES.indexOf(a) - CATEGORIES.indexOf(b),
  );
  const category = ranked[0] ?? FALLBACK;
  const top = score.get(category) ?? 0;
  const secondary = ranked.slice(1).filter((c) => score.get(c)! >= Math.max(2, top / 2));
  const evidence = fired
    .filter((f) => f.rule.category === category || secondary.includes(f.rule.category))
    .sort((a, b) => b.rule.weight - a.rule.weight || a.rule.index - b.rule.index)
    .map((f) => `${f.rule.category}${f.rule.weight >= 0 ? "+" : ""}${f.rule.weight}${f.rule.scope === "section" ? "（标题）" : ""}: ${f.rule.note}`);
  const domain = category === "key-areas" ? (loadDomains().find((d) => d.re.test(text))?.domain ?? loadDomains().find((d) => d.re.test(context))?.domain ?? null) : null;
  return { category, categories: [category, ...secondary], domain, evidence, weak: textHits === 0 };
}
