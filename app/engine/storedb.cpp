#include "storedb.h"

#include "markdown/markdown.h"

#include "json/jsonreader.h"
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStore, "inkwell.engine.store")

namespace inkwell::engine {

namespace {

/// Every article column of the server copy, in the order readServer() reads them.
constexpr auto kServerColumns =
    "a.id, a.revision, a.author_id, a.author_name, a.slug, a.status, a.title, a.excerpt, a.tags, a.content, "
    "a.reading_time, a.word_count, a.views, a.created_at, a.updated_at, a.published_at";

// The first schema. Later versions append their statements to kMigrations; a database is migrated one step at a
// time in one transaction each, and PRAGMA user_version says where it is.
const char *const kSchemaV1[] = {
    // Every article the user can see, as the server last showed it; a row with revision NULL exists only here
    // (a draft never synced). `key` is the stable local row number the search index uses.
    "CREATE TABLE articles ("
    " key INTEGER PRIMARY KEY,"
    " id TEXT NOT NULL UNIQUE,"
    " revision INTEGER,"
    " author_id TEXT NOT NULL, author_name TEXT NOT NULL,"
    " slug TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'draft',"
    " title TEXT NOT NULL DEFAULT '', excerpt TEXT NOT NULL DEFAULT '', tags TEXT NOT NULL DEFAULT '[]',"
    " content TEXT NOT NULL DEFAULT '',"
    " reading_time INTEGER NOT NULL DEFAULT 0, word_count INTEGER NOT NULL DEFAULT 0, views INTEGER NOT NULL DEFAULT 0,"
    " created_at TEXT NOT NULL, updated_at TEXT NOT NULL, published_at TEXT)",
    // The user's edits, one per article, kept until the server has them: the text, the revision and text it
    // started from (for the three-way merge), and while in conflict the server's text and the proposed merge.
    "CREATE TABLE drafts ("
    " key INTEGER PRIMARY KEY REFERENCES articles(key) ON DELETE CASCADE,"
    " title TEXT NOT NULL, excerpt TEXT NOT NULL, tags TEXT NOT NULL, content TEXT NOT NULL,"
    " word_count INTEGER NOT NULL DEFAULT 0, summary TEXT NOT NULL DEFAULT '',"
    " base_revision INTEGER, base_title TEXT, base_excerpt TEXT, base_tags TEXT, base_content TEXT,"
    " edit_seq INTEGER NOT NULL DEFAULT 1,"
    " state TEXT NOT NULL DEFAULT 'local' CHECK (state IN ('local', 'conflict', 'failed')),"
    " message TEXT,"
    " theirs_revision INTEGER, theirs_title TEXT, theirs_excerpt TEXT, theirs_tags TEXT, theirs_content TEXT,"
    " merged_title TEXT, merged_excerpt TEXT, merged_tags TEXT, merged_content TEXT, conflict_fields TEXT,"
    " saved_at TEXT NOT NULL)",
    "CREATE TABLE prefs (key INTEGER PRIMARY KEY REFERENCES articles(key) ON DELETE CASCADE, language TEXT)",
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    // What the user sees (the draft when there is one), for offline search; rowid = articles.key.
    "CREATE VIRTUAL TABLE search USING fts5(title, excerpt, tags, content, tokenize = 'unicode61 remove_diacritics 2')",
};

QString tagsToText(const QStringList &tags)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

QStringList tagsFromText(const QString &text)
{
    QStringList tags;
    for (const QJsonValue &value : QJsonDocument::fromJson(text.toUtf8()).array())
        tags.append(value.toString());
    return tags;
}

QString timeText(const QDateTime &time)
{
    return formatTimestamp(time);
}

QDateTime timeFrom(const QVariant &value)
{
    return parseTimestamp(value.toString()).value_or(QDateTime());
}

QString idText(const QUuid &id)
{
    return formatId(id);
}

/// The editable text of a server article. An excerpt the server made from the content (the server's own rule:
/// it equals markdown::excerpt(content)) is "automatic", written as "": it follows the content, and two sides
/// whose automatic excerpts differ because their contents do have not edited the excerpt.
sync::ArticleText textOf(const Article &article)
{
    const bool automatic = article.excerpt == markdown::excerpt(article.content);
    return {article.title, automatic ? QString() : article.excerpt, article.tags, article.content};
}

/// What the library shows as a draft's excerpt: the one typed, else the automatic one.
QString summaryOf(const sync::ArticleText &text)
{
    return text.excerpt.trimmed().isEmpty() ? markdown::excerpt(text.content) : text.excerpt;
}

/// Binds positional values in order. A null QString is bound as '' (Qt's SQL drivers would make it NULL); an
/// invalid QVariant() is the way to say NULL.
void bindAll(QSqlQuery &query, const QVariantList &values)
{
    for (const QVariant &value : values) {
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.addBindValue(QString::fromLatin1(""));
        else
            query.addBindValue(value);
    }
}

} // namespace

/// One SQL transaction that rolls back unless committed.
class Transaction {
public:
    explicit Transaction(QSqlDatabase &db)
        : m_db(db)
        , m_open(db.transaction())
    {
    }
    ~Transaction()
    {
        if (m_open)
            m_db.rollback();
    }
    bool open() const { return m_open; }
    bool commit()
    {
        m_open = false;
        return m_db.commit();
    }

private:
    QSqlDatabase &m_db;
    bool m_open;
};

StoreDb::~StoreDb()
{
    close();
}

void StoreDb::close()
{
    if (m_connection.isEmpty())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

std::expected<void, QString> StoreDb::open(const QString &path, const QString &connectionName)
{
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    if (!QDir(folder).exists()) {
        if (!QDir().mkpath(folder))
            return std::unexpected(u"cannot create the folder %1"_s.arg(folder));
        ::chmod(QFile::encodeName(folder).constData(), 0700);
    }
    // The file is the user's unpublished writing: readable by the user only, from the first byte. SQLite gives
    // its -wal and -shm files the database file's mode.
    const QByteArray file = QFile::encodeName(path);
    if (!info.exists()) {
        const int fd = ::open(file.constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
        if (fd < 0)
            return std::unexpected(u"cannot create %1: %2"_s.arg(path, qt_error_string(errno)));
        ::close(fd);
    } else if (::chmod(file.constData(), 0600) != 0) {
        return std::unexpected(u"cannot restrict %1 to its owner: %2"_s.arg(path, qt_error_string(errno)));
    }

    m_connection = connectionName;
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
    m_db.setDatabaseName(path);
    if (!m_db.open())
        return std::unexpected(u"cannot open %1: %2"_s.arg(path, m_db.lastError().text()));

    QSqlQuery pragma(m_db);
    // WAL: a writer does not block readers, and with synchronous=NORMAL a commit does not wait for the disk;
    // a process crash (even SIGKILL) still loses nothing committed. Where WAL cannot work (some network file
    // systems) the classic rollback journal with full syncs is the fallback (Nextcloud's journal does the same).
    bool wal = pragma.exec(u"PRAGMA journal_mode=WAL"_s) && pragma.next() &&
               pragma.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) == 0;
    if (!wal) {
        qCWarning(lcStore) << "WAL is not available for" << path << "- using a rollback journal";
        pragma.exec(u"PRAGMA journal_mode=DELETE"_s);
    }
    pragma.exec(wal ? u"PRAGMA synchronous=NORMAL"_s : u"PRAGMA synchronous=FULL"_s);
    pragma.exec(u"PRAGMA foreign_keys=ON"_s);
    pragma.exec(u"PRAGMA busy_timeout=10000"_s);
    return migrate();
}

bool StoreDb::exec(const QString &sql)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    m_lastError = query.lastError().text();
    return false;
}

std::expected<void, QString> StoreDb::migrate()
{
    QSqlQuery version(m_db);
    if (!version.exec(u"PRAGMA user_version"_s) || !version.next())
        return std::unexpected(u"cannot read the store's version: "_s + version.lastError().text());
    m_version = version.value(0).toInt();
    if (m_version > kSchemaVersion)
        return std::unexpected(
            u"this local store was written by a newer Inkwell (version %1; this one knows %2)"_s.arg(m_version).arg(
                kSchemaVersion));
    if (m_version == 0) {
        Transaction transaction(m_db);
        for (const char *statement : kSchemaV1) {
            if (!exec(QString::fromLatin1(statement)))
                return std::unexpected(u"cannot create the local store: "_s + m_lastError);
        }
        if (!exec(u"PRAGMA user_version = 1"_s) || !transaction.commit())
            return std::unexpected(u"cannot create the local store: "_s + m_db.lastError().text());
        m_version = 1;
    }
    return {};
}

std::optional<qint64> StoreDb::keyOf(const QUuid &id)
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT key FROM articles WHERE id = ?"_s);
    query.addBindValue(idText(id));
    if (!query.exec() || !query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

void StoreDb::reindex(qint64 key)
{
    QSqlQuery remove(m_db);
    remove.prepare(u"DELETE FROM search WHERE rowid = ?"_s);
    remove.addBindValue(key);
    remove.exec();
    QSqlQuery insert(m_db);
    insert.prepare(u"INSERT INTO search (rowid, title, excerpt, tags, content) "
                   u"SELECT a.key, coalesce(d.title, a.title), coalesce(d.excerpt, a.excerpt), "
                   u"coalesce(d.tags, a.tags), coalesce(d.content, a.content) "
                   u"FROM articles a LEFT JOIN drafts d ON d.key = a.key WHERE a.key = ?"_s);
    insert.addBindValue(key);
    insert.exec();
}

namespace {

/// The library columns: the draft's text when there is one, else the server's.
constexpr auto kEntrySelect =
    "SELECT a.id, coalesce(d.title, a.title), coalesce(d.summary, a.excerpt), coalesce(d.tags, a.tags), a.status, "
    "a.author_id, a.author_name, coalesce(d.saved_at, a.updated_at), a.published_at, "
    "coalesce(d.word_count, a.word_count), a.revision, d.key IS NOT NULL, d.state, d.message, d.base_revision "
    "FROM articles a LEFT JOIN drafts d ON d.key = a.key";

LibraryEntry readEntry(const QSqlQuery &row)
{
    LibraryEntry entry;
    entry.id = QUuid::fromString(row.value(0).toString());
    entry.title = row.value(1).toString();
    entry.excerpt = row.value(2).toString();
    entry.tags = tagsFromText(row.value(3).toString());
    entry.status = articleStatusFromString(row.value(4).toString()).value_or(ArticleStatus::Draft);
    entry.authorId = QUuid::fromString(row.value(5).toString());
    entry.authorName = row.value(6).toString();
    entry.updatedAt = timeFrom(row.value(7));
    if (!row.value(8).isNull())
        entry.publishedAt = timeFrom(row.value(8));
    entry.wordCount = row.value(9).toInt();
    const bool hasDraft = row.value(11).toBool();
    // A draft's revision is the one it is based on; a server copy's is its own.
    const QVariant revision = hasDraft ? row.value(14) : row.value(10);
    if (!revision.isNull())
        entry.revision = revision.toInt();
    if (hasDraft) {
        const QString state = row.value(12).toString();
        entry.syncState = state == u"conflict"_s ? SyncState::Conflict
                          : state == u"failed"_s ? SyncState::Failed
                                                 : SyncState::LocalChanges;
        entry.syncMessage = row.value(13).toString();
    }
    return entry;
}

} // namespace

QList<LibraryEntry> StoreDb::entries()
{
    QList<LibraryEntry> entries;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QString::fromLatin1(kEntrySelect))) {
        qCWarning(lcStore) << "reading the library:" << query.lastError().text();
        return entries;
    }
    while (query.next())
        entries.append(readEntry(query));
    return entries;
}

