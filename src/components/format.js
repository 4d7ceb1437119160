// Small formatting helpers shared by pages and components. Labels and colours are not written here: they
// are the rows of data/labels.tsv (data/labels.json), looked up through labeller().

/**
 * Lookups over the label rows ({set, id, label, colour, ord}): label(set, id) falls back to the id itself,
 * entries(set) lists a set in display order, colours(set) gives a Plot colour scale's domain and range.
 */
export function labeller(rows) {
  const bySet = new Map();
  for (const row of rows) {
    if (!bySet.has(row.set)) bySet.set(row.set, []);
    bySet.get(row.set).push(row);
  }
  for (const list of bySet.values()) list.sort((a, b) => a.ord - b.ord);
  const find = (set, id) => bySet.get(set)?.find((r) => r.id === id);
  return {
    label: (set, id) => find(set, id)?.label ?? id ?? "",
    /** An id's own colour, or null when the set gives it none. */
    colour: (set, id) => find(set, id)?.colour || null,
    entries: (set) => bySet.get(set) ?? [],
    /** {domain: labels, range: colours} of a set, for Plot's color option. */
    colours: (set) => ({ domain: (bySet.get(set) ?? []).map((r) => r.label), range: (bySet.get(set) ?? []).map((r) => r.colour) }),
  };
}

export const pct = (x) => (x == null ? "" : `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`);
export const planLabel = (p) => `${p.region ?? "未识别地区"} ${p.year ?? ""}`;
