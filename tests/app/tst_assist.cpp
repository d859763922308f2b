// The AI assists of the desktop: the engine's AssistSession (no window) and the AssistPanel / AssistActions
// (offscreen), against the real inkwelld (its bundled PostgreSQL) whose AI upstream is the fake of
// tests/support/fakeupstream.h. What is asserted is what a user sees: text arriving in a new draft, fields filled,
// one undo taking an insert back, the quota line, a 429's reset time, disabled actions with their reason.
#include "api/apiclient.h"
#include "assist/assistactions.h"
#include "assist/assistpanel.h"
#include "assistsession.h"
#include "fakeupstream.h"
#include "inkwelldprocess.h"
#include "jsonmemberstream.h"
#include "translations.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace inkwell;
using app::ArticleFields;
using app::AssistActions;
using app::AssistPanel;
using engine::AssistSession;
using test::FakeUpstream;
using test::InkwelldProcess;

namespace {

const QString kPassword = u"assist test passphrase 42"_s;

/// The reply the server's /health/ai probe gets (GET /v1/models), whenever nothing else is queued.
FakeUpstream::Reply modelsReply()
{
    FakeUpstream::Reply reply;
    reply.headers = {{"Content-Type", "application/json"}};
    reply.chunks = {{R"({"object": "list", "data": [{"id": "test-model", "object": "model"}]})", 0}};
    return reply;
}

FakeUpstream::Reply jsonText(const QJsonObject &answer)
{
    return FakeUpstream::openaiText({QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact))});
}

/// The text the user sent upstream in an OpenAI request (the last message).
QString upstreamPrompt(const FakeUpstream::Request &request)
{
    const QJsonArray messages = request.json().value(u"messages"_s).toArray();
    return messages.isEmpty() ? QString() : messages.last().toObject().value(u"content"_s).toString();
}

/// A signed-in account on a server.
struct Account {
    std::unique_ptr<api::ApiClient> client;
    User user;
};

/// A window with an open article (editor, title, excerpt, tags), the assist panel beside it and the AI actions;
/// "generate" makes new articles in the same window.
struct Desk {
    QWidget window;
    AssistSession *session = nullptr;
    ArticleFields current;
    QList<ArticleFields> created;
    AssistPanel *panel = nullptr;
    AssistActions *actions = nullptr;
    QVBoxLayout *column = nullptr;

    Desk(api::ApiClient *client, Role role)
    {
        window.setObjectName(u"testWindow"_s);
        window.resize(1100, 800);
        auto *layout = new QHBoxLayout(&window);
        auto *articleColumn = new QVBoxLayout;
        layout->addLayout(articleColumn, 2);
        column = articleColumn;
        current = makeArticle(u"current"_s);
        session = new AssistSession(client, role, &window);
        panel = new AssistPanel(
            session, current,
            [this] {
                created.append(makeArticle(u"new"_s));
                return created.constLast();
            },
            &window);
        layout->addWidget(panel, 1);
        actions = new AssistActions(session, panel, &window);
        window.addActions(actions->actions());
        session->start();
    }

    ArticleFields makeArticle(const QString &prefix)
    {
        ArticleFields fields;
        fields.title = new QLineEdit(&window);
        fields.title->setObjectName(prefix + u"Title"_s);
        fields.excerpt = new QLineEdit(&window);
        fields.excerpt->setObjectName(prefix + u"Excerpt"_s);
        fields.tags = new QLineEdit(&window);
        fields.tags->setObjectName(prefix + u"Tags"_s);
        fields.editor = new QPlainTextEdit(&window);
        fields.editor->setObjectName(prefix + u"Editor"_s);
        for (QWidget *widget :
             std::initializer_list<QWidget *>{fields.title, fields.excerpt, fields.tags, fields.editor})
            column->addWidget(widget);
        return fields;
    }

    template <typename T> T *find(const QString &name) const
    {
        T *child = window.findChild<T *>(name);
        if (!child)
            qWarning() << "no widget" << name;
        return child;
    }
    QLabel *label(const QString &name) const { return find<QLabel>(name); }
    QPushButton *button(const QString &name) const { return find<QPushButton>(name); }
    /// With INKWELL_SCREENSHOT_DIR set, saves the window there as NAME.png (to look at the panel).
    void snapshot(const QString &name)
    {
        if (const QByteArray dir = qgetenv("INKWELL_SCREENSHOT_DIR"); !dir.isEmpty())
            window.grab().save(QString::fromLocal8Bit(dir) + u'/' + name + u".png"_s);
    }
    /// Known: the health answer and the quota arrived.
    bool settled() const
    {
        return session->availability() != AssistSession::Availability::Checking && session->quota().has_value();
    }
};

} // namespace

class TestAssist : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    // No server needed.
    void contentStreamsOutOfTheJsonAnswer_data();
    void contentStreamsOutOfTheJsonAnswer();
    void quotaLine_data();
    void quotaLine();
    void limitLine_data();
    void limitLine();
    void suggestedTagsMerge_data();
    void suggestedTagsMerge();
    void shortcutsAreFreeAndEveryControlIsNamed();

    // Against inkwelld with a provider.
    void sessionKnowsProviderAndQuota();
    void generatedDraftStreamsIntoANewArticle();
    void stopKeepsWhatCame();
    void summaryIsInsertedAsOneUndoStep();
    void acceptedTitleIsUndoneAndTagsMerge();
    void quotaLineChangesAfterAUse();
    void upstreamErrorsShowInline();
    void viewersMayNotUseAssists();

    // A second inkwelld: without a provider, then with a tiny daily quota.
    void withoutProviderEveryActionIsDisabledWithTheReason();
    void usedUpQuotaSaysWhenItResets();

