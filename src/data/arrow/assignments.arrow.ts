// The assignments table as an Arrow IPC stream, for the SQL console (DuckDB-WASM).
import { emitTable } from "../../../loaders/site/tables.ts";

await emitTable("assignments", "arrow");
