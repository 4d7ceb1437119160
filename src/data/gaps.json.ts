// 覆盖缺口: plans × categories and plans × widely shared requirements, for each peer group.
import { emitJson, rows } from "../../loaders/site/data.ts";

const peers = ["year", "province", "all"] as const;
const gaps: Record<string, unknown[]> = {};
for (const peer of peers) {
  gaps[peer] = await rows(`SELECT doc_id, region, year, gap_type, item, label, carriers, peers, peer_share
    FROM coverage_gaps(peer := '${peer}', min_share := 0.5) ORDER BY region, year, gap_type, peer_share DESC NULLS LAST, item LIMIT 20000`);
}
emitJson({
  plans: await rows(`SELECT doc_id, region, province, year FROM documents WHERE task_count > 0 ORDER BY province, region, year`),
  categoryCounts: await rows(`SELECT doc_id, category, category_label, task_count FROM category_matrix ORDER BY doc_id, category_ord`),
  shared: await rows(`SELECT r.requirement_id, r.label, r.doc_count, p.doc_id, p.present FROM requirement_presence p JOIN requirement_rank r USING (requirement_id)
      WHERE r.rank <= 30 ORDER BY r.rank, p.doc_id`),
  gaps,
});
