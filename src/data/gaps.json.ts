// 覆盖缺口: plans × categories and plans × widely shared requirements, for each peer group — or, for a
// large corpus, the share of each province's plans of a year that leave each category out.
import { emitJson, GROUP_KEY, grouped, rows } from "../../loaders/site/data.ts";

const many = await grouped();
if (many) {
  emitJson({
    grouped: true,
    plans: await rows(`SELECT ${GROUP_KEY} AS doc_id, coalesce(d.province, '未识别省份') AS region, d.province, d.year, count(*) AS plans
        FROM documents d WHERE task_count > 0 GROUP BY 1, 2, 3, 4 ORDER BY 3, 4`),
    categoryCounts: await rows(`SELECT ${GROUP_KEY} AS doc_id, m.category, m.category_label, count(*) FILTER (WHERE NOT EXISTS
          (SELECT 1 FROM tasks t WHERE t.doc_id = m.doc_id AND list_contains(t.categories, m.category))) AS lacking, count(*) AS plans
        FROM category_matrix m JOIN documents d USING (doc_id) GROUP BY 1, 2, 3, m.category_ord ORDER BY 1, m.category_ord`),
    shared: await rows(`SELECT r.requirement_id, r.label, r.doc_count, ${GROUP_KEY} AS doc_id, avg(p.present::INTEGER) AS present_share
        FROM requirement_presence p JOIN requirement_rank r USING (requirement_id) JOIN documents d USING (doc_id)
        WHERE r.rank <= 30 GROUP BY 1, 2, 3, 4, r.rank ORDER BY r.rank, 4`),
    gaps: null,
  });
} else {
  const gaps: Record<string, unknown[]> = {};
  for (const peer of ["year", "province", "all"]) {
    gaps[peer] = await rows(`SELECT doc_id, region, year, gap_type, item, label, carriers, peers, peer_share
      FROM coverage_gaps(peer := '${peer}', min_share := 0.5) ORDER BY region, year, gap_type, peer_share DESC NULLS LAST, item`);
  }
  emitJson({
    grouped: false,
    plans: await rows(`SELECT doc_id, region, province, year FROM documents WHERE task_count > 0 ORDER BY province, region, year`),
    categoryCounts: await rows(`SELECT doc_id, category, category_label, task_count FROM category_matrix ORDER BY doc_id, category_ord`),
    shared: await rows(`SELECT r.requirement_id, r.label, r.doc_count, p.doc_id, p.present FROM requirement_presence p JOIN requirement_rank r USING (requirement_id)
        WHERE r.rank <= 30 ORDER BY r.rank, p.doc_id`),
    gaps,
  });
}