private:
    bool signUp(const QUrl &server, const QString &name, Account &account);

    std::unique_ptr<FakeUpstream> m_fake;
    std::unique_ptr<InkwelldProcess> m_server;
    std::unique_ptr<InkwelldProcess> m_other;
    Account m_admin;
    Account m_creator;
};

bool TestAssist::signUp(const QUrl &server, const QString &name, Account &account)
{
    static int serial = 0;
    account.client = std::make_unique<api::ApiClient>(server);
    std::optional<api::ApiResult<api::AuthGrant>> result;
    account.client->registerAccount(
        {u"assist%1-%2@example.com"_s.arg(++serial).arg(QUuid::createUuid().toString(QUuid::Id128).left(8)), kPassword,
         name},
        this, [&result](api::ApiResult<api::AuthGrant> grant) { result = std::move(grant); });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 30000) || !*result) {
        qWarning() << "sign-up failed:" << (result && !*result ? result->error().message() : u"no answer"_s);
        return false;
    }
    account.user = (*result)->user;
    return true;
}

void TestAssist::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    // The English translation carries the plural forms ("1 token", "2 tokens").
    QVERIFY(app::installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
    m_fake = std::make_unique<FakeUpstream>();
    m_fake->setFallback(modelsReply());
    m_server = std::make_unique<InkwelldProcess>();
    m_server->setEnvironment(u"INKWELL_AI_PROVIDER"_s, u"openai"_s);
    m_server->setEnvironment(u"INKWELL_AI_MODEL"_s, u"test-model"_s);
    m_server->setEnvironment(u"INKWELL_AI_BASE_URL"_s, m_fake->baseUrl());
    m_server->setEnvironment(u"INKWELL_AI_REQUESTS_PER_MIN"_s, u"1000"_s);
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    QVERIFY(signUp(m_server->url(), u"Ada Admin"_s, m_admin)); // the first account of a server is its admin
    QCOMPARE(m_admin.user.role, Role::Admin);
    QVERIFY(signUp(m_server->url(), u"Cora Creator"_s, m_creator));
    QCOMPARE(m_creator.user.role, Role::Creator);
}

void TestAssist::cleanupTestCase()
{
    m_admin.client.reset();
    m_creator.client.reset();
    if (m_fake)
        m_fake->release();
    m_other.reset();
    m_server.reset();
    m_fake.reset();
}

void TestAssist::cleanup()
{
    if (m_fake)
        m_fake->release(); // a held reply never outlives its test
}

// ---- no server ------------------------------------------------------------------------------------------------

void TestAssist::contentStreamsOutOfTheJsonAnswer_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("content");
    QTest::newRow("plain") << uR"({"title": "T", "content": "Hello world", "tags": []})"_s << u"Hello world"_s;
    QTest::newRow("content first, nested members around")
        << uR"({"content": "Body", "meta": {"content": "not this"}, "tags": ["content"]})"_s << u"Body"_s;
    QTest::newRow("after a nested member with the same name")
        << uR"({"meta": {"content": "not this"}, "list": [{"content": "nor this"}], "content": "This"})"_s << u"This"_s;
    QTest::newRow("escapes") << uR"({"content": "# T\n\nA \"quote\", a \\ and a tab\t.\/"})"_s
                             << u"# T\n\nA \"quote\", a \\ and a tab\t./"_s;
    QTest::newRow("unicode escapes and a surrogate pair")
        << uR"({"content": "caf\u00e9 \ud83d\ude00 ok"})"_s << u"café 😀 ok"_s;
    QTest::newRow("raw non-ASCII") << uR"({"content": "Grüße 😀"})"_s << u"Grüße 😀"_s;
    QTest::newRow("code fence and prose before")
        << u"Here you go:\n```json\n{\"content\": \"Fenced\"}\n```"_s << u"Fenced"_s;
    QTest::newRow("a key that only contains the name") << uR"({"contents": "no", "content": "yes"})"_s << u"yes"_s;
    QTest::newRow("a value equal to the name is not a key") << uR"({"title": "content", "x": "no"})"_s << QString();
    QTest::newRow("not a string") << uR"({"content": ["a", "b"], "title": "t"})"_s << QString();
    QTest::newRow("no JSON at all") << u"I cannot write that."_s << QString();
    QTest::newRow("empty content") << uR"({"content": "", "title": "x"})"_s << QString();
    QTest::newRow("a second content member is ignored") << uR"({"content": "one", "content": "two"})"_s << u"one"_s;
    QTest::newRow("literal line break (lenient)") << u"{\"content\": \"a\nb\"}"_s << u"a\nb"_s;
    QTest::newRow("broken \\u escape") << uR"({"content": "x\uZZ"})"_s << u"x\uFFFDZZ"_s;
}

void TestAssist::contentStreamsOutOfTheJsonAnswer()
{
    QFETCH(QString, answer);
    QFETCH(QString, content);
    // Whole, then cut at every position into two pieces, then one character at a time: always the same text.
    {
        engine::JsonMemberStream stream(u"content"_s);
        QCOMPARE(stream.feed(answer), content);
    }
    for (qsizetype cut = 0; cut <= answer.size(); ++cut) {
        engine::JsonMemberStream stream(u"content"_s);
        QString joined = stream.feed(QStringView(answer).left(cut));
        joined += stream.feed(QStringView(answer).mid(cut));
        QVERIFY2(joined == content, qPrintable(u"cut at %1: %2"_s.arg(cut).arg(joined)));
    }
    engine::JsonMemberStream stream(u"content"_s);
    QString pieces;
    for (const QChar c : answer) {
        const QString piece = stream.feed(QStringView(&c, 1));
        // Never half a character: a piece does not end in a high surrogate.
        QVERIFY(piece.isEmpty() || !piece.back().isHighSurrogate());
        pieces += piece;
    }
    QCOMPARE(pieces, content);
    QCOMPARE(stream.text(), content);
}

