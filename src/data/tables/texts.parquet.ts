// Download: the texts table as Parquet.
import { emitTable } from "../../../loaders/site/tables.ts";

await emitTable("texts", "parquet");
