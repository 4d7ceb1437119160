// 任务类别: plan × category counts and shares; the tasks behind each cell while the corpus is small.
import { CATEGORIES, CATEGORY_LABELS } from "../../loaders/enrich/categories.ts";
import { emitJson, INLINE_TASKS, rows } from "../../loaders/site/data.ts";

const [{ n }] = await rows<{ n: number }>("SELECT count(*) AS n FROM tasks");
emitJson({
  categories: CATEGORIES.map((id) => ({ id, label: CATEGORY_LABELS[id] })),
  matrix: await rows(`SELECT doc_id, region, province, year, category, category_label, task_count, share FROM category_matrix ORDER BY province, region, year, category_ord`),
  tasks: n <= INLINE_TASKS ? await rows(`SELECT doc_id, category, number, seq, text, domain FROM tasks ORDER BY doc_id, seq`) : null,
});
