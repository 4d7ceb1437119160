import { readFileSync } from "node:fs";
import { parseFile } from "../loaders/corpus.ts";
import { tasksOf, sectionsOf } from "../loaders/parse/index.ts";
for (const f of process.argv.slice(2)) {
  const d = await parseFile(f, readFileSync(f));
  console.log("==", f, d.failure?.code ?? "", d.plan?.layout, JSON.stringify({ ...d.plan?.meta, body: undefined }));
  if (!d.plan) continue;
  for (const s of sectionsOf(d.plan).filter(s=>s.section.level===1)) console.log("  H1", s.section.title.slice(0,30));
  for (const { task } of tasksOf(d.plan).slice(0, 4)) console.log("  T", task.number, task.text.slice(0, 30), "|", task.units.map(p => p.role + ":" + p.units.map(u => u.name).join("/")).join(" ; "));
  for (const i of d.plan.issues.slice(0,5)) console.log("  !", i.code, i.message.slice(0,80));
}
