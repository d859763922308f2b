#pragma once

#include "api/apiclient.h"
#include "assistsession.h"
#include "conversationlistmodel.h"
#include "draftsession.h"
#include "librarymodel.h"
#include "localstore.h"
#include "notificationcenter.h"
#include "syncengine.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace inkwell::engine {

/**
 * @brief Everything the app holds for one signed-in account on one server: its local store, the sync engine,
 * the library model and the open article's session. Made after sign-in (or at an offline start with the
 * account remembered), dropped at sign-out; the widgets bind to what it holds.
 */
class Workspace : public QObject {
    Q_OBJECT
public:
    /// @brief Opens the account's store under @p dataDir: one store per server and account, so a second server or
    /// account never mixes with this one. @p server names the server (default: the client's; the private server,
    /// whose port changes at every start, gives a fixed name instead).
    static std::expected<std::unique_ptr<Workspace>, QString> open(api::ApiClient *client, const User &user,
                                                                   const QString &dataDir, const QUrl &server = {},
                                                                   QObject *parent = nullptr);
    /// @brief Where the store of @p email on @p server lives under @p dataDir.
    static QString storePath(const QString &dataDir, const QUrl &server, const QString &email);
    ~Workspace() override;

    api::ApiClient *client() const { return m_client; }
    LocalStore *store() const { return m_store.get(); }
    SyncEngine *sync() const { return m_sync.get(); }
    LibraryModel *library() const { return m_library.get(); }
    DraftSession *draft() const { return m_draft.get(); }
    NotificationCenter *notifications() const { return m_notifications.get(); }
    AssistSession *assist() const { return m_assist.get(); }
    ConversationListModel *conversations() const { return m_conversations.get(); }
    /// @brief Starts what talks to the server by itself: automatic sync, the notification stream, the AI
    /// assists' availability and quota.
    void start();
    const User &user() const { return m_user; }
    /// @brief The user as the server last said (a role change arrives with the next token refresh).
    void setUser(const User &user);

Q_SIGNALS:
    void userChanged(const inkwell::User &user);

private:
    Workspace(api::ApiClient *client, const User &user, std::unique_ptr<LocalStore> store, QObject *parent);

    api::ApiClient *m_client;
    User m_user;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<SyncEngine> m_sync;
    std::unique_ptr<LibraryModel> m_library;
    std::unique_ptr<DraftSession> m_draft;
    std::unique_ptr<NotificationCenter> m_notifications;
    std::unique_ptr<AssistSession> m_assist;
    std::unique_ptr<ConversationListModel> m_conversations;
};

/**
 * @brief The library's search box: the server's full-text search while online, the local FTS5 index offline
 * (and for drafts that exist only here). Results arrive as ids in rank order; stale answers are dropped.
 */
class LibrarySearch : public QObject {
    Q_OBJECT
public:
    LibrarySearch(api::ApiClient *client, LocalStore *store, QObject *parent = nullptr);

    /// @brief Searches for @p text after a short pause (typing); empty text ends the search.
    void setQuery(const QString &text);
    QString query() const { return m_query; }
    /// @brief Where the last results came from.
    bool online() const { return m_online; }
    void setDelayMs(int ms) { m_delay.setInterval(ms); }

Q_SIGNALS:
    /// @brief Ids by rank; std::nullopt when the search ended.
    void results(const std::optional<QList<QUuid>> &ids);
    /// @brief A search that could not run (shown under the box).
    void failed(const QString &message);

private:
    void run();

    api::ApiClient *m_client;
    LocalStore *m_store;
    QTimer m_delay;
    QString m_query;
    int m_generation = 0;
    bool m_online = false;
};

} // namespace inkwell::engine
