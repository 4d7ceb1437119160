// Download: the texts table as CSV (UTF-8 with BOM, so that Excel reads the Chinese).
import { emitTable } from "../../../loaders/site/tables.ts";

await emitTable("texts", "csv");
