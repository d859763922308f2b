#include "workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace inkwell::engine {

namespace {
constexpr int kSearchLimit = 100;
}

QString Workspace::storePath(const QString &dataDir, const QUrl &server, const QString &email)
{
    // Readable enough to find by hand, unique per server and account.
    const QByteArray identity =
        server.adjusted(QUrl::StripTrailingSlash).toString().toUtf8() + '\n' + email.toCaseFolded().toUtf8();
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(identity, QCryptographicHash::Sha256).toHex().left(16));
    QString host = server.host().isEmpty() ? server.scheme() : server.host();
    host.replace(QRegularExpression(u"[^A-Za-z0-9.-]"_s), u"_"_s);
    return QDir(dataDir).filePath(u"stores/%1-%2/library.sqlite"_s.arg(host, hash));
}

std::expected<std::unique_ptr<Workspace>, QString>
Workspace::open(api::ApiClient *client, const User &user, const QString &dataDir, const QUrl &server, QObject *parent)
{
    auto store = LocalStore::open(storePath(dataDir, server.isEmpty() ? client->server() : server, user.email));
    if (!store)
        return std::unexpected(store.error());
    return std::unique_ptr<Workspace>(new Workspace(client, user, std::move(*store), parent));
}

Workspace::Workspace(api::ApiClient *client, const User &user, std::unique_ptr<LocalStore> store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_user(user)
    , m_store(std::move(store))
{
    m_sync = std::make_unique<SyncEngine>(m_client, m_store.get());
    m_library = std::make_unique<LibraryModel>(m_store.get());
    m_draft = std::make_unique<DraftSession>(m_store.get(), user.id, user.fullName);
    connect(m_draft.get(), &DraftSession::saved, m_sync.get(), &SyncEngine::draftSaved);
    m_notifications = std::make_unique<NotificationCenter>(m_client);
    m_assist = std::make_unique<AssistSession>(m_client, user.role);
    m_conversations = std::make_unique<ConversationListModel>(m_client);
}

void Workspace::start()
{
    m_sync->setAutomatic(true);
    m_notifications->start();
    m_assist->start();
}

Workspace::~Workspace()
{
    // The open article's last words first, then the engine, then the store (which writes what is queued).
    m_notifications.reset();
    m_assist.reset();
    m_conversations.reset();
    m_draft.reset();
    m_sync.reset();
    m_library.reset();
    m_store.reset();
}

void Workspace::setUser(const User &user)
{
    if (user == m_user)
        return;
    m_user = user;
    m_draft->setAuthor(user.id, user.fullName);
    m_assist->setRole(user.role);
    Q_EMIT userChanged(user);
}

LibrarySearch::LibrarySearch(api::ApiClient *client, LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
{
    m_delay.setSingleShot(true);
    m_delay.setInterval(250);
    connect(&m_delay, &QTimer::timeout, this, &LibrarySearch::run);
}

void LibrarySearch::setQuery(const QString &text)
{
    m_query = text.trimmed();
    ++m_generation;
    if (m_query.isEmpty()) {
        m_delay.stop();
        Q_EMIT results(std::nullopt);
        return;
    }
    m_delay.start();
}

void LibrarySearch::run()
{
    const int generation = ++m_generation;
    const QString query = m_query;
    // The local index always answers (drafts that are only here, and offline); the server's ranking leads
    // when it answers.
    m_store->search(query, kSearchLimit, this, [this, generation, query](std::expected<QList<QUuid>, QString> local) {
        if (generation != m_generation)
            return;
        const QList<QUuid> localIds = local.value_or(QList<QUuid>());
        m_client->search(query, kSearchLimit, this,
                         [this, generation, localIds, local](api::ApiResult<QList<api::SearchHit>> hits) {
                             if (generation != m_generation)
                                 return;
                             if (!hits) {
                                 m_online = false;
                                 if (!local) {
                                     Q_EMIT failed(local.error());
                                     return;
                                 }
                                 if (!hits.error().isUnreachable() && hits.error().status != 401)
                                     Q_EMIT failed(hits.error().message());
                                 Q_EMIT results(localIds);
                                 return;
                             }
                             m_online = true;
                             QList<QUuid> ids;
                             for (const api::SearchHit &hit : *hits)
                                 ids.append(hit.article.id);
                             for (const QUuid &id : localIds) {
                                 if (!ids.contains(id))
                                     ids.append(id);
                             }
                             Q_EMIT results(ids);
                         });
    });
}

} // namespace inkwell::engine
