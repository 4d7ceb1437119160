// 任务类别: plan × category counts and shares (province × year for a large corpus); the tasks behind
// each cell while the corpus is small.
import { CATEGORIES, CATEGORY_LABELS } from "../../loaders/enrich/categories.ts";
import { emitJson, GROUP_KEY, grouped, INLINE_TASKS, rows } from "../../loaders/site/data.ts";

const [{ n }] = await rows<{ n: number }>("SELECT count(*) AS n FROM tasks");
const many = await grouped();
const index = new Map<string, number>(CATEGORIES.map((id, i) => [id, i]));
/** Rows as [doc_id, region, year, category index, task_count, share]: a large corpus has thousands. */
const compact = (rows: Record<string, unknown>[]) =>
  rows.map((r) => [r.doc_id, r.region, r.year, index.get(r.category as string), r.task_count, Math.round((r.share as number) * 1000) / 1000]);
emitJson({
  grouped: many,
  categories: CATEGORIES.map((id) => ({ id, label: CATEGORY_LABELS[id] })),
  matrix: compact(many
    ? await rows(`WITH g AS (SELECT ${GROUP_KEY} AS doc_id, coalesce(d.province, '未识别省份') AS region, d.year, m.category, m.category_label, m.category_ord, sum(m.task_count) AS task_count, count(*) AS plans
          FROM category_matrix m JOIN documents d USING (doc_id) GROUP BY 1, 2, 3, 4, 5, 6)
        SELECT *, task_count::DOUBLE / sum(task_count) OVER (PARTITION BY doc_id) AS share FROM g ORDER BY region, year, category_ord`)
    : await rows(`SELECT doc_id, region, province, year, category, category_label, task_count, share FROM category_matrix ORDER BY province, region, year, category_ord`)),
  tasks: !many && n <= INLINE_TASKS ? await rows(`SELECT doc_id, category, number, seq, text, domain FROM tasks ORDER BY doc_id, seq`) : null,
});