std::optional<LibraryEntry> StoreDb::entry(const QUuid &id)
{
    QSqlQuery query(m_db);
    query.prepare(QString::fromLatin1(kEntrySelect) + u" WHERE a.id = ?"_s);
    query.addBindValue(idText(id));
    if (!query.exec() || !query.next())
        return std::nullopt;
    return readEntry(query);
}

std::optional<LocalArticle> StoreDb::article(const QUuid &id)
{
    const std::optional<LibraryEntry> entry = this->entry(id);
    if (!entry)
        return std::nullopt;
    QSqlQuery query(m_db);
    query.prepare(u"SELECT %1, a.key, d.key IS NOT NULL, d.title, d.excerpt, d.tags, d.content, d.edit_seq, "
                  u"d.base_title, d.base_excerpt, d.base_tags, d.base_content, d.state, d.theirs_revision, "
                  u"d.theirs_title, d.theirs_excerpt, d.theirs_tags, d.theirs_content, d.merged_title, "
                  u"d.merged_excerpt, d.merged_tags, d.merged_content, d.conflict_fields, p.language "
                  u"FROM articles a LEFT JOIN drafts d ON d.key = a.key LEFT JOIN prefs p ON p.key = a.key "
                  u"WHERE a.id = ?"_s.arg(QLatin1StringView(kServerColumns)));
    query.addBindValue(idText(id));
    if (!query.exec() || !query.next())
        return std::nullopt;
    LocalArticle article;
    article.entry = *entry;
    constexpr int s = 16; // first column after the server columns
    if (!query.value(1).isNull()) {
        Article server;
        server.id = id;
        server.revision = query.value(1).toInt();
        server.authorId = QUuid::fromString(query.value(2).toString());
        server.authorName = query.value(3).toString();
        server.slug = query.value(4).toString();
        server.status = articleStatusFromString(query.value(5).toString()).value_or(ArticleStatus::Draft);
        server.title = query.value(6).toString();
        server.excerpt = query.value(7).toString();
        server.tags = tagsFromText(query.value(8).toString());
        server.content = query.value(9).toString();
        server.readingTime = query.value(10).toInt();
        server.wordCount = query.value(11).toInt();
        server.views = query.value(12).toLongLong();
        server.createdAt = timeFrom(query.value(13));
        server.updatedAt = timeFrom(query.value(14));
        if (!query.value(15).isNull())
            server.publishedAt = timeFrom(query.value(15));
        article.server = server;
    }
    const bool hasDraft = query.value(s + 1).toBool();
    if (hasDraft) {
        article.text = {query.value(s + 2).toString(), query.value(s + 3).toString(),
                        tagsFromText(query.value(s + 4).toString()), query.value(s + 5).toString()};
        article.editSeq = query.value(s + 6).toLongLong();
        if (query.value(s + 11).toString() == u"conflict"_s) {
            Conflict conflict;
            conflict.base = {query.value(s + 7).toString(), query.value(s + 8).toString(),
                             tagsFromText(query.value(s + 9).toString()), query.value(s + 10).toString()};
            conflict.mine = article.text;
            conflict.theirsRevision = query.value(s + 12).toInt();
            conflict.theirs = {query.value(s + 13).toString(), query.value(s + 14).toString(),
                               tagsFromText(query.value(s + 15).toString()), query.value(s + 16).toString()};
            conflict.merged = {query.value(s + 17).toString(), query.value(s + 18).toString(),
                               tagsFromText(query.value(s + 19).toString()), query.value(s + 20).toString()};
            conflict.fields = query.value(s + 21).toString().split(u',', Qt::SkipEmptyParts);
            article.conflict = conflict;
        }
    } else if (article.server) {
        article.text = textOf(*article.server);
    }
    article.language = query.value(s + 22).toString();
    return article;
}

