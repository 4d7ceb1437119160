// Every plan, in a compact list for the plan and region indexes: column names once, then one array
// per plan (a 3,000-plan corpus would otherwise repeat every key 3,000 times).
import { emitJson, rows } from "../../loaders/site/data.ts";

const list = await rows(`SELECT doc_id, left(title, 30) AS title, region, region_code, parent_city, province, level, year, status, task_count, warning_count
  FROM documents WHERE task_count > 0 ORDER BY province, parent_city, region, year`);
const columns = list.length ? Object.keys(list[0]) : [];
emitJson({ columns, rows: list.map((r) => columns.map((c) => r[c])) });
