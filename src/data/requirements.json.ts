// 反复出现的要求: the 200 most widely carried recurring requirements (view requirement_rank), each flagged
// when it has a page of its own.
import { emitJson, rows, site } from "../../loaders/site/data.ts";

const { manifest } = await site();
const pages = new Set(manifest.requirements);
const top = await rows<{ requirement_id: string }>("SELECT * FROM requirement_rank WHERE doc_count >= 2 AND rank <= 200 ORDER BY rank");
emitJson(top.map((r) => ({ ...r, page: pages.has(r.requirement_id) })));
