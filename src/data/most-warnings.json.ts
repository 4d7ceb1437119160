// 概览: the 30 plans with the most parse warnings.
import { emitRows } from "../../loaders/site/data.ts";

await emitRows("SELECT doc_id, region, year, warning_count FROM plan_list WHERE warning_count > 0 ORDER BY warning_count DESC, doc_id LIMIT 30");
