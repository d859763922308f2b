// The AI chat of the desktop app: its engine (ChatSession, MessageListModel, ConversationListModel, AiAvailability)
// with no window, and the ChatPanel offscreen, against the real inkwelld (bundled PostgreSQL) and the fake AI
// upstream. The progressive Markdown renderer is checked against rendering the same text in one go.
#include "aiavailability.h"
#include "api/apiclient.h"
#include "chat/chatinput.h"
#include "chat/chatpanel.h"
#include "chatsession.h"
#include "chat/chatview.h"
#include "conversationlistmodel.h"
#include "fakeupstream.h"
#include "inkwelldprocess.h"
#include "markdown/markdown.h"
#include "chat/markdownblocksplitter.h"
#include "chat/messagebody.h"
#include "messagelistmodel.h"
#include "chat/messagewidget.h"
#include "chat/streamingmarkdown.h"

#include <QAbstractTextDocumentLayout>
#include <QClipboard>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>
#include <QToolButton>
#include <QtTest>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace inkwell;
using api::ApiClient;
using api::ApiResult;
using app::ChatPanel;
using app::MessageWidget;
using engine::ChatMessageState;
using engine::ChatSession;
using engine::ConversationListModel;
using engine::MessageListModel;
using test::FakeUpstream;

namespace {

constexpr auto kPassword = "correct horse battery staple";
constexpr int kWaitMs = 20000;

/// Collects one callback's result so a test can wait for it.
template <typename T> struct Outcome {
    std::optional<ApiResult<T>> result;
    auto callback()
    {
        return [this](ApiResult<T> value) { result = std::move(value); };
    }
    bool arrived() const { return result.has_value(); }
    const ApiResult<T> &operator*() const { return *result; }
    const ApiResult<T> *operator->() const { return &*result; }
};

/// A signed-in user's panel on a new conversation, ready for a question (openPanel()).
struct OpenPanel {
    explicit OpenPanel(std::unique_ptr<ApiClient> client)
        : api(std::move(client))
        , list(api.get())
    {
    }
    std::unique_ptr<ApiClient> api;
    std::optional<Conversation> conversation;
    ConversationListModel list;
    std::unique_ptr<ChatPanel> panel;
};

/// An answer that stops after @p pieces and stays open (no finish, no [DONE]) until FakeUpstream::release().
FakeUpstream::Reply heldReply(const QStringList &pieces)
{
    FakeUpstream::Reply reply = FakeUpstream::openaiText(pieces);
    reply.chunks.resize(reply.chunks.size() - 3); // finish, usage, [DONE]
    reply.end = FakeUpstream::Reply::End::Hold;
    return reply;
}

/// An answer whose connection breaks after @p pieces: the server reports the broken answer as an `error` event.
FakeUpstream::Reply brokenReply(const QStringList &pieces)
{
    FakeUpstream::Reply reply = FakeUpstream::openaiText(pieces);
    reply.chunks.resize(reply.chunks.size() - 3);
    reply.end = FakeUpstream::Reply::End::Drop;
    return reply;
}

/// A complete answer whose usage says it cost @p tokens (to use up a daily quota in one go).
FakeUpstream::Reply expensiveReply(const QString &text, int tokens)
{
    FakeUpstream::Reply reply = FakeUpstream::openaiText({text});
    for (FakeUpstream::Chunk &chunk : reply.chunks) {
        if (!chunk.bytes.contains("\"usage\":{"))
            continue;
        const QByteArray completion = "\"completion_tokens\":" + QByteArray::number(tokens);
        const QByteArray total = "\"total_tokens\":" + QByteArray::number(tokens + 12);
        chunk.bytes.replace(QByteArrayView("\"completion_tokens\":1"), QByteArrayView(completion));
        chunk.bytes.replace(QByteArrayView("\"total_tokens\":13"), QByteArrayView(total));
    }
    return reply;
}

/// A TCP relay between the client and inkwelld that the test can cut, like a network that drops.
class CuttableRelay : public QObject {
public:
    explicit CuttableRelay(quint16 target)
        : m_target(target)
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                auto *server = new QTcpSocket(this);
                client->setParent(this);
                m_sockets << client << server;
                connect(server, &QTcpSocket::connected, client, [client, server] { server->write(client->readAll()); });
                connect(client, &QTcpSocket::readyRead, server, [client, server] {
                    if (server->state() == QAbstractSocket::ConnectedState)
                        server->write(client->readAll());
                });
                connect(server, &QTcpSocket::readyRead, client, [client, server] { client->write(server->readAll()); });
                connect(client, &QTcpSocket::disconnected, server, &QTcpSocket::disconnectFromHost);
                connect(server, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
                server->connectToHost(QHostAddress::LocalHost, m_target);
            }
        });
    }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())); }
    /// Resets every connection made so far (new ones still work).
    void cut()
    {
        for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets)) {
            if (socket)
                socket->abort();
        }
        m_sockets.clear();
    }

private:
    QTcpServer m_server;
    quint16 m_target;
    QList<QPointer<QTcpSocket>> m_sockets;
};

/// One block of a rendered message as a reader sees it.
struct BlockShape {
    QString text;
    int heading = 0;
    int list = 0; ///< list style, 0 for none
    bool inTable = false;
    qreal gap = 0;          ///< space above it, laid out
    bool nearTable = false; ///< in a table or just after one, where Qt's spacing rules differ
    QString describe() const
    {
        return u"%1|h%2|list%3|table%4|gap%5"_s.arg(text).arg(heading).arg(list).arg(inTable ? 1 : 0).arg(gap);
    }
};

/// The visible blocks of a rendered message, laid out at its width. The renderer's one-pixel separators are left
/// out; their space counts with the block after them.
QList<BlockShape> documentShape(QTextDocument &document)
{
    document.size(); // lay it out
    QList<BlockShape> shape;
    qreal bottom = 0;
    bool previousInTable = false;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QTextBlockFormat format = block.blockFormat();
        const bool inTable = QTextCursor(block).currentTable();
        if (block.length() == 1 && !block.textList() && !inTable &&
            !format.hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth))
            continue; // a separator
        const QRectF rect = document.documentLayout()->blockBoundingRect(block);
        // Trailing white space is invisible (Qt keeps some around omitted raw HTML).
        QString text = block.text();
        while (!text.isEmpty() && text.back().isSpace())
            text.chop(1);
        shape.append({text, format.headingLevel(), block.textList() ? int(block.textList()->format().style()) : 0,
                      inTable, rect.top() - bottom, inTable || previousInTable});
        bottom = rect.bottom();
        previousInTable = inTable;
    }
    return shape;
}

/// The same blocks with the same looks; gaps may differ by the separators' pixels, and are not compared in and
/// right after tables (a streamed code block that starts a part has a little more space above it).
bool sameShape(const QList<BlockShape> &actual, const QList<BlockShape> &expected, QString *why)
{
    for (qsizetype i = 0; i < std::max(actual.size(), expected.size()); ++i) {
        const BlockShape a = actual.value(i);
        const BlockShape e = expected.value(i);
        const bool gapsMatch = a.nearTable || e.nearTable || std::abs(a.gap - e.gap) <= 3;
        if (a.text != e.text || a.heading != e.heading || a.list != e.list || a.inTable != e.inTable || !gapsMatch) {
            *why = u"block %1: %2 != %3"_s.arg(i).arg(a.describe(), e.describe());
            return false;
        }
    }
    return true;
}

MessageWidget *widgetAt(ChatPanel &panel, int row)
{
    return panel.messageView()->messageWidget(row);
}

QString shownText(ChatPanel &panel, int row)
{
    MessageWidget *widget = widgetAt(panel, row);
    return widget ? widget->body()->toPlainText() : QString();
}

QWidget *visibleChild(QWidget *parent, const QString &name)
{
    const QList<QWidget *> children = parent->findChildren<QWidget *>(name);
    for (QWidget *child : children) {
        if (child->isVisible())
            return child;
    }
    return nullptr;
}

} // namespace

class TestChatPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    // Progressive Markdown, no server.
    void splitterFindsStableBlocks_data();
    void splitterFindsStableBlocks();
    void streamedMarkdownRendersAsWhole_data();
    void streamedMarkdownRendersAsWhole();
    void streamedMarkdownRendersOnlyTheTail();

    // The engine, no window.
    void conversationListPagesSearchesRenamesDeletes();
    void sendShowsTheQuestionAtOnceAndDeltasAsTheyArrive();
    void stopKeepsThePartialAnswer();
    void completeAnswerCountsTokens();
    void upstreamErrorIsShownAndRetrySucceeds();
    void regenerateKeepsBothAnswers();
    void reopenedConversationShowsFailedAndStoppedAnswers();
    void editAndResendKeepsTheOldTurn();
    void systemPromptIsSavedAndSent();
    void staleLoadIsDropped();
    void streamCutMidwayFailsAndRetryAnswersAgain();
    void quotaExceededSaysWhenToRetry();
    void withoutProviderSendIsDisabled();
    void manyAnswersStreamAtOnceAndOtherCallsGoOn();

    // The panel, offscreen.
    void panelShowsTextWhileStreamingAndEscStops();
    void panelEnterSendsShiftEnterBreaksLine();
    void panelEditsTheLastQuestion();
    void panelRenamesAndDeletes();
    void panelSearchFiltersTheList();
    void panelShowsErrorsInlineWithRetryAndSwitchesAnswers();
    void panelCopiesMessagesAndCodeBlocks();
    void panelSavesTheSystemPrompt();
    void panelCreatesWidgetsLazily();
    void panelFollowsTheStreamUnlessScrolledUp();
    void panelStartsAConversationForAQuestionTypedIntoNothing();

private:
    /// A fresh account on the server (the test server makes it a creator); nullptr when that failed.
    std::unique_ptr<ApiClient> signIn(const QUrl &server = {});
    std::optional<Conversation> create(ApiClient &api, const std::optional<QString> &title = u"Test chat"_s);
    std::optional<api::ConversationDetail> read(ApiClient &api, const QUuid &id);
    /// Sends one question through @p session and waits for its answer to end.
    bool exchange(ChatSession &session, const QString &question, const QString &answer);
    std::unique_ptr<ChatPanel> showPanel(ApiClient &api, ConversationListModel &list);
    /// A new user's panel, shown, on a new conversation whose session is ready; nullptr when a step fails.
    std::unique_ptr<OpenPanel> openPanel();

    FakeUpstream m_upstream;
    std::unique_ptr<test::InkwelldProcess> m_server;
    std::unique_ptr<test::InkwelldProcess> m_plainServer; ///< no AI provider
    int m_accounts = 0;
};

