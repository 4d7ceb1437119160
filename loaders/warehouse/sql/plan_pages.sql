-- plan_tasks: the tasks as a plan page lists them — with the category's label and, for a task that
-- states a requirement, how many plans state it.
CREATE OR REPLACE VIEW plan_tasks AS
SELECT t.doc_id, t.task_id, t.seq, t.number, t.section_id, t.text, t.span_start, t.span_end, t.category, c.label AS category_label,
       t.categories, t.domain, t.deadline, t.frequency, t.requirement_id, r.doc_count AS requirement_plans, t.category_evidence
FROM tasks t JOIN categories c USING (category) LEFT JOIN requirements r USING (requirement_id);

-- search_entries: what the site search indexes for each parsed plan — a title line (region, year,
-- title) and the text of its names, headings, task text and unit names.
CREATE OR REPLACE VIEW search_entries AS
WITH headings AS (SELECT doc_id, string_agg(title, ' ' ORDER BY span_start) AS titles FROM sections GROUP BY doc_id)
SELECT d.doc_id, concat_ws(' ', d.region, d.year::VARCHAR || '年', d.title) AS title,
       concat_ws(' ', d.province, d.parent_city, d.region, d.issuer, d.doc_number, h.titles) AS text
FROM documents d LEFT JOIN headings h USING (doc_id) WHERE d.task_count > 0;
