// 反复出现的要求: the requirements most plans carry, each with the plans (region × year) that carry it.
import { emitJson, rows, site } from "../../loaders/site/data.ts";

const { manifest } = await site();
const top = await rows<{ requirement_id: string }>(`SELECT requirement_id, rank, label, doc_count, region_count, task_count, first_year, last_year
  FROM requirement_rank WHERE doc_count >= 2 ORDER BY rank LIMIT 200`);
const carriers = await rows(`SELECT DISTINCT t.requirement_id, d.doc_id, d.region, d.year FROM tasks t JOIN documents d USING (doc_id)
  WHERE t.requirement_id IN (SELECT requirement_id FROM requirement_rank WHERE doc_count >= 2 ORDER BY rank LIMIT 200) ORDER BY d.region, d.year`);
emitJson({
  requirements: top.map((r) => ({ ...r, page: manifest.requirements.includes(r.requirement_id) })),
  carriers,
  totals: (await rows(`SELECT count(*) AS requirements, count(*) FILTER (WHERE doc_count >= 2) AS recurring,
      count(*) FILTER (WHERE doc_count = 1) AS local, sum(task_count) FILTER (WHERE doc_count >= 2) AS recurring_tasks FROM requirements`))[0],
});
