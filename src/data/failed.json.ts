// 概览: the files that gave no plan and why (view failed_files), the first 200.
import { emitRows } from "../../loaders/site/data.ts";

await emitRows("SELECT * FROM failed_files ORDER BY source_file, code LIMIT 200");
