-- unit_kind_workload: unit_workload summed per plan and cross-region unit kind (gov-office, finance…),
-- blanket groups apart, so that workloads compare across regions whose agencies are named differently.
CREATE OR REPLACE VIEW unit_kind_workload AS
SELECT doc_id, region, year, unit_kind, blanket,
       count(*)::INTEGER AS units,
       sum(led)::INTEGER AS led, sum(participated)::INTEGER AS participated, sum(responsible)::INTEGER AS responsible,
       sum(tasks)::INTEGER AS tasks, sum(weighted_load)::DOUBLE AS weighted_load
FROM unit_workload
GROUP BY doc_id, region, year, unit_kind, blanket;
