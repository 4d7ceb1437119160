// Download: the requirements table as Parquet.
import { emitTable } from "../../../loaders/site/tables.ts";

await emitTable("requirements", "parquet");
