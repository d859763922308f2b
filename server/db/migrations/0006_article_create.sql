-- Creating an article in one round trip. The steps (a free slug, the row, its tags, the event and
-- the announcement) were ten statements from the server, each a round trip with its own parse and
-- plan; as a function its statements are planned once per connection and run inside the database.
-- Measured with bench/run-api-bench.sh (create scenario): see the content issue's note.

-- Article bodies are compressed with LZ4 where the server was built with it (Debian's is): several
-- times faster than the default pglz at a similar ratio for text.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression'
               AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE articles ALTER COLUMN content SET COMPRESSION lz4,
                             ALTER COLUMN content_html SET COMPRESSION lz4;
        ALTER TABLE article_revisions ALTER COLUMN content SET COMPRESSION lz4;
    END IF;
END
$$;

-- p_tags: [{"name", "slug", "fallback", "pos"}] in the order tags are to be created (by lower-case
-- name, the order every writer uses, so that two articles creating the same new tags cannot
-- deadlock); p_tag_names: the names in the article's order. p_event: {"topic", "payload"} or NULL (the
-- payload gets the article's "slug").
-- p_announce: NOTIFY the other instances (only a published article is in anyone's cache).
-- Returns no row when the slug was taken by concurrent writers five times over (the caller tries
-- again); an id already taken raises unique_violation on articles_pkey.
CREATE FUNCTION inkwell_create_article(p_id uuid, p_author uuid, p_title text, p_base_slug text, p_content text,
                                       p_html text, p_excerpt text, p_status text, p_reading integer,
                                       p_words integer, p_tags jsonb, p_tag_names jsonb, p_event jsonb,
                                       p_announce boolean)
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
        INSERT INTO articles AS a (id, author_id, title, slug, content, content_html, excerpt, status, reading_time,
                                   word_count, revision, published_at, updated_by, tag_names)
        VALUES (p_id, p_author, p_title, v_slug, p_content, p_html, p_excerpt, p_status, p_reading, p_words, 1,
                CASE WHEN p_status = 'published' THEN now() END, p_author, p_tag_names)
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