std::expected<QList<QUuid>, QString> StoreDb::search(const QString &text, int limit)
{
    // The user's words become an FTS5 query that cannot be a syntax error: each word quoted, the last one a
    // prefix (search as you type), all of them required; "quoted phrases" stay phrases.
    QStringList terms;
    QString phrase;
    bool inPhrase = false;
    QString word;
    const auto flushWord = [&] {
        if (!word.isEmpty())
            terms.append(u'"' + QString(word).replace(u'"', u"\"\""_s) + u'"');
        word.clear();
    };
    for (const QChar c : text) {
        if (c == u'"') {
            if (inPhrase) {
                if (!phrase.trimmed().isEmpty())
                    terms.append(u'"' + phrase.trimmed() + u'"');
                phrase.clear();
            } else {
                flushWord();
            }
            inPhrase = !inPhrase;
        } else if (inPhrase) {
            phrase += c;
        } else if (c.isSpace()) {
            flushWord();
        } else {
            word += c;
        }
    }
    const bool lastIsWord = !word.isEmpty();
    flushWord();
    if (inPhrase && !phrase.trimmed().isEmpty())
        terms.append(u'"' + phrase.trimmed() + u'"');
    if (terms.isEmpty())
        return QList<QUuid>();
    if (lastIsWord)
        terms.last() += u'*';

    QSqlQuery query(m_db);
    query.prepare(u"SELECT a.id FROM search s JOIN articles a ON a.key = s.rowid WHERE search MATCH ? "
                  u"ORDER BY bm25(search, 10.0, 3.0, 3.0, 1.0) LIMIT ?"_s);
    query.addBindValue(terms.join(u' '));
    query.addBindValue(limit);
    if (!query.exec())
        return std::unexpected(query.lastError().text());
    QList<QUuid> ids;
    while (query.next())
        ids.append(QUuid::fromString(query.value(0).toString()));
    return ids;
}

