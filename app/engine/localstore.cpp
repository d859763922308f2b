#include "localstore.h"

#include <QAtomicInteger>
#include <QSemaphore>

using namespace Qt::StringLiterals;

namespace inkwell::engine {

namespace {
QAtomicInteger<int> g_connections;
}

LocalStore::LocalStore(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
{
    m_thread.setObjectName(u"inkwell-store"_s);
    m_worker = new detail::StoreWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

std::expected<std::unique_ptr<LocalStore>, QString> LocalStore::open(const QString &path, QObject *parent)
{
    std::unique_ptr<LocalStore> store(new LocalStore(path, parent));
    std::expected<void, QString> opened;
    const QString connection = u"inkwell-store-%1"_s.arg(g_connections.fetchAndAddRelaxed(1));
    QMetaObject::invokeMethod(
        store->m_worker, [&] { opened = store->m_worker->db.open(path, connection); }, Qt::BlockingQueuedConnection);
    if (!opened)
        return std::unexpected(opened.error());
    return store;
}

LocalStore::~LocalStore()
{
    // Every queued write reaches the disk before the store goes: the user's last keystrokes included.
    flush();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->db.close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void LocalStore::post(std::function<void(StoreDb &)> job)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, job = std::move(job)] { job(worker->db); }, Qt::QueuedConnection);
}

void LocalStore::announce(const QList<QUuid> &ids)
{
    Q_EMIT changed(ids);
}

void LocalStore::flush()
{
    QMetaObject::invokeMethod(
        m_worker, [] {}, Qt::BlockingQueuedConnection);
}

void LocalStore::write(std::function<std::expected<void, QString>(StoreDb &)> job, QList<QUuid> ids, QObject *context,
                       std::function<void(std::expected<void, QString>)> done)
{
    run<std::expected<void, QString>>(
        std::move(job), context ? context : this,
        [this, ids = std::move(ids), done = std::move(done)](std::expected<void, QString> result) {
            if (result)
                Q_EMIT changed(ids);
            else
                Q_EMIT writeFailed(result.error());
            if (done)
                done(std::move(result));
        });
}

void LocalStore::entries(QObject *context, std::function<void(QList<LibraryEntry>)> done)
{
    run<QList<LibraryEntry>>([](StoreDb &db) { return db.entries(); }, context, std::move(done));
}

void LocalStore::article(const QUuid &id, QObject *context, std::function<void(std::optional<LocalArticle>)> done)
{
    run<std::optional<LocalArticle>>([id](StoreDb &db) { return db.article(id); }, context, std::move(done));
}

void LocalStore::search(const QString &query, int limit, QObject *context,
                        std::function<void(std::expected<QList<QUuid>, QString>)> done)
{
    run<std::expected<QList<QUuid>, QString>>([query, limit](StoreDb &db) { return db.search(query, limit); }, context,
                                              std::move(done));
}

void LocalStore::saveDraft(const QUuid &id, const sync::ArticleText &text, const QUuid &authorId,
                           const QString &authorName, QObject *context,
                           std::function<void(std::expected<qint64, QString>)> done)
{
    const bool hasContext = context != nullptr;
    run<std::expected<qint64, QString>>([=](StoreDb &db) { return db.saveDraft(id, text, authorId, authorName); },
                                        hasContext ? context : this,
                                        [this, id, done = std::move(done)](std::expected<qint64, QString> result) {
                                            if (result)
                                                Q_EMIT changed({id});
                                            else
                                                Q_EMIT writeFailed(result.error());
                                            if (done)
                                                done(std::move(result));
                                        });
}

void LocalStore::setLanguage(const QUuid &id, const QString &language)
{
    write([id, language](StoreDb &db) { return db.setLanguage(id, language); }, {id});
}

} // namespace inkwell::engine
