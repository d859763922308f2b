// The desktop's offline store and sync engine against the real inkwelld (started by the test, with its bundled
// PostgreSQL): two "computers" of one writer, each with its own local store, asserting after each sync that what
// a computer holds is what the server holds (Nextcloud's style of sync test). No window anywhere.
#include "api/apiclient.h"
#include "draftsession.h"
#include "awaitvalue.h"
#include "inkwelldprocess.h"
#include "syncmachine.h"
#include "librarymodel.h"
#include "localstore.h"
#include "syncengine.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <memory>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace inkwell;
using inkwell::engine::LocalArticle;
using inkwell::engine::LocalStore;
using inkwell::engine::StoreDb;
using inkwell::engine::SyncEngine;
using inkwell::engine::SyncState;
using inkwell::sync::ArticleText;

namespace {

constexpr auto kPassword = "correct horse battery staple";

/// One computer of a writer: its own session, local store and sync engine.
using Machine = test::SyncMachine;

using test::await;

/// Saves a draft straight into a store; true once committed.
bool saveInto(LocalStore &store, QObject *context, const QUuid &id, const ArticleText &text, const QUuid &author)
{
    auto saved = await<std::expected<qint64, QString>>(
        [&](auto done) { store.saveDraft(id, text, author, u"Me"_s, context, done); });
    return saved && saved->has_value();
}

QString paragraphs(const QStringList &list)
{
    return list.join(u"\n\n"_s) + u'\n';
}

} // namespace

class TestSync : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void storeIsPrivateAndJournaled();
    void draftCreatedOfflineIsPushedWhenOnline();
    void editsOfDifferentParagraphsMergeCleanly();
    void editsOfTheSameParagraphConflictUntilResolved();
    void staleDraftPushedByAnActionIsMerged();
    void serverDownDuringPushPushesOnceWhenBack();
    void deletionOnOneComputerRemovesItOnTheOther();
    void editOfAnArticleDeletedElsewhereIsKeptAsADraft();
    void manyChangesBetweenTwoSyncsAllArriveOnce();
    void refusedDraftKeepsTheServersReason();
    void publishingShowsInTheLibrary();
    void typingDuringAPushKeepsTheNewWords();
    void offlineSearchFindsWhatTheUserSees_data();
    void offlineSearchFindsWhatTheUserSees();
    void draftSurvivesSigkillMidTyping();
    void libraryModelFollowsTheStore();
    void openArticleSavesAndFollowsSyncWithoutLosingTyping();
    void serverResetAsksBeforeRemovingTheLibrary();
    void purgedDeletionsMakeTheClientReadTheWholeFeed();

private:
    std::unique_ptr<Machine> machine(const QString &email, bool registerAccount = false,
                                     test::InkwelldProcess *server = nullptr);
    bool sync(Machine &m, int timeoutMs = 60000);
    bool save(Machine &m, const QUuid &id, const ArticleText &text);
    std::optional<LocalArticle> local(Machine &m, const QUuid &id);
    QList<engine::LibraryEntry> entries(Machine &m);
    /// The entries written by this machine's user.
    QList<engine::LibraryEntry> own(Machine &m);
    /// The server's whole feed for this machine's user: id → article (tombstones left out).
    QHash<QUuid, Article> serverState(Machine &m);
    /// Local server copies and drafts agree with the server: every live article is here at its revision and text
    /// (unless edited here), and nothing synced is here that the server no longer has.
    QString compareWithServer(Machine &m);

    std::unique_ptr<test::InkwelldProcess> m_server;
    QTemporaryDir m_dir;
    int m_stores = 0;
};

void TestSync::initTestCase()
{
    m_server = std::make_unique<test::InkwelldProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
}

void TestSync::cleanupTestCase()
{
    m_server.reset();
}

std::unique_ptr<Machine> TestSync::machine(const QString &email, bool registerAccount, test::InkwelldProcess *server)
{
    return Machine::open((server ? server : m_server.get())->url(), email, QString::fromLatin1(kPassword),
                         registerAccount, m_dir.filePath(u"store-%1/library.sqlite"_s.arg(++m_stores)), this);
}

bool TestSync::sync(Machine &m, int timeoutMs)
{
    return m.sync(timeoutMs);
}

bool TestSync::save(Machine &m, const QUuid &id, const ArticleText &text)
{
    return m.save(id, text, this);
}

std::optional<LocalArticle> TestSync::local(Machine &m, const QUuid &id)
{
    return m.local(id, this);
}

QList<engine::LibraryEntry> TestSync::entries(Machine &m)
{
    return await<QList<engine::LibraryEntry>>([&](auto done) { m.store->entries(this, done); })
        .value_or(QList<engine::LibraryEntry>());
}

QList<engine::LibraryEntry> TestSync::own(Machine &m)
{
    // Other tests' published articles are in every writer's feed; a test counts its writer's own.
    QList<engine::LibraryEntry> mine;
    for (const engine::LibraryEntry &entry : entries(m)) {
        if (entry.authorId == m.user.id)
            mine.append(entry);
    }
    return mine;
}

QHash<QUuid, Article> TestSync::serverState(Machine &m)
{
    QHash<QUuid, Article> state;
    QString cursor;
    for (;;) {
        auto page =
            await<api::ApiResult<api::ChangesPage>>([&](auto done) { m.client->changes(cursor, 1000, this, done); });
        if (!page || !*page)
            return {};
        for (const api::Change &change : (*page)->changes) {
            if (change.article)
                state.insert(change.id, *change.article);
            else
                state.remove(change.id);
        }
        cursor = (*page)->cursor;
        if (!(*page)->hasMore)
            break;
    }
    return state;
}

