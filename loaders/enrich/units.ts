// Units → canonical names within their region and cross-region kinds (domain.md). All knowledge is in
// data/unit-aliases.tsv, data/unit-kinds.tsv and data/unit-blanket.tsv; this module only applies it.
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
const kindRules = readTable("unit-kinds.tsv").map((r) => ({ kind: r.kind, re: new RegExp(r.pattern), source: r.pattern }));
const blanketRules = readTable("unit-blanket.tsv").map((r) => new RegExp(r.pattern));

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

export function unitKind(canonical: string, raw: string): { kind: string; rule: string | null } {
  for (const r of kindRules) if (r.re.test(canonical)) return { kind: r.kind, rule: r.source };
  const folded = fold(raw);
  for (const r of kindRules) if (r.re.test(folded)) return { kind: r.kind, rule: r.source };
  return { kind: "other", rule: null };
}

export function isBlanket(canonical: string, raw: string): boolean {
  const folded = fold(raw);
  return blanketRules.some((re) => re.test(folded) || re.test(canonical));
}

export function resolveUnit(raw: string, ctx: RegionContext): UnitInfo {
  const unit = canonicalName(raw, ctx);
  const { kind, rule } = unitKind(unit, raw);
  return { unit, kind, blanket: isBlanket(unit, raw), rule };
}
