#include "syncmachine.h"

#include "awaitvalue.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace inkwell::test {

std::unique_ptr<SyncMachine> SyncMachine::open(const QUrl &server, const QString &email, const QString &password,
                                               bool registerAccount, const QString &storePath, QObject *context)
{
    auto m = std::make_unique<SyncMachine>();
    m->client = std::make_unique<api::ApiClient>(server);
    auto grant = await<api::ApiResult<api::AuthGrant>>([&](auto done) {
        if (registerAccount)
            m->client->registerAccount({email, password, u"Writer "_s + email.section(u'@', 0, 0)}, context, done);
        else
            m->client->login({email, password}, context, done);
    });
    if (!grant || !*grant) {
        qWarning() << "cannot sign in" << email << (grant && !*grant ? grant->error().message() : QString());
        return nullptr;
    }
    m->user = (*grant)->user;
    auto store = engine::LocalStore::open(storePath);
    if (!store) {
        qWarning() << store.error();
        return nullptr;
    }
    m->store = std::move(*store);
    m->engine = std::make_unique<engine::SyncEngine>(m->client.get(), m->store.get());
    return m;
}

bool SyncMachine::sync(int timeoutMs)
{
    QSignalSpy finished(engine.get(), &engine::SyncEngine::roundFinished);
    engine->syncNow();
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() && !engine->busy(); }, timeoutMs))
        return false;
    return finished.last().first().toBool();
}

bool SyncMachine::save(const QUuid &id, const sync::ArticleText &text, QObject *context)
{
    auto saved = await<std::expected<qint64, QString>>(
        [&](auto done) { store->saveDraft(id, text, user.id, user.fullName, context, done); });
    return saved && *saved;
}

std::optional<engine::LocalArticle> SyncMachine::local(const QUuid &id, QObject *context)
{
    auto article = await<std::optional<engine::LocalArticle>>([&](auto done) { store->article(id, context, done); });
    return article ? *article : std::nullopt;
}

} // namespace inkwell::test