QString TestSync::compareWithServer(Machine &m)
{
    const QHash<QUuid, Article> server = serverState(m);
    const QList<engine::LibraryEntry> here = entries(m);
    QSet<QUuid> seen;
    for (const engine::LibraryEntry &entry : here) {
        seen.insert(entry.id);
        if (entry.neverSynced())
            continue; // only here, waiting to be pushed
        if (!server.contains(entry.id))
            return u"%1 (%2) is here but not on the server"_s.arg(entry.id.toString(), entry.title);
        const std::optional<LocalArticle> article = local(m, entry.id);
        if (!article || !article->server)
            return u"%1 has no server copy here"_s.arg(entry.id.toString());
        const Article &theirs = server.value(entry.id);
        if (article->server->revision != theirs.revision || article->server->content != theirs.content ||
            article->server->title != theirs.title || article->server->status != theirs.status)
            return u"%1: here revision %2 \"%3\", server revision %4 \"%5\""_s.arg(
                entry.id.toString(), QString::number(article->server->revision), article->server->content,
                QString::number(theirs.revision), theirs.content);
        if (entry.syncState == SyncState::Synced && article->text.content != theirs.content)
            return u"%1 is marked synced but its text differs"_s.arg(entry.id.toString());
    }
    for (auto it = server.cbegin(); it != server.cend(); ++it) {
        if (!seen.contains(it.key()))
            return u"%1 (%2) is on the server but not here"_s.arg(it.key().toString(), it->title);
    }
    return {};
}

// ---- the tests ------------------------------------------------------------------------------------------------

void TestSync::storeIsPrivateAndJournaled()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"deep/folder/library.sqlite"_s);
    auto store = LocalStore::open(path);
    QVERIFY2(store, qPrintable(store ? QString() : store.error()));
    const QUuid id = QUuid::createUuid();
    QVERIFY(saveInto(**store, this, id, {u"T"_s, {}, {}, u"words"_s}, QUuid::createUuid()));
    const auto mode = [](const QString &file) {
        struct stat st {};
        return ::stat(QFile::encodeName(file).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
    };
    QCOMPARE(mode(path), 0600);
    QVERIFY2(QFile::exists(path + u"-wal"_s), "the store runs in WAL mode");
    QCOMPARE(mode(path + u"-wal"_s), 0600);
    QCOMPARE(mode(path + u"-shm"_s), 0600);
    QCOMPARE(mode(dir.filePath(u"deep/folder"_s)), 0700);
    store->reset();
    // Reopened: migrated once, the draft still there.
    auto again = LocalStore::open(path);
    QVERIFY(again);
    const auto entries = await<QList<engine::LibraryEntry>>([&](auto done) { (*again)->entries(this, done); });
    QVERIFY(entries);
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->first().id, id);
    QCOMPARE(entries->first().syncState, SyncState::LocalChanges);
    QVERIFY(entries->first().neverSynced());
}

