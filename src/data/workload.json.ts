// 责任单位工作量: tasks led / participated per unit kind and per unit, weighted and raw.
import { emitJson, rows } from "../../loaders/site/data.ts";

const [{ n }] = await rows<{ n: number }>("SELECT count(*) AS n FROM unit_workload");
emitJson({
  plans: await rows(`SELECT doc_id, region, year FROM documents WHERE task_count > 0 ORDER BY region, year`),
  byKind: await rows(`SELECT unit_kind, blanket, sum(units) AS units, sum(led) AS led, sum(participated) AS participated, sum(responsible) AS responsible,
      sum(tasks) AS tasks, round(sum(weighted_load), 3) AS weighted_load FROM unit_kind_workload GROUP BY unit_kind, blanket ORDER BY weighted_load DESC`),
  topUnits: await rows(`SELECT unit, unit_kind, blanket, count(DISTINCT doc_id) AS plans, sum(led) AS led, sum(participated) AS participated,
      sum(responsible) AS responsible, round(sum(weighted_load), 3) AS weighted_load FROM unit_workload
      GROUP BY unit, unit_kind, blanket ORDER BY weighted_load DESC, unit LIMIT 300`),
  perPlan: n <= 20000 ? await rows(`SELECT doc_id, unit, unit_kind, blanket, led, participated, responsible, tasks, round(weighted_load, 3) AS weighted_load
      FROM unit_workload ORDER BY doc_id, weighted_load DESC, unit`) : null,
});
