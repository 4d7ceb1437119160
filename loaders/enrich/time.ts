// Deadlines (2022年底前, 印发30日内) and frequencies (每年至少1次, 每季度) stated in a task's text,
// kept as written. The patterns are data: data/time-expressions.tsv.
import { readTable } from "../data.ts";

const rules = readTable("time-expressions.tsv").filter((r) => r.kind === "deadline" || r.kind === "frequency").map((r) => ({ kind: r.kind as "deadline" | "frequency", re: new RegExp(r.pattern, "g") }));

export interface TimeExpressions {
  deadline: string | null;
  frequency: string | null;
}

export function timeExpressions(text: string): TimeExpressions {
  const taken: [number, number][] = [];
  const found: Record<"deadline" | "frequency", { at: number; s: string }[]> = { deadline: [], frequency: [] };
  for (const rule of rules) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m !== null; m = rule.re.exec(text)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      found[rule.kind].push({ at: start, s: m[0].replace(/\s+/g, "") });
    }
  }
  const join = (xs: { at: number; s: string }[]) => (xs.length ? [...new Set(xs.sort((a, b) => a.at - b.at).map((x) => x.s))].join("；") : null);
  return { deadline: join(found.deadline), frequency: join(found.frequency) };
}
