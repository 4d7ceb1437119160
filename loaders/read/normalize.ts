// Decoded text → normalised text for analysis, with an offset map back to the decoded text.
//
// What conversion from PDF/Word/HTML leaves behind and what this removes or folds:
//   - CR/CRLF line ends → LF
//   - paragraph tags: `</p> <p>` inside a line → U+2029 PARAGRAPH SEPARATOR (it separates tasks or unit
//     lists that shared one table cell); any other tag of the elements pages are made of, written as a tag
//     (「<span style=…>」), → removed, while 「a<b 和 c>d」 stays text; `<br>` → a space
//   - HTML character references (&nbsp; &lt; &#12288; …) → the character
//   - Markdown bold markers `**` → removed
//   - full-width digits and Latin letters, the full-width full stop `．` and the ideographic space → ASCII
//   - NBSP → space; invisible format characters (zero-width, bidirectional controls such as U+202E, soft
//     hyphens) and stray BOMs → removed and counted
//   - radicals that PDF fonts print in place of ideographs (⼯ U+2F2F, ⺠ U+2EA0) → the ideograph (NFKC for
//     Kangxi radicals, data/cjk-radicals.tsv for the supplement)
//   - traditional characters → simplified, character by character, when the document is written in
//     traditional script (the original text is kept beside the normalised one)
//   - repair (./repair.ts, data/junk-patterns.tsv): pinyin reading aids, tags and entities that lost
//     their < or &, runs of ? left by encoding damage
// Repeated table headers are layout knowledge and are consumed by the parser, not removed here.
import { readTable } from "../data.ts";
import { repair } from "./repair.ts";
import { simplifiedCodes } from "./simplify.ts";

export interface Normalized {
  /** The normalised text that every span refers to. */
  text: string;
  /** toSource[i] is the offset in the decoded source text of normalised character i (length text.length + 1). */
  toSource: Int32Array;
  /** True when traditional characters were converted. */
  simplified: boolean;
  /** Invisible format characters removed (bidirectional controls, zero-width characters, soft hyphens). */
  invisible: number;
}

export const PARAGRAPH = "\u2029";

/**
 * A tag left in text: only the elements pages are made of, with attributes written as attributes — so
 * 「a<b 和 c>d」 or 「x<y>z」 in a plan's text stay text.
 */
const TAG = String.raw`<\/?(?:p|br|div|span|font|strong|b|i|u|em|a|img|table|tbody|thead|tr|td|th|h[1-6]|li|ul|ol|dl|dt|dd|section|article|center|sup|sub|small|big|strike|label|hr|blockquote|pre|o:p|st1:[a-z]{1,20})(?:\s+[a-zA-Z_:][-\w:.]{0,40}(?:\s*=\s*(?:"[^"<>\n]{0,200}"|'[^'<>\n]{0,200}'|[^\s"'<>=]{1,200}))?){0,20}\s*\/?>`;
/** Invisible format characters: zero-width, bidirectional controls (U+202E…), soft hyphen, BOM. */
const INVISIBLE = "\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff";
const DEBRIS = new RegExp(
  String.raw`\r\n?|<\/p\s*>[ \u00a0\u3000]*<p(?:\s[^<>\n]{0,200})?>|<br\s*\/?>|${TAG}|&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});|\*\*|[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0e\u3000\u00a0${INVISIBLE}\u2e80-\u2eff\u2f00-\u2fdf]`,
  "g",
);
const INVISIBLE_CHAR = new RegExp(`^[${INVISIBLE}]$`);

const RADICALS = new Map(readTable("cjk-radicals.tsv").map((r) => [r.radical, r.ideograph]));

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: " ", lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", ensp: " ", emsp: " ", middot: "·",
  ldquo: "“", rdquo: "”", lsquo: "‘", rsquo: "’", mdash: "—", hellip: "…",
};

