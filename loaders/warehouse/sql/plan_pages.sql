-- plan_tasks: the tasks as a plan page lists them — with the category's label and, for a task that
-- states a requirement, how many plans state it.
CREATE OR REPLACE VIEW plan_tasks AS
SELECT t.doc_id, t.task_id, t.seq, t.number, t.section_id, t.text, t.span_start, t.span_end, t.category, c.label AS category_label,
       t.categories, t.domain, t.deadline, t.frequency, t.requirement_id, r.doc_count AS requirement_plans, t.category_evidence
FROM tasks t JOIN categories c USING (category) LEFT JOIN requirements r USING (requirement_id);

-- search_entries: what the site search finds a plan by — a title line (region, year, title) and the text
-- of its names (province, city, region, issuer, 文号), headings, task text and unit names (as written and
-- canonical). doc_idx numbers the parsed plans 0… in doc_id order (the search index's posting lists).
CREATE OR REPLACE VIEW search_entries AS
WITH headings AS (SELECT doc_id, string_agg(title, ' ' ORDER BY span_start) AS titles FROM sections GROUP BY doc_id),
task_text AS (SELECT doc_id, string_agg(text, ' ' ORDER BY seq) AS texts FROM tasks GROUP BY doc_id),
unit_names AS (SELECT doc_id, string_agg(DISTINCT unit_raw || ' ' || unit, ' ' ORDER BY unit_raw || ' ' || unit) AS units FROM assignments GROUP BY doc_id)
SELECT (row_number() OVER (ORDER BY d.doc_id) - 1)::INTEGER AS doc_idx, d.doc_id,
       concat_ws(' ', d.region, d.year::VARCHAR || '年', d.title) AS title,
       concat_ws(' ', d.province, d.parent_city, d.region, d.year::VARCHAR || '年', d.title, d.issuer, d.doc_number, h.titles, u.units, t.texts) AS text
FROM documents d LEFT JOIN headings h USING (doc_id) LEFT JOIN task_text t USING (doc_id) LEFT JOIN unit_names u USING (doc_id)
WHERE d.task_count > 0;

-- search_folded: a plan's search text folded as the search box folds a query (lower case; spaces,
-- punctuation and symbols removed; the reading stage has already made widths half and characters
-- simplified); search_bigrams: each pair of adjacent characters of it, once per plan. A query matches the
-- plans that hold every bigram of it and, checked in the folded text, the query itself.
CREATE OR REPLACE VIEW search_folded AS
SELECT doc_idx, doc_id, regexp_replace(lower(text), '[\s\pP\pS]+', '', 'g') AS folded FROM search_entries;

-- (The characters are split into a list once: substr(folded, i, 2) walks the UTF-8 text from its start
-- each time, quadratic in a plan's length — 30 s instead of 0.2 s for 300 plans.)
CREATE OR REPLACE VIEW search_bigrams AS
WITH chars AS (SELECT doc_idx, string_split(folded, '') AS c FROM search_folded)
SELECT DISTINCT doc_idx, bigram
FROM (SELECT doc_idx, unnest(list_transform(range(1, len(c)), i -> c[i] || c[i + 1])) AS bigram FROM chars);