std::expected<qint64, QString> StoreDb::saveDraft(const QUuid &id, const sync::ArticleText &text, const QUuid &authorId,
                                                  const QString &authorName)
{
    Transaction transaction(m_db);
    const QString now = timeText(QDateTime::currentDateTimeUtc());
    std::optional<qint64> key = keyOf(id);
    if (!key) {
        QSqlQuery insert(m_db);
        insert.prepare(u"INSERT INTO articles (id, author_id, author_name, created_at, updated_at) "
                       u"VALUES (?, ?, ?, ?, ?)"_s);
        bindAll(insert, {idText(id), idText(authorId), authorName, now, now});
        if (!insert.exec())
            return std::unexpected(insert.lastError().text());
        key = insert.lastInsertId().toLongLong();
    }
    const int words = markdown::wordCount(text.content);
    const QVariantList values{text.title,      text.excerpt, tagsToText(text.tags), text.content, words,
                              summaryOf(text), now};
    QSqlQuery update(m_db);
    update.prepare(u"UPDATE drafts SET title = ?, excerpt = ?, tags = ?, content = ?, word_count = ?, summary = ?, "
                   u"saved_at = ?, edit_seq = edit_seq + 1, "
                   u"message = CASE state WHEN 'failed' THEN NULL ELSE message END, "
                   u"state = CASE state WHEN 'failed' THEN 'local' ELSE state END WHERE key = ?"_s);
    bindAll(update, values + QVariantList{*key});
    if (!update.exec())
        return std::unexpected(update.lastError().text());
    if (update.numRowsAffected() == 0) {
        // The first edit records what it is based on: the server copy (revision and text), or nothing when new.
        QSqlQuery server(m_db);
        server.prepare(u"SELECT revision, title, excerpt, tags, content FROM articles WHERE key = ?"_s);
        server.addBindValue(*key);
        if (!server.exec() || !server.next())
            return std::unexpected(server.lastError().text());
        QVariantList base{QVariant(), QVariant(), QVariant(), QVariant(), QVariant()};
        if (!server.value(0).isNull()) {
            Article copy;
            copy.title = server.value(1).toString();
            copy.excerpt = server.value(2).toString();
            copy.content = server.value(4).toString();
            const sync::ArticleText baseText = textOf(copy);
            base = {server.value(0), baseText.title, baseText.excerpt, server.value(3), baseText.content};
        }
        QSqlQuery insert(m_db);
        insert.prepare(u"INSERT INTO drafts (title, excerpt, tags, content, word_count, summary, saved_at, key, "
                       u"base_revision, base_title, base_excerpt, base_tags, base_content) "
                       u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        bindAll(insert, values + QVariantList{*key} + base);
        if (!insert.exec())
            return std::unexpected(insert.lastError().text());
    }
    reindex(*key);
    QSqlQuery seq(m_db);
    seq.prepare(u"SELECT edit_seq FROM drafts WHERE key = ?"_s);
    seq.addBindValue(*key);
    if (!seq.exec() || !seq.next())
        return std::unexpected(seq.lastError().text());
    const qint64 editSeq = seq.value(0).toLongLong();
    if (!transaction.commit())
        return std::unexpected(m_db.lastError().text());
    return editSeq;
}

std::expected<bool, QString> StoreDb::discardLocal(const QUuid &id)
{
    Transaction transaction(m_db);
    const std::optional<qint64> key = keyOf(id);
    if (!key)
        return true;
    QSqlQuery query(m_db);
    query.prepare(u"DELETE FROM articles WHERE key = ? AND revision IS NULL"_s);
    query.addBindValue(*key);
    if (!query.exec())
        return std::unexpected(query.lastError().text());
    if (query.numRowsAffected() == 0)
        return false;
    QSqlQuery index(m_db);
    index.prepare(u"DELETE FROM search WHERE rowid = ?"_s);
    index.addBindValue(*key);
    index.exec();
    if (!transaction.commit())
        return std::unexpected(m_db.lastError().text());
    return true;
}

std::expected<void, QString> StoreDb::forget(const QUuid &id)
{
    Transaction transaction(m_db);
    const std::optional<qint64> key = keyOf(id);
    if (!key)
        return {};
    QSqlQuery remove(m_db);
    remove.prepare(u"DELETE FROM articles WHERE key = ?"_s);
    remove.addBindValue(*key);
    QSqlQuery index(m_db);
    index.prepare(u"DELETE FROM search WHERE rowid = ?"_s);
    index.addBindValue(*key);
    if (!remove.exec() || !index.exec() || !transaction.commit())
        return std::unexpected(m_db.lastError().text());
    return {};
}

std::pair<int, int> StoreDb::attentionCounts()
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT count(*) FILTER (WHERE state = 'conflict'), count(*) FILTER (WHERE state = 'failed') "
                    u"FROM drafts"_s) ||
        !query.next())
        return {0, 0};
    return {query.value(0).toInt(), query.value(1).toInt()};
}

