-- corpus_summary: one row — parsed plans, files that gave no task, tasks, provinces, regions, years,
-- distinct unit names and recurring requirements.
CREATE OR REPLACE VIEW corpus_summary AS
SELECT count(*) FILTER (WHERE task_count > 0)::INTEGER AS plans,
       count(*) FILTER (WHERE task_count = 0)::INTEGER AS failed,
       coalesce(sum(task_count), 0)::INTEGER AS tasks,
       count(DISTINCT province) FILTER (WHERE task_count > 0)::INTEGER AS provinces,
       count(DISTINCT region) FILTER (WHERE task_count > 0)::INTEGER AS regions,
       min(year) FILTER (WHERE task_count > 0) AS first_year, max(year) FILTER (WHERE task_count > 0) AS last_year,
       (SELECT count(DISTINCT unit) FROM assignments)::INTEGER AS units,
       (SELECT count(*) FROM requirements WHERE doc_count >= 2)::INTEGER AS recurring,
       max(issue_date) FILTER (WHERE task_count > 0) AS latest_issue_date
FROM documents;

-- plan_list: every parsed plan with what its index rows show (title cut to 30 characters).
CREATE OR REPLACE VIEW plan_list AS
SELECT doc_id, source_file, left(title, 30) AS title, region, region_code, parent_city, province, level, year, status, layout,
       task_count, warning_count, error_count
FROM documents WHERE task_count > 0;

-- province_year_summary: plans, tasks and plans with parse warnings per province and year.
CREATE OR REPLACE VIEW province_year_summary AS
SELECT province, year, count(*)::INTEGER AS plans, sum(task_count)::INTEGER AS tasks,
       count(*) FILTER (WHERE warning_count > 0)::INTEGER AS with_warnings
FROM documents WHERE task_count > 0
GROUP BY province, year;

-- parse_issue_summary: parse issues per code and severity, with the plans they concern.
CREATE OR REPLACE VIEW parse_issue_summary AS
SELECT code, severity, count(*)::INTEGER AS n, count(DISTINCT doc_id)::INTEGER AS plans
FROM parse_issues
GROUP BY code, severity;

-- failed_files: each file that gave no plan, with the error that says why.
CREATE OR REPLACE VIEW failed_files AS
SELECT d.source_file, i.code, i.message
FROM documents d JOIN parse_issues i USING (doc_id)
WHERE i.severity = 'error';
