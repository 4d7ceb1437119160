-- task_sources: each task with the task of a plan above it that it most likely comes from (the lineage
-- table), and where that task stands: its plan's region, level, year and title, its number and text.
CREATE OR REPLACE VIEW task_sources AS
SELECT l.task_id, l.doc_id, l.source_task_id, l.source_doc_id, l.similarity, l.relation,
       d.region AS source_region, d.level AS source_level, d.year AS source_year, d.title AS source_title,
       s.seq AS source_seq, s.number AS source_number, s.text AS source_text
FROM lineage l JOIN tasks s ON s.task_id = l.source_task_id JOIN documents d ON d.doc_id = l.source_doc_id;

-- parent_coverage: for each plan and each plan above it (its prefecture's, province's or the national
-- plan, of the same year or the year before), each requirement of the plan above and whether the plan
-- carries it: copied, modified or absent (the coverage table), with the carrying task's number.
CREATE OR REPLACE VIEW parent_coverage AS
SELECT c.doc_id, d.region, d.year, c.parent_doc_id, u.region AS parent_region, u.level AS parent_level, u.year AS parent_year,
       u.title AS parent_title, c.parent_task_id, p.seq AS parent_seq, p.number AS parent_number, p.text AS parent_text,
       p.category AS parent_category, c.status, c.task_id, t.seq, t.number, c.similarity
FROM coverage c
JOIN documents d ON d.doc_id = c.doc_id
JOIN documents u ON u.doc_id = c.parent_doc_id
JOIN tasks p ON p.task_id = c.parent_task_id
LEFT JOIN tasks t ON t.task_id = c.task_id;

-- parent_coverage_summary: per plan and plan above, how many of the requirements above it copied,
-- modified or left out, and the share it carries (copied or modified).
CREATE OR REPLACE VIEW parent_coverage_summary AS
SELECT doc_id, any_value(region) AS region, any_value(year) AS year, parent_doc_id, any_value(parent_region) AS parent_region,
       any_value(parent_level) AS parent_level, any_value(parent_year) AS parent_year,
       count(*) FILTER (WHERE status = 'copied')::INTEGER AS copied,
       count(*) FILTER (WHERE status = 'modified')::INTEGER AS modified,
       count(*) FILTER (WHERE status = 'absent')::INTEGER AS absent,
       count(*)::INTEGER AS parent_tasks,
       count(*) FILTER (WHERE status <> 'absent')::DOUBLE / count(*) AS carried_share
FROM parent_coverage GROUP BY doc_id, parent_doc_id;
