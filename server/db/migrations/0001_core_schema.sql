-- The core entities of api.md. Later migrations add what each module needs.
CREATE TABLE users (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email           text NOT NULL,
    password_hash   text NOT NULL,
    full_name       text NOT NULL CHECK (char_length(full_name) BETWEEN 1 AND 100),
    role            text NOT NULL DEFAULT 'viewer' CHECK (role IN ('viewer', 'creator', 'admin')),
    bio             text CHECK (char_length(bio) <= 1000),
    avatar_url      text CHECK (char_length(avatar_url) <= 500),
    is_active       boolean NOT NULL DEFAULT true,
    last_login_at   timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_role_idx ON users (role);

CREATE TABLE tags (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
    slug        text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX tags_name_key ON tags (lower(name));

CREATE TABLE articles (
    id            uuid PRIMARY KEY,
    author_id     uuid NOT NULL REFERENCES users (id),
    title         text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    slug          text NOT NULL CHECK (char_length(slug) BETWEEN 1 AND 90),
    content       text NOT NULL,
    content_html  text NOT NULL,
    excerpt       text NOT NULL DEFAULT '',
    status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
    reading_time  integer NOT NULL DEFAULT 1,
    word_count    integer NOT NULL DEFAULT 0,
    views         bigint NOT NULL DEFAULT 0,
    revision      integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz,
    deleted_at    timestamptz
);
CREATE UNIQUE INDEX articles_slug_key ON articles (slug);
CREATE INDEX articles_author_idx ON articles (author_id, updated_at DESC);
CREATE INDEX articles_published_idx ON articles (published_at DESC, id) WHERE status = 'published' AND deleted_at IS NULL;

CREATE TABLE article_tags (
    article_id  uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id      uuid NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    position    integer NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_tag_idx ON article_tags (tag_id);

CREATE TABLE conversations (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title          text,
    model          text NOT NULL,
    system_prompt  text,
    message_count  integer NOT NULL DEFAULT 0,
    total_tokens   bigint NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversations_user_idx ON conversations (user_id, updated_at DESC);

CREATE TABLE messages (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    conversation_id  uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    role             text NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
    content          text NOT NULL,
    tokens           integer NOT NULL DEFAULT 0,
    status           text NOT NULL DEFAULT 'complete' CHECK (status IN ('complete', 'cancelled', 'failed')),
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, created_at);

CREATE TABLE notifications (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type        text NOT NULL,
    title       text NOT NULL,
    message     text NOT NULL,
    link        text,
    is_read     boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE NOT is_read;