void TestChatPanel::initTestCase()
{
    m_server = std::make_unique<test::InkwelldProcess>();
    m_server->setEnvironment(u"INKWELL_AI_PROVIDER"_s, u"openai"_s);
    m_server->setEnvironment(u"INKWELL_AI_MODEL"_s, u"test-model"_s);
    m_server->setEnvironment(u"INKWELL_AI_BASE_URL"_s, m_upstream.baseUrl());
    m_server->setEnvironment(u"INKWELL_AI_REQUESTS_PER_MIN"_s, u"0"_s);
    // Creators get a daily quota one expensive answer uses up (quotaExceededSaysWhenToRetry); the first account,
    // an admin, has none.
    m_server->setEnvironment(u"INKWELL_AI_TOKENS_PER_DAY"_s, u"viewer=20000,creator=50000,admin=0"_s);
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    auto admin = signIn(); // the first account of the server
    QVERIFY(admin);
}

void TestChatPanel::cleanupTestCase()
{
    m_upstream.release();
    m_server.reset();
    m_plainServer.reset();
}

std::unique_ptr<ApiClient> TestChatPanel::signIn(const QUrl &server)
{
    auto api = std::make_unique<ApiClient>(server.isEmpty() ? m_server->url() : server);
    Outcome<api::AuthGrant> outcome;
    api->registerAccount(
        {u"writer%1@example.com"_s.arg(++m_accounts), QString::fromLatin1(kPassword), u"Test Writer"_s}, this,
        outcome.callback());
    if (!QTest::qWaitFor([&] { return outcome.arrived(); }, kWaitMs) || !*outcome) {
        qWarning() << "registration failed" << (outcome.arrived() ? outcome->error().message() : u"timeout"_s);
        return nullptr;
    }
    return api;
}

std::optional<Conversation> TestChatPanel::create(ApiClient &api, const std::optional<QString> &title)
{
    Outcome<Conversation> outcome;
    ConversationInput input;
    input.title = title;
    api.createConversation(input, this, outcome.callback());
    if (!QTest::qWaitFor([&] { return outcome.arrived(); }, kWaitMs) || !*outcome)
        return std::nullopt;
    return **outcome;
}

std::optional<api::ConversationDetail> TestChatPanel::read(ApiClient &api, const QUuid &id)
{
    Outcome<api::ConversationDetail> outcome;
    api.conversation(id, this, outcome.callback());
    if (!QTest::qWaitFor([&] { return outcome.arrived(); }, kWaitMs) || !*outcome)
        return std::nullopt;
    return **outcome;
}

std::unique_ptr<OpenPanel> TestChatPanel::openPanel()
{
    std::unique_ptr<ApiClient> api = signIn();
    if (!api)
        return nullptr;
    auto open = std::make_unique<OpenPanel>(std::move(api));
    open->conversation = create(*open->api);
    if (!open->conversation)
        return nullptr;
    open->panel = showPanel(*open->api, open->list);
    if (!open->panel)
        return nullptr;
    open->panel->openConversation(open->conversation->id);
    if (!QTest::qWaitFor(
            [&] { return open->panel->currentSession()->status() == ChatSession::Status::Ready; }, kWaitMs))
        return nullptr;
    return open;
}

bool TestChatPanel::exchange(ChatSession &session, const QString &question, const QString &answer)
{
    m_upstream.enqueue(FakeUpstream::openaiText({answer}));
    if (!session.send(question))
        return false;
    return QTest::qWaitFor([&] { return !session.isStreaming(); }, kWaitMs);
}

std::unique_ptr<ChatPanel> TestChatPanel::showPanel(ApiClient &api, ConversationListModel &list)
{
    auto panel = std::make_unique<ChatPanel>(&api, &list);
    panel->resize(1200, 800);
    panel->show();
    panel->activateWindow();
    if (!QTest::qWaitForWindowActive(panel.get()))
        return nullptr;
    return panel;
}

// ---- progressive Markdown ------------------------------------------------------------------------------------------

void TestChatPanel::splitterFindsStableBlocks_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("stableUpTo"); // the stable part ends where this text starts; empty: nothing stable

    QTest::newRow("empty") << u""_s << u""_s;
    QTest::newRow("one paragraph") << u"Hello there\n"_s << u""_s;
    QTest::newRow("two paragraphs") << u"One\n\nTwo\n"_s << u"Two"_s;
    QTest::newRow("unfinished line starts a block") << u"One\n\nTw"_s << u"Tw"_s;
    QTest::newRow("unfinished indented line") << u"One\n\n  Tw"_s << u""_s;
    QTest::newRow("unfinished line may continue a list") << u"- a\n\n-"_s << u""_s;
    QTest::newRow("unfinished line ends a list") << u"- a\n\nThe"_s << u"The"_s;
    QTest::newRow("paragraphs and heading") << u"One\n\nTwo\n\n# Three\n"_s << u"# Three"_s;
    QTest::newRow("fence keeps its blank lines") << u"```\na\n\nb\n```\n\nc\n"_s << u"c"_s;
    QTest::newRow("open fence") << u"Intro\n\n```\na\n\nb\n"_s << u"```"_s;
    QTest::newRow("tilde fence holds backticks") << u"~~~\n```\n\n~~~\n\nz\n"_s << u"z"_s;
    QTest::newRow("longer closing fence") << u"````\n```\n\nx\n`````\n\ny\n"_s << u"y"_s;
    QTest::newRow("loose list stays together") << u"- a\n\n- b\n"_s << u""_s;
    QTest::newRow("ordered loose list") << u"1. a\n\n2. b\n\nAfter\n"_s << u"After"_s;
    QTest::newRow("indented continuation") << u"- a\n\n  more of a\n"_s << u""_s;
    QTest::newRow("paragraph after list") << u"- a\n- b\n\nPara\n"_s << u"Para"_s;
    QTest::newRow("indented code after paragraph") << u"Para\n\n    code\n"_s << u""_s;
    QTest::newRow("list started inside a paragraph") << u"Options:\n- a\n\n- b\n\nEnd\n"_s << u"End"_s;
    QTest::newRow("CRLF blank line") << u"One\r\n\r\nTwo\r\n"_s << u"Two"_s;
    QTest::newRow("non-ASCII") << u"Ünïcødé 🎉\n\n日本語\n"_s << u"日本語"_s;
}

void TestChatPanel::splitterFindsStableBlocks()
{
    QFETCH(QString, source);
    QFETCH(QString, stableUpTo);
    const qsizetype expected = stableUpTo.isEmpty() ? 0 : source.lastIndexOf(stableUpTo);
    app::MarkdownBlockSplitter whole;
    QCOMPARE(whole.update(source), expected);
    // Fed one character at a time, the answer is the same, and it never goes back.
    app::MarkdownBlockSplitter growing;
    qsizetype last = 0;
    for (qsizetype i = 1; i <= source.size(); ++i) {
        const qsizetype now = growing.update(QStringView(source).left(i));
        QVERIFY(now >= last);
        last = now;
    }
    QCOMPARE(last, expected);
}

void TestChatPanel::streamedMarkdownRendersAsWhole_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QStringList>("code");

    QTest::newRow("paragraphs") << u"First paragraph with **bold**.\n\nSecond *one*.\n\nThird."_s << QStringList();
    QTest::newRow("heading and list") << u"# Plan\n\nIntro line.\n\n- one\n- two\n- three\n\nDone."_s << QStringList();
    QTest::newRow("loose list") << u"- a\n\n- b\n\n- c\n\nAfter the list."_s << QStringList();
    QTest::newRow("code between list items")
        << u"Steps:\n\n1. Open it\n2. Edit it:\n\n```python\ndef f():\n\n    return 1 < 2\n```\n\n3. Save it"_s
        << QStringList{u"def f():\n\n    return 1 < 2"_s};
    QTest::newRow("two code blocks") << u"```\nfirst & <one>\n```\n\n~~~js\nlet x = \"two\";\n~~~\n\nEnd."_s
                                     << QStringList{u"first & <one>"_s, u"let x = \"two\";"_s};
    QTest::newRow("indented code") << u"Para\n\n    indented code\n\n    more\n\nEnd."_s
                                   << QStringList{u"indented code\n\nmore"_s};
    QTest::newRow("quote and rule") << u"> quoted\n> text\n\n---\n\nAfter the rule."_s << QStringList();
    QTest::newRow("unfinished fence") << u"Look:\n\n```\nstill typing\n\nmore"_s
                                      << QStringList{u"still typing\n\nmore"_s};
    QTest::newRow("non-ASCII") << u"Grüße 🎉\n\n- 日本語\n- ✓ done"_s << QStringList();
    QTest::newRow("raw HTML is not rendered")
        << u"<b>bold?</b>\n\n<script>alert(1)</script>\n\nText"_s << QStringList();
}

