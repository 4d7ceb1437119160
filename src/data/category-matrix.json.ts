// 任务类别 and 覆盖缺口: tasks per display group and category, shares, and plans lacking the category
// (view category_by_group).
import { emitColumns } from "../../loaders/site/data.ts";

await emitColumns("SELECT * EXCLUDE (grouped) FROM category_by_group ORDER BY region, year, group_id, category_ord");
