// How well the parser reads real plans: scores it against test/fixtures/real/truth.json and prints the
// share right per measure, overall and per format family. With --misses, every wrong check with what
// was expected and what the parser found; with --json, the summary as JSON.
// npm run evaluate:real [-- --misses] [-- --json]
import { evaluateReal, formatSummary, summarise } from "../test/support/real-corpus.ts";

const args = process.argv.slice(2);
const { truth, checks } = await evaluateReal();
const summary = summarise(checks);
if (args.includes("--json")) console.log(JSON.stringify(summary, null, 2));
else {
  console.log(`${truth.length} real plans, ${truth.reduce((n, t) => n + t.tasks.length, 0)} annotated tasks\n`);
  console.log(formatSummary(summary));
}
if (args.includes("--misses")) {
  console.log("");
  for (const c of checks.filter((x) => !x.ok && x.measure !== "metadata")) {
    console.log(`${c.file}\t${c.measure}\texpected ${JSON.stringify(c.expected)}\tfound ${JSON.stringify(c.found)}`);
  }
}
