-- plan_groups: the rows the corpus-wide pages compare, decided here and nowhere else. Up to 60 parsed
-- plans, each plan is its own group (group_id = doc_id); beyond that a heatmap row per plan is neither
-- readable nor light, so plans are grouped by province and year (group_id '浙江省 2022') and the plan
-- pages hold the detail. grouped is the same on every row.
--   plan_groups     one row per parsed plan: its group.
--   display_groups  one row per group: its label (a region, or a province when grouped), year, plans, and
--                   doc_id when the group is one plan (NULL when grouped).
CREATE OR REPLACE VIEW plan_groups AS
WITH plans AS (SELECT * FROM documents WHERE task_count > 0),
size AS (SELECT count(*) > 60 AS grouped FROM plans)
SELECT p.doc_id, s.grouped,
       CASE WHEN s.grouped THEN coalesce(p.province, '未识别省份') || ' ' || coalesce(p.year::VARCHAR, '年份不详') ELSE p.doc_id END AS group_id,
       CASE WHEN s.grouped THEN coalesce(p.province, '未识别省份') ELSE p.region END AS group_region,
       p.region, p.province, p.year
FROM plans p CROSS JOIN size s;

CREATE OR REPLACE VIEW display_groups AS
SELECT group_id, any_value(grouped) AS grouped, any_value(group_region) AS region,
       any_value(province) AS province,
       any_value(year) AS year, count(*)::INTEGER AS plans,
       CASE WHEN any_value(grouped) THEN NULL ELSE any_value(doc_id) END AS doc_id
FROM plan_groups
GROUP BY group_id;
