#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QUuid>

namespace inkwell::api {
class ApiClient;
}

namespace inkwell::app {

/**
 * @brief Names of the people who saved revisions: the server gives an account id, a reader wants a name.
 * Each unknown id is asked once (GET /users/{id}); nameKnown() follows when the answer comes.
 */
class NameCache : public QObject {
    Q_OBJECT
public:
    /// @brief Asks @p client (may be null: then only seeded names are known).
    explicit NameCache(api::ApiClient *client, QObject *parent = nullptr);

    /// @brief A name known without asking (the article's author).
    void seed(const QUuid &id, const QString &name);
    /// @brief The name of @p id, empty while unknown; asks the server the first time.
    QString name(const QUuid &id);

Q_SIGNALS:
    void nameKnown(const QUuid &id, const QString &name);

private:
    api::ApiClient *m_client;
    QHash<QUuid, QString> m_names;
    QSet<QUuid> m_asked;
};

} // namespace inkwell::app
