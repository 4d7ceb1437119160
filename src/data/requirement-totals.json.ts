// 反复出现的要求: requirements in all, recurring and local (view requirement_totals, one row).
import { emitRows } from "../../loaders/site/data.ts";

await emitRows("SELECT * FROM requirement_totals");