void TestAssist::quotaLine_data()
{
    QTest::addColumn<qint64>("perDay");
    QTest::addColumn<qint64>("used");
    QTest::addColumn<QString>("expected");
    QTest::newRow("some used") << qint64(200000) << qint64(187600) << u"12,400 of 200,000 tokens left today"_s;
    QTest::newRow("none used") << qint64(200000) << qint64(0) << u"200,000 of 200,000 tokens left today"_s;
    QTest::newRow("used up") << qint64(1000) << qint64(1000) << u"0 of 1,000 tokens left today"_s;
    QTest::newRow("over (never below 0)") << qint64(1000) << qint64(1013) << u"0 of 1,000 tokens left today"_s;
    QTest::newRow("a daily quota of one") << qint64(1) << qint64(0) << u"1 of 1 token left today"_s;
    QTest::newRow("unlimited") << qint64(0) << qint64(5000) << u"Unlimited"_s;
}

void TestAssist::quotaLine()
{
    QFETCH(qint64, perDay);
    QFETCH(qint64, used);
    QFETCH(QString, expected);
    QJsonObject json{{u"tokens_per_day"_s, perDay},
                     {u"tokens_used_today"_s, used},
                     {u"requests_per_minute"_s, 20},
                     {u"resets_at"_s, u"2026-12-07T00:00:00.000Z"_s}};
    json.insert(u"tokens_remaining"_s, perDay == 0 ? QJsonValue() : QJsonValue(std::max<qint64>(0, perDay - used)));
    const Parsed<api::AiQuota> quota = api::aiQuotaFromJson(json);
    QVERIFY(quota);
    QCOMPARE(quota->unlimited(), perDay == 0);
    const QString line = AssistSession::quotaText(*quota, QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(line, expected);
    QCOMPARE(AssistSession::quotaText(std::nullopt, QLocale()), QString());
}

void TestAssist::limitLine_data()
{
    QTest::addColumn<bool>("daily");
    QTest::addColumn<QString>("now");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<QString>("expected");
    QTest::newRow("day, hours") << true << u"2026-12-06T20:48:00Z"_s << 11520
                                << u"AI quota used up; it resets at 00:00 UTC (in 3 h 12 min)"_s;
    QTest::newRow("day, minutes rounded up")
        << true << u"2026-12-06T23:47:30Z"_s << 750 << u"AI quota used up; it resets at 00:00 UTC (in 13 min)"_s;
    QTest::newRow("day, seconds") << true << u"2026-12-06T23:59:40Z"_s << 20
                                  << u"AI quota used up; it resets at 00:00 UTC (in 20 s)"_s;
    QTest::newRow("day, Retry-After a second short") << true << u"2026-12-06T20:48:00.600Z"_s << 11519
                                                     << u"AI quota used up; it resets at 00:00 UTC (in 3 h 12 min)"_s;
    QTest::newRow("minute") << false << u"2026-12-06T10:15:40Z"_s << 20 << u"Too many requests; try again in 20 s"_s;
    QTest::newRow("minute, at least 1 s")
        << false << u"2026-12-06T10:15:59Z"_s << 0 << u"Too many requests; try again in 1 s"_s;
}

void TestAssist::limitLine()
{
    QFETCH(bool, daily);
    QFETCH(QString, now);
    QFETCH(int, retryAfter);
    QFETCH(QString, expected);
    const QDateTime at = QDateTime::fromString(now, Qt::ISODateWithMs);
    QVERIFY(at.isValid());
    QCOMPARE(AssistSession::limitText(daily, at.addSecs(retryAfter), at), expected);
}

void TestAssist::suggestedTagsMerge_data()
{
    QTest::addColumn<QString>("existing");
    QTest::addColumn<QStringList>("suggested");
    QTest::addColumn<QString>("merged");
    QTest::newRow("empty field") << QString() << QStringList{u"bread"_s, u"baking"_s} << u"bread, baking"_s;
    QTest::newRow("no duplicates ignoring case")
        << u"Bread, yeast"_s << QStringList{u"bread"_s, u"sourdough"_s, u"YEAST"_s} << u"Bread, yeast, sourdough"_s;
    QTest::newRow("messy field") << u" ,Bread ,, rye  flour ,"_s << QStringList{u"rye flour"_s, u"Rye"_s}
                                 << u"Bread, rye flour, Rye"_s;
    QTest::newRow("nothing suggested") << u"a, b"_s << QStringList{} << u"a, b"_s;
    QTest::newRow("Unicode case") << u"Straße"_s << QStringList{u"STRASSE"_s, u"ÉTÉ"_s, u"été"_s}
                                  << u"Straße, STRASSE, ÉTÉ"_s;
}

void TestAssist::suggestedTagsMerge()
{
    QFETCH(QString, existing);
    QFETCH(QStringList, suggested);
    QFETCH(QString, merged);
    QCOMPARE(AssistPanel::mergedTags(existing, suggested), merged);
}

void TestAssist::shortcutsAreFreeAndEveryControlIsNamed()
{
    api::ApiClient client(QUrl(u"http://127.0.0.1:9"_s));
    Desk desk(&client, Role::Creator);
    // The main window's own shortcuts, and the desktop's (GNOME opens a terminal on Ctrl+Alt+T).
    const QStringList taken{u"Ctrl+N"_s,       u"Ctrl+S"_s,       u"Ctrl+F"_s,       u"Ctrl+H"_s,
                            u"Ctrl+K"_s,       u"Ctrl+B"_s,       u"Ctrl+I"_s,       u"Ctrl+Shift+P"_s,
                            u"Ctrl+Shift+K"_s, u"Ctrl+Shift+F"_s, u"Ctrl+Shift+O"_s, u"Ctrl+Shift+V"_s,
                            u"Ctrl+1"_s,       u"Ctrl+2"_s,       u"Ctrl+Alt+H"_s,   u"F11"_s,
                            u"Ctrl+Alt+T"_s,   u"Ctrl+Alt+Del"_s, u"Ctrl+Alt+L"_s,   u"Ctrl+Z"_s};
    QSet<QString> seen;
    for (QAction *action : desk.actions->actions()) {
        QVERIFY2(!action->objectName().isEmpty(), qPrintable(action->text()));
        const QString keys = action->shortcut().toString(QKeySequence::PortableText);
        QVERIFY2(!keys.isEmpty(), qPrintable(action->objectName()));
        QVERIFY2(!taken.contains(keys), qPrintable(keys));
        QVERIFY2(!seen.contains(keys), qPrintable(keys));
        seen.insert(keys);
    }
    QCOMPARE(desk.actions->generateAction()->shortcut(), QKeySequence(u"Ctrl+Alt+G"_s));
    QCOMPARE(desk.actions->summarizeAction()->shortcut(), QKeySequence(u"Ctrl+Alt+S"_s));
    QCOMPARE(desk.actions->undoSuggestionAction()->shortcut(), QKeySequence(u"Ctrl+Alt+Z"_s));
    // Every widget of the panel is named for tests and screen readers (Qt's own inner parts aside).
    const auto qtInternal = [](const QWidget *widget) {
        return widget->objectName().startsWith(u"qt_"_s) || widget->inherits("QScrollBar") ||
               widget->inherits("QComboBoxPrivateContainer") || widget->inherits("QAbstractItemView") ||
               widget->inherits("QComboBoxPrivateScroller") || widget->inherits("QFocusFrame");
    };
    int checked = 0;
    for (QWidget *widget : desk.panel->findChildren<QWidget *>()) {
        if (qtInternal(widget))
            continue;
        QVERIFY2(!widget->objectName().isEmpty(), widget->metaObject()->className());
        QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
        ++checked;
    }
    QVERIFY(checked > 25);
}

// ---- with a provider ------------------------------------------------------------------------------------------

void TestAssist::sessionKnowsProviderAndQuota()
{
    AssistSession session(m_creator.client.get(), m_creator.user.role);
    QSignalSpy availability(&session, &AssistSession::availabilityChanged);
    QCOMPARE(session.availability(), AssistSession::Availability::Checking);
    QVERIFY(!session.available());
    QVERIFY(!session.unavailableReason().isEmpty());
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.availability(), AssistSession::Availability::Available, 20000);
    QVERIFY(session.unavailableReason().isEmpty());
    QVERIFY(availability.count() >= 1);
    QCOMPARE(session.providerName(), u"openai · test-model"_s);
    QTRY_VERIFY_WITH_TIMEOUT(session.quota().has_value(), 20000);
    QCOMPARE(session.quota()->tokensPerDay, 200000); // the creator's default
    QVERIFY(session.quota()->resetsAt > QDateTime::currentDateTimeUtc());
    QCOMPARE(session.quota()->resetsAt.time(), QTime(0, 0));
    QVERIFY(!session.limited());
    QVERIFY(session.limitText().isEmpty());

    // The admin's day has no limit.
    AssistSession admin(m_admin.client.get(), m_admin.user.role);
    admin.start();
    QTRY_VERIFY_WITH_TIMEOUT(admin.quota().has_value(), 20000);
    QVERIFY(admin.quota()->unlimited());
    QCOMPARE(admin.quotaText(), u"Unlimited"_s);
}

