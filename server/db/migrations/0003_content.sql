-- Content: the change feed stamp, search vector, revisions, and the transactional outbox.

-- The change feed orders by the id of the transaction that last wrote each article (xid8, a
-- cluster-wide counter) and reads only below the oldest transaction still in flight, so a change
-- that commits late is never skipped (see server/articles/articlestore.cpp).
ALTER TABLE articles ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX articles_change_idx ON articles (change_xid, id);
-- The article's tag names in order, kept beside article_tags so that reading an article or a page
-- of them needs no join per row.
ALTER TABLE articles ADD COLUMN tag_names jsonb NOT NULL DEFAULT '[]'::jsonb;
-- Who made the current revision (earlier ones are in article_revisions).
ALTER TABLE articles ADD COLUMN updated_by uuid REFERENCES users (id) ON DELETE SET NULL;

-- The search vector is kept by a trigger rather than a generated column: PostgreSQL recomputes
-- stored generated columns on every UPDATE, and to_tsvector over a whole body is far too dear for
-- a write that only counts views.
ALTER TABLE articles ADD COLUMN search tsvector;
CREATE FUNCTION articles_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.title IS DISTINCT FROM OLD.title OR NEW.excerpt IS DISTINCT FROM OLD.excerpt
       OR NEW.content IS DISTINCT FROM OLD.content THEN
        NEW.search := setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
                      setweight(to_tsvector('english', coalesce(NEW.excerpt, '')), 'B') ||
                      setweight(to_tsvector('english', coalesce(NEW.content, '')), 'C');
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER articles_search_vector BEFORE INSERT OR UPDATE ON articles
    FOR EACH ROW EXECUTE FUNCTION articles_search_vector();
CREATE INDEX articles_search_idx ON articles USING gin (search);

-- Finding the free "-N" suffixes of a slug is a prefix range scan in byte order.
CREATE INDEX articles_slug_prefix_idx ON articles (slug text_pattern_ops);
CREATE INDEX articles_list_idx ON articles (status, published_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX articles_author_list_idx ON articles (author_id, updated_at DESC, id DESC) WHERE deleted_at IS NULL;

-- View counts, apart from the articles: adding views to an article row would rewrite the row and
-- its index entries (the search index included) many times a second for popular articles.
-- articles.views (0001) is not used.
CREATE TABLE article_views (
    article_id  uuid PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    views       bigint NOT NULL DEFAULT 0
);

-- Every earlier version of an article, with who made the change that replaced it.
CREATE TABLE article_revisions (
    article_id  uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    revision    integer NOT NULL CHECK (revision >= 1),
    title       text NOT NULL,
    content     text NOT NULL,
    excerpt     text NOT NULL,
    status      text NOT NULL,
    tags        jsonb NOT NULL DEFAULT '[]'::jsonb,
    edited_by   uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (article_id, revision)
);

-- Events written in the same transaction as the change they announce; a worker claims them with
-- FOR UPDATE SKIP LOCKED. Delivery is at least once: handlers are idempotent.
CREATE TABLE outbox (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic         text NOT NULL,
    payload       jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    available_at  timestamptz NOT NULL DEFAULT now(),
    attempts      integer NOT NULL DEFAULT 0,
    last_error    text,
    processed_at  timestamptz,
    parked_at     timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (available_at, id) WHERE processed_at IS NULL AND parked_at IS NULL;
