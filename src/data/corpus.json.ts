// 概览: what the corpus holds (view corpus_summary, one row).
import { emitRows } from "../../loaders/site/data.ts";

await emitRows("SELECT * FROM corpus_summary");
