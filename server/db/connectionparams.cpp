#include "connectionparams.h"

#include <QUrl>

#include <atomic>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace inkwell::server {

std::expected<ConnectionParams, QString> ConnectionParams::fromUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return std::unexpected(u"not a valid URL"_s);
    if (url.scheme() != u"postgres"_s && url.scheme() != u"postgresql"_s)
        return std::unexpected(u"must start with postgres:// or postgresql://"_s);
    ConnectionParams params;
    params.host = url.host();
    params.port = url.port(5432);
    params.user = url.userName();
    params.password = url.password();
    params.database = url.path().mid(1);
    const QUrlQuery query(url);
    QStringList options;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == u"host"_s) { // libpq style: ?host=/var/run/postgresql for a unix socket
            params.host = value;
            continue;
        }
        static const QStringList allowed = {u"sslmode"_s, u"connect_timeout"_s, u"application_name"_s,
                                            u"sslrootcert"_s, u"sslcert"_s, u"sslkey"_s, u"target_session_attrs"_s};
        if (!allowed.contains(key))
            return std::unexpected(u"unsupported parameter \"%1\""_s.arg(key));
        options << key + u'=' + value;
    }
    params.options = options.join(u';');
    if (params.host.isEmpty())
        return std::unexpected(u"names no host"_s);
    if (params.database.isEmpty() || params.database.contains(u'/'))
        return std::unexpected(u"names no database (postgres://user:pass@host:port/DATABASE)"_s);
    if (params.user.isEmpty())
        return std::unexpected(u"names no user"_s);
    return params;
}

QString ConnectionParams::uniqueConnectionName()
{
    // Connection names are global to the process; short-lived ones may be opened from any thread.
    static std::atomic<quint64> serial{0};
    return u"inkwell-oneoff-%1"_s.arg(++serial);
}

QSqlDatabase ConnectionParams::addDatabase(const QString &connectionName) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
    db.setHostName(host);
    db.setPort(port);
    db.setUserName(user);
    db.setPassword(password);
    db.setDatabaseName(database);
    QString connectOptions = options;
    // libpq's shortest (it reads 1 as 2): a server that does not answer holds up one thread for at most
    // this long, while ThreadDatabase answers the others "unavailable" within a second.
    if (!connectOptions.contains(u"connect_timeout"_s))
        connectOptions += (connectOptions.isEmpty() ? u""_s : u";"_s) + u"connect_timeout=2"_s;
    db.setConnectOptions(connectOptions);
    return db;
}

} // namespace inkwell::server
