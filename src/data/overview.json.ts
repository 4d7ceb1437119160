// 概览: what the corpus holds and how well it parsed.
import { emitJson, rows, site } from "../../loaders/site/data.ts";

const { manifest } = await site();
emitJson({
  corpus: (await rows(`SELECT count(*) FILTER (WHERE task_count > 0) AS plans, count(*) FILTER (WHERE task_count = 0) AS failed,
      sum(task_count) AS tasks, count(DISTINCT province) AS provinces, count(DISTINCT region) AS regions,
      min(year) AS first_year, max(year) AS last_year,
      (SELECT count(DISTINCT unit) FROM assignments) AS units,
      (SELECT count(*) FROM requirements WHERE doc_count >= 2) AS recurring FROM documents`))[0],
  plans: await rows(`SELECT doc_id, source_file, title, region, region_code, parent_city, province, level, year, status, layout, task_count, warning_count, error_count
      FROM documents ORDER BY province, parent_city, region, year`),
  issues: await rows(`SELECT code, severity, count(*) AS n, count(DISTINCT doc_id) AS plans FROM parse_issues GROUP BY ALL ORDER BY severity, n DESC`),
  failed: manifest.failed,
});
