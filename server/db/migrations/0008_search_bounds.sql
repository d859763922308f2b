-- Search whose cost does not grow with the corpus (issue 15).
--
-- Measured at 50,000 articles: the planner answered a common term ("plain", in a quarter of the articles)
-- with a sequential scan that detoasted every article's search vector to test @@ (its cost model does not
-- count detoasting: the GIN index looked dearer), then ranked every match. Both grow with the corpus.
--
-- Now a search reads its candidates through the GIN indexes only, and ranks a bounded set of them: every
-- article whose title or own excerpt matches (up to p_bound) and the first p_bound articles that match
-- anywhere (the server passes 200). Title matches are therefore not crowded out by body-only matches of a
-- common term; beyond p_bound matches of either kind, the ones ranked are the first the index yields (in
-- table order). Below the bound nothing changes. Ranks are ts_rank over the whole vector, as before.

-- The title and excerpt part of inkwell_article_search (0007), for an index of its own: small vectors,
-- cheap to match and to recheck.
CREATE INDEX articles_heading_search_idx ON articles
    USING gin (inkwell_article_search(title, excerpt, '', excerpt_derived));

-- The published search: the best p_limit of the candidates, by rank (then id). The planner is kept off
-- sequential scans here (a function's SET applies to its own statements only): a scan would detoast every
-- vector of the table. The OFFSET 0 fences keep the status filters out of the index scans, so that no other
-- index (by status, by publication) is chosen to walk the table and test @@ row by row.
CREATE FUNCTION inkwell_search_published(p_query tsquery, p_limit integer, p_bound integer)
RETURNS TABLE (o_id uuid, o_rank real)
LANGUAGE sql STABLE PARALLEL SAFE ROWS 20
SET enable_seqscan = off
AS $$
    WITH body AS (
        SELECT m.id FROM (SELECT a.id, a.status, a.deleted_at FROM articles a WHERE a.search @@ p_query OFFSET 0) m
         WHERE m.status = 'published' AND m.deleted_at IS NULL
         LIMIT p_bound),
    heading AS (
        SELECT m.id FROM (SELECT a.id, a.status, a.deleted_at FROM articles a
                           WHERE inkwell_article_search(a.title, a.excerpt, '', a.excerpt_derived) @@ p_query
                          OFFSET 0) m
         WHERE m.status = 'published' AND m.deleted_at IS NULL
         LIMIT p_bound),
    -- A heading match is not always a match ("carbon -solar" with solar in the body): those are checked.
    candidates AS (SELECT id, bool_or(whole) AS whole
                     FROM (SELECT id, true AS whole FROM body UNION ALL SELECT id, false FROM heading) u
                    GROUP BY id)
    SELECT a.id, ts_rank(a.search, p_query) AS rank
      FROM candidates c JOIN articles a ON a.id = c.id
     WHERE c.whole OR a.search @@ p_query
     ORDER BY rank DESC, a.id
     LIMIT p_limit
$$;
