-- unit_workload: per plan and unit, the tasks it leads, participates in and is responsible for, and a
-- weighted load: each task's weight of 1 is shared by the units that carry it — its lead units when it
-- has any, else its responsible units — so a task led by k units counts 1/k to each. Participants carry
-- no weight. Blanket groups (各镇人民政府, 县直各部门…) are flagged, to be shown apart from named agencies;
-- the weighted loads of a plan (blanket included) add up to its tasks that name a carrying unit.
CREATE OR REPLACE VIEW unit_workload AS
WITH carriers AS (
  SELECT task_id,
         CASE WHEN bool_or(role = 'lead') THEN 'lead' ELSE 'responsible' END AS carrying_role
  FROM assignments
  GROUP BY task_id
),
shares AS (
  SELECT a.task_id, count(*) AS k
  FROM assignments a JOIN carriers c ON c.task_id = a.task_id AND a.role = c.carrying_role
  GROUP BY a.task_id
)
SELECT
  a.doc_id, d.region, d.year, a.unit, a.unit_kind, a.blanket,
  count(*) FILTER (WHERE a.role = 'lead')::INTEGER AS led,
  count(*) FILTER (WHERE a.role = 'participant')::INTEGER AS participated,
  count(*) FILTER (WHERE a.role = 'responsible')::INTEGER AS responsible,
  count(*)::INTEGER AS tasks,
  sum(CASE WHEN a.role = c.carrying_role THEN 1.0 / s.k ELSE 0 END)::DOUBLE AS weighted_load
FROM assignments a
JOIN documents d USING (doc_id)
JOIN carriers c ON c.task_id = a.task_id
JOIN shares s ON s.task_id = a.task_id
GROUP BY a.doc_id, d.region, d.year, a.unit, a.unit_kind, a.blanket;