void TestChatPanel::streamedMarkdownRendersAsWhole()
{
    QFETCH(QString, markdown);
    QFETCH(QStringList, code);

    QTextDocument whole;
    whole.setTextWidth(600);
    app::StreamingMarkdown oneGo(&whole);
    oneGo.showMarkdown(markdown);
    QCOMPARE(oneGo.codeBlockCount(), code.size());
    for (qsizetype i = 0; i < code.size(); ++i)
        QCOMPARE(oneGo.codeBlock(i), code.at(i));
    QVERIFY(!whole.toPlainText().contains(u"alert"_s) || !markdown.contains(u"<script>"_s));
    QVERIFY(!whole.toHtml().contains(u"<script"_s));

    // A blank line inside a code block keeps a line's height (it is not one of the renderer's separators).
    const auto blankCodeLinesAreLines = [](QTextDocument &document) {
        document.size(); // lay it out
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            if (block.text().isEmpty() && QTextCursor(block).currentTable() &&
                document.documentLayout()->blockBoundingRect(block).height() < 5)
                return false;
        }
        return true;
    };
    QVERIFY(blankCodeLinesAreLines(whole));

    for (const int step : {1, 3, 7}) {
        QTextDocument streamed;
        streamed.setTextWidth(600);
        app::StreamingMarkdown growing(&streamed);
        for (qsizetype at = step; at < markdown.size() + step; at += step)
            growing.showMarkdown(markdown.left(at));
        QVERIFY(blankCodeLinesAreLines(streamed));
        QString why;
        QVERIFY2(sameShape(documentShape(streamed), documentShape(whole), &why), qPrintable(why));
        QCOMPARE(growing.codeBlockCount(), code.size());
        for (qsizetype i = 0; i < code.size(); ++i)
            QCOMPARE(growing.codeBlock(i), code.at(i));
    }

    // Without code blocks the text is what Qt shows for core's HTML rendered in one go.
    if (code.isEmpty()) {
        QTextDocument reference;
        reference.setHtml(inkwell::markdown::toHtml(markdown));
        QStringList expected;
        for (QTextBlock block = reference.begin(); block.isValid(); block = block.next()) {
            if (!block.text().trimmed().isEmpty())
                expected << block.text().trimmed();
        }
        QStringList actual;
        for (QTextBlock block = whole.begin(); block.isValid(); block = block.next()) {
            if (!block.text().trimmed().isEmpty())
                actual << block.text().trimmed();
        }
        QCOMPARE(actual, expected);
    }
}

void TestChatPanel::streamedMarkdownRendersOnlyTheTail()
{
    // Twenty finished paragraphs are rendered once: while the twenty-first grows, only it is rendered again.
    QString text;
    for (int i = 0; i < 20; ++i)
        text += u"Paragraph %1 of a long answer, with *emphasis*.\n\n"_s.arg(i);
    QTextDocument document;
    app::StreamingMarkdown markdown(&document);
    markdown.showMarkdown(text);
    const qsizetype stable = markdown.stableLength();
    QVERIFY2(stable >= text.lastIndexOf(u"Paragraph 19"_s), qPrintable(QString::number(stable)));
    markdown.showMarkdown(text + u"The last one is still"_s);
    const qsizetype stableNow = markdown.stableLength();
    QCOMPARE(stableNow, text.size()); // paragraph 19 is finished now
    const int blocks = document.blockCount();
    markdown.showMarkdown(text + u"The last one is still growing."_s);
    QCOMPARE(markdown.stableLength(), stableNow);
    QCOMPARE(document.blockCount(), blocks); // its block was replaced, nothing else
    QVERIFY(document.lastBlock().text().endsWith(u"still growing."_s));
    // Text that does not continue the shown text renders from scratch.
    markdown.showMarkdown(u"Something else"_s);
    QCOMPARE(markdown.stableLength(), 0);
    QCOMPARE(document.toPlainText().trimmed(), u"Something else"_s);
}

// ---- engine --------------------------------------------------------------------------------------------------------

void TestChatPanel::conversationListPagesSearchesRenamesDeletes()
{
    auto api = signIn();
    QVERIFY(api);
    // More than a page (the client asks for 100 at a time).
    for (int i = 0; i < 104; ++i)
        QVERIFY(create(*api, u"Number %1"_s.arg(i)));
    const std::optional<Conversation> untitled = create(*api, std::nullopt);
    QVERIFY(untitled);

    ConversationListModel list(api.get());
    QSignalSpy loading(&list, &ConversationListModel::loadingChanged);
    list.reload();
    QTRY_VERIFY_WITH_TIMEOUT(!list.isLoading() && list.rowCount() > 0, kWaitMs);
    QCOMPARE(list.rowCount(), 100);
    // Most recently updated first; an untitled conversation has the placeholder title.
    QCOMPARE(list.index(0).data(ConversationListModel::IdRole).toUuid(), untitled->id);
    QCOMPARE(list.index(0).data(ConversationListModel::TitleRole).toString(), u"New conversation"_s);
    QCOMPARE(list.index(0).data(ConversationListModel::HasTitleRole).toBool(), false);
    QCOMPARE(list.index(1).data(ConversationListModel::TitleRole).toString(), u"Number 103"_s);
    QVERIFY(list.canFetchMore({}));
    list.fetchMore({});
    QTRY_COMPARE_WITH_TIMEOUT(list.rowCount(), 105, kWaitMs);
    QVERIFY(!list.canFetchMore({}));
    QVERIFY(list.isComplete());

    // A search looks at every page, case-insensitively.
    ConversationListModel fresh(api.get());
    fresh.reload();
    QTRY_VERIFY_WITH_TIMEOUT(fresh.rowCount() == 100, kWaitMs);
    fresh.setFilter(u"  number 3"_s);
    QTRY_COMPARE_WITH_TIMEOUT(fresh.rowCount(), 11, kWaitMs); // 3, 30..39
    fresh.setFilter(u"NUMBER 10"_s);
    QTRY_COMPARE_WITH_TIMEOUT(fresh.rowCount(), 5, kWaitMs); // 10, 100..103
    fresh.setFilter(u"new conv"_s);
    QCOMPARE(fresh.rowCount(), 1);
    fresh.setFilter({});
    QCOMPARE(fresh.rowCount(), 105);

    // Rename through the model: shown at once, stored on the server, and moved to the top (updated now).
    const QUuid renamedId = list.index(50).data(ConversationListModel::IdRole).toUuid();
    QVERIFY(list.setData(list.index(50), u"  A better title  "_s));
    QCOMPARE(list.index(list.rowOf(renamedId)).data(ConversationListModel::TitleRole).toString(), u"A better title"_s);
    QTRY_COMPARE_WITH_TIMEOUT(list.rowOf(renamedId), 0, kWaitMs);
    std::optional<api::ConversationDetail> stored = read(*api, renamedId);
    QVERIFY(stored);
    QCOMPARE(stored->conversation.title, std::optional<QString>(u"A better title"_s));
    // A title that is too long is refused before the server is asked, and nothing changes.
    QSignalSpy errors(&list, &ConversationListModel::errorOccurred);
    list.rename(renamedId, QString(201, u'x'));
    QCOMPARE(errors.count(), 1);
    QCOMPARE(list.index(0).data(ConversationListModel::TitleRole).toString(), u"A better title"_s);

    // Delete.
    QSignalSpy removed(&list, &ConversationListModel::removed);
    list.remove(renamedId);
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, kWaitMs);
    QCOMPARE(list.rowOf(renamedId), -1);
    QCOMPARE(list.rowCount(), 104);
    Outcome<api::ConversationDetail> gone;
    api->conversation(renamedId, this, gone.callback());
    QTRY_VERIFY_WITH_TIMEOUT(gone.arrived(), kWaitMs);
    QVERIFY(!*gone);
    QCOMPARE(gone->error().status, 404);

    // Create: appears on top.
    QSignalSpy created(&list, &ConversationListModel::created);
    list.create(u"Fresh"_s);
    QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, kWaitMs);
    QCOMPARE(list.index(0).data(ConversationListModel::TitleRole).toString(), u"Fresh"_s);
    QVERIFY(loading.count() >= 2);
}

void TestChatPanel::sendShowsTheQuestionAtOnceAndDeltasAsTheyArrive()
{
    auto api = signIn();
    QVERIFY(api);
    const std::optional<Conversation> conversation = create(*api, u"Streaming"_s);
    QVERIFY(conversation);
    ChatSession session(api.get());
    session.open(conversation->id);
    QTRY_COMPARE_WITH_TIMEOUT(session.status(), ChatSession::Status::Ready, kWaitMs);
    MessageListModel *model = session.messages();

    m_upstream.enqueue(heldReply({u"Once "_s, u"upon "_s, u"a time"_s}));
    QSignalSpy appended(model, &MessageListModel::textAppended);
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QVERIFY(session.send(u"Tell me a story"_s));
    // The question shows at once, not stored yet, with an answer row waiting under it.
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->message(0).content, u"Tell me a story"_s);
    QCOMPARE(model->message(0).state, ChatMessageState::Sending);
    QVERIFY(!model->message(0).isStored());
    QCOMPARE(model->message(1).state, ChatMessageState::Streaming);
    QVERIFY(session.isStreaming());
    QVERIFY(!session.canSend());
    QVERIFY(!session.send(u"Another"_s));

    // The text arrives while the upstream still holds the answer open.
    QTRY_COMPARE_WITH_TIMEOUT(model->message(1).content, u"Once upon a time"_s, kWaitMs);
    QCOMPARE(model->message(1).state, ChatMessageState::Streaming);
    QVERIFY(session.isStreaming());
    // message.created replaced the question with the stored one.
    QVERIFY(model->message(0).isStored());
    QCOMPARE(model->message(0).state, ChatMessageState::Complete);
    QVERIFY(model->message(1).isStored());
    // Each delta touched the answer row only, with its content role.
    QVERIFY(appended.count() >= 1);
    qsizetype total = 0;
    for (const QList<QVariant> &signal : std::as_const(appended)) {
        QCOMPARE(signal.at(0).toInt(), 1);
        total += signal.at(1).toLongLong();
    }
    QCOMPARE(total, qsizetype(16));
    int contentOnly = 0;
    for (const QList<QVariant> &signal : std::as_const(changed)) {
        const auto roles = signal.at(2).value<QList<int>>();
        if (roles == QList<int>{MessageListModel::ContentRole}) {
            ++contentOnly;
            QCOMPARE(signal.at(0).toModelIndex().row(), 1);
            QCOMPARE(signal.at(1).toModelIndex().row(), 1);
        }
    }
    QCOMPARE(contentOnly, int(appended.count()));

    session.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!session.isStreaming(), kWaitMs);
    m_upstream.release();
}