std::expected<void, QString> StoreDb::setLanguage(const QUuid &id, const QString &language)
{
    const std::optional<qint64> key = keyOf(id);
    if (!key)
        return std::unexpected(u"no such article"_s);
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO prefs (key, language) VALUES (?, ?) "
                  u"ON CONFLICT (key) DO UPDATE SET language = excluded.language"_s);
    bindAll(query, {*key, language});
    if (!query.exec())
        return std::unexpected(query.lastError().text());
    return {};
}

std::expected<void, QString> StoreDb::upsertServer(const Article &article)
{
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO articles (id, revision, author_id, author_name, slug, status, title, excerpt, tags, "
                  u"content, reading_time, word_count, views, created_at, updated_at, published_at) "
                  u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                  u"ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, author_id = excluded.author_id, "
                  u"author_name = excluded.author_name, slug = excluded.slug, status = excluded.status, "
                  u"title = excluded.title, excerpt = excluded.excerpt, tags = excluded.tags, "
                  u"content = excluded.content, reading_time = excluded.reading_time, "
                  u"word_count = excluded.word_count, views = excluded.views, created_at = excluded.created_at, "
                  u"updated_at = excluded.updated_at, published_at = excluded.published_at"_s);
    bindAll(query,
            {idText(article.id), article.revision, idText(article.authorId), article.authorName, article.slug,
             articleStatusToString(article.status), article.title, article.excerpt, tagsToText(article.tags),
             article.content, article.readingTime, article.wordCount, article.views, timeText(article.createdAt),
             timeText(article.updatedAt), article.publishedAt ? QVariant(timeText(*article.publishedAt)) : QVariant()});
    if (!query.exec())
        return std::unexpected(query.lastError().text());
    return {};
}

