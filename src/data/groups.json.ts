// The rows the corpus-wide pages compare (view display_groups): one per plan, or one per province and
// year when the corpus is large; each with its label, year and plan count.
import { emitRows } from "../../loaders/site/data.ts";

await emitRows("SELECT * FROM display_groups ORDER BY province, region, year, group_id");