void TestChatPanel::stopKeepsThePartialAnswer()
{
    auto api = signIn();
    QVERIFY(api);
    const std::optional<Conversation> conversation = create(*api);
    QVERIFY(conversation);
    ChatSession session(api.get());
    session.open(*conversation);
    QTRY_COMPARE_WITH_TIMEOUT(session.status(), ChatSession::Status::Ready, kWaitMs);
    MessageListModel *model = session.messages();

    m_upstream.enqueue(heldReply({u"The keeper "_s, u"climbs"_s}));
    QSignalSpy finished(&session, &ChatSession::answerFinished);
    QVERIFY(session.send(u"Open the scene"_s));
    QTRY_COMPARE_WITH_TIMEOUT(model->message(1).content, u"The keeper climbs"_s, kWaitMs);
    QVERIFY(session.canStop());
    session.stop();
    QVERIFY(session.isStopping());
    QVERIFY(!session.canStop());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
    QCOMPARE(model->message(1).state, ChatMessageState::Cancelled);
    QCOMPARE(model->message(1).content, u"The keeper climbs"_s);
    QVERIFY(session.canSend());
    QVERIFY(session.canRegenerate());
    QVERIFY(!session.canRetry());
    m_upstream.release();

    // The server kept it the same way.
    const std::optional<api::ConversationDetail> stored = read(*api, conversation->id);
    QVERIFY(stored);
    QCOMPARE(stored->messages.size(), 2);
    QCOMPARE(stored->messages.at(1).status, MessageStatus::Cancelled);
    QCOMPARE(stored->messages.at(1).content, u"The keeper climbs"_s);
    QCOMPARE(stored->messages.at(1).id, model->message(1).id);
}

void TestChatPanel::completeAnswerCountsTokens()
{
    auto api = signIn();
    QVERIFY(api);
    const std::optional<Conversation> conversation = create(*api);
    QVERIFY(conversation);
    ChatSession session(api.get());
    QSignalSpy conversationChanged(&session, &ChatSession::conversationChanged);
    session.open(*conversation);
    QTRY_COMPARE_WITH_TIMEOUT(session.status(), ChatSession::Status::Ready, kWaitMs);
    QCOMPARE(session.totalTokens(), 0);

    m_upstream.enqueue(FakeUpstream::openaiText({u"Hello"_s, u" there"_s, u", writer."_s}, 20)); // 20 ms apart
    QVERIFY(session.send(u"Hi"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!session.isStreaming(), kWaitMs);
    const engine::ChatMessage answer = session.messages()->message(1);
    QCOMPARE(answer.state, ChatMessageState::Complete);
    QCOMPARE(answer.content, u"Hello there, writer."_s);
    QCOMPARE(answer.tokens, 3); // one per piece, as the upstream reported
    // The speed as the reader felt it (LM Studio's "tok/s"): known for an answer streamed here.
    QVERIFY(answer.firstTokenMs.has_value() && *answer.firstTokenMs >= 0);
    QVERIFY(answer.tokensPerSecond.has_value() && *answer.tokensPerSecond > 0);
    QVERIFY(session.messages()->index(1).data(MessageListModel::TokensPerSecondRole).isValid());
    QVERIFY(!session.messages()->index(0).data(MessageListModel::TokensPerSecondRole).isValid());
    QVERIFY(session.messages()->index(1).data(MessageListModel::IsLatestAnswerRole).toBool());
    // The conversation's total comes from the server after the answer: 12 prompt + 3 output tokens.
    QTRY_COMPARE_WITH_TIMEOUT(session.totalTokens(), 15, kWaitMs);
    QVERIFY(conversationChanged.count() >= 2);
    QCOMPARE(session.conversation()->messageCount, 2);
}

void TestChatPanel::upstreamErrorIsShownAndRetrySucceeds()
{
    auto api = signIn();
    QVERIFY(api);
    const std::optional<Conversation> conversation = create(*api);
    QVERIFY(conversation);
    ChatSession session(api.get());
    session.open(*conversation);
    QTRY_COMPARE_WITH_TIMEOUT(session.status(), ChatSession::Status::Ready, kWaitMs);
    MessageListModel *model = session.messages();

    m_upstream.enqueue(brokenReply({u"Half an "_s}));
    QVERIFY(session.send(u"Write a line"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!session.isStreaming(), kWaitMs);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->message(1).state, ChatMessageState::Failed);
    QCOMPARE(model->message(1).content, u"Half an "_s); // what was produced stays
    QVERIFY2(model->message(1).errorText.contains(u"broke off"_s), qPrintable(model->message(1).errorText));
    QCOMPARE(model->index(1).data(MessageListModel::ErrorTextRole).toString(), model->message(1).errorText);
    QVERIFY(session.canRetry());

    m_upstream.enqueue(FakeUpstream::openaiText({u"A whole line."_s}));
    QVERIFY(session.retry());
    QVERIFY(!session.canRetry());
    QTRY_VERIFY_WITH_TIMEOUT(!session.isStreaming(), kWaitMs);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->message(1).state, ChatMessageState::Complete);
    QCOMPARE(model->message(1).content, u"A whole line."_s);
    QCOMPARE(model->alternativeCount(1), 2); // the failed one is still there to look at
    QCOMPARE(model->alternatives(1).at(0).state, ChatMessageState::Failed);

    const std::optional<api::ConversationDetail> stored = read(*api, conversation->id);
    QVERIFY(stored);
    QCOMPARE(stored->messages.size(), 3);
    QCOMPARE(stored->messages.at(1).status, MessageStatus::Failed);
    QCOMPARE(stored->messages.at(1).content, u"Half an "_s);
    QCOMPARE(stored->messages.at(2).status, MessageStatus::Complete);
}

void TestChatPanel::regenerateKeepsBothAnswers()
{
    auto api = signIn();
    QVERIFY(api);
    const std::optional<Conversation> conversation = create(*api);
    QVERIFY(conversation);
    ChatSession session(api.get());
    session.open(*conversation);
    QTRY_COMPARE_WITH_TIMEOUT(session.status(), ChatSession::Status::Ready, kWaitMs);
    MessageListModel *model = session.messages();
    QVERIFY(!session.canRegenerate()); // nothing to regenerate yet
    QVERIFY(!session.regenerate());

    QVERIFY(exchange(session, u"Name the ship"_s, u"The Albatross"_s));
    QVERIFY(session.canRegenerate());
    m_upstream.enqueue(FakeUpstream::openaiText({u"The "_s, u"Petrel"_s}));
    QVERIFY(session.regenerate());
    QCOMPARE(model->alternativeCount(1), 2);
    QCOMPARE(model->message(1).state, ChatMessageState::Streaming);
    QTRY_VERIFY_WITH_TIMEOUT(!session.isStreaming(), kWaitMs);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->message(1).content, u"The Petrel"_s);
    QCOMPARE(model->index(1).data(MessageListModel::AlternativeIndexRole).toInt(), 1);
    QCOMPARE(model->index(1).data(MessageListModel::AlternativeCountRole).toInt(), 2);
    QVERIFY(model->index(1).data(MessageListModel::IsLatestAnswerRole).toBool());
    // The earlier answer is one switch away.
    model->showAlternative(1, 0);
    QCOMPARE(model->message(1).content, u"The Albatross"_s);
    QVERIFY(!model->index(1).data(MessageListModel::IsLatestAnswerRole).toBool());
    model->showAlternative(1, 5); // out of range: nothing happens
    QCOMPARE(model->alternativeIndex(1), 0);

    // On the server both are kept, in order; a reopened conversation groups them into one turn again.
    const std::optional<api::ConversationDetail> stored = read(*api, conversation->id);
    QVERIFY(stored);
    QCOMPARE(stored->messages.size(), 3);
    QCOMPARE(stored->messages.at(1).content, u"The Albatross"_s);
    QCOMPARE(stored->messages.at(2).content, u"The Petrel"_s);
    ChatSession reopened(api.get());
    reopened.open(conversation->id);
    QTRY_COMPARE_WITH_TIMEOUT(reopened.status(), ChatSession::Status::Ready, kWaitMs);
    QCOMPARE(reopened.messages()->rowCount(), 2);
    QCOMPARE(reopened.messages()->alternativeCount(1), 2);
    QCOMPARE(reopened.messages()->message(1).content, u"The Petrel"_s);

    // The next question's history uses the newest answer.
    const int before = int(m_upstream.requests().size());
    QVERIFY(exchange(reopened, u"Why?"_s, u"Because it sounds like a bird."_s));
    QCOMPARE(m_upstream.requests().size(), before + 1);
    const QByteArray body = m_upstream.requests().constLast().body;
    QVERIFY(body.contains("The Petrel"));
    QVERIFY(!body.contains("The Albatross"));
    QCOMPARE(reopened.messages()->rowCount(), 4);
}

void TestChatPanel::reopenedConversationShowsFailedAndStoppedAnswers()
{
    auto api = signIn();
    QVERIFY(api);
    const std::optional<Conversation> conversation = create(*api);
    QVERIFY(conversation);
    {
        ChatSession session(api.get());
        session.open(*conversation);
        QTRY_COMPARE_WITH_TIMEOUT(session.status(), ChatSession::Status::Ready, kWaitMs);
        m_upstream.enqueue(brokenReply({u"Broken "_s}));
        QVERIFY(session.send(u"First"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!session.isStreaming(), kWaitMs);
        m_upstream.enqueue(heldReply({u"Stopped here"_s}));
        QVERIFY(session.send(u"Second"_s));
        QTRY_COMPARE_WITH_TIMEOUT(session.messages()->message(3).content, u"Stopped here"_s, kWaitMs);
        session.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!session.isStreaming(), kWaitMs);
        m_upstream.release();
    }
    ChatSession reopened(api.get());
    reopened.open(conversation->id);
    QTRY_COMPARE_WITH_TIMEOUT(reopened.status(), ChatSession::Status::Ready, kWaitMs);
    const MessageListModel *model = reopened.messages();
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->message(1).state, ChatMessageState::Failed);
    QCOMPARE(model->message(1).content, u"Broken "_s);
    QVERIFY(!model->message(1).errorText.isEmpty());
    QCOMPARE(model->message(3).state, ChatMessageState::Cancelled);
    QCOMPARE(model->message(3).content, u"Stopped here"_s);
    QCOMPARE(model->index(3).data(MessageListModel::StateRole).toInt(), int(ChatMessageState::Cancelled));
    // A failed answer in the middle is not retried (only the last turn's is); the stopped last one can be
    // answered again.
    QVERIFY(!reopened.canRetry());
    QVERIFY(reopened.canRegenerate());

    // The panel says so on each.
    ConversationListModel list(api.get());
    const auto panel = showPanel(*api, list);
    QVERIFY(panel);
    panel->openConversation(conversation->id);
    // A widget added to a shown layout is shown from the event loop: wait until the last one is.
    QTRY_VERIFY_WITH_TIMEOUT(panel->currentSession()->status() == ChatSession::Status::Ready && widgetAt(*panel, 3) &&
                                 widgetAt(*panel, 3)->isVisible(),
                             kWaitMs);
    auto *failed = qobject_cast<QLabel *>(visibleChild(widgetAt(*panel, 1), u"failedBadge"_s));
    QVERIFY(failed);
    QCOMPARE(failed->text(), u"failed"_s);
    QVERIFY(widgetAt(*panel, 1)->findChild<QLabel *>(u"messageErrorText"_s)->isVisible());
    QVERIFY(!visibleChild(widgetAt(*panel, 1), u"retryButton"_s)); // not the last turn
    QCOMPARE(shownText(*panel, 1), u"Broken"_s);
    auto *stopped = qobject_cast<QLabel *>(visibleChild(widgetAt(*panel, 3), u"stoppedBadge"_s));
    QVERIFY(stopped);
    QCOMPARE(stopped->text(), u"stopped"_s);
    QVERIFY(visibleChild(widgetAt(*panel, 3), u"regenerateButton"_s));
}

