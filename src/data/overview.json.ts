// 概览: what the corpus holds and how well it parsed.
import { emitJson, grouped, rows, site } from "../../loaders/site/data.ts";

const { manifest } = await site();
const many = await grouped();
emitJson({
  corpus: (await rows(`SELECT count(*) FILTER (WHERE task_count > 0) AS plans, count(*) FILTER (WHERE task_count = 0) AS failed,
      sum(task_count) AS tasks, count(DISTINCT province) AS provinces, count(DISTINCT region) AS regions,
      min(year) AS first_year, max(year) AS last_year,
      (SELECT count(DISTINCT unit) FROM assignments) AS units,
      (SELECT count(*) FROM requirements WHERE doc_count >= 2) AS recurring FROM documents`))[0],
  plans: many ? null : await rows(`SELECT doc_id, source_file, title, region, region_code, parent_city, province, level, year, status, layout, task_count, warning_count, error_count
      FROM documents ORDER BY province, parent_city, region, year`),
  byProvinceYear: await rows(`SELECT province, year, count(*) AS plans, sum(task_count) AS tasks, count(*) FILTER (WHERE warning_count > 0) AS with_warnings
      FROM documents WHERE task_count > 0 GROUP BY province, year ORDER BY province, year`),
  mostWarnings: await rows(`SELECT doc_id, region, year, warning_count FROM documents WHERE warning_count > 0 ORDER BY warning_count DESC, doc_id LIMIT 30`),
  issues: await rows(`SELECT code, severity, count(*) AS n, count(DISTINCT doc_id) AS plans FROM parse_issues GROUP BY code, severity ORDER BY severity, n DESC`),
  failed: manifest.failed.slice(0, 200),
});
