-- Notifications made by events (idempotently), a commit-ordered cursor for their streams, and the
-- indexes the outbox worker's gauges and clean-up read.

-- An event handler names what a notification is about ("welcome", "article.published:<id>"), so
-- handling an event again (delivery is at least once) inserts nothing: ON CONFLICT DO NOTHING.
-- Notifications without a key (NULL) are never considered duplicates.
ALTER TABLE notifications ADD COLUMN dedupe_key text CHECK (char_length(dedupe_key) <= 200);
CREATE UNIQUE INDEX notifications_dedupe_key ON notifications (user_id, dedupe_key);

-- Streams read a user's notifications in the order (change_xid, seq): the id of the transaction
-- that inserted the row, then insertion order. A stream reads only rows whose transaction is below
-- the oldest transaction still in flight, so one that commits late is never skipped (the same rule
-- as the articles change feed, 0003).
ALTER TABLE notifications ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE notifications ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX notifications_stream_idx ON notifications (user_id, change_xid, seq);

-- Keyset pages, newest first (created_at, id), for all and for unread notifications.
DROP INDEX notifications_user_idx;
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC);
DROP INDEX notifications_unread_idx;
CREATE INDEX notifications_unread_idx ON notifications (user_id, created_at DESC, id DESC) WHERE NOT is_read;

-- The dead letters (parked events) are counted for /metrics; processed events are purged after a while.
CREATE INDEX outbox_parked_idx ON outbox (id) WHERE parked_at IS NOT NULL AND processed_at IS NULL;
CREATE INDEX outbox_processed_idx ON outbox (processed_at) WHERE processed_at IS NOT NULL;
