// Print the Plan tree of a file, for reading a parse by eye: npx tsx scripts/dump.ts seeds/x.txt
import { readFileSync } from "node:fs";
import { readSource } from "../loaders/read/index.ts";
import { parsePlan, tasksOf } from "../loaders/parse/index.ts";

for (const file of process.argv.slice(2)) {
  const src = await readSource(file, readFileSync(file));
  const doc = parsePlan(src.text);
  console.log(`# ${file} layout=${doc.layout}`, JSON.stringify({ ...doc.meta, body: undefined }));
  let last = "";
  for (const { task, path } of tasksOf(doc)) {
    const p = path.map((s) => `${s.marker ?? "·"}${s.title.slice(0, 12)}`).join(" > ");
    if (p !== last) console.log("  §", p);
    last = p;
    const units = task.units.map((u) => `${u.role[0]}:${u.units.map((x) => x.name).join("|")}`).join(" ");
    console.log(`    ${task.number ?? "-"}. ${task.text.slice(0, 28)}…${task.text.slice(-8)} [${units}]`);
  }
  for (const i of doc.issues) console.log(`  ! ${i.severity} ${i.code} ${i.message.slice(0, 100)}`);
}
