#pragma once

#include "model/role.h"

#include <QString>
#include <QUrl>
#include <QUuid>
#include <expected>

class QSettings;

namespace inkwell::engine {

/**
 * @brief The account the app is signed in to, as it is remembered between runs.
 *
 * Nothing here is secret (the refresh token lives in a SecretStore): it is what the app needs to open the right
 * local store and show who is signed in while the server cannot be reached.
 */
struct AccountInfo {
    QUrl server;                ///< the server's root, e.g. https://inkwell.example.com
    QUuid userId;               ///< the user's id on that server
    QString email;              ///< the address the user signs in with
    QString fullName;           ///< the name the server shows
    Role role = Role::Viewer;   ///< the role the server last said (the admin panel follows it)
    bool privateServer = false; ///< the server is the private one this app starts (its port changes per start)

    /// @brief A server and a user: enough to find the token and the local store.
    bool isValid() const { return server.isValid() && !userId.isNull(); }

    /// @brief The name the refresh token is filed under in the SecretStore: the server and the user. The private
    /// server's name leaves out its address, which changes at every start.
    QString secretKey() const;

    friend bool operator==(const AccountInfo &, const AccountInfo &) = default;
};

/// @brief Reads the remembered account from @p settings (group "account"); an invalid AccountInfo when none.
AccountInfo loadAccountInfo(QSettings &settings);
/// @brief Writes @p info to @p settings (group "account"), replacing what was there.
void saveAccountInfo(QSettings &settings, const AccountInfo &info);

/**
 * @brief Reads a server address as a user types it: "inkwell.example.com", "https://inkwell.example.com/",
 * "localhost:8080" or "http://127.0.0.1:8080".
 *
 * Without a scheme, https:// is assumed, except for this computer (localhost, 127.x, ::1), where http:// is.
 * Only http and https with a host work; no user name, password, query or fragment. The path is kept (a server
 * behind a reverse proxy may live under one) without its trailing slash.
 * @return the address, or a readable sentence saying what is wrong with it.
 */
std::expected<QUrl, QString> parseServerAddress(const QString &text);

/// @brief Whether @p url names this computer (localhost, 127.0.0.0/8, ::1): plain http cannot be overheard there.
bool isLoopbackUrl(const QUrl &url);

} // namespace inkwell::engine
