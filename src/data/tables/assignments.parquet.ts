// Download: the assignments table as Parquet.
import { emitTable } from "../../../loaders/site/tables.ts";

await emitTable("assignments", "parquet");
