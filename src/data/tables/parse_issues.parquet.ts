// Download: the parse_issues table as Parquet.
import { emitTable } from "../../../loaders/site/tables.ts";

await emitTable("parse_issues", "parquet");
