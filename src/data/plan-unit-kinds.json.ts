// 责任单位工作量, one plan in scope: its load per unit kind (view unit_kind_workload) — [] when the
// plans' units are not shipped either (plan-units.json).
import { emitJson, emitRows, inlineUnits } from "../../loaders/site/data.ts";

if (!(await inlineUnits())) emitJson([]);
else await emitRows("SELECT * FROM unit_kind_workload ORDER BY doc_id, weighted_load DESC, unit_kind, blanket");
