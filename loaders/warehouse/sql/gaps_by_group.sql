-- plan_gaps: coverage_gaps for the three peer groups at once (peer = 'year' | 'province' | 'all'), at
-- the default share of one half: what the plan pages and the gaps page list for a plan.
CREATE OR REPLACE VIEW plan_gaps AS
SELECT 'year' AS peer, * FROM coverage_gaps(peer := 'year')
UNION ALL SELECT 'province' AS peer, * FROM coverage_gaps(peer := 'province')
UNION ALL SELECT 'all' AS peer, * FROM coverage_gaps(peer := 'all');

-- requirement_share_by_group: per recurring requirement (requirement_rank, doc_count >= 2) and display
-- group, the share of the group's plans that carry it: 1 or 0 for a one-plan group, a fraction when
-- plans are grouped by province and year.
CREATE OR REPLACE VIEW requirement_share_by_group AS
SELECT p.requirement_id, any_value(p.rank) AS rank, any_value(p.label) AS label, any_value(r.doc_count) AS doc_count,
       g.group_id, avg(p.present::INTEGER)::DOUBLE AS present_share, count(*)::INTEGER AS plans
FROM requirement_presence p JOIN plan_groups g USING (doc_id) JOIN requirement_rank r USING (requirement_id)
GROUP BY p.requirement_id, g.group_id;

-- parent_coverage_by_group: per display group and level above (prefecture, provincial, national), how
-- many requirements of the plans above its plans copied, modified and left out (parent_coverage).
CREATE OR REPLACE VIEW parent_coverage_by_group AS
SELECT g.group_id, c.parent_level, c.status, count(*)::INTEGER AS requirements, count(DISTINCT c.doc_id)::INTEGER AS plans
FROM parent_coverage c JOIN plan_groups g USING (doc_id)
GROUP BY ALL;