void TestAssist::generatedDraftStreamsIntoANewArticle()
{
    Desk desk(m_creator.client.get(), m_creator.user.role);
    desk.window.show();
    QTRY_VERIFY_WITH_TIMEOUT(desk.settled(), 20000);
    const QStringList pieces{uR"({"title": "Sourdough at home", "content": "# Sourdough\n\nA lively starter)"_s,
                             u" is the whole secret."_s,
                             uR"(\n\nFeed it daily.", "excerpt": "Starter first.", "tags": ["bread", "baking"]})"_s};
    FakeUpstream::Reply reply = FakeUpstream::openaiText(pieces);
    reply.chunks = reply.chunks.mid(0, 1 + pieces.size() + 1); // role, pieces, finish; then held open
    reply.chunks[3].delayMs = 300;
    reply.end = FakeUpstream::Reply::End::Hold;
    m_fake->enqueue(reply);
    const qsizetype requestsBefore = m_fake->requests().size();

    desk.current.editor->setPlainText(u"The article that was open stays as it was."_s);
    auto *prompt = desk.find<QPlainTextEdit>(u"generatePrompt"_s);
    QVERIFY(prompt);
    desk.actions->generateAction()->trigger(); // Ctrl+Alt+G: to the prompt
    QTRY_VERIFY(prompt->hasFocus() || !desk.window.isActiveWindow());
    QTest::keyClicks(prompt, u"Sourdough for beginners"_s);
    desk.find<QComboBox>(u"generateStyle"_s)->setCurrentText(u"friendly"_s);
    QTest::mouseClick(desk.button(u"generateButton"_s), Qt::LeftButton);

    QCOMPARE(desk.created.size(), 1);
    const ArticleFields draft = desk.created.first();
    // Intermediate text arrives while the upstream is still held open: no title yet, Stop available.
    QTRY_VERIFY_WITH_TIMEOUT(draft.editor->toPlainText().contains(u"A lively starter"_s), 20000);
    QVERIFY(desk.panel->generating());
    QVERIFY(draft.title->text().isEmpty());
    QVERIFY(draft.editor->isReadOnly());
    QVERIFY(desk.button(u"stopButton"_s)->isEnabled());
    QVERIFY(!desk.button(u"generateButton"_s)->isEnabled());
    QVERIFY(desk.actions->stopAction()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(draft.editor->toPlainText().endsWith(u"Feed it daily."_s), 20000);
    QVERIFY(desk.panel->generating());
    QVERIFY(draft.title->text().isEmpty());
    desk.snapshot(u"assist-generating"_s);

    m_fake->release();
    QTRY_COMPARE_WITH_TIMEOUT(draft.title->text(), u"Sourdough at home"_s, 20000);
    QCOMPARE(draft.editor->toPlainText(), u"# Sourdough\n\nA lively starter is the whole secret.\n\nFeed it daily."_s);
    QCOMPARE(draft.excerpt->text(), u"Starter first."_s);
    QCOMPARE(draft.tags->text(), u"bread, baking"_s);
    QVERIFY(!draft.editor->isReadOnly());
    QTRY_VERIFY(!desk.panel->generating());
    QVERIFY(desk.label(u"generateMessage"_s)->text().contains(u"Sourdough at home"_s));
    QCOMPARE(desk.current.editor->toPlainText(), u"The article that was open stays as it was."_s);
    // One undo takes the generated text away as a whole.
    draft.editor->undo();
    QCOMPARE(draft.editor->toPlainText(), QString());

    QCOMPARE(m_fake->requests().size(), requestsBefore + 1);
    const QString asked = upstreamPrompt(m_fake->requests().constLast());
    QVERIFY2(asked.contains(u"Sourdough for beginners"_s) && asked.contains(u"friendly"_s), qPrintable(asked));
}