bool StoreDb::mergeDraft(qint64 key, const Article &theirs)
{
    QSqlQuery read(m_db);
    read.prepare(u"SELECT title, excerpt, tags, content, base_revision, base_title, base_excerpt, base_tags, "
                 u"base_content, state, theirs_revision FROM drafts WHERE key = ?"_s);
    read.addBindValue(key);
    if (!read.exec() || !read.next())
        return true; // no draft: nothing to merge
    const sync::ArticleText mine{read.value(0).toString(), read.value(1).toString(),
                                 tagsFromText(read.value(2).toString()), read.value(3).toString()};
    const QVariant baseRevision = read.value(4);
    const QString state = read.value(9).toString();
    const sync::ArticleText theirsText = textOf(theirs);

    if (!baseRevision.isNull() && baseRevision.toInt() >= theirs.revision)
        return state != u"conflict"_s; // the draft already builds on this revision (or a later one)
    if (state == u"conflict"_s && read.value(10).toInt() >= theirs.revision)
        return false; // this conflict is already about that revision

    const auto rebase = [&](const sync::ArticleText &text, bool bumpSeq) {
        QSqlQuery update(m_db);
        update.prepare(u"UPDATE drafts SET title = ?, excerpt = ?, tags = ?, content = ?, word_count = ?, summary = ?, "
                       u"base_revision = ?, base_title = ?, base_excerpt = ?, base_tags = ?, base_content = ?, "
                       u"state = 'local', message = NULL, theirs_revision = NULL, theirs_title = NULL, "
                       u"theirs_excerpt = NULL, theirs_tags = NULL, theirs_content = NULL, merged_title = NULL, "
                       u"merged_excerpt = NULL, merged_tags = NULL, merged_content = NULL, conflict_fields = NULL, "
                       u"edit_seq = edit_seq + ? WHERE key = ?"_s);
        bindAll(update, {text.title, text.excerpt, tagsToText(text.tags), text.content,
                         markdown::wordCount(text.content), summaryOf(text), theirs.revision, theirsText.title,
                         theirsText.excerpt, tagsToText(theirsText.tags), theirsText.content, bumpSeq ? 1 : 0, key});
        update.exec();
    };

    if (baseRevision.isNull()) {
        // Created here, and the server has it already: our own earlier push whose answer never came. The local
        // text is the newer one; it goes on top of the server's.
        rebase(mine, false);
        return true;
    }
    const sync::ArticleText base{read.value(5).toString(), read.value(6).toString(),
                                 tagsFromText(read.value(7).toString()), read.value(8).toString()};
    const sync::ArticleMerge merge = sync::mergeArticle(base, mine, theirsText);
    if (merge.clean) {
        if (merge.merged == theirsText) {
            // Nothing of ours is left beyond what the server has: the draft is done.
            QSqlQuery remove(m_db);
            remove.prepare(u"DELETE FROM drafts WHERE key = ?"_s);
            remove.addBindValue(key);
            remove.exec();
        } else {
            rebase(merge.merged, merge.merged != mine);
        }
        return true;
    }
    QSqlQuery conflict(m_db);
    conflict.prepare(u"UPDATE drafts SET state = 'conflict', message = NULL, theirs_revision = ?, theirs_title = ?, "
                     u"theirs_excerpt = ?, theirs_tags = ?, theirs_content = ?, merged_title = ?, "
                     u"merged_excerpt = ?, merged_tags = ?, merged_content = ?, conflict_fields = ? WHERE key = ?"_s);
    bindAll(conflict, {theirs.revision, theirsText.title, theirsText.excerpt, tagsToText(theirsText.tags),
                       theirsText.content, merge.merged.title, merge.merged.excerpt, tagsToText(merge.merged.tags),
                       merge.merged.content, merge.conflictingFields.join(u','), key});
    conflict.exec();
    return false;
}

std::expected<ApplyResult, QString> StoreDb::applyArticles(const QList<Article> &articles,
                                                           const std::optional<QString> &cursor)
{
    Transaction transaction(m_db);
    ApplyResult result;
    QSqlQuery drafted(m_db);
    drafted.prepare(u"SELECT a.key, d.key IS NOT NULL FROM articles a LEFT JOIN drafts d ON d.key = a.key "
                    u"WHERE a.id = ?"_s);
    for (const Article &article : articles) {
        auto stored = upsertServer(article);
        if (!stored)
            return std::unexpected(stored.error());
        drafted.addBindValue(idText(article.id));
        if (!drafted.exec() || !drafted.next())
            return std::unexpected(drafted.lastError().text());
        const qint64 key = drafted.value(0).toLongLong();
        const bool hasDraft = drafted.value(1).toBool();
        drafted.finish();
        if (hasDraft && !mergeDraft(key, article))
            result.conflicts.append(article.id);
        reindex(key);
        result.changed.append(article.id);
    }
    if (cursor) {
        auto saved = setCursor(*cursor);
        if (!saved)
            return std::unexpected(saved.error());
    }
    if (!transaction.commit())
        return std::unexpected(m_db.lastError().text());
    return result;
}

