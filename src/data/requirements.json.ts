// 反复出现的要求: the requirements most plans carry, each with the plans (region × year) that carry it —
// or, for a large corpus, how many plans of each province and year carry it.
import { emitJson, grouped, rows, site } from "../../loaders/site/data.ts";

const { manifest } = await site();
const many = await grouped();
const top = await rows<{ requirement_id: string }>(`SELECT requirement_id, rank, label, doc_count, region_count, task_count, first_year, last_year
  FROM requirement_rank WHERE doc_count >= 2 ORDER BY rank LIMIT 200`);
const topIds = `SELECT requirement_id FROM requirement_rank WHERE doc_count >= 2 ORDER BY rank LIMIT ${many ? 30 : 200}`;
const carriers = many
  ? await rows(`SELECT t.requirement_id, coalesce(d.province, '未识别省份') AS region, d.year, count(DISTINCT t.doc_id) AS plans
      FROM tasks t JOIN documents d USING (doc_id) WHERE t.requirement_id IN (${topIds}) GROUP BY 1, 2, 3 ORDER BY 2, 3`)
  : await rows(`SELECT DISTINCT t.requirement_id, d.doc_id, d.region, d.year FROM tasks t JOIN documents d USING (doc_id)
      WHERE t.requirement_id IN (${topIds}) ORDER BY d.region, d.year`);
// a large corpus: carriers as [requirement index, province index, year, plans]
const ids = new Map(top.map((r, i) => [r.requirement_id, i]));
const provinces = [...new Set(carriers.map((c) => c.region as string))].sort();
emitJson({
  grouped: many,
  requirements: top.map((r) => ({ ...r, page: manifest.requirements.includes(r.requirement_id) })),
  provinces: many ? provinces : null,
  carriers: many ? carriers.map((c) => [ids.get(c.requirement_id as string), provinces.indexOf(c.region as string), c.year, c.plans]) : carriers,
  totals: (await rows(`SELECT count(*) AS requirements, count(*) FILTER (WHERE doc_count >= 2) AS recurring,
      count(*) FILTER (WHERE doc_count = 1) AS local, sum(task_count) FILTER (WHERE doc_count >= 2) AS recurring_tasks FROM requirements`))[0],
});
