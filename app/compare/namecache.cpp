#include "namecache.h"

#include "api/apiclient.h"

namespace inkwell::app {

NameCache::NameCache(api::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

void NameCache::seed(const QUuid &id, const QString &name)
{
    if (!id.isNull() && !name.isEmpty())
        m_names.insert(id, name);
}

QString NameCache::name(const QUuid &id)
{
    if (const auto it = m_names.constFind(id); it != m_names.cend())
        return *it;
    if (m_client && !id.isNull() && !m_asked.contains(id)) {
        m_asked.insert(id);
        m_client->user(id, this, [this, id](api::ApiResult<User> user) {
            // An account the server no longer shows stays nameless; the views say "another account".
            if (user && !user->fullName.isEmpty()) {
                m_names.insert(id, user->fullName);
                Q_EMIT nameKnown(id, user->fullName);
            }
        });
    }
    return {};
}

} // namespace inkwell::app
