-- Housekeeping: articles deleted more than 30 days ago are purged, and the change feed remembers
-- the position of the last tombstone it lost that way, and how many purges moved it. A cursor carries
-- the purge count of when it was issued: one issued before a purge and positioned before its last
-- tombstone may have missed deletions, so its next page answers 410 /problems/cursor-expired and the
-- client reads the feed from the start (api.md: change feed). A cursor issued after the purge (a walk
-- from the start) is not affected: it never had the purged articles.
CREATE TABLE feed_horizon (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    purged_xid  xid8 NOT NULL DEFAULT '0',
    purged_id   uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
    purges      bigint NOT NULL DEFAULT 0
);
INSERT INTO feed_horizon DEFAULT VALUES;

-- The purge finds its articles without reading the live ones.
CREATE INDEX articles_deleted_idx ON articles (deleted_at) WHERE deleted_at IS NOT NULL;
