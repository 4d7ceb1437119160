-- category_matrix: per plan (region, year) and task category, the number of tasks and their share of
-- the plan's tasks. Every category appears for every parsed plan (zero counts included), so a missing
-- category is a row with task_count 0, not a missing row.
CREATE OR REPLACE VIEW category_matrix AS
WITH counts AS (
  SELECT doc_id, category, count(*)::INTEGER AS task_count
  FROM tasks
  GROUP BY doc_id, category
)
SELECT
  d.doc_id, d.region, d.region_code, d.province, d.level, d.year,
  c.category, c.label AS category_label, c.ord AS category_ord,
  coalesce(n.task_count, 0)::INTEGER AS task_count,
  coalesce(n.task_count, 0)::DOUBLE / d.task_count AS share
FROM documents d
CROSS JOIN categories c
LEFT JOIN counts n ON n.doc_id = d.doc_id AND n.category = c.category
WHERE d.task_count > 0;
