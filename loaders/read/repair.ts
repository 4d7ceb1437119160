// Repair: damage that reposting sites, encodings and PDF extraction leave inside the text (pinyin
// reading aids, closing tags that lost their <, entities that lost their &, runs of ?), removed by the
// patterns in data/junk-patterns.tsv. Like normalisation it keeps an offset map, so every span the
// parser records still points back into the decoded source.
import { readTable } from "../data.ts";

const PATTERNS = readTable("junk-patterns.tsv").map((r) => ({ name: r.name, re: new RegExp(r.pattern, "gu"), replace: r.replace }));

export interface Repaired {
  text: string;
  /** toInput[i]: offset in the input text of repaired character i (length text.length + 1). */
  toInput: Int32Array;
}

export function repair(input: string): Repaired {
  let text = input;
  let map: Int32Array | null = null;
  for (const { re, replace } of PATTERNS) {
    re.lastIndex = 0;
    if (!re.test(text)) continue;
    re.lastIndex = 0;
    const parts: string[] = [];
    const next: number[] = [];
    let last = 0;
    const at = (i: number) => (map ? map[i] : i);
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      parts.push(text.slice(last, m.index));
      for (let k = last; k < m.index; k++) next.push(at(k));
      parts.push(replace);
      for (let k = 0; k < replace.length; k++) next.push(at(m.index));
      last = m.index + m[0].length;
    }
    parts.push(text.slice(last));
    for (let k = last; k <= text.length; k++) next.push(at(k));
    text = parts.join("");
    map = Int32Array.from(next);
  }
  return { text, toInput: map ?? identity(input.length) };
}

function identity(n: number): Int32Array {
  const m = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) m[i] = i;
  return m;
}
