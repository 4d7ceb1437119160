// The traditional → simplified character table, built once from OpenCC's dictionaries (opencc-js).
// Character by character on purpose: every normalised character keeps exactly one source position.
import * as OpenCC from "opencc-js";

let table: Map<string, string> | null = null;

export function toSimplifiedTable(): Map<string, string> {
  if (table) return table;
  const convert = OpenCC.Converter({ from: "t", to: "cn" });
  const chars: string[] = [];
  for (let c = 0x3400; c <= 0x9fff; c++) chars.push(String.fromCharCode(c));
  const converted = convert(chars.join("\n")).split("\n");
  table = new Map();
  if (converted.length !== chars.length) return table;
  for (let i = 0; i < chars.length; i++) {
    const s = converted[i];
    if (s !== chars[i] && s.length === 1) table.set(chars[i], s);
  }
  return table;
}