void TestChatPanel::editAndResendKeepsTheOldTurn()
{
    auto api = signIn();
    QVERIFY(api);
    const std::optional<Conversation> conversation = create(*api);
    QVERIFY(conversation);
    ChatSession session(api.get());
    session.open(*conversation);
    QTRY_COMPARE_WITH_TIMEOUT(session.status(), ChatSession::Status::Ready, kWaitMs);
    MessageListModel *model = session.messages();
    QVERIFY(!session.canEditLastQuestion());

    QVERIFY(exchange(session, u"What rhymes with orange"_s, u"Nothing, really."_s));
    QVERIFY(session.canEditLastQuestion());
    QCOMPARE(session.lastQuestion(), u"What rhymes with orange"_s);
    QVERIFY(!session.editAndResend(u"   "_s)); // nothing to send
    m_upstream.enqueue(FakeUpstream::openaiText({u"Door hinge."_s}));
    QVERIFY(session.editAndResend(u"What almost rhymes with orange?"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!session.isStreaming(), kWaitMs);
    QCOMPARE(model->rowCount(), 4);
    QVERIFY(model->isSuperseded(0));
    QVERIFY(model->isSuperseded(1));
    QVERIFY(model->index(0).data(MessageListModel::SupersededRole).toBool());
    QVERIFY(!model->isSuperseded(2));
    QCOMPARE(model->message(2).content, u"What almost rhymes with orange?"_s);
    QCOMPARE(model->message(3).content, u"Door hinge."_s);
    QCOMPARE(session.lastQuestion(), u"What almost rhymes with orange?"_s);

    // A question that was never stored is replaced, not kept.
    api->clearSession(); // the server refuses the next call: nothing is stored
    QVERIFY(session.send(u"Lost question"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!session.isStreaming(), kWaitMs);
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(model->message(4).state, ChatMessageState::Failed);
    QVERIFY(!model->message(4).isStored());
    QVERIFY(session.canRetry());
}

void TestChatPanel::systemPromptIsSavedAndSent()
{
    auto api = signIn();
    QVERIFY(api);
    const std::optional<Conversation> conversation = create(*api);
    QVERIFY(conversation);
    ChatSession session(api.get());
    session.open(*conversation);
    QTRY_COMPARE_WITH_TIMEOUT(session.status(), ChatSession::Status::Ready, kWaitMs);

    QSignalSpy saved(&session, &ChatSession::systemPromptSaved);
    session.setSystemPrompt(u"Answer in one sentence."_s);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kWaitMs);
    QCOMPARE(session.systemPrompt(), u"Answer in one sentence."_s);
    std::optional<api::ConversationDetail> stored = read(*api, conversation->id);
    QVERIFY(stored);
    QCOMPARE(stored->conversation.systemPrompt, std::optional<QString>(u"Answer in one sentence."_s));
    QVERIFY(exchange(session, u"Hello"_s, u"Hello."_s));
    QVERIFY(m_upstream.requests().constLast().body.contains("Answer in one sentence."));

    // Too long: refused with a message, nothing sent.
    QSignalSpy errors(&session, &ChatSession::errorOccurred);
    session.setSystemPrompt(QString(kMaxSystemPromptLength + 1, u'a'));
    QCOMPARE(errors.count(), 1);
    // Empty removes it.
    session.setSystemPrompt({});
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, kWaitMs);
    QVERIFY(session.systemPrompt().isEmpty());
    stored = read(*api, conversation->id);
    QVERIFY(stored);
    QCOMPARE(stored->conversation.systemPrompt, std::nullopt);
}

void TestChatPanel::staleLoadIsDropped()
{
    auto api = signIn();
    QVERIFY(api);
    const std::optional<Conversation> first = create(*api, u"First"_s);
    const std::optional<Conversation> second = create(*api, u"Second"_s);
    QVERIFY(first && second);
    {
        ChatSession filler(api.get());
        filler.open(*first);
        QTRY_COMPARE_WITH_TIMEOUT(filler.status(), ChatSession::Status::Ready, kWaitMs);
        QVERIFY(exchange(filler, u"Only in the first"_s, u"First answer"_s));
    }
    ChatSession session(api.get());
    QSignalSpy changed(&session, &ChatSession::conversationChanged);
    session.open(first->id);
    session.open(second->id); // before the first has loaded
    QTRY_COMPARE_WITH_TIMEOUT(session.status(), ChatSession::Status::Ready, kWaitMs);
    // Every call has ended, the first conversation's answer too: it was dropped.
    QTRY_VERIFY_WITH_TIMEOUT(api->findChildren<api::ApiCall *>().isEmpty(), kWaitMs);
    QCOMPARE(session.conversationId(), second->id);
    QCOMPARE(session.messages()->rowCount(), 0);
    QCOMPARE(session.conversation()->title, std::optional<QString>(u"Second"_s));
    for (const QList<QVariant> &signal : std::as_const(changed))
        QVERIFY(signal.at(0).value<Conversation>().title != std::optional<QString>(u"First"_s) ||
                signal.at(0).value<Conversation>().createdAt.isNull());

    // A conversation that cannot be loaded says so.
    session.open(QUuid::createUuid());
    QTRY_COMPARE_WITH_TIMEOUT(session.status(), ChatSession::Status::LoadFailed, kWaitMs);
    QVERIFY(!session.loadError().isEmpty());
    QVERIFY(!session.canSend());
}

void TestChatPanel::streamCutMidwayFailsAndRetryAnswersAgain()
{
    CuttableRelay relay(m_server->port());
    auto api = signIn(relay.url());
    QVERIFY(api);
    const std::optional<Conversation> conversation = create(*api);
    QVERIFY(conversation);
    ChatSession session(api.get());
    session.open(*conversation);
    QTRY_COMPARE_WITH_TIMEOUT(session.status(), ChatSession::Status::Ready, kWaitMs);
    MessageListModel *model = session.messages();

    m_upstream.enqueue(heldReply({u"Partial "_s, u"answer"_s}));
    QVERIFY(session.send(u"Go on"_s));
    QTRY_COMPARE_WITH_TIMEOUT(model->message(1).content, u"Partial answer"_s, kWaitMs);
    relay.cut();
    QTRY_VERIFY_WITH_TIMEOUT(!session.isStreaming(), kWaitMs);
    QCOMPARE(model->message(1).state, ChatMessageState::Failed);
    QCOMPARE(model->message(1).content, u"Partial answer"_s);
    QVERIFY2(model->message(1).errorText.contains(u"connection"_s), qPrintable(model->message(1).errorText));
    QVERIFY(session.canRetry());

    // The server sees the reader leave while the upstream is still talking, and keeps what it had, as cancelled
    // (until then the answer reads as failed and empty). The upstream ends only after that, so its end cannot be
    // what settles the answer.
    std::optional<api::ConversationDetail> stored;
    QTRY_VERIFY_WITH_TIMEOUT((stored = read(*api, conversation->id)) && stored->messages.size() == 2 &&
                                 stored->messages.at(1).status == MessageStatus::Cancelled,
                             kWaitMs);
    QCOMPARE(stored->messages.at(1).content, u"Partial answer"_s);
    m_upstream.release();

    m_upstream.enqueue(FakeUpstream::openaiText({u"Whole answer"_s}));
    QVERIFY(session.retry());
    QTRY_VERIFY_WITH_TIMEOUT(!session.isStreaming(), kWaitMs);
    QCOMPARE(model->message(1).state, ChatMessageState::Complete);
    QCOMPARE(model->message(1).content, u"Whole answer"_s);
    QCOMPARE(model->alternativeCount(1), 2);
}

