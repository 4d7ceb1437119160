-- coverage_gaps(peer, min_share): for each plan, what it leaves out.
--   category     — a task category the plan has no task in, while at least min_share of its peers do;
--   requirement  — a requirement at least min_share of its peers carry and the plan does not;
--   parent       — a requirement of the plan one level up (its prefecture's, province's or the national
--                  plan of the same year, when the corpus holds one) that the plan does not carry down.
-- peer: 'year' (plans of the same year), 'province' (same province and year) or 'all' (the corpus).
-- A plan is never its own peer; a gap needs at least two peers.
CREATE OR REPLACE MACRO coverage_gaps(peer := 'year', min_share := 0.5) AS TABLE
WITH plans AS (
  SELECT doc_id, region, province, parent_city, level, year FROM documents WHERE task_count > 0
),
pairs AS (
  SELECT p.doc_id, q.doc_id AS peer_id
  FROM plans p JOIN plans q ON q.doc_id <> p.doc_id
  WHERE CASE peer WHEN 'year' THEN q.year IS NOT DISTINCT FROM p.year
                  WHEN 'province' THEN q.province IS NOT DISTINCT FROM p.province AND q.year IS NOT DISTINCT FROM p.year
                  ELSE true END
),
peer_counts AS (SELECT doc_id, count(*) AS peers FROM pairs GROUP BY doc_id),
carried AS (SELECT DISTINCT doc_id, requirement_id FROM tasks WHERE requirement_id IS NOT NULL),
has_category AS (SELECT DISTINCT doc_id, unnest(categories) AS category FROM tasks), -- primary or secondary
category_gaps AS (
  SELECT pr.doc_id, 'category' AS gap_type, h.category AS item, count(*) AS carriers
  FROM pairs pr JOIN has_category h ON h.doc_id = pr.peer_id
  WHERE NOT EXISTS (SELECT 1 FROM has_category x WHERE x.doc_id = pr.doc_id AND x.category = h.category)
  GROUP BY pr.doc_id, h.category
),
requirement_gaps AS (
  SELECT pr.doc_id, 'requirement' AS gap_type, c.requirement_id AS item, count(*) AS carriers
  FROM pairs pr JOIN carried c ON c.doc_id = pr.peer_id
  WHERE NOT EXISTS (SELECT 1 FROM carried x WHERE x.doc_id = pr.doc_id AND x.requirement_id = c.requirement_id)
  GROUP BY pr.doc_id, c.requirement_id
),
parents AS (
  SELECT p.doc_id, u.doc_id AS parent_id
  FROM plans p JOIN plans u ON u.year IS NOT DISTINCT FROM p.year AND u.doc_id <> p.doc_id AND (
       (p.level = 'county' AND u.level = 'prefecture' AND u.region = p.parent_city)
    OR (p.level IN ('county', 'prefecture') AND u.level = 'provincial' AND u.region = p.province)
    OR (p.level <> 'national' AND u.level = 'national'))
),
parent_gaps AS (
  SELECT pa.doc_id, 'parent' AS gap_type, c.requirement_id AS item, 1 AS carriers
  FROM parents pa JOIN carried c ON c.doc_id = pa.parent_id
  WHERE NOT EXISTS (SELECT 1 FROM carried x WHERE x.doc_id = pa.doc_id AND x.requirement_id = c.requirement_id)
)
SELECT g.doc_id, p.region, p.year, g.gap_type, g.item,
       coalesce(cat.label, r.label) AS label,
       g.carriers::INTEGER AS carriers, coalesce(pc.peers, 0)::INTEGER AS peers,
       CASE WHEN g.gap_type = 'parent' THEN NULL ELSE g.carriers::DOUBLE / pc.peers END AS peer_share
FROM (SELECT * FROM category_gaps UNION ALL SELECT * FROM requirement_gaps) g
JOIN peer_counts pc ON pc.doc_id = g.doc_id
JOIN plans p ON p.doc_id = g.doc_id
LEFT JOIN categories cat ON g.gap_type = 'category' AND cat.category = g.item
LEFT JOIN requirements r ON g.gap_type = 'requirement' AND r.requirement_id = g.item
WHERE pc.peers >= 2 AND g.carriers::DOUBLE / pc.peers >= min_share
UNION ALL
SELECT g.doc_id, p.region, p.year, g.gap_type, g.item, r.label, 1, 1, NULL
FROM parent_gaps g JOIN plans p ON p.doc_id = g.doc_id JOIN requirements r ON r.requirement_id = g.item;
