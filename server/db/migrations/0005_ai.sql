-- Chat and AI assists: answers that survive a server that dies mid-stream, cancels that reach another
-- instance, per-user quotas enforced across instances, and a log of upstream calls for /admin/stats.

-- Messages in conversation order: rows of one transaction share created_at, so order by seq.
ALTER TABLE messages ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX messages_conversation_seq_idx ON messages (conversation_id, seq);
-- The user message an assistant message answers (regenerating adds another answer to the same turn;
-- the history sent upstream uses only the newest answer of each turn).
ALTER TABLE messages ADD COLUMN reply_to uuid REFERENCES messages (id) ON DELETE SET NULL;

-- A generation in progress. The assistant row is inserted when the upstream call starts, with status
-- 'failed' and a lease; its partial content is written at most every 2 s (and the lease renewed), and
-- the final write sets the real status and clears the lease. So whatever the server was doing when it
-- died, the row already says 'failed' and holds what was produced up to the last flush.
-- Reads hide rows whose lease is still running (the answer is not there yet; the stream shows it) and
-- show rows whose lease ran out as they are stored ('failed'). At start, a server clears leases that
-- ran out (done by any instance: a live generation renews its lease long before it runs out).
ALTER TABLE messages ADD COLUMN generation_lease timestamptz;
-- Set by POST .../cancel on any instance; the generating instance sees it at its next flush (or at
-- once through NOTIFY inkwell_ai_cancel, payload the message id, when its notifier listens there).
ALTER TABLE messages ADD COLUMN cancel_requested boolean NOT NULL DEFAULT false;
CREATE INDEX messages_generating_idx ON messages (generation_lease) WHERE generation_lease IS NOT NULL;

-- Tokens and requests per user per UTC day (the token quota reads today's row).
CREATE TABLE ai_usage (
    user_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day       date NOT NULL,
    requests  integer NOT NULL DEFAULT 0,
    tokens    bigint NOT NULL DEFAULT 0,
    failures  integer NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, day)
);

-- Requests per user per minute: one upsert counts and refuses (no row back) once the limit is reached.
CREATE TABLE ai_rate (
    user_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    minute   timestamptz NOT NULL,
    count    integer NOT NULL,
    PRIMARY KEY (user_id, minute)
);

-- One row per upstream call (chat, regenerate, title, generate-article, summarize, suggest).
CREATE TABLE ai_requests (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         uuid REFERENCES users (id) ON DELETE SET NULL,
    kind            text NOT NULL,
    started_at      timestamptz NOT NULL,
    first_delta_ms  integer,
    total_ms        integer NOT NULL,
    ok              boolean NOT NULL,
    status          integer NOT NULL DEFAULT 200,
    tokens          integer NOT NULL DEFAULT 0
);
CREATE INDEX ai_requests_started_idx ON ai_requests (started_at);
