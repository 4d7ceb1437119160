// Every plan, in a compact list for the plan and region indexes.
import { emitJson, rows } from "../../loaders/site/data.ts";

emitJson(await rows(`SELECT doc_id, left(title, 40) AS title, source_file, region, region_code, parent_city, province, level, year, status, layout, task_count, warning_count
  FROM documents WHERE task_count > 0 ORDER BY province, parent_city, region, year`));
