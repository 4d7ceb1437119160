-- requirement_presence: per recurring requirement (stated in at least two plans) and plan, whether the
-- plan carries it; requirement_rank orders requirements by how many plans carry them.
CREATE OR REPLACE VIEW requirement_rank AS
SELECT requirement_id, label, doc_count, region_count, task_count, first_year, last_year, concept, wording_doc_count,
       row_number() OVER (ORDER BY doc_count DESC, task_count DESC, requirement_id) AS rank
FROM requirements;

CREATE OR REPLACE VIEW requirement_presence AS
WITH carried AS (SELECT DISTINCT requirement_id, doc_id FROM tasks WHERE requirement_id IS NOT NULL)
SELECT r.requirement_id, r.rank, r.label, d.doc_id, d.region, d.year,
       (c.doc_id IS NOT NULL) AS present
FROM requirement_rank r
CROSS JOIN (SELECT doc_id, region, year FROM documents WHERE task_count > 0) d
LEFT JOIN carried c ON c.requirement_id = r.requirement_id AND c.doc_id = d.doc_id
WHERE r.doc_count >= 2;