void TestChatPanel::quotaExceededSaysWhenToRetry()
{
    auto api = signIn(); // a creator: 50,000 tokens a day on this server
    QVERIFY(api);
    const std::optional<Conversation> conversation = create(*api);
    QVERIFY(conversation);
    ConversationListModel list(api.get());
    const auto panel = showPanel(*api, list);
    QVERIFY(panel);
    panel->openConversation(conversation->id);
    QTRY_VERIFY_WITH_TIMEOUT(panel->currentSession() && panel->currentSession()->status() == ChatSession::Status::Ready,
                             kWaitMs);
    ChatSession *session = panel->currentSession();
    m_upstream.enqueue(expensiveReply(u"That was expensive."_s, 60000));
    QVERIFY(session->send(u"Write a long chapter"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!session->isStreaming(), kWaitMs);
    QCOMPARE(session->messages()->message(1).state, ChatMessageState::Complete);

    const int requests = int(m_upstream.requests().size());
    QTest::keyClicks(panel->input(), u"One more"_s);
    QTest::keyClick(panel->input(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!session->isStreaming() && session->messages()->rowCount() == 3, kWaitMs);
    const engine::ChatMessage question = session->messages()->message(2);
    QCOMPARE(question.state, ChatMessageState::Failed);
    QVERIFY(!question.isStored());
    QVERIFY2(question.errorText.contains(u"Try again"_s), qPrintable(question.errorText));
    QVERIFY(question.retryAt.has_value());
    QVERIFY(*question.retryAt > QDateTime::currentDateTimeUtc());
    QVERIFY(*question.retryAt <= QDateTime::currentDateTimeUtc().addDays(1));
    QCOMPARE(int(m_upstream.requests().size()), requests); // the server refused before asking the AI
    QVERIFY(session->canRetry());
    // The panel shows it on the question: not sent, why, and when to try again.
    MessageWidget *widget = widgetAt(*panel, 2);
    QVERIFY(widget);
    auto *badge = visibleChild(widget, u"failedBadge"_s);
    QVERIFY(badge);
    QCOMPARE(qobject_cast<QLabel *>(badge)->text(), u"not sent"_s);
    auto *error = widget->findChild<QLabel *>(u"messageErrorText"_s);
    QVERIFY(error && error->isVisible());
    QVERIFY2(error->text().contains(u"Try again"_s), qPrintable(error->text()));
    QVERIFY(visibleChild(widget, u"retryButton"_s));
    // F5 retries from the keyboard; the server still refuses, and says so again.
    QSignalSpy finished(session, &ChatSession::answerFinished);
    panel->input()->setFocus();
    QTest::keyClick(panel->input(), Qt::Key_F5);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
    QCOMPARE(session->messages()->rowCount(), 3);
    QCOMPARE(session->messages()->message(2).state, ChatMessageState::Failed);
    QVERIFY(session->messages()->message(2).errorText.contains(u"Try again"_s));
}

void TestChatPanel::withoutProviderSendIsDisabled()
{
    if (!m_plainServer) {
        m_plainServer = std::make_unique<test::InkwelldProcess>();
        QVERIFY2(m_plainServer->start(), qPrintable(m_plainServer->error()));
    }
    auto api = signIn(m_plainServer->url());
    QVERIFY(api);

    engine::AiAvailability availability(api.get());
    QSignalSpy changed(&availability, &engine::AiAvailability::changed);
    QVERIFY(availability.canChat()); // not known yet: not blocked
    availability.check();
    QTRY_COMPARE_WITH_TIMEOUT(availability.state(), engine::AiAvailability::State::Unconfigured, kWaitMs);
    QVERIFY(!availability.canChat());
    QVERIFY2(availability.message().contains(u"no AI provider"_s), qPrintable(availability.message()));

    // Conversations still work; a message that is sent anyway is answered 503 and says why.
    const std::optional<Conversation> conversation = create(*api);
    QVERIFY(conversation);
    ChatSession session(api.get());
    QSignalSpy unavailable(&session, &ChatSession::providerUnavailable);
    session.open(*conversation);
    QTRY_COMPARE_WITH_TIMEOUT(session.status(), ChatSession::Status::Ready, kWaitMs);
    QVERIFY(session.send(u"Anyone there?"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!session.isStreaming(), kWaitMs);
    QCOMPARE(session.messages()->rowCount(), 1);
    QCOMPARE(session.messages()->message(0).state, ChatMessageState::Failed);
    QVERIFY2(session.messages()->message(0).errorText.contains(u"No AI provider"_s),
             qPrintable(session.messages()->message(0).errorText));
    QCOMPARE(unavailable.count(), 1);

    // The panel keeps Send where it is, disabled, and says why.
    ConversationListModel list(api.get());
    const auto panel = showPanel(*api, list);
    QVERIFY(panel);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->aiAvailability()->canChat(), kWaitMs);
    panel->openConversation(conversation->id);
    QTest::keyClicks(panel->input(), u"Hello?"_s);
    auto *send = panel->findChild<QPushButton *>(u"sendButton"_s);
    QVERIFY(send);
    QVERIFY(send->isVisible());
    QVERIFY(!send->isEnabled());
    auto *banner = panel->findChild<QLabel *>(u"providerBanner"_s);
    QVERIFY(banner && banner->isVisible());
    QVERIFY2(banner->text().contains(u"no AI provider"_s), qPrintable(banner->text()));
    QTest::keyClick(panel->input(), Qt::Key_Return); // Enter does not send either
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentSession()->status(), ChatSession::Status::Ready, kWaitMs);
    QCOMPARE(panel->currentSession()->messages()->rowCount(), 0); // nothing was stored, nothing sent now
    QCOMPARE(panel->input()->toPlainText(), u"Hello?"_s);         // the text stays for later
}

void TestChatPanel::manyAnswersStreamAtOnceAndOtherCallsGoOn()
{
    // More answers at once than one connection pool holds (six per host): all of them arrive, and an ordinary call
    // made meanwhile is answered.
    auto api = signIn();
    QVERIFY(api);
    constexpr int kStreams = 8;
    std::vector<std::unique_ptr<ChatSession>> sessions;
    for (int i = 0; i < kStreams; ++i) {
        const std::optional<Conversation> conversation = create(*api, u"Parallel %1"_s.arg(i));
        QVERIFY(conversation);
        sessions.push_back(std::make_unique<ChatSession>(api.get()));
        sessions.back()->open(*conversation);
    }
    for (const auto &session : sessions)
        QTRY_COMPARE_WITH_TIMEOUT(session->status(), ChatSession::Status::Ready, kWaitMs);
    for (int i = 0; i < kStreams; ++i) {
        m_upstream.enqueue(heldReply({u"Answer "_s, u"number"_s}));
        QVERIFY(sessions.at(i)->send(u"Question %1"_s.arg(i)));
    }
    const auto answer = [](const ChatSession &session) {
        return session.messages()->rowCount() == 2 ? session.messages()->message(1).content : QString();
    };
    for (const auto &session : sessions)
        QTRY_COMPARE_WITH_TIMEOUT(answer(*session), u"Answer number"_s, kWaitMs);
    ConversationListModel list(api.get());
    list.reload();
    QTRY_COMPARE_WITH_TIMEOUT(list.rowCount(), kStreams, kWaitMs);
    for (const auto &session : sessions) {
        QVERIFY(session->isStreaming());
        session->stop();
    }
    for (const auto &session : sessions)
        QTRY_VERIFY_WITH_TIMEOUT(!session->isStreaming(), kWaitMs);
    m_upstream.release();
    for (const auto &session : sessions)
        QCOMPARE(session->messages()->message(1).state, ChatMessageState::Cancelled);
}

// ---- panel ---------------------------------------------------------------------------------------------------------

void TestChatPanel::panelShowsTextWhileStreamingAndEscStops()
{
    auto api = signIn();
    QVERIFY(api);
    ConversationListModel list(api.get());
    const auto panel = showPanel(*api, list);
    QVERIFY(panel);
    QTRY_VERIFY_WITH_TIMEOUT(!list.isLoading(), kWaitMs);
    QCOMPARE(list.rowCount(), 0);

    // Ctrl+K: a new conversation, open, the cursor in the question box.
    panel->input()->setFocus();
    QTest::keyClick(panel->input(), Qt::Key_K, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(list.rowCount(), 1, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(panel->currentSession() && panel->currentSession()->status() == ChatSession::Status::Ready,
                             kWaitMs);
    QCOMPARE(panel->currentConversation(), list.index(0).data(ConversationListModel::IdRole).toUuid());
    QVERIFY(panel->input()->hasFocus());

    m_upstream.enqueue(heldReply({u"The keeper "_s, u"climbs the **stairs**"_s}));
    QTest::keyClicks(panel->input(), u"Open the scene"_s);
    QTest::keyClick(panel->input(), Qt::Key_Return);
    QCOMPARE(panel->input()->toPlainText(), QString()); // sent: the box is empty again
    QCOMPARE(shownText(*panel, 0), u"Open the scene"_s);
    // The view shows the text (rendered Markdown) while the upstream still holds the answer open.
    QTRY_COMPARE_WITH_TIMEOUT(shownText(*panel, 1), u"The keeper climbs the stairs"_s, kWaitMs);
    QVERIFY(panel->currentSession()->isStreaming());
    auto *stop = panel->findChild<QPushButton *>(u"stopButton"_s);
    QVERIFY(stop && stop->isVisible() && stop->isEnabled());
    QVERIFY(!panel->findChild<QPushButton *>(u"sendButton"_s)->isVisible());
    QVERIFY(visibleChild(widgetAt(*panel, 1), u"streamingBadge"_s));

    QTest::keyClick(panel->input(), Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->currentSession()->isStreaming(), kWaitMs);
    m_upstream.release();
    QCOMPARE(shownText(*panel, 1), u"The keeper climbs the stairs"_s);
    auto *badge = qobject_cast<QLabel *>(visibleChild(widgetAt(*panel, 1), u"stoppedBadge"_s));
    QVERIFY(badge);
    QCOMPARE(badge->text(), u"stopped"_s);
    QVERIFY(panel->findChild<QPushButton *>(u"sendButton"_s)->isVisible());

    const std::optional<api::ConversationDetail> stored = read(*api, panel->currentConversation());
    QVERIFY(stored);
    QCOMPARE(stored->messages.size(), 2);
    QCOMPARE(stored->messages.at(1).status, MessageStatus::Cancelled);
    QCOMPARE(stored->messages.at(1).content, u"The keeper climbs the **stairs**"_s);
}

void TestChatPanel::panelEnterSendsShiftEnterBreaksLine()
{
    const auto open = openPanel();
    QVERIFY(open);
    auto &[api, conversation, list, panel] = *open;
    ChatSession *session = panel->currentSession();
    app::ChatInput *input = panel->input();
    input->setFocus();

    QTest::keyClick(input, Qt::Key_Return); // empty: nothing happens
    QCOMPARE(session->messages()->rowCount(), 0);
    QTest::keyClicks(input, u"line one"_s);
    QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(input, u"line two"_s);
    QCOMPARE(input->toPlainText(), u"line one\nline two"_s);
    QCOMPARE(session->messages()->rowCount(), 0);

    m_upstream.enqueue(FakeUpstream::openaiText({u"Two lines received."_s}));
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(session->messages()->rowCount(), 2);
    QCOMPARE(session->messages()->message(0).content, u"line one\nline two"_s);
    QVERIFY(input->toPlainText().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!session->isStreaming(), kWaitMs);
    QCOMPARE(shownText(*panel, 0), u"line one\nline two"_s);
    QCOMPARE(shownText(*panel, 1), u"Two lines received."_s);
    // Token counts are shown, quietly.
    auto *tokens = widgetAt(*panel, 1)->findChild<QLabel *>(u"messageTokens"_s);
    QVERIFY(tokens && tokens->isVisible());
    QVERIFY2(tokens->text().contains(u"1"_s), qPrintable(tokens->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!panel->findChild<QLabel *>(u"conversationTokens"_s)->text().isEmpty(), kWaitMs);
}

void TestChatPanel::panelEditsTheLastQuestion()
{
    const auto open = openPanel();
    QVERIFY(open);
    auto &[api, conversation, list, panel] = *open;
    ChatSession *session = panel->currentSession();
    QVERIFY(exchange(*session, u"Is the midpoint earned"_s, u"Mostly."_s));

    // Up in the empty box takes the last question back for editing.
    app::ChatInput *input = panel->input();
    input->setFocus();
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(input->toPlainText(), u"Is the midpoint earned"_s);
    QVERIFY(panel->findChild<QLabel *>(u"editModeBar"_s)->isVisible());
    // Esc leaves editing and gives the draft back.
    QTest::keyClick(input, Qt::Key_Escape);
    QVERIFY(input->toPlainText().isEmpty());
    QVERIFY(!panel->findChild<QLabel *>(u"editModeBar"_s)->isVisible());

    // The Edit button under the question does the same.
    auto *edit = qobject_cast<QToolButton *>(visibleChild(widgetAt(*panel, 0), u"editQuestionButton"_s));
    QVERIFY(edit);
    edit->click();
    QCOMPARE(input->toPlainText(), u"Is the midpoint earned"_s);
    QTest::keyClicks(input, u"?"_s);
    m_upstream.enqueue(FakeUpstream::openaiText({u"Yes, now it is."_s}));
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!session->isStreaming(), kWaitMs);
    QCOMPARE(session->messages()->rowCount(), 4);
    QCOMPARE(session->messages()->message(2).content, u"Is the midpoint earned?"_s);
    QVERIFY(session->messages()->isSuperseded(0));
    auto *badge = qobject_cast<QLabel *>(visibleChild(widgetAt(*panel, 0), u"supersededBadge"_s));
    QVERIFY(badge);
    QCOMPARE(badge->text(), u"edited"_s);
    // Only the newest question can be edited.
    QVERIFY(!visibleChild(widgetAt(*panel, 0), u"editQuestionButton"_s));
    QVERIFY(visibleChild(widgetAt(*panel, 2), u"editQuestionButton"_s));
}

void TestChatPanel::panelRenamesAndDeletes()
{
    auto api = signIn();
    QVERIFY(api);
    const std::optional<Conversation> keep = create(*api, u"Keep me"_s);
    const std::optional<Conversation> target = create(*api, u"Rename me"_s);
    QVERIFY(keep && target);
    ConversationListModel list(api.get());
    const auto panel = showPanel(*api, list);
    QVERIFY(panel);
    QTRY_COMPARE_WITH_TIMEOUT(list.rowCount(), 2, kWaitMs);
    auto *view = panel->findChild<QListView *>(u"conversationList"_s);
    QVERIFY(view);
    view->setFocus();
    view->setCurrentIndex(list.index(list.rowOf(target->id)));
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentConversation(), target->id, kWaitMs);

    // F2 edits the title in place.
    QTest::keyClick(view, Qt::Key_F2);
    QLineEdit *editor = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (editor = view->findChild<QLineEdit *>(u"conversationTitleEditor"_s)) && editor->isVisible(), kWaitMs);
    editor->selectAll();
    QTest::keyClicks(editor, u"Chapter 7 notes"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(list.find(target->id)->title, std::optional<QString>(u"Chapter 7 notes"_s), kWaitMs);
    std::optional<api::ConversationDetail> stored;
    QTRY_VERIFY_WITH_TIMEOUT((stored = read(*api, target->id)) &&
                                 stored->conversation.title == std::optional<QString>(u"Chapter 7 notes"_s),
                             kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->findChild<QLabel *>(u"conversationTitle"_s)->text(), u"Chapter 7 notes"_s,
                              kWaitMs);

    // Delete asks first (a window-modal box, opened with open()); Cancel keeps it.
    view->setFocus();
    view->setCurrentIndex(list.index(list.rowOf(target->id)));
    QTest::keyClick(view, Qt::Key_Delete);
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = panel->findChild<QMessageBox *>(u"deleteConversationDialog"_s)) && box->isVisible(),
                             kWaitMs);
    QVERIFY(box->text().contains(u"Chapter 7 notes"_s));
    box->findChild<QPushButton *>(u"cancelDeleteButton"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->findChild<QMessageBox *>(u"deleteConversationDialog"_s), kWaitMs);
    QCOMPARE(list.rowCount(), 2);
    // The offscreen platform does not give the activation back when the box closes; a window manager does.
    panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(panel.get()));
    QVERIFY(view->hasFocus());

    QTest::keyClick(view, Qt::Key_Delete);
    QTRY_VERIFY_WITH_TIMEOUT((box = panel->findChild<QMessageBox *>(u"deleteConversationDialog"_s)) && box->isVisible(),
                             kWaitMs);
    box->findChild<QPushButton *>(u"confirmDeleteButton"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(list.rowCount(), 1, kWaitMs);
    QCOMPARE(list.rowOf(target->id), -1);
    QVERIFY(panel->currentConversation() != target->id);
    Outcome<api::ConversationDetail> gone;
    api->conversation(target->id, this, gone.callback());
    QTRY_VERIFY_WITH_TIMEOUT(gone.arrived(), kWaitMs);
    QVERIFY(!*gone);
    QCOMPARE(gone->error().status, 404);
}

