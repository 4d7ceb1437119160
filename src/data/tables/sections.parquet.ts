// Download: the sections table as Parquet.
import { emitTable } from "../../../loaders/site/tables.ts";

await emitTable("sections", "parquet");
