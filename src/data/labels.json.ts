// Every id the pages show, with its Chinese label and colour (data/labels.tsv through the warehouse table
// labels): pages build their label and colour lookups from these rows (components/format.js labeller).
import { emitRows } from "../../loaders/site/data.ts";

await emitRows(`SELECT "set", id, label, colour, ord FROM labels ORDER BY "set", ord`);
