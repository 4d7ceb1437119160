// The site search's index format, shared by the builder (loaders/site/search.ts) and the search box
// (site-search.js): how text is folded, which bigrams a query needs, which shard holds a bigram, and how a
// posting list of plan numbers is written.

/** Text as the index sees it: compatibility forms folded, lower case, no spaces, punctuation or symbols. */
export function fold(text) {
  return String(text).normalize("NFKC").toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, "");
}

/** The distinct pairs of adjacent characters of folded text. */
export function bigrams(folded) {
  const chars = [...folded];
  const out = new Set();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return [...out];
}

/** The shard (0 … shards-1) that holds a bigram: FNV-1a over its UTF-16 code units. */
export function shardOf(bigram, shards) {
  let h = 0x811c9dc5;
  for (let i = 0; i < bigram.length; i++) {
    h ^= bigram.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

export const shardName = (i) => `s${i.toString(16).padStart(3, "0")}`;

/** The file of plan number i's folded search text. */
export const textName = (i) => `t${i.toString(36)}`;

/**
 * A sorted list of plan numbers (0 … plans-1) as text: gaps in base 36, comma-separated. A bigram most
 * plans hold is written as "!" and the plans that lack it, so no list is longer than half the corpus.
 */
export function encodePostings(ids, plans) {
  let list = ids;
  let prefix = "";
  if (ids.length > plans / 2) {
    const held = new Set(ids);
    list = [];
    for (let i = 0; i < plans; i++) if (!held.has(i)) list.push(i);
    prefix = "!";
  }
  let last = -1;
  return prefix + list.map((id) => { const gap = id - last; last = id; return gap.toString(36); }).join(",");
}

export function decodePostings(text, plans) {
  const negated = text.startsWith("!");
  const body = negated ? text.slice(1) : text;
  const ids = [];
  let last = -1;
  if (body) for (const gap of body.split(",")) ids.push((last += parseInt(gap, 36)));
  if (!negated) return ids;
  const lacking = new Set(ids);
  const out = [];
  for (let i = 0; i < plans; i++) if (!lacking.has(i)) out.push(i);
  return out;
}
