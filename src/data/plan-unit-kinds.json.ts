// 责任单位工作量, one plan in scope: its load per unit kind (view unit_kind_workload) — [] when the
// plans' units are not shipped either (plan-units.json).
import { columnsOf, emitColumns, emitJson, inlineUnits } from "../../loaders/site/data.ts";

if (!(await inlineUnits())) emitJson(columnsOf([]));
else await emitColumns("SELECT * FROM unit_kind_workload ORDER BY doc_id, weighted_load DESC, unit_kind, blanket");
