#pragma once

#include <QSqlError>
#include <QString>

namespace inkwell::server {

/// @brief What a failed statement or connection attempt says about the database.
enum class DbFault {
    Statement,   ///< the statement itself failed (a constraint, a bad value...): the connection is fine
    Unavailable, ///< the server is gone, refuses connections or is shutting down / starting up / read-only
    StorageFull, ///< the server answers but has no disk space left (SQLSTATE 53100)
};

/// @brief Classifies a database error by its SQLSTATE (or, when the driver has none because no answer came,
/// by libpq's words for a lost connection). The one place that decides which errors mean "try again later".
DbFault classifyDbError(const QSqlError &error);

/// @brief Whether the statement cannot have reached the server: libpq found the connection gone before it
/// sent anything. Only such a statement may be sent again on a fresh connection; one that failed later
/// (even with the connection lost) may have been committed.
bool failedBeforeSending(const QSqlError &error);

} // namespace inkwell::server