void TestSync::draftCreatedOfflineIsPushedWhenOnline()
{
    auto a = machine(u"offline@example.com"_s, true);
    QVERIFY(a);
    auto b = machine(u"offline@example.com"_s);
    QVERIFY(b);
    QVERIFY(sync(*a) && sync(*b));

    QVERIFY(m_server->stop());
    const QUuid id = QUuid::createUuid();
    QVERIFY(save(*a, id, {u"Written on the train"_s, {}, {u"travel"_s}, paragraphs({u"No network here."_s})}));
    QVERIFY(!sync(*a));
    QCOMPARE(a->engine->status(), SyncEngine::Status::Offline);
    QCOMPARE(local(*a, id)->entry.syncState, SyncState::LocalChanges);

    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    QVERIFY(sync(*a));
    QCOMPARE(a->engine->status(), SyncEngine::Status::Synced);
    const std::optional<LocalArticle> pushed = local(*a, id);
    QCOMPARE(pushed->entry.syncState, SyncState::Synced);
    QCOMPARE(pushed->server->revision, 1);
    QCOMPARE(pushed->server->tags, QStringList{u"travel"_s});
    QString diff = compareWithServer(*a);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    QVERIFY(sync(*b));
    QCOMPARE(local(*b, id)->text.content, paragraphs({u"No network here."_s}));
    diff = compareWithServer(*b);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestSync::editsOfDifferentParagraphsMergeCleanly()
{
    auto a = machine(u"merge@example.com"_s, true);
    auto b = machine(u"merge@example.com"_s);
    QVERIFY(a && b);
    const QUuid id = QUuid::createUuid();
    const QStringList original{u"First paragraph."_s, u"Second paragraph."_s, u"Third paragraph."_s};
    QVERIFY(save(*a, id, {u"Shared"_s, {}, {}, paragraphs(original)}));
    QVERIFY(sync(*a) && sync(*b));
    QCOMPARE(local(*b, id)->text.content, paragraphs(original));

    // Both edit offline: A the first paragraph, B the third.
    QVERIFY(save(*a, id, {u"Shared"_s, {}, {}, paragraphs({u"First, edited on A."_s, original[1], original[2]})}));
    QVERIFY(save(*b, id, {u"Shared"_s, {}, {}, paragraphs({original[0], original[1], u"Third, edited on B."_s})}));
    QVERIFY(sync(*a));
    QVERIFY(sync(*b)); // meets A's version: merged cleanly and pushed
    QVERIFY(sync(*a)); // gets the merge
    const QString merged = paragraphs({u"First, edited on A."_s, original[1], u"Third, edited on B."_s});
    for (Machine *m : {a.get(), b.get()}) {
        const std::optional<LocalArticle> article = local(*m, id);
        QCOMPARE(article->text.content, merged);
        QCOMPARE(article->entry.syncState, SyncState::Synced);
        QCOMPARE(article->server->revision, 3);
        const QString diff = compareWithServer(*m);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
}

void TestSync::editsOfTheSameParagraphConflictUntilResolved()
{
    auto a = machine(u"conflict@example.com"_s, true);
    auto b = machine(u"conflict@example.com"_s);
    QVERIFY(a && b);
    const QUuid id = QUuid::createUuid();
    QVERIFY(save(*a, id, {u"Contested"_s, {}, {}, paragraphs({u"Intro."_s, u"The cat sat."_s})}));
    QVERIFY(sync(*a) && sync(*b));

    QVERIFY(save(*a, id, {u"Contested"_s, {}, {}, paragraphs({u"Intro."_s, u"The cat sat on the mat."_s})}));
    QVERIFY(save(*b, id, {u"Contested"_s, {}, {}, paragraphs({u"Intro."_s, u"The dog sat."_s})}));
    QVERIFY(sync(*a));
    QSignalSpy conflicts(b->engine.get(), &SyncEngine::conflictsFound);
    QVERIFY(sync(*b));
    QCOMPARE(b->engine->status(), SyncEngine::Status::Conflict);
    QCOMPARE(b->engine->conflictCount(), 1);
    QCOMPARE(conflicts.count(), 1);

    // Kept with both texts; nothing overwritten on either side.
    std::optional<LocalArticle> kept = local(*b, id);
    QCOMPARE(kept->entry.syncState, SyncState::Conflict);
    QVERIFY(kept->conflict);
    QCOMPARE(kept->conflict->mine.content, paragraphs({u"Intro."_s, u"The dog sat."_s}));
    QCOMPARE(kept->conflict->theirs.content, paragraphs({u"Intro."_s, u"The cat sat on the mat."_s}));
    QCOMPARE(kept->conflict->fields, QStringList{u"content"_s});
    QVERIFY(kept->conflict->merged.content.contains(u"<<<<<<< mine"_s));
    QCOMPARE(kept->text.content, paragraphs({u"Intro."_s, u"The dog sat."_s}));
    QCOMPARE(serverState(*b).value(id).content, paragraphs({u"Intro."_s, u"The cat sat on the mat."_s}));
    QVERIFY(sync(*b)); // a conflict is not pushed by later rounds
    QCOMPARE(serverState(*b).value(id).revision, 2);

    // The user's merged text settles it.
    const QString resolved = paragraphs({u"Intro."_s, u"The cat and the dog sat on the mat."_s});
    auto done = await<std::expected<void, QString>>([&](auto callback) {
        b->engine->resolveConflict(id, {u"Contested"_s, {}, {}, resolved}, kept->conflict->theirsRevision, this,
                                   callback);
    });
    QVERIFY(done && *done);
    QVERIFY(sync(*b));
    QCOMPARE(b->engine->status(), SyncEngine::Status::Synced);
    QVERIFY(sync(*a));
    for (Machine *m : {a.get(), b.get()}) {
        QCOMPARE(local(*m, id)->text.content, resolved);
        const QString diff = compareWithServer(*m);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
}

void TestSync::staleDraftPushedByAnActionIsMerged()
{
    // Publishing pushes the local edits first, without a pull: the server answers 412 and the engine merges.
    auto a = machine(u"stale@example.com"_s, true);
    auto b = machine(u"stale@example.com"_s);
    QVERIFY(a && b);
    const QUuid id = QUuid::createUuid();
    QVERIFY(save(*a, id, {u"Stale"_s, {}, {}, paragraphs({u"One."_s, u"Two."_s, u"Three."_s})}));
    QVERIFY(sync(*a) && sync(*b));
    QVERIFY(save(*a, id, {u"Stale"_s, {}, {}, paragraphs({u"One, by A."_s, u"Two."_s, u"Three."_s})}));
    QVERIFY(sync(*a));
    QVERIFY(save(*b, id, {u"Stale"_s, {}, {}, paragraphs({u"One."_s, u"Two."_s, u"Three, by B."_s})}));
    auto published = await<std::expected<void, QString>>(
        [&](auto done) { b->engine->setArticleStatus(id, ArticleStatus::Published, this, done); });
    QVERIFY2(published && *published, qPrintable(published && !*published ? published->error() : QString()));
    const Article server = serverState(*b).value(id);
    QCOMPARE(server.status, ArticleStatus::Published);
    QCOMPARE(server.content, paragraphs({u"One, by A."_s, u"Two."_s, u"Three, by B."_s}));
    QCOMPARE(local(*b, id)->entry.syncState, SyncState::Synced);
}

void TestSync::serverDownDuringPushPushesOnceWhenBack()
{
    auto a = machine(u"down@example.com"_s, true);
    QVERIFY(a);
    const QUuid id = QUuid::createUuid();
    QVERIFY(save(*a, id, {u"Resilient"_s, {}, {}, paragraphs({u"Before."_s})}));
    QVERIFY(sync(*a));
    QVERIFY(save(*a, id, {u"Resilient"_s, {}, {}, paragraphs({u"Before."_s, u"During the outage."_s})}));
    QVERIFY(m_server->stop());
    QVERIFY(!sync(*a));
    QVERIFY(!sync(*a)); // and again: still nothing sent twice
    QCOMPARE(a->engine->status(), SyncEngine::Status::Offline);
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    QVERIFY(sync(*a));
    QVERIFY(sync(*a));
    // Exactly one new revision: the edit went up once.
    auto revisions = await<api::ApiResult<api::Page<api::RevisionInfo>>>(
        [&](auto done) { a->client->revisions(id, QString(), this, done); });
    QVERIFY(revisions && *revisions);
    QCOMPARE((*revisions)->items.size(), 2);
    QCOMPARE((*revisions)->items.first().revision, 2);
    QCOMPARE(serverState(*a).value(id).content, paragraphs({u"Before."_s, u"During the outage."_s}));
    const QString diff = compareWithServer(*a);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestSync::deletionOnOneComputerRemovesItOnTheOther()
{
    auto a = machine(u"delete@example.com"_s, true);
    auto b = machine(u"delete@example.com"_s);
    QVERIFY(a && b);
    const QUuid keep = QUuid::createUuid();
    const QUuid gone = QUuid::createUuid();
    QVERIFY(save(*a, keep, {u"Keep"_s, {}, {}, u"kept\n"_s}));
    QVERIFY(save(*a, gone, {u"Gone"_s, {}, {}, u"going\n"_s}));
    QVERIFY(sync(*a) && sync(*b));
    QCOMPARE(own(*b).size(), 2);
    auto deleted = await<std::expected<void, QString>>([&](auto done) { a->engine->deleteArticle(gone, this, done); });
    QVERIFY(deleted && *deleted);
    QVERIFY(!local(*a, gone));
    QVERIFY(sync(*b));
    QVERIFY(!local(*b, gone));
    QVERIFY(local(*b, keep));
    for (Machine *m : {a.get(), b.get()}) {
        const QString diff = compareWithServer(*m);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
    // A local-only draft is deleted here alone.
    const QUuid scratch = QUuid::createUuid();
    QVERIFY(save(*a, scratch, {u"Scratch"_s, {}, {}, u"never synced\n"_s}));
    deleted = await<std::expected<void, QString>>([&](auto done) { a->engine->deleteArticle(scratch, this, done); });
    QVERIFY(deleted && *deleted);
    QVERIFY(!local(*a, scratch));
}

void TestSync::editOfAnArticleDeletedElsewhereIsKeptAsADraft()
{
    auto a = machine(u"orphan@example.com"_s, true);
    auto b = machine(u"orphan@example.com"_s);
    QVERIFY(a && b);
    const QUuid id = QUuid::createUuid();
    QVERIFY(save(*a, id, {u"Doomed"_s, {}, {}, u"original\n"_s}));
    QVERIFY(sync(*a) && sync(*b));
    QVERIFY(save(*b, id, {u"Doomed"_s, {}, {}, u"original\n\nB's precious addition.\n"_s}));
    auto deleted = await<std::expected<void, QString>>([&](auto done) { a->engine->deleteArticle(id, this, done); });
    QVERIFY(deleted && *deleted);

    QSignalSpy kept(b->engine.get(), &SyncEngine::draftKeptAfterDeletion);
    QVERIFY(sync(*b));
    QCOMPARE(kept.count(), 1);
    QCOMPARE(kept.first().at(0).value<QUuid>(), id);
    QCOMPARE(kept.first().at(2).toString(), u"Doomed"_s);
    const QUuid newId = kept.first().at(1).value<QUuid>();
    QVERIFY(!local(*b, id));
    std::optional<LocalArticle> draft = local(*b, newId);
    QVERIFY(draft);
    QCOMPARE(draft->text.content, u"original\n\nB's precious addition.\n"_s);
    // The same round put it on the server as a new article.
    QCOMPARE(serverState(*b).value(newId).content, u"original\n\nB's precious addition.\n"_s);
    QVERIFY(!serverState(*b).contains(id));
    QVERIFY(sync(*a));
    for (Machine *m : {a.get(), b.get()}) {
        const QString diff = compareWithServer(*m);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
}

void TestSync::manyChangesBetweenTwoSyncsAllArriveOnce()
{
    auto a = machine(u"many@example.com"_s, true);
    auto b = machine(u"many@example.com"_s);
    QVERIFY(a && b);
    QVERIFY(sync(*b));
    QCOMPARE(own(*b).size(), 0);
    // 500 articles written on the server between two of B's syncs (A writes them through the API).
    QList<QUuid> ids;
    int written = 0;
    for (int i = 0; i < 500; ++i) {
        ids.append(QUuid::createUuid());
        a->client->putArticle(ids.last(), {u"Note %1"_s.arg(i), u"Body of note %1.\n"_s.arg(i), {}, {}, {}},
                              std::nullopt, this, [&written](api::ApiResult<Article> result) {
                                  if (result)
                                      ++written;
                              });
    }
    QTRY_COMPARE_WITH_TIMEOUT(written, 500, 120000);
    // And a few of them changed again.
    for (int i = 0; i < 5; ++i) {
        auto changed = await<api::ApiResult<Article>>([&](auto done) {
            a->client->putArticle(ids.at(i), {u"Note %1"_s.arg(i), u"Changed.\n"_s, {}, {}, {}}, 1, this, done);
        });
        QVERIFY(changed && *changed);
    }
    QSignalSpy announced(b->store.get(), &LocalStore::changed);
    QVERIFY(sync(*b));
    const QList<engine::LibraryEntry> here = own(*b);
    QCOMPARE(here.size(), 500);
    QSet<QUuid> unique;
    for (const engine::LibraryEntry &entry : here)
        unique.insert(entry.id);
    QCOMPARE(unique.size(), 500);
    QCOMPARE(unique, QSet<QUuid>(ids.cbegin(), ids.cend()));
    QCOMPARE(local(*b, ids.at(0))->text.content, u"Changed.\n"_s);
    QCOMPARE(local(*b, ids.at(0))->server->revision, 2);
    QVERIFY(announced.count() >= 1);
    const QString diff = compareWithServer(*b);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    // A sync with nothing new changes nothing.
    announced.clear();
    QVERIFY(sync(*b));
    QCOMPARE(announced.count(), 0);
}

void TestSync::refusedDraftKeepsTheServersReason()
{
    auto a = machine(u"refused@example.com"_s, true);
    QVERIFY(a);
    const QUuid id = QUuid::createUuid();
    QStringList tags;
    for (int i = 0; i < 25; ++i)
        tags.append(u"tag%1"_s.arg(i));
    QVERIFY(save(*a, id, {u"Too many tags"_s, {}, tags, u"text\n"_s}));
    QVERIFY(sync(*a)); // the round itself worked
    QCOMPARE(a->engine->status(), SyncEngine::Status::Error);
    std::optional<LocalArticle> article = local(*a, id);
    QCOMPARE(article->entry.syncState, SyncState::Failed);
    QVERIFY2(article->entry.syncMessage.contains(u"tags"_s), qPrintable(article->entry.syncMessage));
    QCOMPARE(article->text.tags, tags); // nothing lost
    // Fixing it makes it go up.
    QVERIFY(save(*a, id, {u"Too many tags"_s, {}, tags.mid(0, 3), u"text\n"_s}));
    QVERIFY(sync(*a));
    QCOMPARE(a->engine->status(), SyncEngine::Status::Synced);
    QCOMPARE(serverState(*a).value(id).tags, tags.mid(0, 3));
}

void TestSync::publishingShowsInTheLibrary()
{
    auto a = machine(u"publish@example.com"_s, true);
    QVERIFY(a);
    const QUuid id = QUuid::createUuid();
    QVERIFY(save(*a, id, {u"Ready"_s, u"A short summary."_s, {}, u"Done writing.\n"_s}));
    // Publishing a draft that was never synced pushes it first.
    auto published = await<std::expected<void, QString>>(
        [&](auto done) { a->engine->setArticleStatus(id, ArticleStatus::Published, this, done); });
    QVERIFY2(published && *published, qPrintable(published && !*published ? published->error() : QString()));
    std::optional<LocalArticle> article = local(*a, id);
    QCOMPARE(article->entry.status, ArticleStatus::Published);
    QCOMPARE(article->entry.syncState, SyncState::Synced);
    QVERIFY(article->entry.publishedAt);
    auto archived = await<std::expected<void, QString>>(
        [&](auto done) { a->engine->setArticleStatus(id, ArticleStatus::Archived, this, done); });
    QVERIFY(archived && *archived);
    QCOMPARE(local(*a, id)->entry.status, ArticleStatus::Archived);
    QVERIFY(sync(*a));
    const QString diff = compareWithServer(*a);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestSync::typingDuringAPushKeepsTheNewWords()
{
    // The store's own rule, step by step: a push of edit 1 answered after edit 2 was saved keeps edit 2 as a
    // draft on the new base.
    QTemporaryDir dir;
    StoreDb db;
    QVERIFY(db.open(dir.filePath(u"s.sqlite"_s), u"typing"_s));
    const QUuid id = QUuid::createUuid();
    const QUuid me = QUuid::createUuid();
    const auto first = db.saveDraft(id, {u"T"_s, {}, {}, u"one\n"_s}, me, u"Me"_s);
    QVERIFY2(first, qPrintable(first ? QString() : first.error()));
    QCOMPARE(*first, 1);
    const QList<engine::PushItem> pushing = db.dirtyDrafts();
    QCOMPARE(pushing.size(), 1);
    QCOMPARE(db.saveDraft(id, {u"T"_s, {}, {}, u"one\ntwo\n"_s}, me, u"Me"_s).value_or(0), 2);
    Article stored;
    stored.id = id;
    stored.authorId = me;
    stored.authorName = u"Me"_s;
    stored.title = u"T"_s;
    stored.slug = u"t"_s;
    stored.content = u"one\n"_s;
    stored.revision = 1;
    stored.createdAt = stored.updatedAt = QDateTime::currentDateTimeUtc();
    const auto outcome = db.markPushed(id, stored, pushing.first().editSeq);
    QVERIFY(outcome && outcome->stillDirty);
    const std::optional<LocalArticle> article = db.article(id);
    QCOMPARE(article->text.content, u"one\ntwo\n"_s);
    QCOMPARE(article->entry.revision, 1);
    QCOMPARE(article->entry.syncState, SyncState::LocalChanges);
    QCOMPARE(db.dirtyDrafts().first().baseRevision, 1);
    // The same push answered when nothing was typed meanwhile ends the draft.
    const auto done = db.markPushed(id, stored, db.dirtyDrafts().first().editSeq);
    QVERIFY(done);
    QVERIFY(!done->stillDirty);
    QCOMPARE(db.article(id)->entry.syncState, SyncState::Synced);
}

void TestSync::offlineSearchFindsWhatTheUserSees_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("titles");
    QTest::newRow("word") << u"lighthouse"_s << QStringList{u"Keeper"_s};
    QTest::newRow("prefix as you type") << u"lightho"_s << QStringList{u"Keeper"_s};
    QTest::newRow("title above body") << u"harbour"_s << QStringList{u"Harbour"_s, u"Keeper"_s};
    QTest::newRow("two words, both required") << u"harbour fog"_s << QStringList{u"Keeper"_s};
    QTest::newRow("phrase") << u"\"foggy night\""_s << QStringList{u"Keeper"_s};
    QTest::newRow("phrase in the wrong order") << u"\"night foggy\""_s << QStringList{};
    QTest::newRow("umlaut without diacritics") << u"gruße"_s << QStringList{u"Grüße"_s};
    QTest::newRow("tags") << u"maritime"_s << QStringList{u"Harbour"_s};
    QTest::newRow("draft text, not the old one") << u"rewritten"_s << QStringList{u"Draft"_s};
    QTest::newRow("syntax characters") << u"\"unbalanced AND -( * NEAR"_s << QStringList{};
    QTest::newRow("only punctuation") << u"***"_s << QStringList{};
}

void TestSync::offlineSearchFindsWhatTheUserSees()
{
    QFETCH(QString, query);
    QFETCH(QStringList, titles);
    QTemporaryDir dir;
    auto store = LocalStore::open(dir.filePath(u"search.sqlite"_s));
    QVERIFY(store);
    const QUuid me = QUuid::createUuid();
    const auto put = [&](const QString &title, const QString &content, const QStringList &tags = {}) {
        return saveInto(**store, this, QUuid::createUuid(), {title, {}, tags, content}, me);
    };
    QVERIFY(put(u"Keeper"_s, u"The lighthouse keeper walked to the harbour on a foggy night.\n"_s));
    QVERIFY(put(u"Harbour"_s, u"Boats, nets and gulls.\n"_s, {u"maritime"_s}));
    QVERIFY(put(u"Grüße"_s, u"Wir grüßen alle.\n"_s));
    const QUuid draft = QUuid::createUuid();
    QVERIFY(saveInto(**store, this, draft, {u"Draft"_s, {}, {}, u"old words\n"_s}, me));
    QVERIFY(saveInto(**store, this, draft, {u"Draft"_s, {}, {}, u"rewritten words\n"_s}, me));

    auto found =
        await<std::expected<QList<QUuid>, QString>>([&](auto done) { (*store)->search(query, 20, this, done); });
    QVERIFY(found);
    QVERIFY2(*found, qPrintable(*found ? QString() : found->error()));
    const auto entries = await<QList<engine::LibraryEntry>>([&](auto done) { (*store)->entries(this, done); });
    QHash<QUuid, QString> titleOf;
    for (const engine::LibraryEntry &entry : *entries)
        titleOf.insert(entry.id, entry.title);
    QStringList got;
    for (const QUuid &id : **found)
        got.append(titleOf.value(id));
    QCOMPARE(got, titles);
}

void TestSync::draftSurvivesSigkillMidTyping()
{
    auto a = machine(u"crash@example.com"_s, true);
    QVERIFY(a);
    const QString storePath = m_dir.filePath(u"crash/library.sqlite"_s);
    const QUuid id = QUuid::createUuid();
    QProcess child;
    child.setProgram(QCoreApplication::applicationFilePath());
    child.setArguments(
        {u"--type-into"_s, storePath, id.toString(QUuid::WithoutBraces), a->user.id.toString(QUuid::WithoutBraces)});
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start();
    QVERIFY(child.waitForStarted());
    // Let it save a few dozen times, then kill it in the middle of typing.
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += child.readAllStandardOutput()).count("saved ") >= 40, 60000);
    ::kill(pid_t(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    output += child.readAllStandardOutput();
    int lastSaved = 0;
    for (const QByteArray &line : output.split('\n')) {
        if (line.startsWith("saved "))
            lastSaved = line.mid(6).toInt();
    }
    QVERIFY(lastSaved >= 40);

    // Everything reported as saved is there; the draft is whole (one word per save, in order).
    auto store = LocalStore::open(storePath);
    QVERIFY2(store, qPrintable(store ? QString() : store.error()));
    auto article = await<std::optional<LocalArticle>>([&](auto done) { (*store)->article(id, this, done); });
    QVERIFY(article && *article);
    const QStringList words = (*article)->text.content.split(u' ', Qt::SkipEmptyParts);
    QVERIFY2(words.size() >= lastSaved, qPrintable(u"%1 words, %2 saved"_s.arg(words.size()).arg(lastSaved)));
    for (int i = 0; i < words.size(); ++i)
        QCOMPARE(words.at(i), u"word%1"_s.arg(i + 1));
    QCOMPARE((*article)->entry.syncState, SyncState::LocalChanges);

    // And it syncs.
    SyncEngine engine(a->client.get(), store->get());
    QSignalSpy finished(&engine, &SyncEngine::roundFinished);
    engine.syncNow();
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.first().first().toBool());
    QCOMPARE(serverState(*a).value(id).content, (*article)->text.content);
}

void TestSync::serverResetAsksBeforeRemovingTheLibrary()
{
    test::InkwelldProcess server;
    QVERIFY2(server.start(), qPrintable(server.error()));
    auto a = machine(u"reset@example.com"_s, true, &server);
    QVERIFY(a);
    for (int i = 0; i < 15; ++i)
        QVERIFY(save(*a, QUuid::createUuid(), {u"Article %1"_s.arg(i), {}, {}, u"text %1\n"_s.arg(i)}));
    QVERIFY(sync(*a));
    QCOMPARE(entries(*a).size(), 15);

    // The server is set up anew: an empty database, new keys; the writer registers again.
    QVERIFY(server.stop());
    QDir(server.dataDir()).removeRecursively();
    QVERIFY2(server.start(), qPrintable(server.error()));
    auto grant = await<api::ApiResult<api::AuthGrant>>([&](auto done) {
        a->client->registerAccount({u"reset@example.com"_s, QString::fromLatin1(kPassword), u"Writer"_s}, this, done);
    });
    QVERIFY(grant && *grant);

    // The engine asks; the answer "no" keeps everything and pauses.
    QSignalSpy asked(a->engine.get(), &SyncEngine::massRemovalPending);
    connect(a->engine.get(), &SyncEngine::massRemovalPending, this,
            [](int, int, const std::function<void(bool)> &answer) { answer(false); });
    QVERIFY(!sync(*a) || a->engine->status() == SyncEngine::Status::Paused);
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.first().at(0).toInt(), 15);
    QCOMPARE(asked.first().at(1).toInt(), 15);
    QCOMPARE(a->engine->status(), SyncEngine::Status::Paused);
    QCOMPARE(entries(*a).size(), 15);
    // Automatic rounds do not ask again; an explicit sync does, and "yes" applies it.
    disconnect(a->engine.get(), &SyncEngine::massRemovalPending, this, nullptr);
    connect(a->engine.get(), &SyncEngine::massRemovalPending, this,
            [](int, int, const std::function<void(bool)> &answer) { answer(true); });
    QSignalSpy finished(a->engine.get(), &SyncEngine::roundFinished);
    a->engine->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 2, 60000); // the paused round, then the confirmed one
    QCOMPARE(asked.count(), 2);
    QCOMPARE(entries(*a).size(), 0);
    QCOMPARE(a->engine->status(), SyncEngine::Status::Synced);
    const QString diff = compareWithServer(*a);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestSync::libraryModelFollowsTheStore()
{
    auto a = machine(u"model@example.com"_s, true);
    auto b = machine(u"model@example.com"_s);
    QVERIFY(a && b);
    engine::LibraryModel model(b->store.get());
    engine::LibraryFilter filter;
    filter.setSourceModel(&model);
    filter.setAuthor(b->user.id);
    QTRY_VERIFY(model.loaded());
    QCOMPARE(filter.rowCount(), 0);

    const QUuid zebra = QUuid::createUuid();
    const QUuid apple = QUuid::createUuid();
    QVERIFY(save(*a, zebra, {u"Zebra"_s, {}, {u"animals"_s}, u"stripes\n"_s}));
    QVERIFY(save(*a, apple, {u"Apple"_s, {}, {u"Fruit"_s}, u"red\n"_s}));
    QVERIFY(sync(*a) && sync(*b));
    QTRY_COMPARE(filter.rowCount(), 2);
    const auto titles = [&] {
        QStringList list;
        for (int row = 0; row < filter.rowCount(); ++row)
            list.append(filter.index(row, 0).data(engine::LibraryModel::TitleRole).toString());
        return list;
    };
    QCOMPARE(titles(), (QStringList{u"Apple"_s, u"Zebra"_s})); // newest first: Apple was written last
    filter.setSort(engine::LibraryFilter::Sort::Title);
    QCOMPARE(titles(), (QStringList{u"Apple"_s, u"Zebra"_s}));
    filter.setTag(u"fruit"_s);
    QCOMPARE(titles(), QStringList{u"Apple"_s});
    filter.setTag(QString());
    filter.setStatus(ArticleStatus::Published);
    QCOMPARE(filter.rowCount(), 0);
    filter.setStatus(std::nullopt);
    filter.setSearchResult(QList<QUuid>{zebra});
    QCOMPARE(titles(), QStringList{u"Zebra"_s});
    filter.setSearchResult(std::nullopt);
    QCOMPARE(model.tags(), (QStringList{u"animals"_s, u"Fruit"_s}));

    // An edit here changes that row's sync state; a deletion elsewhere removes the row.
    QVERIFY(save(*b, zebra, {u"Zebra"_s, {}, {u"animals"_s}, u"stripes and more\n"_s}));
    QTRY_COMPARE(model.data(model.index(model.rowOf(zebra)), engine::LibraryModel::SyncStateRole).toInt(),
                 int(SyncState::LocalChanges));
    QVERIFY(sync(*b));
    QTRY_COMPARE(model.data(model.index(model.rowOf(zebra)), engine::LibraryModel::SyncStateRole).toInt(),
                 int(SyncState::Synced));
    auto deleted = await<std::expected<void, QString>>([&](auto done) { a->engine->deleteArticle(apple, this, done); });
    QVERIFY(deleted && *deleted);
    QVERIFY(sync(*b));
    QTRY_COMPARE(filter.rowCount(), 1);
    QCOMPARE(model.rowOf(apple), -1);
}

void TestSync::openArticleSavesAndFollowsSyncWithoutLosingTyping()
{
    auto a = machine(u"session@example.com"_s, true);
    auto b = machine(u"session@example.com"_s);
    QVERIFY(a && b);
    const QUuid id = QUuid::createUuid();
    const QStringList original{u"Alpha."_s, u"Beta."_s, u"Gamma."_s};
    QVERIFY(save(*a, id, {u"Open"_s, {}, {}, paragraphs(original)}));
    QVERIFY(sync(*a) && sync(*b));

    // B has it open in the editor; the editor's text is this variable.
    ArticleText editor;
    engine::DraftSession session(b->store.get(), b->user.id, b->user.fullName);
    QVERIFY(session.saveDelayMs() <= 1000); // "within a second of typing"
    session.setTextProvider([&editor] { return editor; });
    QSignalSpy opened(&session, &engine::DraftSession::opened);
    QSignalSpy saved(&session, &engine::DraftSession::saved);
    QSignalSpy replaced(&session, &engine::DraftSession::textReplaced);
    session.open(id);
    QVERIFY(opened.wait());
    editor = opened.first().first().value<engine::LocalArticle>().text;
    QCOMPARE(editor.content, paragraphs(original));

    // Typing is saved by itself.
    editor.content = paragraphs({u"Alpha."_s, u"Beta, typed on B."_s, u"Gamma."_s});
    session.touch();
    QVERIFY(saved.wait(5000));
    QCOMPARE(local(*b, id)->text.content, editor.content);

    // A changes the last paragraph; B types more (not yet saved) and syncs: the editor gets both.
    QVERIFY(save(*a, id, {u"Open"_s, {}, {}, paragraphs({u"Alpha."_s, u"Beta."_s, u"Gamma, by A."_s})}));
    QVERIFY(sync(*a));
    session.setSaveDelayMs(60000); // this keystroke stays unsaved until the sync
    editor.content = paragraphs({u"Alpha, typed on B."_s, u"Beta, typed on B."_s, u"Gamma."_s});
    session.touch();
    QVERIFY(sync(*b));
    QTRY_VERIFY(!replaced.isEmpty());
    const ArticleText shown = replaced.last().first().value<ArticleText>();
    const QString all = paragraphs({u"Alpha, typed on B."_s, u"Beta, typed on B."_s, u"Gamma, by A."_s});
    QCOMPARE(shown.content, all);
    editor = shown;
    // Stored too, and it reaches the server with the next round.
    QTRY_COMPARE(local(*b, id)->text.content, all);
    QVERIFY(sync(*b));
    QCOMPARE(serverState(*b).value(id).content, all);

    // Closing saves what was typed last.
    editor.content += u"\nLast words.\n"_s;
    session.touch();
    session.close();
    b->store->flush();
    QTRY_COMPARE(local(*b, id)->text.content, editor.content);
}

// ---- the child of draftSurvivesSigkillMidTyping -----------------------------------------------------------------

/// Types into one draft forever, a word per save, and says "saved N" once each save is committed.
int typeInto(const QString &path, const QUuid &id, const QUuid &author)
{
    auto store = LocalStore::open(path);
    if (!store) {
        qCritical("%s", qPrintable(store.error()));
        return 2;
    }
    bool failed = false;
    QObject::connect(store->get(), &LocalStore::writeFailed, store->get(), [&failed] { failed = true; });
    QString text;
    for (int words = 1; !failed; ++words) {
        text += u"word%1 "_s.arg(words);
        (*store)->saveDraft(id, {u"Typed"_s, {}, {}, text}, author, u"Writer"_s);
        (*store)->flush(); // committed: what the app's save does within a second of typing
        QCoreApplication::processEvents();
        std::printf("saved %d\n", words);
        std::fflush(stdout);
    }
    return 3;
}

void TestSync::purgedDeletionsMakeTheClientReadTheWholeFeed()
{
    // A server that cleans up every second; the 30 days after a deletion are made to pass in its database.
    test::InkwelldProcess server;
    server.setEnvironment(u"INKWELL_HOUSEKEEPING_INTERVAL_S"_s, u"1"_s);
    QVERIFY2(server.start(), qPrintable(server.error()));
    auto a = machine(u"purge@example.com"_s, true, &server);
    auto b = machine(u"purge@example.com"_s, false, &server);
    QVERIFY(a && b);
    QList<QUuid> ids;
    for (int i = 0; i < 6; ++i) {
        ids << QUuid::createUuid();
        QVERIFY(save(*a, ids.last(), {u"Article %1"_s.arg(i), {}, {}, u"text %1\n"_s.arg(i)}));
    }
    QVERIFY(sync(*a) && sync(*b));
    QCOMPARE(own(*b).size(), 6);

    // One computer deletes an article; the other is away until the server has forgotten the deletion.
    auto deleted = await<std::expected<void, QString>>([&](auto done) { a->engine->deleteArticle(ids[0], this, done); });
    QVERIFY(deleted && *deleted);
    QVERIFY(sync(*a));
    const QString id = ids[0].toString(QUuid::WithoutBraces);
    const auto aged = server.psql(u"UPDATE articles SET deleted_at = now() - interval '31 days' WHERE id = '%1'"_s.arg(id));
    QVERIFY2(aged, aged ? "" : qPrintable(aged.error()));
    QTRY_COMPARE_WITH_TIMEOUT(server.psql(u"SELECT count(*) FROM articles WHERE id = '%1'"_s.arg(id)).value_or(u"?"_s),
                              u"0"_s, 15000);
    // Meanwhile the away computer edits another article.
    QVERIFY(save(*b, ids[1], {u"Article 1"_s, {}, {}, u"edited while away\n"_s}));

    // Its cursor is older than the purge: the server says so (410), and it reads the whole feed instead,
    // which no longer has the deleted article. Its edit is kept and pushed.
    QVERIFY(sync(*b));
    QVERIFY(!local(*b, ids[0]));
    const auto edited = local(*b, ids[1]);
    QVERIFY(edited);
    QCOMPARE(edited->text.content, u"edited while away\n"_s);
    QCOMPARE(own(*b).size(), 5);
    const QString diff = compareWithServer(*b);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(serverState(*b).value(ids[1]).content, u"edited while away\n"_s);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 5 && qstrcmp(argv[1], "--type-into") == 0)
        return typeInto(QString::fromLocal8Bit(argv[2]), QUuid::fromString(QLatin1StringView(argv[3])),
                        QUuid::fromString(QLatin1StringView(argv[4])));
    TestSync test;
QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sync.moc"
