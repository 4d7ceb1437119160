// Download: the documents table as Parquet.
import { emitTable } from "../../../loaders/site/tables.ts";

await emitTable("documents", "parquet");
