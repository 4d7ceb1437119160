// 覆盖缺口: the 30 most widely carried requirements and, per display group, the share of its plans that
// carry each (view requirement_share_by_group).
import { emitColumns } from "../../loaders/site/data.ts";

await emitColumns("SELECT * FROM requirement_share_by_group WHERE rank <= 30 AND doc_count >= 2 ORDER BY rank, group_id");
