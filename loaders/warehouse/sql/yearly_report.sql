-- The yearly report pages (src/reports/[year].md), one view per figure; a report shows its year and
-- the corpus year before it.
-- year_totals: per year, parsed plans, their tasks, provinces and the mean tasks per plan.
CREATE OR REPLACE VIEW year_totals AS
SELECT year, count(*)::INTEGER AS plans, sum(task_count)::INTEGER AS tasks, count(DISTINCT province)::INTEGER AS provinces,
       round(avg(task_count), 1)::DOUBLE AS avg_tasks
FROM documents WHERE task_count > 0 AND year IS NOT NULL
GROUP BY year;

-- year_categories: per year and category, tasks (primary category) and their share of the year's tasks.
CREATE OR REPLACE VIEW year_categories AS
WITH c AS (
  SELECT year, category, any_value(category_label) AS category_label, any_value(category_ord) AS category_ord, sum(task_count)::INTEGER AS tasks
  FROM category_matrix WHERE year IS NOT NULL GROUP BY year, category
)
SELECT *, coalesce(tasks::DOUBLE / nullif(sum(tasks) OVER (PARTITION BY year), 0), 0) AS share FROM c;

-- year_requirements: per year, each requirement with the year's plans that carry it, ranked within the
-- year (rank 1 = carried by most plans; ties by requirement_id).
CREATE OR REPLACE VIEW year_requirements AS
WITH per AS (
  SELECT d.year, t.requirement_id, count(DISTINCT t.doc_id)::INTEGER AS plans
  FROM tasks t JOIN documents d USING (doc_id) WHERE d.year IS NOT NULL AND t.requirement_id IS NOT NULL
  GROUP BY d.year, t.requirement_id
)
SELECT p.year, p.requirement_id, r.label, p.plans, r.first_year, r.doc_count,
       row_number() OVER (PARTITION BY p.year ORDER BY p.plans DESC, p.requirement_id) AS rank
FROM per p JOIN requirements r USING (requirement_id);

-- year_new_requirements: recurring requirements (two plans or more) by the year they first appear,
-- ranked within that year by the plans that carry them.
CREATE OR REPLACE VIEW year_new_requirements AS
SELECT first_year AS year, requirement_id, label, doc_count,
       row_number() OVER (PARTITION BY first_year ORDER BY doc_count DESC, requirement_id) AS rank
FROM requirements WHERE doc_count >= 2 AND first_year IS NOT NULL;

-- year_unit_kinds: per year, unit kind and blanket flag, the weighted load and the tasks led.
CREATE OR REPLACE VIEW year_unit_kinds AS
SELECT year, unit_kind, blanket, sum(weighted_load)::DOUBLE AS weighted_load, sum(led)::INTEGER AS led
FROM unit_kind_workload WHERE year IS NOT NULL
GROUP BY year, unit_kind, blanket;

-- year_changes: per year and region, the requirements added, dropped and kept since the region's
-- previous plan (plan_diff counted).
CREATE OR REPLACE VIEW year_changes AS
SELECT year, region, status, count(*)::INTEGER AS n FROM plan_diff GROUP BY year, region, status;
