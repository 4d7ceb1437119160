// Units → canonical names within their region and cross-region kinds (domain.md). All knowledge is in
// data/unit-aliases.tsv and data/unit-kinds.tsv (whose rules also say which names are blanket groups);
// this module only applies it.
import { readTable } from "../data.ts";
import { placePrefix } from "../parse/gazetteer.ts";
import type { DocMeta } from "../parse/types.ts";

export interface UnitInfo {
  unit: string;
  kind: string;
  blanket: boolean;
  /** The kind rule that matched, for the reader (null when the unit is `other`). */
  rule: string | null;
}

const aliases = new Map(readTable("unit-aliases.tsv").map((r) => [r.alias, r.full]));
const kindRules = readTable("unit-kinds.tsv").map((r) => {
  if (r.blanket !== "" && r.blanket !== "yes") throw new Error(`data/unit-kinds.tsv: blanket must be yes or empty, not ${r.blanket} (${r.pattern})`);
  return { kind: r.kind, re: new RegExp(r.pattern), source: r.pattern, blanket: r.blanket === "yes" };
});

export const UNIT_KINDS = [...new Set(kindRules.map((r) => r.kind)), "other"];

const LEVEL_PREFIX = new Set(["县", "区", "市", "省"]);

function fold(s: string): string {
  return s.replace(/\(/g, "（").replace(/\)/g, "）").replace(/\s+/g, "");
}

export type RegionContext = Pick<DocMeta, "region" | "parentCity" | "province" | "level">;

/** The canonical full name of a unit as written in a plan of `ctx`'s region. */
export function canonicalName(raw: string, ctx: RegionContext): string {
  const name = fold(raw);
  if (name === "" || placePrefix(name)) return name;
  const hasPrefix = LEVEL_PREFIX.has(name[0]) && name.length > 1 && !(name.startsWith("市场") && aliases.has(name));
  const prefix = hasPrefix ? name[0] : "";
  const body = hasPrefix ? name.slice(1) : name;
  const full = aliases.get(body) ?? body;
  if (!ctx.region) return prefix + full;
  const own = ctx.region.endsWith(prefix) || prefix === "";
  if (own) return ctx.region + full;
  if (prefix === "市" && ctx.parentCity) return ctx.parentCity + full;
  if (prefix === "省" && ctx.province) return ctx.province + full;
  return ctx.region + full;
}

/** The first kind rule that matches the canonical name, else the raw name: its kind, source and blanket flag. */
function matchKind(canonical: string, raw: string): { kind: string; rule: string | null; blanket: boolean } {
  for (const r of kindRules) if (r.re.test(canonical)) return { kind: r.kind, rule: r.source, blanket: r.blanket };
  const folded = fold(raw);
  for (const r of kindRules) if (r.re.test(folded)) return { kind: r.kind, rule: r.source, blanket: r.blanket };
  return { kind: "other", rule: null, blanket: false };
}

export function unitKind(canonical: string, raw: string): { kind: string; rule: string | null } {
  const { kind, rule } = matchKind(canonical, raw);
  return { kind, rule };
}

/** A blanket group (a set of agencies, not one): the rule that gives the unit's kind is marked blanket. */
export function isBlanket(canonical: string, raw: string): boolean {
  return matchKind(canonical, raw).blanket;
}

export function resolveUnit(raw: string, ctx: RegionContext): UnitInfo {
  const unit = canonicalName(raw, ctx);
  const { kind, rule, blanket } = matchKind(unit, raw);
  return { unit, kind, blanket, rule };
}
