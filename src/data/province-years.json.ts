// 概览: plans, tasks and plans with warnings per province and year (view province_year_summary).
import { emitColumns } from "../../loaders/site/data.ts";

await emitColumns("SELECT * FROM province_year_summary ORDER BY province, year");
