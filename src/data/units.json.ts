// 责任单位工作量: the 300 units with the most weighted load over the corpus (view unit_totals).
import { emitRows } from "../../loaders/site/data.ts";

await emitRows("SELECT * FROM unit_totals ORDER BY weighted_load DESC, unit, unit_kind, blanket LIMIT 300");
