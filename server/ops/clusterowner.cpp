#include "clusterowner.h"

#include <QFile>
#include <QLoggingCategory>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcOwner, "inkwell.server.ops")

namespace inkwell::server::ops {

namespace {

bool g_chosen = false; // runClusterAsItsOwner() set INKWELL_PG_USER (one command per process)

} // namespace

void runClusterAsItsOwner(const QString &dataDir)
{
    if (::geteuid() != 0 || qEnvironmentVariableIsSet("INKWELL_PG_USER"))
        return;
    for (const QString &path : {QString(dataDir + u"/postgres/data"_s), dataDir}) {
        struct stat st {};
        if (::stat(QFile::encodeName(path).constData(), &st) != 0)
            continue;
        if (st.st_uid == 0)
            return;
        if (const passwd *pw = ::getpwuid(st.st_uid)) {
            qCInfo(lcOwner, "running the bundled PostgreSQL as %s, the owner of %s", pw->pw_name, qPrintable(path));
            qputenv("INKWELL_PG_USER", QByteArray(pw->pw_name));
            g_chosen = true;
        }
        return;
    }
}

void handFilesToClusterOwner(const QString &dataDir)
{
    if (!g_chosen || ::geteuid() != 0)
        return;
    const passwd *pw = ::getpwnam(qgetenv("INKWELL_PG_USER").constData());
    if (!pw || pw->pw_uid == 0)
        return;
    for (const QString &name : {u"db-password"_s, u"jwt.key"_s}) {
        const QByteArray path = QFile::encodeName(dataDir + u'/' + name);
        struct stat st {};
        if (::stat(path.constData(), &st) != 0 || st.st_uid != 0)
            continue;
        if (::chown(path.constData(), pw->pw_uid, pw->pw_gid) != 0)
            qCWarning(lcOwner, "cannot hand %s to %s", path.constData(), pw->pw_name);
    }
}

} // namespace inkwell::server::ops
