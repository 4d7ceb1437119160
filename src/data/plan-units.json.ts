// 责任单位工作量, one plan in scope: its units' load (view unit_workload) — [] for a corpus too large to
// ship them (the plan pages list each plan's units).
import { columnsOf, emitColumns, emitJson, inlineUnits } from "../../loaders/site/data.ts";

if (!(await inlineUnits())) emitJson(columnsOf([]));
else await emitColumns("SELECT * FROM unit_workload ORDER BY doc_id, weighted_load DESC, unit");
