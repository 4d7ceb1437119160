-- unit_kind_totals: unit_kind_workload summed over the whole corpus, per unit kind, blanket groups apart.
CREATE OR REPLACE VIEW unit_kind_totals AS
SELECT unit_kind, blanket, sum(units)::INTEGER AS units, sum(led)::INTEGER AS led, sum(participated)::INTEGER AS participated,
       sum(responsible)::INTEGER AS responsible, sum(tasks)::INTEGER AS tasks, sum(weighted_load)::DOUBLE AS weighted_load
FROM unit_kind_workload
GROUP BY unit_kind, blanket;

-- unit_totals: unit_workload summed over the corpus per unit name (the same name in two regions' plans
-- is one row: 县财政局 is written alike across counties), with the plans that name it.
CREATE OR REPLACE VIEW unit_totals AS
SELECT unit, unit_kind, blanket, count(DISTINCT doc_id)::INTEGER AS plans, sum(led)::INTEGER AS led,
       sum(participated)::INTEGER AS participated, sum(responsible)::INTEGER AS responsible,
       sum(tasks)::INTEGER AS tasks, sum(weighted_load)::DOUBLE AS weighted_load
FROM unit_workload
GROUP BY unit, unit_kind, blanket;