std::expected<RemoveResult, QString> StoreDb::removeArticles(const QList<QUuid> &ids,
                                                             const std::optional<QString> &cursor)
{
    Transaction transaction(m_db);
    RemoveResult result;
    for (const QUuid &id : ids) {
        QSqlQuery find(m_db);
        find.prepare(u"SELECT a.key, d.key IS NOT NULL, coalesce(d.title, a.title) FROM articles a "
                     u"LEFT JOIN drafts d ON d.key = a.key WHERE a.id = ?"_s);
        find.addBindValue(idText(id));
        if (!find.exec() || !find.next())
            continue;
        const qint64 key = find.value(0).toLongLong();
        if (find.value(1).toBool()) {
            // Edited here and deleted there: the user's words are kept, as a new article under a new id.
            const QUuid newId = QUuid::createUuid();
            const QString now = timeText(QDateTime::currentDateTimeUtc());
            QSqlQuery rekey(m_db);
            rekey.prepare(u"UPDATE articles SET id = ?, revision = NULL, slug = '', status = 'draft', views = 0, "
                          u"published_at = NULL, created_at = ?, updated_at = ? WHERE key = ?"_s);
            bindAll(rekey, {idText(newId), now, now, key});
            QSqlQuery draft(m_db);
            draft.prepare(u"UPDATE drafts SET base_revision = NULL, base_title = NULL, base_excerpt = NULL, "
                          u"base_tags = NULL, base_content = NULL, state = 'local', message = ?, "
                          u"theirs_revision = NULL, theirs_title = NULL, theirs_excerpt = NULL, theirs_tags = NULL, "
                          u"theirs_content = NULL, merged_title = NULL, merged_excerpt = NULL, merged_tags = NULL, "
                          u"merged_content = NULL, conflict_fields = NULL, edit_seq = edit_seq + 1 WHERE key = ?"_s);
            bindAll(draft, {u"Deleted on the server while you were editing it; kept here as a new draft."_s, key});
            if (!rekey.exec() || !draft.exec())
                return std::unexpected(m_db.lastError().text());
            result.keptAsDrafts.append({id, newId, find.value(2).toString()});
        } else {
            QSqlQuery remove(m_db);
            remove.prepare(u"DELETE FROM articles WHERE key = ?"_s);
            remove.addBindValue(key);
            QSqlQuery index(m_db);
            index.prepare(u"DELETE FROM search WHERE rowid = ?"_s);
            index.addBindValue(key);
            if (!remove.exec() || !index.exec())
                return std::unexpected(m_db.lastError().text());
            result.removed.append(id);
        }
    }
    if (cursor) {
        auto saved = setCursor(*cursor);
        if (!saved)
            return std::unexpected(saved.error());
    }
    if (!transaction.commit())
        return std::unexpected(m_db.lastError().text());
    return result;
}

QHash<QUuid, bool> StoreDb::present(const QList<QUuid> &ids)
{
    QHash<QUuid, bool> found;
    QSqlQuery query(m_db);
    query.prepare(u"SELECT d.key IS NOT NULL FROM articles a LEFT JOIN drafts d ON d.key = a.key "
                  u"WHERE a.id = ? AND a.revision IS NOT NULL"_s);
    for (const QUuid &id : ids) {
        query.addBindValue(idText(id));
        if (query.exec() && query.next())
            found.insert(id, query.value(0).toBool());
        query.finish();
    }
    return found;
}

QSet<QUuid> StoreDb::serverIds()
{
    QSet<QUuid> ids;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.exec(u"SELECT id FROM articles WHERE revision IS NOT NULL"_s);
    while (query.next())
        ids.insert(QUuid::fromString(query.value(0).toString()));
    return ids;
}

int StoreDb::serverCount()
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT count(*) FROM articles WHERE revision IS NOT NULL"_s) || !query.next())
        return 0;
    return query.value(0).toInt();
}

QString StoreDb::cursor()
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT value FROM meta WHERE name = 'cursor'"_s) || !query.next())
        return {};
    return query.value(0).toString();
}

std::expected<void, QString> StoreDb::setCursor(const QString &cursor)
{
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO meta (name, value) VALUES ('cursor', ?) "
                  u"ON CONFLICT (name) DO UPDATE SET value = excluded.value"_s);
    query.addBindValue(cursor);
    if (!query.exec())
        return std::unexpected(query.lastError().text());
    return {};
}

QList<PushItem> StoreDb::dirtyDrafts()
{
    QList<PushItem> items;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.exec(u"SELECT a.id, d.title, d.excerpt, d.tags, d.content, d.base_revision, d.edit_seq "
               u"FROM drafts d JOIN articles a ON a.key = d.key WHERE d.state = 'local' ORDER BY d.saved_at"_s);
    while (query.next()) {
        PushItem item;
        item.id = QUuid::fromString(query.value(0).toString());
        item.text = {query.value(1).toString(), query.value(2).toString(), tagsFromText(query.value(3).toString()),
                     query.value(4).toString()};
        if (!query.value(5).isNull())
            item.baseRevision = query.value(5).toInt();
        item.editSeq = query.value(6).toLongLong();
        items.append(item);
    }
    return items;
}

std::expected<PushOutcome, QString> StoreDb::markPushed(const QUuid &id, const Article &stored, qint64 editSeq)
{
    Transaction transaction(m_db);
    auto saved = upsertServer(stored);
    if (!saved)
        return std::unexpected(saved.error());
    const std::optional<qint64> key = keyOf(id);
    if (!key)
        return std::unexpected(u"the article vanished from the store"_s);
    PushOutcome outcome;
    QSqlQuery remove(m_db);
    remove.prepare(u"DELETE FROM drafts WHERE key = ? AND edit_seq = ?"_s);
    bindAll(remove, {*key, editSeq});
    if (!remove.exec())
        return std::unexpected(remove.lastError().text());
    if (remove.numRowsAffected() == 0) {
        // Typed on while the push was under way: the draft stays, now based on what the server stored.
        const sync::ArticleText base = textOf(stored);
        QSqlQuery rebase(m_db);
        rebase.prepare(u"UPDATE drafts SET base_revision = ?, base_title = ?, base_excerpt = ?, base_tags = ?, "
                       u"base_content = ? WHERE key = ?"_s);
        bindAll(rebase, {stored.revision, base.title, base.excerpt, tagsToText(base.tags), base.content, *key});
        if (!rebase.exec())
            return std::unexpected(rebase.lastError().text());
        outcome.stillDirty = true;
    }
    reindex(*key);
    if (!transaction.commit())
        return std::unexpected(m_db.lastError().text());
    return outcome;
}

