// 覆盖缺口: each plan's gaps against each peer group (view plan_gaps); [] when plans are grouped (each
// plan page lists its own).
import { emitJson, emitRows, grouped } from "../../loaders/site/data.ts";

if (await grouped()) emitJson([]);
else await emitRows("SELECT * FROM plan_gaps ORDER BY region, year, doc_id, peer, gap_type, peer_share DESC NULLS LAST, item");
