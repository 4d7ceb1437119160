-- category_by_group: category_matrix summed per display group (plan_groups), so the categories and gaps
-- pages draw one row per plan for a small corpus and one per province and year for a large one.
--   task_count, share   tasks of the category (primary) and their share of the group's tasks;
--   plans_lacking       plans of the group with no task in the category, primary or secondary (a plan
--                       with 0 primary tasks may still cover it as a secondary category).
CREATE OR REPLACE VIEW category_by_group AS
WITH covered AS (SELECT DISTINCT doc_id, unnest(categories) AS category FROM tasks),
per_plan AS (
  SELECT g.group_id, g.grouped, g.group_region, g.year, m.doc_id, m.category, m.category_label, m.category_ord, m.task_count,
         (c.doc_id IS NULL) AS lacking
  FROM category_matrix m JOIN plan_groups g USING (doc_id)
  LEFT JOIN covered c ON c.doc_id = m.doc_id AND c.category = m.category
),
summed AS (
  SELECT group_id, any_value(grouped) AS grouped, any_value(group_region) AS region, any_value(year) AS year,
         category, any_value(category_label) AS category_label, any_value(category_ord) AS category_ord,
         sum(task_count)::INTEGER AS task_count, count(*)::INTEGER AS plans,
         count(*) FILTER (WHERE lacking)::INTEGER AS plans_lacking,
         CASE WHEN any_value(grouped) THEN NULL ELSE any_value(doc_id) END AS doc_id
  FROM per_plan GROUP BY group_id, category
)
SELECT group_id, doc_id, region, year, category, category_label, category_ord, task_count,
       coalesce(task_count::DOUBLE / nullif(sum(task_count) OVER (PARTITION BY group_id), 0), 0) AS share,
       plans, plans_lacking, grouped
FROM summed;