void TestChatPanel::panelSearchFiltersTheList()
{
    auto api = signIn();
    QVERIFY(api);
    for (const QString &title : {u"Alpha draft"_s, u"beta notes"_s, u"ALPHABET soup"_s})
        QVERIFY(create(*api, title));
    ConversationListModel list(api.get());
    const auto panel = showPanel(*api, list);
    QVERIFY(panel);
    QTRY_COMPARE_WITH_TIMEOUT(list.rowCount(), 3, kWaitMs);
    auto *search = panel->findChild<QLineEdit *>(u"conversationSearch"_s);
    auto *view = panel->findChild<QListView *>(u"conversationList"_s);
    QVERIFY(search && view);

    // Ctrl+F goes to the search box.
    panel->input()->setFocus();
    QTest::keyClick(panel->input(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(search->hasFocus());
    QTest::keyClicks(search, u"alpha"_s);
    QCOMPARE(view->model()->rowCount(), 2);
    QStringList shown;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        shown << view->model()->index(row, 0).data().toString();
    shown.sort();
    QCOMPARE(shown, (QStringList{u"ALPHABET soup"_s, u"Alpha draft"_s}));
    QTest::keyClicks(search, u"bet"_s);
    QCOMPARE(view->model()->rowCount(), 1);
    QTest::keyClicks(search, u"zzz"_s);
    QCOMPARE(view->model()->rowCount(), 0);
    search->clear();
    QCOMPARE(view->model()->rowCount(), 3);
    // Ctrl+K with a search set clears it, so the new conversation is in sight.
    QTest::keyClicks(search, u"beta"_s);
    QTest::keyClick(search, Qt::Key_K, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 4, kWaitMs);
    QVERIFY(search->text().isEmpty());
}

void TestChatPanel::panelShowsErrorsInlineWithRetryAndSwitchesAnswers()
{
    const auto open = openPanel();
    QVERIFY(open);
    auto &[api, conversation, list, panel] = *open;
    ChatSession *session = panel->currentSession();

    m_upstream.enqueue(brokenReply({u"Cut "_s}));
    QVERIFY(session->send(u"Write the ending"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!session->isStreaming(), kWaitMs);
    MessageWidget *answer = widgetAt(*panel, 1);
    QVERIFY(answer);
    QVERIFY(visibleChild(answer, u"failedBadge"_s));
    auto *error = answer->findChild<QLabel *>(u"messageErrorText"_s);
    QVERIFY(error && error->isVisible());
    QVERIFY2(error->text().contains(u"broke off"_s), qPrintable(error->text()));
    auto *retry = qobject_cast<QPushButton *>(visibleChild(answer, u"retryButton"_s));
    QVERIFY(retry);

    m_upstream.enqueue(FakeUpstream::openaiText({u"The sea "_s, u"takes the light."_s}));
    retry->click();
    QTRY_VERIFY_WITH_TIMEOUT(!session->isStreaming(), kWaitMs);
    QCOMPARE(shownText(*panel, 1), u"The sea takes the light."_s);
    QVERIFY(!answer->findChild<QLabel *>(u"messageErrorText"_s)->isVisible());
    auto *position = qobject_cast<QLabel *>(visibleChild(answer, u"alternativeLabel"_s));
    QVERIFY(position);
    QCOMPARE(position->text(), u"2 / 2"_s);

    // Regenerate (the button, then the shortcut): every answer stays reachable.
    m_upstream.enqueue(FakeUpstream::openaiText({u"The light outlasts the sea."_s}));
    auto *regenerate = qobject_cast<QToolButton *>(visibleChild(answer, u"regenerateButton"_s));
    QVERIFY(regenerate);
    regenerate->click();
    QTRY_VERIFY_WITH_TIMEOUT(!session->isStreaming(), kWaitMs);
    QCOMPARE(position->text(), u"3 / 3"_s);
    QCOMPARE(shownText(*panel, 1), u"The light outlasts the sea."_s);
    m_upstream.enqueue(FakeUpstream::openaiText({u"Fourth."_s}));
    panel->input()->setFocus();
    QTest::keyClick(panel->input(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(position->text(), u"4 / 4"_s, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!session->isStreaming(), kWaitMs);

    auto *previous = qobject_cast<QToolButton *>(visibleChild(answer, u"previousAnswerButton"_s));
    auto *next = qobject_cast<QToolButton *>(visibleChild(answer, u"nextAnswerButton"_s));
    QVERIFY(previous && next);
    QVERIFY(!next->isEnabled());
    previous->click();
    previous->click();
    QCOMPARE(position->text(), u"2 / 4"_s);
    QCOMPARE(shownText(*panel, 1), u"The sea takes the light."_s);
    previous->click();
    QCOMPARE(position->text(), u"1 / 4"_s);
    QCOMPARE(shownText(*panel, 1), u"Cut "_s.trimmed());
    QVERIFY(!previous->isEnabled());
    next->click();
    QCOMPARE(shownText(*panel, 1), u"The sea takes the light."_s);

    // On the server: all four answers, the failed one as failed.
    const std::optional<api::ConversationDetail> stored = read(*api, conversation->id);
    QVERIFY(stored);
    QCOMPARE(stored->messages.size(), 5);
    QCOMPARE(stored->messages.at(1).status, MessageStatus::Failed);
}

void TestChatPanel::panelCopiesMessagesAndCodeBlocks()
{
    const auto open = openPanel();
    QVERIFY(open);
    auto &[api, conversation, list, panel] = *open;
    const QString answer =
        u"Try this:\n\n```python\nprint(\"<light>\")\n```\n\nAnd this:\n\n```\nsecond block\n```\n"_s;
    QVERIFY(exchange(*panel->currentSession(), u"Show code"_s, answer));
    MessageWidget *widget = widgetAt(*panel, 1);
    QVERIFY(widget);
    app::MessageBody *body = widget->body();
    QCOMPARE(body->codeBlockCount(), 2);

    // The "Copy" link above the second code block copies just that block.
    QGuiApplication::clipboard()->clear();
    QTextCursor link;
    for (QTextBlock block = body->document()->begin(); block.isValid() && link.isNull(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().anchorHref() == u"inkwell-copy:1"_s) {
                link = QTextCursor(body->document());
                link.setPosition(it.fragment().position() + 1);
                break;
            }
        }
    }
    QVERIFY(!link.isNull());
    const QPoint at = body->cursorRect(link).center();
    QCOMPARE(body->codeBlockAt(at), 1);
    QTest::mouseClick(body->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE_WITH_TIMEOUT(QGuiApplication::clipboard()->text(), u"second block"_s, kWaitMs);
    // Inside the first block's code, the context menu would offer that block.
    const QPoint inCode = body->cursorRect(body->document()->find(u"print"_s)).center();
    QCOMPARE(body->codeBlockAt(inCode), 0);
    body->copyCodeBlock(0);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"print(\"<light>\")"_s);

    // Copy under the message copies its Markdown; Ctrl+Shift+C copies the last answer from anywhere.
    qobject_cast<QToolButton *>(visibleChild(widget, u"copyMessageButton"_s))->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), answer);
    QGuiApplication::clipboard()->clear();
    panel->input()->setFocus();
    QTest::keyClick(panel->input(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), answer);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->findChild<QLabel *>(u"chatStatus"_s)->text().isEmpty(), kWaitMs);
}

void TestChatPanel::panelSavesTheSystemPrompt()
{
    const auto open = openPanel();
    QVERIFY(open);
    auto &[api, conversation, list, panel] = *open;

    auto *editor = panel->findChild<QPlainTextEdit *>(u"systemPromptEditor"_s);
    QVERIFY(editor && !editor->isVisible());
    panel->input()->setFocus();
    QTest::keyClick(panel->input(), Qt::Key_P, Qt::ControlModifier | Qt::AltModifier);
    QVERIFY(editor->isVisible());
    QVERIFY(editor->hasFocus());
    QTest::keyClicks(editor, u"You are a patient editor."_s);
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentSession()->systemPrompt(), u"You are a patient editor."_s, kWaitMs);
    QCOMPARE(panel->findChild<QLabel *>(u"systemPromptStatus"_s)->text(), u"Saved"_s);
    const std::optional<api::ConversationDetail> stored = read(*api, conversation->id);
    QVERIFY(stored);
    QCOMPARE(stored->conversation.systemPrompt, std::optional<QString>(u"You are a patient editor."_s));
    QVERIFY(panel->findChild<QToolButton *>(u"systemPromptButton"_s)->text().contains(u"●"_s));
}

