-- Snippets show where an article matches (issue 15).
--
-- A search snippet was ts_headline over the title, the excerpt and the body's first 4,000 characters: a
-- body match further in was never shown (the snippet showed the opening with nothing marked), and parsing
-- 4,000 characters of each of a page's articles was most of what a search cost the first time (at 50,000
-- articles, 2.8 s of the 4.2 s that the benchmark's 200 terms took once each, in PostgreSQL alone).
--
-- The body part is now a window around the query's words: from 300 characters before the first one found
-- to 700 after the last one's first occurrence (at least 1,200 characters, at most 4,000), so that a cover
-- of every word of an AND query is there for ts_headline to show. A word is looked for by its lexeme in
-- the lowercased body; a stem that ends in "i" is looked for without it ("happi" is written "happy"). A
-- lexeme shorter than four characters is not looked for (it is a prefix of too many words), nor is a
-- negated one. When no word is found (a stem no written form starts with, a match in the title or the
-- excerpt only), the body's first 4,000 characters are used, as before.
CREATE FUNCTION inkwell_snippet_source(p_title text, p_excerpt text, p_excerpt_derived boolean, p_content text,
                                       p_query tsquery)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(p_title, '') || E'\n' ||
           CASE WHEN p_excerpt_derived THEN '' ELSE coalesce(p_excerpt, '') || E'\n' END ||
           CASE WHEN w.lo IS NULL THEN left(p_content, 4000)
                ELSE substr(p_content, w.first, least(4000, greatest(w.hi + 700, w.lo + 1200) - w.first)) END
      FROM (SELECT min(found.at) AS lo, max(found.at) AS hi, greatest(1, min(found.at) - 300) AS first
              FROM (SELECT nullif(strpos(lower(p_content),
                                         CASE WHEN l[1] LIKE '%i' THEN left(l[1], -1) ELSE l[1] END), 0) AS at
                      FROM regexp_matches(regexp_replace(p_query::text, '!''(?:[^'']|'''')*''', '', 'g'),
                                          '''((?:[^'']|'''')+)''', 'g') l
                     WHERE length(l[1]) > 3) found) w
$$;
