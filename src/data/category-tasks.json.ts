// 任务类别: the tasks behind each heatmap cell, while the corpus is small enough to ship them ([] beyond;
// the plan pages list them).
import { emitJson, emitRows, grouped, INLINE_TASKS, rows } from "../../loaders/site/data.ts";

const [{ tasks }] = await rows<{ tasks: number }>("SELECT tasks FROM corpus_summary");
if ((await grouped()) || tasks > INLINE_TASKS) emitJson([]);
else await emitRows("SELECT doc_id, category, number, seq, text, domain FROM tasks ORDER BY doc_id, seq");
