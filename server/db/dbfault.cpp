#include "dbfault.h"

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

/// libpq's messages when the connection broke and no SQLSTATE came with the failure.
constexpr QStringView kLostConnectionWords[] = {
    u"server closed the connection",
    u"no connection to the server",
    u"could not send data to server",
    u"could not receive data from server",
    u"connection to server",
    u"terminating connection",
    u"could not connect to server",
    u"Connection refused",
    u"SSL connection has been closed",
    u"the database system is",
    u"connection is bad",
};

} // namespace

DbFault classifyDbError(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    if (code == u"53100"_s) // disk_full
        return DbFault::StorageFull;
    if (code.startsWith(u"08"_s) // connection_exception
        || code == u"57P01"_s    // admin_shutdown
        || code == u"57P02"_s    // crash_shutdown
        || code == u"57P03"_s    // cannot_connect_now (starting up, shutting down, in recovery)
        || code == u"53200"_s    // out_of_memory
        || code == u"53300"_s    // too_many_connections
        || code == u"25006"_s)   // read_only_sql_transaction (a standby after a fail-over)
        return DbFault::Unavailable;
    if (!code.isEmpty())
        return DbFault::Statement;
    if (error.type() == QSqlError::ConnectionError)
        return DbFault::Unavailable;
    const QString text = error.databaseText() + u' ' + error.driverText();
    for (const QStringView words : kLostConnectionWords) {
        if (text.contains(words, Qt::CaseInsensitive))
            return DbFault::Unavailable;
    }
    return DbFault::Statement;
}

bool failedBeforeSending(const QSqlError &error)
{
    if (!error.nativeErrorCode().isEmpty())
        return false; // the server answered: the statement arrived
    const QString text = error.databaseText() + u' ' + error.driverText();
    return text.contains(u"no connection to the server"_s, Qt::CaseInsensitive) ||
           text.contains(u"could not send data to server"_s, Qt::CaseInsensitive);
}

} // namespace inkwell::server
