// 覆盖缺口: plans × categories and plans × widely shared requirements, for each peer group — or, for a
// large corpus, the share of each province's plans of a year that leave each category out.
import { CATEGORIES, CATEGORY_LABELS } from "../../loaders/enrich/categories.ts";
import { emitJson, GROUP_KEY, grouped, rows } from "../../loaders/site/data.ts";

const many = await grouped();
if (many) {
  // compact rows (a group or requirement index instead of repeated strings): hundreds of groups × 14 and × 30
  const groups = await rows<{ doc_id: string }>(`SELECT ${GROUP_KEY} AS doc_id, coalesce(d.province, '未识别省份') AS region, d.province, d.year, count(*) AS plans
      FROM documents d WHERE task_count > 0 GROUP BY 1, 2, 3, 4 ORDER BY 3, 4`);
  const top = await rows<{ requirement_id: string }>("SELECT requirement_id, label, doc_count FROM requirement_rank WHERE rank <= 30 ORDER BY rank");
  const g = new Map(groups.map((x, i) => [x.doc_id, i]));
  const r = new Map(top.map((x, i) => [x.requirement_id, i]));
  const lacking = await rows<{ doc_id: string; ord: number; lacking: number; plans: number }>(`SELECT ${GROUP_KEY} AS doc_id, m.category_ord AS ord, count(*) FILTER (WHERE NOT EXISTS
        (SELECT 1 FROM tasks t WHERE t.doc_id = m.doc_id AND list_contains(t.categories, m.category))) AS lacking, count(*) AS plans
      FROM category_matrix m JOIN documents d USING (doc_id) GROUP BY 1, 2 ORDER BY 1, 2`);
  const shared = await rows<{ requirement_id: string; doc_id: string; share: number }>(`SELECT p.requirement_id, ${GROUP_KEY} AS doc_id, round(avg(p.present::INTEGER), 3) AS share
      FROM requirement_presence p JOIN documents d USING (doc_id) WHERE p.rank <= 30 GROUP BY 1, 2 ORDER BY 1, 2`);
  emitJson({
    grouped: true,
    plans: groups,
    categories: CATEGORIES.map((c) => CATEGORY_LABELS[c]),
    requirements: top,
    lacking: lacking.map((x) => [g.get(x.doc_id), x.ord - 1, x.lacking, x.plans]),
    shared: shared.map((x) => [r.get(x.requirement_id), g.get(x.doc_id), x.share]),
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
