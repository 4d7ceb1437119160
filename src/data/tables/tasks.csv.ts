// Download: the tasks table as CSV (UTF-8 with BOM, so that Excel reads the Chinese).
import { emitTable } from "../../../loaders/site/tables.ts";

await emitTable("tasks", "csv");
