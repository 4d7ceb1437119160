// 覆盖缺口: per display group and level above, the requirements of the plans above copied, modified and
// left out (view parent_coverage_by_group).
import { emitColumns } from "../../loaders/site/data.ts";

await emitColumns("SELECT * FROM parent_coverage_by_group ORDER BY group_id, parent_level, status");