std::expected<bool, QString> StoreDb::mergeWithServer(const QUuid &id, const Article &theirs)
{
    Transaction transaction(m_db);
    auto saved = upsertServer(theirs);
    if (!saved)
        return std::unexpected(saved.error());
    const std::optional<qint64> key = keyOf(id);
    if (!key)
        return std::unexpected(u"the article vanished from the store"_s);
    const bool clean = mergeDraft(*key, theirs);
    reindex(*key);
    if (!transaction.commit())
        return std::unexpected(m_db.lastError().text());
    return clean;
}

std::expected<void, QString> StoreDb::markFailed(const QUuid &id, const QString &message)
{
    const std::optional<qint64> key = keyOf(id);
    if (!key)
        return std::unexpected(u"the article vanished from the store"_s);
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE drafts SET state = 'failed', message = ? WHERE key = ? AND state = 'local'"_s);
    bindAll(query, {message, *key});
    if (!query.exec())
        return std::unexpected(query.lastError().text());
    return {};
}

std::expected<qint64, QString> StoreDb::resolveConflict(const QUuid &id, const sync::ArticleText &resolved,
                                                        int theirsRevision)
{
    Transaction transaction(m_db);
    const std::optional<qint64> key = keyOf(id);
    if (!key)
        return std::unexpected(u"the article vanished from the store"_s);
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE drafts SET title = ?, excerpt = ?, tags = ?, content = ?, word_count = ?, summary = ?, "
                  u"base_revision = theirs_revision, base_title = theirs_title, base_excerpt = theirs_excerpt, "
                  u"base_tags = theirs_tags, base_content = theirs_content, state = 'local', message = NULL, "
                  u"theirs_revision = NULL, theirs_title = NULL, theirs_excerpt = NULL, theirs_tags = NULL, "
                  u"theirs_content = NULL, merged_title = NULL, merged_excerpt = NULL, merged_tags = NULL, "
                  u"merged_content = NULL, conflict_fields = NULL, edit_seq = edit_seq + 1, saved_at = ? "
                  u"WHERE key = ? AND state = 'conflict' AND theirs_revision = ?"_s);
    bindAll(query, {resolved.title, resolved.excerpt, tagsToText(resolved.tags), resolved.content,
                    markdown::wordCount(resolved.content), summaryOf(resolved),
                    timeText(QDateTime::currentDateTimeUtc()), *key, theirsRevision});
    if (!query.exec())
        return std::unexpected(query.lastError().text());
    if (query.numRowsAffected() == 0) {
        QSqlQuery state(m_db);
        state.prepare(u"SELECT state FROM drafts WHERE key = ?"_s);
        state.addBindValue(*key);
        const bool stillInConflict = state.exec() && state.next() && state.value(0).toString() == u"conflict"_s;
        return std::unexpected(stillInConflict
                                   ? QCoreApplication::translate("inkwell::engine::StoreDb",
                                                                 "The server's version changed again while you "
                                                                 "compared; compare with the newest one.")
                                   : QCoreApplication::translate("inkwell::engine::StoreDb",
                                                                 "This conflict was already settled."));
    }
    reindex(*key);
    QSqlQuery seq(m_db);
    seq.prepare(u"SELECT edit_seq FROM drafts WHERE key = ?"_s);
    seq.addBindValue(*key);
    if (!seq.exec() || !seq.next())
        return std::unexpected(seq.lastError().text());
    const qint64 editSeq = seq.value(0).toLongLong();
    if (!transaction.commit())
        return std::unexpected(m_db.lastError().text());
    return editSeq;
}

std::expected<void, QString> StoreDb::storeServerArticle(const Article &article)
{
    Transaction transaction(m_db);
    auto saved = upsertServer(article);
    if (!saved)
        return saved;
    if (const std::optional<qint64> key = keyOf(article.id)) {
        // A draft that is now exactly the server's text is done; one still based on the same text (a status
        // change made a new revision of it) moves its base up, so its next push needs no merge.
        const sync::ArticleText normalized = textOf(article);
        const QVariantList text{normalized.title, normalized.excerpt, tagsToText(normalized.tags), normalized.content};
        QSqlQuery done(m_db);
        done.prepare(u"DELETE FROM drafts WHERE key = ? AND state = 'local' AND title = ? AND excerpt = ? AND "
                     u"tags = ? AND content = ?"_s);
        bindAll(done, QVariantList{*key} + text);
        done.exec();
        QSqlQuery rebase(m_db);
        rebase.prepare(u"UPDATE drafts SET base_revision = ? WHERE key = ? AND state = 'local' AND base_title = ? "
                       u"AND base_excerpt = ? AND base_tags = ? AND base_content = ?"_s);
        bindAll(rebase, QVariantList{article.revision, *key} + text);
        rebase.exec();
        reindex(*key);
    }
    if (!transaction.commit())
        return std::unexpected(m_db.lastError().text());
    return {};
}

} // namespace inkwell::engine