void TestAssist::stopKeepsWhatCame()
{
    Desk desk(m_creator.client.get(), m_creator.user.role);
    QTRY_VERIFY_WITH_TIMEOUT(desk.settled(), 20000);
    const QStringList pieces{uR"({"title": "Rye", "content": "Rye is dense)"_s, u" and dark.\", \"tags\": []}"_s};
    FakeUpstream::Reply reply = FakeUpstream::openaiText(pieces);
    reply.chunks = reply.chunks.mid(0, 2); // role and the first piece, then nothing
    reply.end = FakeUpstream::Reply::End::Hold;
    m_fake->enqueue(reply);
    const int abortsBefore = m_fake->clientAborts();

    desk.find<QPlainTextEdit>(u"generatePrompt"_s)->setPlainText(u"Rye bread"_s);
    QVERIFY(desk.panel->generate());
    const ArticleFields draft = desk.created.constLast();
    QTRY_COMPARE_WITH_TIMEOUT(draft.editor->toPlainText(), u"Rye is dense"_s, 20000);
    desk.actions->stopAction()->trigger(); // Ctrl+Alt+X
    QVERIFY(!desk.panel->generating());
    QCOMPARE(draft.editor->toPlainText(), u"Rye is dense"_s);
    QVERIFY(!draft.editor->isReadOnly());
    QVERIFY(draft.title->text().isEmpty());
    QVERIFY(desk.label(u"generateMessage"_s)->text().contains(u"kept"_s));
    QVERIFY(desk.button(u"generateButton"_s)->isEnabled());
    // The server let go of the upstream call when the app went away.
    QVERIFY(m_fake->waitForClientAborts(abortsBefore + 1, 20000));
}

