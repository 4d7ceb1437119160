// 概览: parse issues per code and severity (view parse_issue_summary).
import { emitRows } from "../../loaders/site/data.ts";

await emitRows("SELECT * FROM parse_issue_summary ORDER BY severity, n DESC, code");
