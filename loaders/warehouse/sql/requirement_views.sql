-- requirement_totals: one row — requirements in all, recurring ones (in two plans or more), local ones
-- (in one plan) and the tasks that state a recurring requirement.
CREATE OR REPLACE VIEW requirement_totals AS
SELECT count(*)::INTEGER AS requirements,
       count(*) FILTER (WHERE doc_count >= 2)::INTEGER AS recurring,
       count(*) FILTER (WHERE doc_count = 1)::INTEGER AS local,
       coalesce(sum(task_count) FILTER (WHERE doc_count >= 2), 0)::INTEGER AS recurring_tasks
FROM requirements;

-- requirement_carriers: per recurring requirement and display group (plan_groups), the plans of the
-- group that carry it; groups that carry none have no row. rank as in requirement_rank.
CREATE OR REPLACE VIEW requirement_carriers AS
SELECT t.requirement_id, any_value(r.rank) AS rank, g.group_id, any_value(g.group_region) AS region, any_value(g.year) AS year,
       count(DISTINCT t.doc_id)::INTEGER AS plans
FROM tasks t JOIN plan_groups g USING (doc_id) JOIN requirement_rank r USING (requirement_id)
WHERE r.doc_count >= 2
GROUP BY t.requirement_id, g.group_id;

-- requirement_wordings: every task stating a requirement, with its plan's region and year, numbered
-- per requirement by year, region and task (n): a requirement page shows its first wordings. rank is the
-- requirement's in requirement_rank (the pages are built for the top ranks). source_*: where the task
-- comes from in a plan above it (task_sources), NULL when no source was found. requirement_link: lead,
-- wording or concept (how the task came into the group: enrich/requirements.ts).
CREATE OR REPLACE VIEW requirement_wordings AS
SELECT t.requirement_id, r.rank, t.task_id, t.doc_id, t.number, t.text, t.requirement_link, d.region, d.year,
       s.source_doc_id, s.source_task_id, s.source_region, s.source_year, s.source_number, s.source_seq, s.relation,
       row_number() OVER (PARTITION BY t.requirement_id ORDER BY d.year, d.region, t.task_id) AS n
FROM tasks t JOIN documents d USING (doc_id) JOIN requirement_rank r USING (requirement_id) LEFT JOIN task_sources s USING (task_id);
