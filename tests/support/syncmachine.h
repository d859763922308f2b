#pragma once

#include "api/apiclient.h"
#include "localstore.h"
#include "syncengine.h"

#include <QUrl>
#include <memory>
#include <optional>

namespace inkwell::test {

/// @brief One computer of a sync test: its own API client, local store and sync engine, signed in as one user.
struct SyncMachine {
    std::unique_ptr<api::ApiClient> client;
    std::unique_ptr<engine::LocalStore> store;
    std::unique_ptr<engine::SyncEngine> engine;
    User user;

    /// @brief Signs in to @p server (registering first when @p registerAccount, as "Writer <name>") and opens a
    /// store at @p storePath; nullptr (with a warning) when either fails. @p context receives the callbacks.
    static std::unique_ptr<SyncMachine> open(const QUrl &server, const QString &email, const QString &password,
                                             bool registerAccount, const QString &storePath, QObject *context);

    /// @brief Asks for a sync round and waits until the engine is idle (a round asked while another runs follows
    /// it); the last round's result, false on a time-out.
    bool sync(int timeoutMs = 60000);
    /// @brief Saves a draft into the store as this machine's user; true once committed.
    bool save(const QUuid &id, const sync::ArticleText &text, QObject *context);
    /// @brief The store's copy of one article.
    std::optional<engine::LocalArticle> local(const QUuid &id, QObject *context);
};

} // namespace inkwell::test