void TestAssist::summaryIsInsertedAsOneUndoStep()
{
    Desk desk(m_creator.client.get(), m_creator.user.role);
    QTRY_VERIFY_WITH_TIMEOUT(desk.settled(), 20000);
    m_fake->enqueue(
        jsonText({{u"summary"_s, u"Bread needs time."_s}, {u"key_points"_s, QJsonArray{u"flour"_s, u"water"_s}}}));
    const QString original = u"Intro paragraph about bread.\n\nSecond paragraph about water."_s;
    QPlainTextEdit *editor = desk.current.editor;
    editor->setPlainText(original);
    QTextCursor selection(editor->document());
    selection.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    editor->setTextCursor(selection);
    QCOMPARE(desk.button(u"summarizeButton"_s)->text(), u"Summarize selection"_s);

    desk.actions->summarizeAction()->trigger(); // Ctrl+Alt+S
    auto *view = desk.find<QTextBrowser>(u"summaryView"_s);
    QTRY_VERIFY_WITH_TIMEOUT(view->toPlainText().contains(u"Bread needs time."_s), 20000);
    QVERIFY(view->toPlainText().contains(u"water"_s));
    desk.window.show();
    desk.snapshot(u"assist-summary"_s);
    // Only the selection went upstream.
    const QString asked = upstreamPrompt(m_fake->requests().constLast());
    QVERIFY(asked.contains(u"Intro paragraph about bread."_s));
    QVERIFY(!asked.contains(u"Second paragraph"_s));

    editor->moveCursor(QTextCursor::End); // the user moved on: the summary still goes after what was summarized
    QTest::mouseClick(desk.button(u"insertSummaryButton"_s), Qt::LeftButton);
    QCOMPARE(editor->toPlainText(), u"Intro paragraph about bread.\n\nBread needs time.\n\n- flour\n- water\n\n"
                                    u"Second paragraph about water."_s);
    editor->undo();
    QCOMPARE(editor->toPlainText(), original);

    // Nothing selected: the whole article is summarized and the summary goes at the end.
    m_fake->enqueue(jsonText({{u"summary"_s, u"All of it."_s}, {u"key_points"_s, QJsonArray{}}}));
    editor->moveCursor(QTextCursor::Start);
    QCOMPARE(desk.button(u"summarizeButton"_s)->text(), u"Summarize article"_s);
    QTest::mouseClick(desk.button(u"summarizeButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(view->toPlainText().contains(u"All of it."_s), 20000);
    QVERIFY(upstreamPrompt(m_fake->requests().constLast()).contains(u"Second paragraph about water."_s));
    QVERIFY(desk.panel->insertSummary());
    QCOMPARE(editor->toPlainText(), original + u"\n\nAll of it."_s);
    QVERIFY(desk.panel->copySummary());
    QCOMPARE(QApplication::clipboard()->text(), u"All of it."_s);
    editor->undo();
    QCOMPARE(editor->toPlainText(), original);
}

void TestAssist::acceptedTitleIsUndoneAndTagsMerge()
{
    Desk desk(m_creator.client.get(), m_creator.user.role);
    desk.window.show();
    QTRY_VERIFY_WITH_TIMEOUT(desk.settled(), 20000);
    m_fake->enqueue(jsonText({{u"titles"_s, QJsonArray{u"Bread, slowly"_s, u"The patient loaf"_s, u"Flour & time"_s}},
                              {u"excerpt"_s, u"Why good bread takes a day."_s},
                              {u"tags"_s, QJsonArray{u"bread"_s, u"sourdough"_s}}}));
    desk.current.editor->setPlainText(u"Good bread takes a day, mostly waiting."_s);
    desk.current.title->setText(u"Old title"_s);
    desk.current.excerpt->setText(u"Old excerpt"_s);
    desk.current.tags->setText(u"Bread, yeast"_s);
    // Typing in the title field, to show Qt's own undo of the field survives an accepted suggestion.
    QTest::keyClicks(desk.current.title, u"!"_s);
    QCOMPARE(desk.current.title->text(), u"Old title!"_s);

    QTest::mouseClick(desk.button(u"suggestButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(desk.find<QWidget>(u"suggestResults"_s)->isVisible(), 20000);
    QCOMPARE(desk.label(u"title1Suggestion"_s)->text(), u"The patient loaf"_s);
    QCOMPARE(desk.label(u"excerptSuggestion"_s)->text(), u"Why good bread takes a day."_s);
    QCOMPARE(desk.label(u"tagsSuggestion"_s)->text(), u"bread, sourdough"_s);
    QVERIFY(!desk.actions->undoSuggestionAction()->isEnabled());

    QSignalSpy edited(desk.current.title.data(), &QLineEdit::textEdited);
    QTest::mouseClick(desk.button(u"title1UseButton"_s), Qt::LeftButton);
    QCOMPARE(desk.current.title->text(), u"The patient loaf"_s);
    QCOMPARE(edited.count(), 1); // an edit like typing: whatever saves the article sees it
    QPushButton *undo = desk.button(u"title1UndoButton"_s);
    QVERIFY(undo->isVisible()); // next to what was applied
    desk.snapshot(u"assist-suggestions"_s);
    QVERIFY(desk.actions->undoSuggestionAction()->isEnabled());
    QTest::mouseClick(undo, Qt::LeftButton);
    QCOMPARE(desk.current.title->text(), u"Old title!"_s);
    QVERIFY(!undo->isVisible());
    QVERIFY(!desk.actions->undoSuggestionAction()->isEnabled());

    // Two accepted, taken back newest first with Ctrl+Alt+Z.
    QTest::mouseClick(desk.button(u"title0UseButton"_s), Qt::LeftButton);
    QTest::mouseClick(desk.button(u"excerptUseButton"_s), Qt::LeftButton);
    QCOMPARE(desk.current.title->text(), u"Bread, slowly"_s);
    QCOMPARE(desk.current.excerpt->text(), u"Why good bread takes a day."_s);
    QVERIFY(desk.button(u"excerptUndoButton"_s)->isVisible());
    QVERIFY(!desk.button(u"title0UndoButton"_s)->isVisible());
    desk.actions->undoSuggestionAction()->trigger();
    QCOMPARE(desk.current.excerpt->text(), u"Old excerpt"_s);
    QCOMPARE(desk.current.title->text(), u"Bread, slowly"_s);
    QVERIFY(desk.button(u"title0UndoButton"_s)->isVisible());
    desk.actions->undoSuggestionAction()->trigger();
    QCOMPARE(desk.current.title->text(), u"Old title!"_s);
    // The field's own undo history was not wiped: Ctrl+Z in it still takes back the typed "!".
    QVERIFY(desk.current.title->isUndoAvailable());
    for (int step = 0; step < 20 && desk.current.title->text() != u"Old title"_s; ++step)
        desk.current.title->undo();
    QCOMPARE(desk.current.title->text(), u"Old title"_s);

    // Tags are merged, not replaced; undo restores the list as it was.
    QTest::mouseClick(desk.button(u"tagsUseButton"_s), Qt::LeftButton);
    QCOMPARE(desk.current.tags->text(), u"Bread, yeast, sourdough"_s);
    QVERIFY(desk.panel->undoSuggestion());
    QCOMPARE(desk.current.tags->text(), u"Bread, yeast"_s);

    // Another article shown: the suggestions and undo steps of this one are gone.
    QTest::mouseClick(desk.button(u"title2UseButton"_s), Qt::LeftButton);
    QVERIFY(desk.panel->canUndoSuggestion());
    const ArticleFields other = desk.makeArticle(u"other"_s);
    desk.panel->setCurrentArticle(other);
    QVERIFY(!desk.panel->canUndoSuggestion());
    QVERIFY(!desk.find<QWidget>(u"suggestResults"_s)->isVisible());

    // An answer that arrives after its article was replaced is not offered for the one shown now.
    m_fake->enqueue(
        jsonText({{u"titles"_s, QJsonArray{u"Late"_s}}, {u"excerpt"_s, u"Late."_s}, {u"tags"_s, QJsonArray{}}}));
    other.editor->setPlainText(u"Another article."_s);
    QSignalSpy suggested(desk.session, &AssistSession::suggested);
    QVERIFY(desk.panel->suggest());
    desk.panel->setCurrentArticle(desk.current);
    QVERIFY(suggested.wait(20000));
    QVERIFY(!desk.find<QWidget>(u"suggestResults"_s)->isVisible());
    QVERIFY(desk.label(u"suggestMessage"_s)->isHidden());
}

void TestAssist::quotaLineChangesAfterAUse()
{
    Desk desk(m_creator.client.get(), m_creator.user.role);
    QTRY_VERIFY_WITH_TIMEOUT(desk.settled(), 20000);
    QLabel *line = desk.label(u"assistQuota"_s);
    const qint64 usedBefore = desk.session->quota()->tokensUsedToday;
    const QString before = line->text();
    const QString left = QLocale().toString(200000 - usedBefore);
    QVERIFY2(before.startsWith(u"AI quota: %1 of 200,000 token"_s.arg(left)), qPrintable(before));

    m_fake->enqueue(jsonText({{u"summary"_s, u"Short."_s}, {u"key_points"_s, QJsonArray{}}}));
    desk.current.editor->setPlainText(u"Something to summarize."_s);
    QSignalSpy quota(desk.session, &AssistSession::quotaChanged);
    QVERIFY(desk.panel->summarize());
    QTRY_VERIFY_WITH_TIMEOUT(line->text() != before, 20000);
    // 12 prompt tokens and one for the single piece, as the fake upstream reports them.
    QCOMPARE(desk.session->quota()->tokensUsedToday, usedBefore + 13);
    QVERIFY2(
        line->text().startsWith(u"AI quota: %1 of 200,000 token"_s.arg(QLocale().toString(200000 - usedBefore - 13))),
        qPrintable(line->text()));
    QVERIFY(quota.count() >= 1);
}

void TestAssist::upstreamErrorsShowInline()
{
    Desk desk(m_creator.client.get(), m_creator.user.role);
    QTRY_VERIFY_WITH_TIMEOUT(desk.settled(), 20000);
    QSignalSpy failed(desk.session, &AssistSession::failed);

    // The upstream breaks: the summary section says so in words.
    FakeUpstream::Reply broken;
    broken.status = 500;
    broken.headers = {{"Content-Type", "application/json"}};
    broken.chunks = {{R"({"error": {"message": "internal", "type": "server_error"}})", 0}};
    m_fake->enqueue(broken);
    desk.current.editor->setPlainText(u"Text."_s);
    QVERIFY(desk.panel->summarize());
    QLabel *summaryMessage = desk.label(u"summarizeMessage"_s);
    QTRY_COMPARE_WITH_TIMEOUT(summaryMessage->property("tone").toString(), u"error"_s, 20000);
    QVERIFY(!summaryMessage->text().isEmpty());
    QVERIFY2(!summaryMessage->text().contains(u'{') && !summaryMessage->text().contains(u"server_error"_s),
             qPrintable(summaryMessage->text()));
    QVERIFY(!summaryMessage->isHidden());
    QVERIFY(desk.session->available()); // one failure does not disable anything

    // A generated answer that is not the JSON asked for: the server's 502 arrives as the stream's error event.
    m_fake->enqueue(FakeUpstream::openaiText({u"I would rather not."_s}));
    desk.find<QPlainTextEdit>(u"generatePrompt"_s)->setPlainText(u"Anything"_s);
    QVERIFY(desk.panel->generate());
    QLabel *generateMessage = desk.label(u"generateMessage"_s);
    QTRY_COMPARE_WITH_TIMEOUT(generateMessage->property("tone").toString(), u"error"_s, 20000);
    QVERIFY2(generateMessage->text().contains(u"not in the form asked for"_s), qPrintable(generateMessage->text()));
    QVERIFY(!desk.panel->generating());
    QVERIFY(!desk.created.constLast().editor->isReadOnly());
    QCOMPARE(failed.count(), 2);
}

void TestAssist::viewersMayNotUseAssists()
{
    // A viewer is told at once, before any request.
    {
        Desk desk(m_creator.client.get(), Role::Viewer);
        QCOMPARE(desk.session->availability(), AssistSession::Availability::NotPermitted);
        QVERIFY(desk.session->unavailableReason().contains(u"viewer"_s));
        QVERIFY(!desk.actions->summarizeAction()->isEnabled());
        QVERIFY(!desk.button(u"suggestButton"_s)->isEnabled());
        QCOMPARE(desk.label(u"assistStatus"_s)->text(), desk.session->unavailableReason());
    }

    // A creator demoted meanwhile: the server's 403 says it, and the actions are disabled with the reason.
    Account dora;
    QVERIFY(signUp(m_server->url(), u"Dora Demoted"_s, dora));
    Desk desk(dora.client.get(), dora.user.role);
    QTRY_VERIFY_WITH_TIMEOUT(desk.settled(), 20000);
    QVERIFY(desk.session->available());
    std::optional<api::ApiResult<User>> demoted;
    m_admin.client->adminUpdateUser(dora.user.id, AdminUserPatch{Role::Viewer, std::nullopt}, this,
                                    [&demoted](api::ApiResult<User> result) { demoted = std::move(result); });
    QTRY_VERIFY_WITH_TIMEOUT(demoted.has_value(), 20000);
    QVERIFY(*demoted);
    const qsizetype requestsBefore = m_fake->requests().size();
    desk.current.editor->setPlainText(u"Text."_s);
    QSignalSpy failed(desk.session, &AssistSession::failed);
    QVERIFY(desk.panel->suggest());
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(desk.session->availability(), AssistSession::Availability::NotPermitted);
    QCOMPARE(failed.first().at(1).toString(), desk.session->unavailableReason());
    QVERIFY(!desk.actions->suggestAction()->isEnabled());
    QVERIFY(desk.actions->suggestAction()->toolTip().contains(u"does not let your account"_s));
    QVERIFY(desk.label(u"assistStatus"_s)->text().contains(u"does not let your account"_s));
    QVERIFY(!desk.label(u"assistStatus"_s)->isHidden());
    QCOMPARE(m_fake->requests().size(), requestsBefore); // nothing went upstream
}

// ---- a second server ------------------------------------------------------------------------------------------

void TestAssist::withoutProviderEveryActionIsDisabledWithTheReason()
{
    m_other = std::make_unique<InkwelldProcess>();
    QVERIFY2(m_other->start(), qPrintable(m_other->error()));
    Account admin;
    Account creator;
    QVERIFY(signUp(m_other->url(), u"Other Admin"_s, admin));
    QVERIFY(signUp(m_other->url(), u"Other Creator"_s, creator));
    Desk desk(creator.client.get(), creator.user.role);
    desk.window.show();
    QTRY_VERIFY_WITH_TIMEOUT(desk.settled(), 20000);
    QCOMPARE(desk.session->availability(), AssistSession::Availability::Unconfigured);
    const QString reason = desk.session->unavailableReason();
    QVERIFY2(reason.contains(u"INKWELL_AI_PROVIDER"_s), qPrintable(reason));

    // Shown in the panel, every action disabled (not hidden) and saying why.
    QLabel *status = desk.label(u"assistStatus"_s);
    QCOMPARE(status->text(), reason);
    QVERIFY(status->isVisible());
    for (const QString &name : {u"generateButton"_s, u"summarizeButton"_s, u"suggestButton"_s}) {
        QPushButton *button = desk.button(name);
        QVERIFY2(button->isVisible() && !button->isEnabled(), qPrintable(name));
        QCOMPARE(button->toolTip(), reason);
    }
    for (QAction *action :
         {desk.actions->generateAction(), desk.actions->summarizeAction(), desk.actions->suggestAction()}) {
        QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
        QVERIFY(action->isVisible());
        QCOMPARE(action->toolTip(), reason);
    }
    desk.current.editor->setPlainText(u"Text."_s);
    QVERIFY(!desk.panel->summarize());
    QVERIFY(!desk.panel->suggest());
    QCOMPARE(desk.label(u"suggestMessage"_s)->text(), reason);
    // The quota is still there.
    QVERIFY(desk.label(u"assistQuota"_s)->text().startsWith(u"AI quota: 200,000 of 200,000 token"_s));

    desk.snapshot(u"assist-unconfigured"_s);
}

void TestAssist::usedUpQuotaSaysWhenItResets()
{
    QVERIFY(m_other);
    QVERIFY(m_other->stop());
    m_other->setEnvironment(u"INKWELL_AI_PROVIDER"_s, u"openai"_s);
    m_other->setEnvironment(u"INKWELL_AI_MODEL"_s, u"test-model"_s);
    m_other->setEnvironment(u"INKWELL_AI_BASE_URL"_s, m_fake->baseUrl());
    m_other->setEnvironment(u"INKWELL_AI_TOKENS_PER_DAY"_s, u"creator=10"_s);
    QVERIFY2(m_other->start(), qPrintable(m_other->error()));
    Account creator;
    QVERIFY(signUp(m_other->url(), u"Tiny Quota"_s, creator));
    Desk desk(creator.client.get(), creator.user.role);
    desk.window.show();
    QTRY_VERIFY_WITH_TIMEOUT(desk.settled(), 20000);
    QVERIFY(desk.session->available());
    QVERIFY(desk.label(u"assistQuota"_s)->text().startsWith(u"AI quota: 10 of 10 token"_s));

    // The first call is admitted and uses 13 tokens; the next is refused until midnight UTC.
    m_fake->enqueue(jsonText({{u"summary"_s, u"Short."_s}, {u"key_points"_s, QJsonArray{}}}));
    desk.current.editor->setPlainText(u"Something to summarize."_s);
    QVERIFY(desk.panel->summarize());
    QTRY_VERIFY_WITH_TIMEOUT(desk.label(u"assistQuota"_s)->text().startsWith(u"AI quota: 0 of 10 token"_s), 20000);
    const qsizetype requestsBefore = m_fake->requests().size();
    QVERIFY(desk.panel->suggest());
    QTRY_VERIFY_WITH_TIMEOUT(desk.session->limited(), 20000);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 minutes = (now.secsTo(QDateTime(now.date().addDays(1), QTime(0, 0), Qt::UTC)) + 59) / 60;
    const QString when =
        minutes >= 60 ? u"in %1 h %2 min"_s.arg(minutes / 60).arg(minutes % 60) : u"in %1 min"_s.arg(minutes);
    QLabel *status = desk.label(u"assistStatus"_s);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"AI quota used up; it resets at 00:00 UTC (in "_s), 5000);
    // Within a minute of the expected time (the test may cross a minute boundary).
    QVERIFY2(status->text().contains(when) || minutes < 2 ||
                 status->text().contains(minutes - 1 >= 60
                                             ? u"in %1 h %2 min"_s.arg((minutes - 1) / 60).arg((minutes - 1) % 60)
                                             : u"in %1 min"_s.arg(minutes - 1)),
             qPrintable(status->text() + u" / expected "_s + when));
    QCOMPARE(status->property("tone").toString(), u"error"_s);
    QVERIFY(status->isVisible());
    QVERIFY(desk.label(u"suggestMessage"_s)->text().startsWith(u"AI quota used up; it resets at 00:00 UTC"_s));
    QVERIFY(!desk.button(u"summarizeButton"_s)->isEnabled());
    QVERIFY(!desk.actions->generateAction()->isEnabled());
    QVERIFY(desk.actions->generateAction()->toolTip().startsWith(u"AI quota used up"_s));
    QCOMPARE(m_fake->requests().size(), requestsBefore); // refused before the upstream

    desk.snapshot(u"assist-limited"_s);
}

QTEST_MAIN(TestAssist)
#include "tst_assist.moc"
