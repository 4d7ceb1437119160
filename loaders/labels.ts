// The ids the stages produce and the site shows, with their Chinese labels and colours: data/labels.tsv,
// read here and nowhere else (pages read the same rows through the warehouse table `labels`).
import { readTable } from "./data.ts";

export const LABEL_SETS = ["category", "unit-kind", "domain", "layout", "role", "level", "status", "peer", "gap", "diff-status", "relation", "coverage", "requirement-link"] as const;
export type LabelSet = (typeof LABEL_SETS)[number];

export interface Label {
  set: LabelSet;
  id: string;
  label: string;
  /** A hex colour, or "" when the set has none. */
  colour: string;
}

let all: Label[] | null = null;

/** Every label row, in file order; a row of an unknown set, a repeated id or a bad colour is an error. */
export function allLabels(): Label[] {
  if (all) return all;
  const seen = new Set<string>();
  all = readTable("labels.tsv").map((r) => {
    if (!(LABEL_SETS as readonly string[]).includes(r.set)) throw new Error(`data/labels.tsv: unknown set ${r.set} (row ${r.id})`);
    if (seen.has(`${r.set}/${r.id}`)) throw new Error(`data/labels.tsv: ${r.set} ${r.id} is given twice`);
    if (r.colour && !/^#[0-9a-f]{6}$/i.test(r.colour)) throw new Error(`data/labels.tsv: ${r.set} ${r.id}: colour ${r.colour} is not #rrggbb`);
    seen.add(`${r.set}/${r.id}`);
    return { set: r.set as LabelSet, id: r.id, label: r.label, colour: r.colour ?? "" };
  });
  return all;
}

/** The labels of one set, in display order. */
export function labels(set: LabelSet): Label[] {
  return allLabels().filter((l) => l.set === set);
}

/** The ids of one set, in display order. */
export function labelIds(set: LabelSet): string[] {
  return labels(set).map((l) => l.id);
}

/** id → label for one set. */
export function labelMap(set: LabelSet): Record<string, string> {
  return Object.fromEntries(labels(set).map((l) => [l.id, l.label]));
}
