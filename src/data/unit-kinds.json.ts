// 责任单位工作量: the whole corpus's load per unit kind (view unit_kind_totals).
import { emitRows } from "../../loaders/site/data.ts";

await emitRows("SELECT * FROM unit_kind_totals ORDER BY weighted_load DESC, unit_kind, blanket");
