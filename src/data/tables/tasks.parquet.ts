// Download: the tasks table as Parquet.
import { emitTable } from "../../../loaders/site/tables.ts";

await emitTable("tasks", "parquet");
