#pragma once

#include <QString>

namespace inkwell::server::ops {

/// @brief For root only: makes the bundled cluster of `dataDir` run as the user who owns the folder.
///
/// EmbeddedPostgres runs PostgreSQL as `postgres` when inkwelld is root, and hands the cluster folder to that
/// user. On a packaged server the folder belongs to the service's user `inkwell`: `sudo inkwelld backup` or
/// `sudo inkwelld migrate` would take the cluster away from the service. So, when the cluster (or the data
/// folder, before there is a cluster) belongs to a user other than root, INKWELL_PG_USER is set to that user,
/// unless the caller set it. Does nothing for other users.
void runClusterAsItsOwner(const QString &dataDir);

/// @brief For root only, after runClusterAsItsOwner() chose a user: hands the files root just made in `dataDir`
/// (db-password, jwt.key) to that user, so that the service can still read them.
void handFilesToClusterOwner(const QString &dataDir);

} // namespace inkwell::server::ops
