// The traditional → simplified character table, built once from OpenCC's dictionaries (opencc-js).
// Character by character on purpose: every normalised character keeps exactly one source position.
import * as OpenCC from "opencc-js";

const FIRST = 0x3400;
const LAST = 0x9fff;

let table: Map<string, string> | null = null;
let codes: Uint16Array | null = null;

export function toSimplifiedTable(): Map<string, string> {
  if (table) return table;
  const convert = OpenCC.Converter({ from: "t", to: "cn" });
  const chars: string[] = [];
  for (let c = FIRST; c <= LAST; c++) chars.push(String.fromCharCode(c));
  const converted = convert(chars.join("\n")).split("\n");
  table = new Map();
  if (converted.length !== chars.length) return table;
  for (let i = 0; i < chars.length; i++) {
    const s = converted[i];
    if (s !== chars[i] && s.length === 1) table.set(chars[i], s);
  }
  return table;
}

/**
 * The same table indexed by UTF-16 code: simplifiedCode(c) is the simplified character's code, or 0 when
 * c has none. Read once per character of every document, so a lookup is an array read, not a string key.
 */
export function simplifiedCodes(): (code: number) => number {
  if (!codes) {
    codes = new Uint16Array(LAST - FIRST + 1);
    for (const [t, s] of toSimplifiedTable()) codes[t.charCodeAt(0) - FIRST] = s.charCodeAt(0);
  }
  const c = codes;
  return (code) => (code >= FIRST && code <= LAST ? c[code - FIRST] : 0);
}
