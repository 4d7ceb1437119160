// Every parsed plan (view plan_list), for the overview, plan and region indexes.
import { emitColumns } from "../../loaders/site/data.ts";

await emitColumns("SELECT * FROM plan_list ORDER BY province, parent_city, region, year, doc_id");
