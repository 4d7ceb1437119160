-- plan_diff: for a region with plans of several years, each requirement's status between one plan and
-- the region's previous plan: added (new this year), dropped (in the previous plan, not this one) or
-- kept. The first plan of a region has no previous plan and no rows. region_code names the region page.
CREATE OR REPLACE VIEW plan_diff AS
WITH plans AS (
  SELECT doc_id, region, region_code, year,
         lag(doc_id) OVER (PARTITION BY coalesce(region_code, region) ORDER BY year, doc_id) AS prev_doc_id,
         lag(year) OVER (PARTITION BY coalesce(region_code, region) ORDER BY year, doc_id) AS prev_year
  FROM documents
  WHERE task_count > 0 AND year IS NOT NULL AND coalesce(region_code, region) IS NOT NULL
),
carried AS (SELECT DISTINCT doc_id, requirement_id FROM tasks WHERE requirement_id IS NOT NULL),
pairs AS (SELECT * FROM plans WHERE prev_doc_id IS NOT NULL),
current_side AS (SELECT p.doc_id, c.requirement_id FROM pairs p JOIN carried c ON c.doc_id = p.doc_id),
previous_side AS (SELECT p.doc_id, c.requirement_id FROM pairs p JOIN carried c ON c.doc_id = p.prev_doc_id),
joined AS (
  SELECT coalesce(a.doc_id, b.doc_id) AS doc_id, coalesce(a.requirement_id, b.requirement_id) AS requirement_id,
         CASE WHEN b.requirement_id IS NULL THEN 'added' WHEN a.requirement_id IS NULL THEN 'dropped' ELSE 'kept' END AS status
  FROM current_side a FULL OUTER JOIN previous_side b ON a.doc_id = b.doc_id AND a.requirement_id = b.requirement_id
)
SELECT p.region, p.region_code, p.year, p.prev_year, p.doc_id, p.prev_doc_id, j.requirement_id, j.status, r.label
FROM joined j JOIN pairs p ON p.doc_id = j.doc_id LEFT JOIN requirements r ON r.requirement_id = j.requirement_id;
