-- coverage_gaps(peer, min_share): for each plan, what it leaves out.
--   category     — a task category (primary or secondary) the plan has no task in, while at least
--                  min_share of its peers do;
--   requirement  — a requirement at least min_share of its peers carry and the plan does not;
--   parent       — a requirement of a plan above it (its prefecture's, province's or the national plan
--                  of the same year or the year before, when the corpus holds one) that the plan does not
--                  carry, not even in part (parent_coverage: absent); item is that requirement's task_id.
-- peer: 'year' (plans of the same year), 'province' (same province and year) or 'all' (the corpus).
-- A plan is never its own peer; a gap needs at least two peers. Peers are counted per peer group
-- (group size minus the plan itself), so the cost grows with the corpus, not with pairs of plans.
CREATE OR REPLACE MACRO coverage_gaps(peer := 'year', min_share := 0.5) AS TABLE
WITH plans AS (
  SELECT doc_id, region, province, parent_city, level, year,
         CASE peer WHEN 'year' THEN coalesce(year::VARCHAR, '?')
                   WHEN 'province' THEN coalesce(province, '?') || '|' || coalesce(year::VARCHAR, '?')
                   ELSE 'all' END AS peer_group
  FROM documents WHERE task_count > 0
),
group_size AS (SELECT peer_group, count(*) AS n FROM plans GROUP BY peer_group),
carried AS (SELECT DISTINCT doc_id, requirement_id FROM tasks WHERE requirement_id IS NOT NULL),
has_category AS (SELECT DISTINCT doc_id, unnest(categories) AS category FROM tasks),
requirement_carriers AS (
  SELECT p.peer_group, c.requirement_id, count(*) AS n FROM carried c JOIN plans p USING (doc_id) GROUP BY ALL
),
category_carriers AS (
  SELECT p.peer_group, h.category, count(*) AS n FROM has_category h JOIN plans p USING (doc_id) GROUP BY ALL
),
requirement_gaps AS (
  SELECT p.doc_id, 'requirement' AS gap_type, rc.requirement_id AS item, rc.n AS carriers
  FROM plans p JOIN requirement_carriers rc ON rc.peer_group = p.peer_group
  WHERE NOT EXISTS (SELECT 1 FROM carried x WHERE x.doc_id = p.doc_id AND x.requirement_id = rc.requirement_id)
),
category_gaps AS (
  SELECT p.doc_id, 'category' AS gap_type, cc.category AS item, cc.n AS carriers
  FROM plans p JOIN category_carriers cc ON cc.peer_group = p.peer_group
  WHERE NOT EXISTS (SELECT 1 FROM has_category x WHERE x.doc_id = p.doc_id AND x.category = cc.category)
),
parent_gaps AS (
  SELECT doc_id, 'parent' AS gap_type, parent_task_id AS item, parent_text AS label FROM parent_coverage WHERE status = 'absent'
)
SELECT g.doc_id, p.region, p.year, g.gap_type, g.item,
       coalesce(cat.label, r.label) AS label,
       g.carriers::INTEGER AS carriers, (s.n - 1)::INTEGER AS peers,
       g.carriers::DOUBLE / (s.n - 1) AS peer_share
FROM (SELECT * FROM category_gaps UNION ALL SELECT * FROM requirement_gaps) g
JOIN plans p ON p.doc_id = g.doc_id
JOIN group_size s ON s.peer_group = p.peer_group
LEFT JOIN categories cat ON g.gap_type = 'category' AND cat.category = g.item
LEFT JOIN requirements r ON g.gap_type = 'requirement' AND r.requirement_id = g.item
WHERE s.n - 1 >= 2 AND g.carriers::DOUBLE / (s.n - 1) >= min_share
UNION ALL
SELECT g.doc_id, p.region, p.year, g.gap_type, g.item, g.label, 1, 1, NULL
FROM parent_gaps g JOIN plans p ON p.doc_id = g.doc_id;
