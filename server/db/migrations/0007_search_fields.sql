-- Search reads each field of an article on its own (issue 13).
--
-- A phrase matched across two fields: the title, excerpt and body vectors were joined with `||`, which
-- numbers the right operand on from the left one's last position, so the excerpt's last word and the
-- body's first were neighbours ("zork blip" found "… ends with zork" + "blip begins the body"). Each
-- field now starts 100 positions after the one before it ends: a phrase (`<N>`: exactly N apart) spans
-- a handful of positions, never a gap that wide.
--
-- An excerpt the server derived from the body (the body's opening) was counted twice in the rank and
-- shown twice in snippets. The writer now records whether the stored excerpt is the derived one
-- (excerpt_derived, set by the server on every write); search then reads that text in the body only.

ALTER TABLE articles ADD COLUMN excerpt_derived boolean NOT NULL DEFAULT false;

-- The search vector of an article: title (weight A), excerpt (B, left out when derived), body (C).
-- `a || b` shifts b past a's last position; a filler lexeme 100 positions on, deleted after the joins,
-- leaves that gap. The filler contains spaces, which no lexeme of to_tsvector can, so ts_delete removes
-- nothing else.
CREATE FUNCTION inkwell_article_search(p_title text, p_excerpt text, p_content text, p_excerpt_derived boolean)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ts_delete(
        setweight(to_tsvector('english', coalesce(p_title, '')), 'A') || ''' field gap '':100'::tsvector ||
        CASE WHEN p_excerpt_derived THEN ''::tsvector
             ELSE setweight(to_tsvector('english', coalesce(p_excerpt, '')), 'B') || ''' field gap '':100'::tsvector
        END ||
        setweight(to_tsvector('english', coalesce(p_content, '')), 'C'),
        ' field gap ')
$$;

CREATE OR REPLACE FUNCTION articles_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.title IS DISTINCT FROM OLD.title OR NEW.excerpt IS DISTINCT FROM OLD.excerpt
       OR NEW.content IS DISTINCT FROM OLD.content OR NEW.excerpt_derived IS DISTINCT FROM OLD.excerpt_derived THEN
        NEW.search := inkwell_article_search(NEW.title, NEW.excerpt, NEW.content, NEW.excerpt_derived);
    END IF;
    RETURN NEW;
END
$$;

-- Articles written before: SQL cannot run the server's Markdown excerpt, so an excerpt counts as derived
-- when its words (lexemes in order) come in the same order among the body's first words, with room for
-- what the excerpt leaves out of the Markdown (link targets, list numbers). Its last word may be cut
-- short (an excerpt of text without spaces is cut inside a word). The next write of an article sets the
-- flag exactly.
CREATE FUNCTION pg_temp.inkwell_excerpt_opens_body(p_excerpt text, p_content text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    v_excerpt text[];
    v_body text[];
    v_at integer := 1;
    v_i integer;
BEGIN
    SELECT array_agg(u.lexeme ORDER BY p) INTO v_excerpt
      FROM unnest(to_tsvector('english', p_excerpt)) u, unnest(u.positions) p;
    IF v_excerpt IS NULL THEN
        RETURN false; -- no words, nothing counted twice
    END IF;
    SELECT array_agg(w ORDER BY p) INTO v_body
      FROM (SELECT u.lexeme AS w, p FROM unnest(to_tsvector('english', p_content)) u, unnest(u.positions) p
             ORDER BY p LIMIT 2 * cardinality(v_excerpt) + 10) opening;
    FOR v_i IN 1 .. cardinality(v_excerpt) LOOP
        WHILE v_at <= coalesce(cardinality(v_body), 0) AND v_body[v_at] <> v_excerpt[v_i]
              AND NOT (v_i = cardinality(v_excerpt) AND starts_with(v_body[v_at], v_excerpt[v_i])) LOOP
            v_at := v_at + 1;
        END LOOP;
        IF v_at > coalesce(cardinality(v_body), 0) THEN
            RETURN false;
        END IF;
        v_at := v_at + 1;
    END LOOP;
    RETURN true;
END
$$;

-- Every row's vector is rebuilt once: the trigger rebuilds the rows whose flag changes, the second
-- statement the others. Neither stamps a change: the articles read the same.
UPDATE articles SET excerpt_derived = true WHERE pg_temp.inkwell_excerpt_opens_body(excerpt, content);
UPDATE articles SET search = inkwell_article_search(title, excerpt, content, false) WHERE NOT excerpt_derived;

-- Creating an article stores the flag too (0006's function, with p_excerpt_derived after p_excerpt).
DROP FUNCTION inkwell_create_article(uuid, uuid, text, text, text, text, text, text, integer, integer, jsonb, jsonb,
                                     jsonb, boolean);
CREATE FUNCTION inkwell_create_article(p_id uuid, p_author uuid, p_title text, p_base_slug text, p_content text,
                                       p_html text, p_excerpt text, p_excerpt_derived boolean, p_status text,
                                       p_reading integer, p_words integer, p_tags jsonb, p_tag_names jsonb,
                                       p_event jsonb, p_announce boolean)
RETURNS TABLE (o_slug text, o_created_at timestamptz, o_updated_at timestamptz, o_published_at timestamptz,
               o_change_xid text)
LANGUAGE plpgsql AS $$
DECLARE
    v_slug text;
    v_taken text[];
    v_n integer;
    v_tag record;
BEGIN
    FOR attempt IN 1..5 LOOP
        -- "base" and everything from "base-" up to (not including) "base." in byte order.
        SELECT array_agg(a.slug) INTO v_taken FROM articles a
         WHERE (a.slug = p_base_slug OR (a.slug ~>=~ (p_base_slug || '-') AND a.slug ~<~ (p_base_slug || '.')))
           AND a.id <> p_id;
        v_slug := p_base_slug;
        v_n := 2;
        WHILE v_taken IS NOT NULL AND v_slug = ANY (v_taken) LOOP
            v_slug := p_base_slug || '-' || v_n;
            v_n := v_n + 1;
        END LOOP;
        INSERT INTO articles AS a (id, author_id, title, slug, content, content_html, excerpt, excerpt_derived, status,
                                   reading_time, word_count, revision, published_at, updated_by, tag_names)
        VALUES (p_id, p_author, p_title, v_slug, p_content, p_html, p_excerpt, p_excerpt_derived, p_status, p_reading,
                p_words, 1, CASE WHEN p_status = 'published' THEN now() END, p_author, p_tag_names)
        ON CONFLICT (slug) DO NOTHING
        RETURNING a.slug, a.created_at, a.updated_at, a.published_at, a.change_xid::text
        INTO o_slug, o_created_at, o_updated_at, o_published_at, o_change_xid;
        EXIT WHEN FOUND;
        -- The slug's owner may be this very id, written by a concurrent retry of the same create:
        -- that is a taken id, not a slug to work around.
        IF EXISTS (SELECT 1 FROM articles a WHERE a.id = p_id) THEN
            RAISE unique_violation USING CONSTRAINT = 'articles_pkey', MESSAGE = 'article id taken';
        END IF;
    END LOOP;
    IF o_slug IS NULL THEN
        RETURN;
    END IF;

    FOR v_tag IN SELECT e.value->>'name' AS name, e.value->>'slug' AS slug, e.value->>'fallback' AS fallback,
                        (e.value->>'pos')::integer AS pos
                   FROM jsonb_array_elements(p_tags) WITH ORDINALITY e ORDER BY e.ordinality LOOP
        -- Created on first use; a name that slugifies like another's gets the fallback slug.
        WITH existing AS (SELECT t.id FROM tags t WHERE lower(t.name) = lower(v_tag.name)),
             created AS (INSERT INTO tags (name, slug)
                         SELECT v_tag.name, CASE WHEN EXISTS (SELECT 1 FROM tags t WHERE t.slug = v_tag.slug)
                                                 THEN v_tag.fallback ELSE v_tag.slug END
                          WHERE NOT EXISTS (SELECT 1 FROM existing)
                         ON CONFLICT DO NOTHING RETURNING id)
        INSERT INTO article_tags (article_id, tag_id, position)
        SELECT p_id, x.id, v_tag.pos
          FROM (SELECT id FROM existing UNION ALL SELECT id FROM created
                UNION ALL SELECT t.id FROM tags t WHERE lower(t.name) = lower(v_tag.name)) x
         LIMIT 1
        ON CONFLICT DO NOTHING;
    END LOOP;

    IF p_event IS NOT NULL THEN
        INSERT INTO outbox (topic, payload)
        VALUES (p_event->>'topic', (p_event->'payload') || jsonb_build_object('slug', o_slug));
        PERFORM pg_notify('inkwell_outbox', p_event->>'topic');
    END IF;
    IF p_announce THEN
        PERFORM pg_notify('inkwell_articles', p_id::text);
    END IF;
    RETURN NEXT;
END
$$;