void TestChatPanel::panelCreatesWidgetsLazily()
{
    // A long conversation opens with widgets for its newest messages only; scrolling up creates the rest.
    auto api = signIn();
    QVERIFY(api);
    const std::optional<Conversation> conversation = create(*api);
    QVERIFY(conversation);
    {
        ChatSession filler(api.get());
        filler.open(*conversation);
        QTRY_COMPARE_WITH_TIMEOUT(filler.status(), ChatSession::Status::Ready, kWaitMs);
        for (int i = 0; i < 25; ++i)
            QVERIFY(exchange(filler, u"Question %1"_s.arg(i), u"Answer %1"_s.arg(i)));
    }
    ConversationListModel list(api.get());
    const auto panel = showPanel(*api, list);
    QVERIFY(panel);
    panel->openConversation(conversation->id);
    QTRY_VERIFY_WITH_TIMEOUT(panel->currentSession()->status() == ChatSession::Status::Ready, kWaitMs);
    app::ChatView *view = panel->messageView();
    QCOMPARE(panel->currentSession()->messages()->rowCount(), 50);
    QCOMPARE(view->firstCreatedRow(), 50 - app::ChatView::kInitialMessages);
    QVERIFY(!view->messageWidget(0));
    QVERIFY(view->messageWidget(49));
    QCOMPARE(shownText(*panel, 49), u"Answer 24"_s);
    QTRY_VERIFY_WITH_TIMEOUT(view->isFollowing(), kWaitMs);
    // "Show earlier messages" (keyboard reachable), or scrolling to the top.
    auto *earlier = panel->findChild<QPushButton *>(u"showEarlierButton"_s);
    QVERIFY(earlier && earlier->isVisible());
    earlier->click();
    QTRY_COMPARE_WITH_TIMEOUT(view->firstCreatedRow(), 50 - app::ChatView::kInitialMessages - app::ChatView::kBatch,
                              kWaitMs);
    QVERIFY(earlier->isVisible());
    earlier->click();
    QTRY_COMPARE_WITH_TIMEOUT(view->firstCreatedRow(), 0, kWaitMs);
    QCOMPARE(shownText(*panel, 0), u"Question 0"_s);
    QVERIFY(!earlier->isVisible());
}

void TestChatPanel::panelFollowsTheStreamUnlessScrolledUp()
{
    auto api = signIn();
    QVERIFY(api);
    const std::optional<Conversation> conversation = create(*api);
    QVERIFY(conversation);
    QString longAnswer;
    for (int line = 0; line < 12; ++line)
        longAnswer += u"Line %1 of a long answer.\n\n"_s.arg(line);
    {
        ChatSession filler(api.get());
        filler.open(*conversation);
        QTRY_COMPARE_WITH_TIMEOUT(filler.status(), ChatSession::Status::Ready, kWaitMs);
        for (int i = 0; i < 4; ++i)
            QVERIFY(exchange(filler, u"Question %1"_s.arg(i), longAnswer));
    }
    ConversationListModel list(api.get());
    const auto panel = showPanel(*api, list);
    QVERIFY(panel);
    panel->openConversation(conversation->id);
    QTRY_VERIFY_WITH_TIMEOUT(panel->currentSession()->status() == ChatSession::Status::Ready, kWaitMs);
    app::ChatView *view = panel->messageView();
    QScrollBar *bar = view->verticalScrollBar();
    QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 0 && bar->value() == bar->maximum(), kWaitMs);
    auto *jump = panel->findChild<QPushButton *>(u"jumpToLatest"_s);
    QVERIFY(jump && !jump->isVisible());

    // While following, the view stays at the bottom as the answer grows.
    QStringList pieces;
    for (int i = 0; i < 40; ++i)
        pieces << u"Growing line %1.\n\n"_s.arg(i);
    m_upstream.enqueue(FakeUpstream::openaiText(pieces, 40));
    ChatSession *session = panel->currentSession();
    QVERIFY(session->send(u"Write a lot"_s));
    QTRY_VERIFY_WITH_TIMEOUT(session->messages()->message(9).content.contains(u"Growing line 3."_s), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(shownText(*panel, 9).contains(u"Growing line 3."_s), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(bar->value(), bar->maximum(), kWaitMs);
    QVERIFY(view->isFollowing());

    // Scrolled up to read: the view stays where the reader is, and offers the way back.
    bar->setValue(0);
    QVERIFY(!view->isFollowing());
    QVERIFY(jump->isVisible());
    const int maximumBefore = bar->maximum();
    QTRY_VERIFY_WITH_TIMEOUT(!session->isStreaming(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(shownText(*panel, 9).contains(u"Growing line 39."_s), kWaitMs);
    QVERIFY(bar->maximum() > maximumBefore);
    QCOMPARE(bar->value(), 0);
    jump->click();
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(view->isFollowing());
    QVERIFY(!jump->isVisible());
}

void TestChatPanel::panelStartsAConversationForAQuestionTypedIntoNothing()
{
    auto api = signIn();
    QVERIFY(api);
    ConversationListModel list(api.get());
    const auto panel = showPanel(*api, list);
    QVERIFY(panel);
    QTRY_VERIFY_WITH_TIMEOUT(!list.isLoading(), kWaitMs);
    QVERIFY(!panel->currentSession());
    auto *empty = panel->findChild<QLabel *>(u"emptyTitle"_s);
    QVERIFY(empty && empty->isVisible());
    QCOMPARE(empty->text(), u"No conversation open"_s);

    m_upstream.enqueue(FakeUpstream::openaiText({u"Happy to help."_s}));
    panel->input()->setFocus();
    QTest::keyClicks(panel->input(), u"Help me name a lighthouse keeper"_s);
    QTest::keyClick(panel->input(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(list.rowCount(), 1, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(panel->currentSession() && panel->currentSession()->messages()->rowCount() == 2, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->currentSession()->isStreaming(), kWaitMs);
    QCOMPARE(panel->currentSession()->messages()->message(0).content, u"Help me name a lighthouse keeper"_s);
    QCOMPARE(shownText(*panel, 1), u"Happy to help."_s);
    QVERIFY(panel->input()->toPlainText().isEmpty());
    QVERIFY(!empty->isVisible());
    // The first answer of an untitled conversation gets a title from the server (the fake upstream answers the
    // title request with an error, so the server takes the question's first words); the list and header show it.
    QTRY_VERIFY_WITH_TIMEOUT(list.index(0).data(ConversationListModel::HasTitleRole).toBool(), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->findChild<QLabel *>(u"conversationTitle"_s)->text(),
                              list.index(0).data(ConversationListModel::TitleRole).toString(), kWaitMs);
    QVERIFY(list.index(0).data(ConversationListModel::TitleRole).toString().startsWith(u"Help me name"_s));
}

QTEST_MAIN(TestChatPanel)
#include "tst_chatpanel.moc"