function replacement(m: string): string | null {
  const c = m.charCodeAt(0);
  if (m.length === 1) {
    if (c >= 0xff10 && c <= 0xff5a) return String.fromCharCode(c - 0xfee0);
    if (c === 0xff0e) return ".";
    if (c === 0x3000 || c === 0xa0) return " ";
    if (c >= 0x2f00 && c <= 0x2fdf) return m.normalize("NFKC");
    if (c >= 0x2e80 && c <= 0x2eff) return RADICALS.get(m) ?? null;
    return ""; // zero-width, BOM
  }
  if (m[0] === "\r") return "\n";
  if (m === "**") return "";
  if (m[0] === "&") {
    if (m[1] === "#") {
      const code = m[2] === "x" || m[2] === "X" ? parseInt(m.slice(3, -1), 16) : parseInt(m.slice(2, -1), 10);
      if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) {
        const ch = String.fromCodePoint(code);
        return ch === "\u3000" || ch === "\u00a0" ? " " : ch;
      }
      return null;
    }
    const named = NAMED_ENTITIES[m.slice(1, -1).toLowerCase()];
    return named ?? null;
  }
  if (m[0] === "<") {
    if (/^<\/p/i.test(m) && /<p[\s>]/i.test(m.slice(3))) return PARAGRAPH;
    if (/^<br/i.test(m)) return " ";
    return "";
  }
  return null;
}

/**
 * `entitiesDecoded`: the reader has already decoded the format's escapes (a web page's &amp;lt; is the
 * text &lt;), so entities are not decoded a second time; only a plain-text copy of a page has entities
 * as debris.
 */
export function normalize(source: string, { entitiesDecoded = false }: { entitiesDecoded?: boolean } = {}): Normalized {
  const parts: string[] = [];
  let map = new Int32Array(source.length + 1);
  let n = 0;
  let last = 0;
  let invisible = 0;
  DEBRIS.lastIndex = 0;
  for (let m = DEBRIS.exec(source); m !== null; m = DEBRIS.exec(source)) {
    if (entitiesDecoded && m[0][0] === "&") continue;
    const r = replacement(m[0]);
    if (r === null) continue; // unknown entity: keep as written
    if (INVISIBLE_CHAR.test(m[0]) && m[0] !== "\ufeff") invisible++;
    if (m.index > last) pushVerbatim(source, last, m.index);
    if (r.length > 0) pushAt(r, m.index);
    last = m.index + m[0].length;
  }
  if (last < source.length) pushVerbatim(source, last, source.length);
  map[n] = source.length;

  function grow(extra: number) {
    if (n + extra < map.length) return;
    const bigger = new Int32Array(Math.max(map.length * 2, n + extra + 1));
    bigger.set(map);
    map = bigger;
  }
  function pushVerbatim(s: string, from: number, to: number) {
    grow(to - from);
    parts.push(s.slice(from, to));
    for (let k = from; k < to; k++) map[n++] = k;
  }
  function pushAt(r: string, at: number) {
    grow(r.length);
    parts.push(r);
    for (let k = 0; k < r.length; k++) map[n++] = at;
  }
  const repaired = repair(parts.join(""));
  let text = repaired.text;
  const debrisMap = map;
  const toSource = repaired.toInput.map((i) => debrisMap[i]);
  const simplified = isTraditional(text);
  if (simplified) text = simplifyChars(text);
  return { text, toSource, simplified, invisible };
}

/** A document counts as traditional when traditional-only characters are frequent, not incidental. */
export function isTraditional(text: string): boolean {
  const simplifiedOf = simplifiedCodes();
  let cjk = 0;
  let traditional = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      cjk++;
      if (simplifiedOf(c) !== 0) traditional++;
    }
  }
  return traditional >= 5 && traditional >= cjk * 0.03;
}

function simplifyChars(text: string): string {
  const simplifiedOf = simplifiedCodes();
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const s = simplifiedOf(text.charCodeAt(i));
    if (s !== 0) {
      parts.push(text.slice(last, i), String.fromCharCode(s));
      last = i + 1;
    }
  }
  parts.push(text.slice(last));
  return parts.join("");
}

/** The normalised offset of a source offset: the first normalised character at or after it (toSource never decreases). */
export function toNormalized(toSource: Int32Array, sourceOffset: number): number {
  let lo = 0;
  let hi = toSource.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (toSource[mid] < sourceOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
