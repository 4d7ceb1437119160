// Reads the reference tables in data/: tab-separated, `#` comment lines, a header line of column names.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const DATA_DIR = fileURLToPath(new URL("../data/", import.meta.url));

const cache = new Map<string, Record<string, string>[]>();

export function readTable(name: string): Record<string, string>[] {
  const hit = cache.get(name);
  if (hit) return hit;
  const lines = readFileSync(DATA_DIR + name, "utf8").split(/\r?\n/).filter((l) => l.trim() !== "" && !l.startsWith("#"));
  const header = (lines.shift() ?? "").split("\t");
  const rows = lines.map((line) => {
    const cells = line.split("\t");
    const row: Record<string, string> = {};
    header.forEach((h, i) => (row[h] = (cells[i] ?? "").trim()));
    return row;
  });
  cache.set(name, rows);
  return rows;
}

/** The `value` column of the rows of one `kind`. */
export function vocabulary(name: string, kind: string): string[] {
  return readTable(name).filter((r) => r.kind === kind).map((r) => r.value);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
