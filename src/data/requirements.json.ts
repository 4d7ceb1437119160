// 反复出现的要求: the 200 most widely carried recurring requirements (view requirement_rank), each flagged
// when it has a page of its own.
import { conceptLabel } from "../../loaders/enrich/concepts.ts";
import { emitJson, rows, site } from "../../loaders/site/data.ts";

const { manifest } = await site();
const pages = new Set(manifest.requirements);
const top = await rows<{ requirement_id: string; concept: string | null }>("SELECT * FROM requirement_rank WHERE doc_count >= 2 AND rank <= 200 ORDER BY rank");
// the concept as the reader reads it: its label in the codebook ("" when the codebook names none)
emitJson(top.map((r) => ({ ...r, concept: conceptLabel(r.concept) ?? "", page: pages.has(r.requirement_id) })));
