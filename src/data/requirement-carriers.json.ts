// 反复出现的要求: for the top requirements, the plans of each display group that carry them (view
// requirement_carriers): 200 requirements for a small corpus, 30 when plans are grouped.
import { emitColumns, grouped } from "../../loaders/site/data.ts";

await emitColumns(`SELECT * FROM requirement_carriers WHERE rank <= ${(await grouped()) ? 30 : 200} ORDER BY rank, region, year, group_id`);
