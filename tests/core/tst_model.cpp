#include "api/apitypes.h"
#include "api/schemas.h"
#include "model/article.h"
#include "model/conversation.h"
#include "model/message.h"
#include "model/notification.h"
#include "model/role.h"
#include "model/tag.h"
#include "model/user.h"
#include "schemavalidator.h"

#include "json/jsonreader.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <functional>
#include <initializer_list>

using namespace Qt::StringLiterals;
using namespace inkwell;

namespace {

// ---- Helpers that build inputs and expectations (none of them calls the code under test) ------------------------

QJsonObject parse(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("test JSON does not parse: %s", text);
    return document.object();
}

QJsonObject with(QJsonObject object, const QString &key, const QJsonValue &value)
{
    object.insert(key, value);
    return object;
}

QJsonObject without(QJsonObject object, const QString &key)
{
    object.remove(key);
    return object;
}

const QJsonValue jsonNull(QJsonValue::Null);

/// "field: message" lines, as the rows below write them.
QStringList errs(std::initializer_list<const char *> lines)
{
    QStringList list;
    for (const char *line : lines)
        list.append(QString::fromUtf8(line));
    return list;
}

const QStringList ok;

/// U+1F600, one code point, two UTF-16 units.
const QString emoji = u"\U0001F600"_s;

QString chars(qsizetype count, QStringView unit = u"a")
{
    return unit.toString().repeated(count);
}

QJsonArray names(int count)
{
    QJsonArray array;
    for (int i = 0; i < count; ++i)
        array.append(QString(u"tag"_s + QString::number(i)));
    return array;
}

template <typename T> QStringList problems(const Parsed<T> &parsed)
{
    QStringList lines;
    if (!parsed) {
        for (const FieldError &error : parsed.error())
            lines.append(error.field + u": "_s + error.message);
    }
    return lines;
}

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int ms)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), Qt::UTC);
}

QUuid uuid(QStringView text)
{
    return QUuid::fromString(text);
}

// ---- Hand-written documents and the values they stand for -----------------------------------------------------

const char *const kUserJson = R"({
    "id": "6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d12", "email": "ada@example.com", "full_name": "Ada Lovelace",
    "role": "creator", "bio": null, "avatar_url": null, "is_active": true,
    "created_at": "2026-11-26T16:12:01.123Z", "updated_at": "2026-11-27T08:00:00.000Z"})";

User sampleUser()
{
    User user;
    user.id = uuid(u"6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d12");
    user.email = u"ada@example.com"_s;
    user.fullName = u"Ada Lovelace"_s;
    user.role = Role::Creator;
    user.isActive = true;
    user.createdAt = utc(2026, 11, 26, 16, 12, 1, 123);
    user.updatedAt = utc(2026, 11, 27, 8, 0, 0, 0);
    return user;
}

const char *const kArticleJson = R"({
    "id": "0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d", "author_id": "6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d12",
    "author_name": "Ada Lovelace", "title": "On the Analytical Engine", "slug": "on-the-analytical-engine",
    "content": "# Notes\n\nIt weaves.", "content_html": "<h1>Notes</h1>\n<p>It weaves.</p>\n",
    "excerpt": "It weaves.", "status": "published", "tags": ["history", "computing"], "reading_time": 1,
    "word_count": 3, "views": 42, "revision": 3, "created_at": "2026-11-26T16:12:01.123Z",
    "updated_at": "2026-11-27T08:00:00.000Z", "published_at": "2026-11-27T08:00:00.000Z", "deleted": false})";

Article sampleArticle()
{
    Article article;
    article.id = uuid(u"0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d");
    article.authorId = uuid(u"6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d12");
    article.authorName = u"Ada Lovelace"_s;
    article.title = u"On the Analytical Engine"_s;
    article.slug = u"on-the-analytical-engine"_s;
    article.content = u"# Notes\n\nIt weaves."_s;
    article.contentHtml = u"<h1>Notes</h1>\n<p>It weaves.</p>\n"_s;
    article.excerpt = u"It weaves."_s;
    article.status = ArticleStatus::Published;
    article.tags = QStringList{u"history"_s, u"computing"_s};
    article.readingTime = 1;
    article.wordCount = 3;
    article.views = 42;
    article.revision = 3;
    article.createdAt = utc(2026, 11, 26, 16, 12, 1, 123);
    article.updatedAt = utc(2026, 11, 27, 8, 0, 0, 0);
    article.publishedAt = utc(2026, 11, 27, 8, 0, 0, 0);
    article.deleted = false;
    return article;
}

const char *const kTagJson =
    R"({"id": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", "name": "computing", "slug": "computing", "article_count": 7})";

Tag sampleTag()
{
    return Tag{uuid(u"5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a"), u"computing"_s, u"computing"_s, 7};
}

const char *const kConversationJson = R"({
    "id": "3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9", "title": null, "model": "gemini-2.5-flash",
    "system_prompt": null, "message_count": 0, "total_tokens": 0,
    "created_at": "2026-11-26T16:12:01.123Z", "updated_at": "2026-11-26T16:12:01.123Z"})";

Conversation sampleConversation()
{
    Conversation conversation;
    conversation.id = uuid(u"3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9");
    conversation.model = u"gemini-2.5-flash"_s;
    conversation.createdAt = utc(2026, 11, 26, 16, 12, 1, 123);
    conversation.updatedAt = utc(2026, 11, 26, 16, 12, 1, 123);
    return conversation;
}

const char *const kMessageJson = R"({
    "id": "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "conversation_id": "3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9",
    "role": "assistant", "content": "Hello!", "tokens": 12, "created_at": "2026-11-26T16:12:02.500Z",
    "status": "cancelled"})";

Message sampleMessage()
{
    Message message;
    message.id = uuid(u"9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
    message.conversationId = uuid(u"3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9");
    message.role = MessageRole::Assistant;
    message.content = u"Hello!"_s;
    message.tokens = 12;
    message.createdAt = utc(2026, 11, 26, 16, 12, 2, 500);
    message.status = MessageStatus::Cancelled;
    return message;
}

const char *const kNotificationJson = R"({
    "id": "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d", "type": "article.published", "title": "Published",
    "message": "Your article is live.", "link": "/articles/0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d",
    "is_read": false, "created_at": "2026-11-26T16:12:01.123Z", "read_at": null})";

Notification sampleNotification()
{
    Notification notification;
    notification.id = uuid(u"7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d");
    notification.type = u"article.published"_s;
    notification.title = u"Published"_s;
    notification.message = u"Your article is live."_s;
    notification.link = u"/articles/0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d"_s;
    notification.isRead = false;
    notification.createdAt = utc(2026, 11, 26, 16, 12, 1, 123);
    return notification;
}

/// Writes @p value, reads it back with @p read, and requires the same value.
template <typename T, typename Read> void checkRoundTrip(const T &value, const QJsonObject &json, Read read)
{
    Parsed<T> back;
    if constexpr (std::is_invocable_v<Read, const QJsonObject &>)
        back = read(json);
    else
        back = read(json, UnknownFields::Reject); // an answer reader: strict, as the server reads
    QVERIFY2(back.has_value(), qPrintable(problems(back).join(u"; ")));
    QVERIFY2(*back == value, QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
}

using Check = std::function<void()>;

void addValidationColumns()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QStringList>("expected");
}

} // namespace

class TestModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roleFromString_data();
    void roleFromString();
    void roleToString();
    void permissionMatrix_data();
    void permissionMatrix();
    void canEditArticle_data();
    void canEditArticle();
    void enumStrings();

    void codePointCount_data();
    void codePointCount();
    void formatTimestamp_data();
    void formatTimestamp();
    void parseTimestamp_data();
    void parseTimestamp();
    void parseId_data();
    void parseId();
    void formatId();
    void readerInt_data();
    void readerInt();
    void readerPatchString_data();
    void readerPatchString();
    void readerUnknownFields();
    void answerReadersIgnoreUnknownMembers();

    void articleInput_data();
    void articleInput();
    void articlePatch_data();
    void articlePatch();
    void registerInput_data();
    void registerInput();
    void loginInput_data();
    void loginInput();
    void refreshInput_data();
    void refreshInput();
    void passwordChangeInput_data();
    void passwordChangeInput();
    void profilePatch_data();
    void profilePatch();
    void adminUserPatch_data();
    void adminUserPatch();
    void conversationInput_data();
    void conversationInput();
    void conversationPatch_data();
    void conversationPatch();
    void messageInput_data();
    void messageInput();

    void userObject_data();
    void userObject();
    void articleObject_data();
    void articleObject();
    void tagObject_data();
    void tagObject();
    void conversationObject_data();
    void conversationObject();
    void messageObject_data();
    void messageObject();
    void notificationObject_data();
    void notificationObject();

    void inputValuesAreTrimmedOnlyWhereSaid();
    void profilePatchTriState_data();
    void profilePatchTriState();
    void conversationInputNullMeansAbsent();

    void writtenShapes();
    void publicUserHasNoEmail();
    void roundTrip_data();
    void roundTrip();
    // The server's writers of API answers, beside the desktop's readers of them (api/apitypes.h)
    void answerWriters_data();
    void answerWriters();
    void answerWireShape();
    void answerMissesMember_data();
    void answerMissesMember();

    // The API's JSON Schemas (api/schemas.h) against what core writes and reads.
    void schemaMatchesWhatCoreWrites_data();
    void schemaMatchesWhatCoreWrites();
    void everySchemaHasASample();
    void schemaEnumsFollowCore();
    void schemaValidatorFinds_data();
    void schemaValidatorFinds();
    void generateArticleRequest_data();
    void generateArticleRequest();
    void summarizeRequest_data();
    void summarizeRequest();
    void suggestRequest_data();
    void suggestRequest();
    void apiRoundTrip_data();
    void apiRoundTrip();
    void apiMissingMember_data();
    void apiMissingMember();
};

// ---- Roles ------------------------------------------------------------------------------------------------------

void TestModel::roleFromString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<Role>("role");

    QTest::newRow("viewer") << u"viewer"_s << true << Role::Viewer;
    QTest::newRow("creator") << u"creator"_s << true << Role::Creator;
    QTest::newRow("admin") << u"admin"_s << true << Role::Admin;
    QTest::newRow("capitalised") << u"Admin"_s << false << Role::Viewer;
    QTest::newRow("upper case") << u"ADMIN"_s << false << Role::Viewer;
    QTest::newRow("leading space") << u" admin"_s << false << Role::Viewer;
    QTest::newRow("trailing space") << u"admin "_s << false << Role::Viewer;
    QTest::newRow("empty") << QString() << false << Role::Viewer;
    QTest::newRow("unknown") << u"superuser"_s << false << Role::Viewer;
    QTest::newRow("plural") << u"admins"_s << false << Role::Viewer;
}

void TestModel::roleFromString()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(Role, role);
    const std::optional<Role> parsed = inkwell::roleFromString(text);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, role);
}

void TestModel::roleToString()
{
    QCOMPARE(inkwell::roleToString(Role::Viewer), u"viewer"_s);
    QCOMPARE(inkwell::roleToString(Role::Creator), u"creator"_s);
    QCOMPARE(inkwell::roleToString(Role::Admin), u"admin"_s);
}

void TestModel::permissionMatrix_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<Permission>("permission");
    QTest::addColumn<bool>("allowed");

    // The "Roles" table of docs/api.md, row by row.
    QTest::newRow("viewer ReadPublished") << Role::Viewer << Permission::ReadPublished << true;
    QTest::newRow("viewer ReadOwnProfile") << Role::Viewer << Permission::ReadOwnProfile << true;
    QTest::newRow("viewer ChatWithAi") << Role::Viewer << Permission::ChatWithAi << true;
    QTest::newRow("viewer WriteOwnArticles") << Role::Viewer << Permission::WriteOwnArticles << false;
    QTest::newRow("viewer PublishOwnArticles") << Role::Viewer << Permission::PublishOwnArticles << false;
    QTest::newRow("viewer DeleteOwnArticles") << Role::Viewer << Permission::DeleteOwnArticles << false;
    QTest::newRow("viewer UseAiAssists") << Role::Viewer << Permission::UseAiAssists << false;
    QTest::newRow("viewer EditAnyArticle") << Role::Viewer << Permission::EditAnyArticle << false;
    QTest::newRow("viewer DeleteAnyArticle") << Role::Viewer << Permission::DeleteAnyArticle << false;
    QTest::newRow("viewer ManageUsers") << Role::Viewer << Permission::ManageUsers << false;
    QTest::newRow("viewer ViewStats") << Role::Viewer << Permission::ViewStats << false;
    QTest::newRow("viewer ViewAuditLog") << Role::Viewer << Permission::ViewAuditLog << false;

    QTest::newRow("creator ReadPublished") << Role::Creator << Permission::ReadPublished << true;
    QTest::newRow("creator ReadOwnProfile") << Role::Creator << Permission::ReadOwnProfile << true;
    QTest::newRow("creator ChatWithAi") << Role::Creator << Permission::ChatWithAi << true;
    QTest::newRow("creator WriteOwnArticles") << Role::Creator << Permission::WriteOwnArticles << true;
    QTest::newRow("creator PublishOwnArticles") << Role::Creator << Permission::PublishOwnArticles << true;
    QTest::newRow("creator DeleteOwnArticles") << Role::Creator << Permission::DeleteOwnArticles << true;
    QTest::newRow("creator UseAiAssists") << Role::Creator << Permission::UseAiAssists << true;
    QTest::newRow("creator EditAnyArticle") << Role::Creator << Permission::EditAnyArticle << false;
    QTest::newRow("creator DeleteAnyArticle") << Role::Creator << Permission::DeleteAnyArticle << false;
    QTest::newRow("creator ManageUsers") << Role::Creator << Permission::ManageUsers << false;
    QTest::newRow("creator ViewStats") << Role::Creator << Permission::ViewStats << false;
    QTest::newRow("creator ViewAuditLog") << Role::Creator << Permission::ViewAuditLog << false;

    QTest::newRow("admin ReadPublished") << Role::Admin << Permission::ReadPublished << true;
    QTest::newRow("admin ReadOwnProfile") << Role::Admin << Permission::ReadOwnProfile << true;
    QTest::newRow("admin ChatWithAi") << Role::Admin << Permission::ChatWithAi << true;
    QTest::newRow("admin WriteOwnArticles") << Role::Admin << Permission::WriteOwnArticles << true;
    QTest::newRow("admin PublishOwnArticles") << Role::Admin << Permission::PublishOwnArticles << true;
    QTest::newRow("admin DeleteOwnArticles") << Role::Admin << Permission::DeleteOwnArticles << true;
    QTest::newRow("admin UseAiAssists") << Role::Admin << Permission::UseAiAssists << true;
    QTest::newRow("admin EditAnyArticle") << Role::Admin << Permission::EditAnyArticle << true;
    QTest::newRow("admin DeleteAnyArticle") << Role::Admin << Permission::DeleteAnyArticle << true;
    QTest::newRow("admin ManageUsers") << Role::Admin << Permission::ManageUsers << true;
    QTest::newRow("admin ViewStats") << Role::Admin << Permission::ViewStats << true;
    QTest::newRow("admin ViewAuditLog") << Role::Admin << Permission::ViewAuditLog << true;
}

void TestModel::permissionMatrix()
{
    QFETCH(Role, role);
    QFETCH(Permission, permission);
    QFETCH(bool, allowed);
    QCOMPARE(hasPermission(role, permission), allowed);
}

void TestModel::canEditArticle_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QUuid>("actor");
    QTest::addColumn<QUuid>("author");
    QTest::addColumn<bool>("allowed");

    const QUuid ada = uuid(u"6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d12");
    const QUuid bob = uuid(u"0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d");
    QTest::newRow("viewer, own") << Role::Viewer << ada << ada << false;
    QTest::newRow("viewer, other's") << Role::Viewer << ada << bob << false;
    QTest::newRow("creator, own") << Role::Creator << ada << ada << true;
    QTest::newRow("creator, other's") << Role::Creator << ada << bob << false;
    QTest::newRow("admin, own") << Role::Admin << ada << ada << true;
    QTest::newRow("admin, other's") << Role::Admin << ada << bob << true;
    QTest::newRow("creator, both ids null") << Role::Creator << QUuid() << QUuid() << false;
    QTest::newRow("creator, anonymous actor") << Role::Creator << QUuid() << bob << false;
}

void TestModel::canEditArticle()
{
    QFETCH(Role, role);
    QFETCH(QUuid, actor);
    QFETCH(QUuid, author);
    QFETCH(bool, allowed);
    QCOMPARE(inkwell::canEditArticle(role, actor, author), allowed);
}

void TestModel::enumStrings()
{
    QCOMPARE(articleStatusToString(ArticleStatus::Draft), u"draft"_s);
    QCOMPARE(articleStatusToString(ArticleStatus::Published), u"published"_s);
    QCOMPARE(articleStatusToString(ArticleStatus::Archived), u"archived"_s);
    QCOMPARE(articleStatusFromString(u"archived"), std::optional<ArticleStatus>(ArticleStatus::Archived));
    QCOMPARE(articleStatusFromString(u"Archived"), std::optional<ArticleStatus>());

    QCOMPARE(messageRoleToString(MessageRole::User), u"user"_s);
    QCOMPARE(messageRoleToString(MessageRole::Assistant), u"assistant"_s);
    QCOMPARE(messageRoleToString(MessageRole::System), u"system"_s);
    QCOMPARE(messageRoleFromString(u"system"), std::optional<MessageRole>(MessageRole::System));
    QCOMPARE(messageRoleFromString(u"bot"), std::optional<MessageRole>());

    QCOMPARE(messageStatusToString(MessageStatus::Complete), u"complete"_s);
    QCOMPARE(messageStatusToString(MessageStatus::Cancelled), u"cancelled"_s);
    QCOMPARE(messageStatusToString(MessageStatus::Failed), u"failed"_s);
    QCOMPARE(messageStatusFromString(u"failed"), std::optional<MessageStatus>(MessageStatus::Failed));
    QCOMPARE(messageStatusFromString(u"canceled"), std::optional<MessageStatus>());
}

// ---- Scalar conventions and the reader ----------------------------------------------------------------------------

void TestModel::codePointCount_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qsizetype>("count");

    QTest::newRow("empty") << QString() << qsizetype(0);
    QTest::newRow("ascii") << u"abc"_s << qsizetype(3);
    QTest::newRow("two emoji, four UTF-16 units") << QString(emoji + emoji) << qsizetype(2);
    QTest::newRow("e + combining acute") << u"e\u0301"_s << qsizetype(2);
    QTest::newRow("CJK") << u"漢字"_s << qsizetype(2);
    QTest::newRow("lone high surrogate") << QString(QChar(0xD800)) << qsizetype(1);
    QTest::newRow("low before high") << QString(QString(QChar(0xDE00)) + QChar(0xD83D)) << qsizetype(2);
}

void TestModel::codePointCount()
{
    QFETCH(QString, text);
    QFETCH(qsizetype, count);
    QCOMPARE(inkwell::codePointCount(text), count);
}

void TestModel::formatTimestamp_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("expected");

    QTest::newRow("UTC with ms") << utc(2026, 11, 26, 16, 12, 1, 123) << u"2026-11-26T16:12:01.123Z"_s;
    QTest::newRow("whole second keeps .000") << utc(2026, 1, 2, 3, 4, 5, 0) << u"2026-01-02T03:04:05.000Z"_s;
    QTest::newRow("offset +02:00 becomes UTC")
        << QDateTime(QDate(2026, 11, 26), QTime(18, 12, 1, 123), Qt::OffsetFromUTC, 2 * 3600)
        << u"2026-11-26T16:12:01.123Z"_s;
    QTest::newRow("offset -05:30 crosses midnight")
        << QDateTime(QDate(2026, 12, 31), QTime(22, 0, 0, 7), Qt::OffsetFromUTC, -(5 * 3600 + 30 * 60))
        << u"2027-01-01T03:30:00.007Z"_s;
    QTest::newRow("invalid") << QDateTime() << QString();
}

void TestModel::formatTimestamp()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, expected);
    QCOMPARE(inkwell::formatTimestamp(time), expected);
}

void TestModel::parseTimestamp_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QDateTime>("expected");

    const QDateTime none;
    QTest::newRow("Z with ms") << u"2026-11-26T16:12:01.123Z"_s << true << utc(2026, 11, 26, 16, 12, 1, 123);
    QTest::newRow("Z without fraction") << u"2026-11-26T16:12:01Z"_s << true << utc(2026, 11, 26, 16, 12, 1, 0);
    QTest::newRow("one fraction digit") << u"2026-11-26T16:12:01.5Z"_s << true << utc(2026, 11, 26, 16, 12, 1, 500);
    QTest::newRow("six digits, kept to ms")
        << u"2026-11-26T16:12:01.123999Z"_s << true << utc(2026, 11, 26, 16, 12, 1, 123);
    QTest::newRow("nine digits") << u"2026-11-26T16:12:01.000000001Z"_s << true << utc(2026, 11, 26, 16, 12, 1, 0);
    QTest::newRow("offset +02:00") << u"2026-11-26T18:12:01.123+02:00"_s << true << utc(2026, 11, 26, 16, 12, 1, 123);
    QTest::newRow("offset -05:30") << u"2026-12-31T22:00:00.007-05:30"_s << true << utc(2027, 1, 1, 3, 30, 0, 7);
    QTest::newRow("offset +00:00") << u"2026-11-26T16:12:01.123+00:00"_s << true << utc(2026, 11, 26, 16, 12, 1, 123);
    QTest::newRow("29 February of a leap year") << u"2028-02-29T00:00:00Z"_s << true << utc(2028, 2, 29, 0, 0, 0, 0);

    QTest::newRow("empty") << QString() << false << none;
    QTest::newRow("date only") << u"2026-11-26"_s << false << none;
    QTest::newRow("no zone") << u"2026-11-26T16:12:01.123"_s << false << none;
    QTest::newRow("space separator") << u"2026-11-26 16:12:01.123Z"_s << false << none;
    QTest::newRow("lowercase t") << u"2026-11-26t16:12:01.123Z"_s << false << none;
    QTest::newRow("lowercase z") << u"2026-11-26T16:12:01.123z"_s << false << none;
    QTest::newRow("no seconds") << u"2026-11-26T16:12Z"_s << false << none;
    QTest::newRow("30 February") << u"2026-02-30T00:00:00Z"_s << false << none;
    QTest::newRow("29 February, not leap") << u"2026-02-29T00:00:00Z"_s << false << none;
    QTest::newRow("month 13") << u"2026-13-01T00:00:00Z"_s << false << none;
    QTest::newRow("hour 24") << u"2026-11-26T24:00:00Z"_s << false << none;
    QTest::newRow("leap second") << u"2026-12-31T23:59:60Z"_s << false << none;
    QTest::newRow("empty fraction") << u"2026-11-26T16:12:01.Z"_s << false << none;
    QTest::newRow("ten fraction digits") << u"2026-11-26T16:12:01.0000000001Z"_s << false << none;
    QTest::newRow("offset without colon") << u"2026-11-26T16:12:01+0200"_s << false << none;
    QTest::newRow("offset hour 24") << u"2026-11-26T16:12:01+24:00"_s << false << none;
    QTest::newRow("offset minute 60") << u"2026-11-26T16:12:01+01:60"_s << false << none;
    QTest::newRow("trailing text") << u"2026-11-26T16:12:01ZZ"_s << false << none;
    QTest::newRow("leading space") << u" 2026-11-26T16:12:01Z"_s << false << none;
    QTest::newRow("five-digit year") << u"20260-11-26T16:12:01Z"_s << false << none;
    QTest::newRow("signs in number") << u"2026-+1-26T16:12:01Z"_s << false << none;
    QTest::newRow("Unix seconds as text") << u"1795709521"_s << false << none;
    QTest::newRow("Arabic-Indic digits") << u"٢٠٢٦-11-26T16:12:01Z"_s << false << none;
}

void TestModel::parseTimestamp()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QDateTime, expected);
    const std::optional<QDateTime> parsed = inkwell::parseTimestamp(text);
    QCOMPARE(parsed.has_value(), valid);
    if (valid) {
        QCOMPARE(*parsed, expected);
        QCOMPARE(parsed->timeSpec(), Qt::UTC);
    }
}

void TestModel::parseId_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    QTest::newRow("lowercase") << u"6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d12"_s << true;
    QTest::newRow("uppercase") << u"6F1C2B7E-8D4A-4F3B-9C2D-1E5A7B9C0D12"_s << true;
    QTest::newRow("braces") << u"{6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d12}"_s << false;
    QTest::newRow("no hyphens") << u"6f1c2b7e8d4a4f3b9c2d1e5a7b9c0d12"_s << false;
    QTest::newRow("nil") << u"00000000-0000-0000-0000-000000000000"_s << false;
    QTest::newRow("35 characters") << u"6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d1"_s << false;
    QTest::newRow("37 characters") << u"6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d123"_s << false;
    QTest::newRow("non-hex g") << u"6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d1g"_s << false;
    QTest::newRow("hyphen moved") << u"6f1c2b7e8-d4a-4f3b-9c2d-1e5a7b9c0d12"_s << false;
    QTest::newRow("urn prefix") << u"urn:uuid:6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d12"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestModel::parseId()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const std::optional<QUuid> id = inkwell::parseId(text);
    QCOMPARE(id.has_value(), valid);
    if (valid)
        QCOMPARE(*id, QUuid(0x6f1c2b7e, 0x8d4a, 0x4f3b, 0x9c, 0x2d, 0x1e, 0x5a, 0x7b, 0x9c, 0x0d, 0x12));
}

void TestModel::formatId()
{
    QCOMPARE(inkwell::formatId(QUuid(0x6f1c2b7e, 0x8d4a, 0x4f3b, 0x9c, 0x2d, 0x1e, 0x5a, 0x7b, 0x9c, 0x0d, 0x12)),
             u"6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d12"_s);
}

void TestModel::readerInt_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<qint64>("min");
    QTest::addColumn<qint64>("max");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<qint64>("value");

    QTest::newRow("min") << parse(R"({"n": 0})") << qint64(0) << qint64(100) << ok << qint64(0);
    QTest::newRow("max") << parse(R"({"n": 100})") << qint64(0) << qint64(100) << ok << qint64(100);
    QTest::newRow("min - 1") << parse(R"({"n": -1})") << qint64(0) << qint64(100) << errs({"n: must be at least 0"})
                             << qint64(0);
    QTest::newRow("max + 1") << parse(R"({"n": 101})") << qint64(0) << qint64(100) << errs({"n: must be at most 100"})
                             << qint64(0);
    QTest::newRow("2.0 is whole") << parse(R"({"n": 2.0})") << qint64(0) << qint64(100) << ok << qint64(2);
    QTest::newRow("fraction") << parse(R"({"n": 1.5})") << qint64(0) << qint64(100) << errs({"n: must be an integer"})
                              << qint64(0);
    QTest::newRow("numeric string") << parse(R"({"n": "3"})") << qint64(0) << qint64(100)
                                    << errs({"n: must be an integer"}) << qint64(0);
    QTest::newRow("bool") << parse(R"({"n": true})") << qint64(0) << qint64(100) << errs({"n: must be an integer"})
                          << qint64(0);
    QTest::newRow("array") << parse(R"({"n": [1]})") << qint64(0) << qint64(100) << errs({"n: must be an integer"})
                           << qint64(0);
    QTest::newRow("object") << parse(R"({"n": {}})") << qint64(0) << qint64(100) << errs({"n: must be an integer"})
                            << qint64(0);
    QTest::newRow("null") << parse(R"({"n": null})") << qint64(0) << qint64(100) << errs({"n: must not be null"})
                          << qint64(0);
    QTest::newRow("missing") << parse(R"({})") << qint64(0) << qint64(100) << errs({"n: is required"}) << qint64(0);
    QTest::newRow("1e300") << parse(R"({"n": 1e300})") << qint64(0) << qint64(100) << errs({"n: must be at most 100"})
                           << qint64(0);
    QTest::newRow("-1e300") << parse(R"({"n": -1e300})") << qint64(0) << qint64(100) << errs({"n: must be at least 0"})
                            << qint64(0);
    QTest::newRow("2^53 - 1") << parse(R"({"n": 9007199254740991})") << -kMaxJsonInteger << kMaxJsonInteger << ok
                              << qint64(9007199254740991);
    QTest::newRow("2^53") << parse(R"({"n": 9007199254740992})") << -kMaxJsonInteger << kMaxJsonInteger
                          << errs({"n: must be at most 9007199254740991"}) << qint64(0);
    QTest::newRow("-2^53") << parse(R"({"n": -9007199254740992})") << -kMaxJsonInteger << kMaxJsonInteger
                           << errs({"n: must be at least -9007199254740991"}) << qint64(0);
    QTest::newRow("2^63") << parse(R"({"n": 9223372036854775808})") << -kMaxJsonInteger << kMaxJsonInteger
                          << errs({"n: must be at most 9007199254740991"}) << qint64(0);
}

void TestModel::readerInt()
{
    QFETCH(QJsonObject, json);
    QFETCH(qint64, min);
    QFETCH(qint64, max);
    QFETCH(QStringList, expected);
    QFETCH(qint64, value);

    JsonReader in(json);
    const qint64 read = in.requiredInt(u"n", min, max);
    QCOMPARE(problems(in.finish(read)), expected);
    QCOMPARE(read, value);
}

void TestModel::readerPatchString_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("present");
    QTest::addColumn<bool>("cleared");
    QTest::addColumn<QString>("value");

    QTest::newRow("absent") << parse(R"({})") << ok << false << false << QString();
    QTest::newRow("null clears") << parse(R"({"s": null})") << ok << true << true << QString();
    QTest::newRow("empty string is a value") << parse(R"({"s": ""})") << ok << true << false << QString();
    QTest::newRow("value") << parse(R"({"s": "abc"})") << ok << true << false << u"abc"_s;
    QTest::newRow("too long") << parse(R"({"s": "abcd"})") << errs({"s: must be at most 3 characters"}) << false
                              << false << QString();
    QTest::newRow("number") << parse(R"({"s": 1})") << errs({"s: must be a string"}) << false << false << QString();
    QTest::newRow("array") << parse(R"({"s": []})") << errs({"s: must be a string"}) << false << false << QString();
}

void TestModel::readerPatchString()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QFETCH(bool, present);
    QFETCH(bool, cleared);
    QFETCH(QString, value);

    JsonReader in(json);
    const PatchField<QString> field = in.patchString(u"s", {.maxLength = 3});
    QCOMPARE(problems(in.finish(0)), expected);
    QCOMPARE(field.has_value(), present);
    if (present) {
        QCOMPARE(!field->has_value(), cleared);
        if (!cleared)
            QCOMPARE(**field, value);
    }
}

void TestModel::readerUnknownFields()
{
    JsonReader in(parse(R"({"zeta": 1, "beta": 2, "alpha": "x", "mid": null})"));
    QCOMPARE(in.requiredString(u"alpha", {}), u"x"_s);
    const FieldErrors expected{
        {u"beta"_s, u"unknown field"_s}, {u"mid"_s, u"unknown field"_s}, {u"zeta"_s, u"unknown field"_s}};
    QCOMPARE(in.finish(), expected);
    QCOMPARE(in.finish(), expected); // finishing twice reports the same, not twice as much

    JsonReader nested(parse(R"({"tags": ["ok", 7, "", null]})"));
    nested.requiredStringList(u"tags", {.item = {.minLength = 1}});
    QCOMPARE(problems(nested.finish(0)),
             errs({"tags.1: must be a string", "tags.2: must not be empty", "tags.3: must be a string"}));
}

void TestModel::answerReadersIgnoreUnknownMembers()
{
    // A newer server may add members to its answers: a client reads past them, but still needs every member it
    // knows, with the right type.
    QJsonObject json = toJson(sampleArticle());
    json.insert(u"reading_level"_s, u"B2"_s);
    json.insert(u"stats"_s, QJsonObject{{u"likes"_s, 3}});
    QCOMPARE(problems(articleFromJson(json)), errs({"reading_level: unknown field", "stats: unknown field"}));
    const Parsed<Article> tolerant = articleFromJson(json, UnknownFields::Ignore);
    QVERIFY(tolerant.has_value());
    QCOMPARE(*tolerant, sampleArticle());

    QJsonObject missing = json;
    missing.remove(u"revision"_s);
    QCOMPARE(problems(articleFromJson(missing, UnknownFields::Ignore)), errs({"revision: is required"}));
    QJsonObject mistyped = json;
    mistyped.insert(u"tags"_s, u"a,b"_s);
    QCOMPARE(problems(articleFromJson(mistyped, UnknownFields::Ignore)), errs({"tags: must be an array"}));

    JsonReader in(parse(R"({"known": "x", "new_member": 1})"), UnknownFields::Ignore);
    QCOMPARE(in.requiredString(u"known", {}), u"x"_s);
    QVERIFY(in.finish().isEmpty());
}

// ---- Write inputs -----------------------------------------------------------------------------------------------

void TestModel::articleInput_data()
{
    addValidationColumns();
    const QJsonObject base = parse(R"({"title": "Hello", "content": "Body"})");
    const auto title = [&](const QJsonValue &v) { return with(base, u"title"_s, v); };
    const auto content = [&](const QJsonValue &v) { return with(base, u"content"_s, v); };
    const auto excerpt = [&](const QJsonValue &v) { return with(base, u"excerpt"_s, v); };
    const auto tags = [&](const QJsonValue &v) { return with(base, u"tags"_s, v); };
    const auto status = [&](const QJsonValue &v) { return with(base, u"status"_s, v); };

    QTest::newRow("minimal") << base << ok;
    QTest::newRow("everything") << parse(R"({"title": "Hello", "content": "Body", "excerpt": "Short",
        "tags": ["qt", "c++"], "status": "published"})")
                                << ok;
    QTest::newRow("empty object") << QJsonObject() << errs({"title: is required", "content: is required"});

    QTest::newRow("title missing") << without(base, u"title"_s) << errs({"title: is required"});
    QTest::newRow("title empty") << title(u""_s) << errs({"title: must not be empty"});
    QTest::newRow("title only spaces") << title(u"   \t "_s) << errs({"title: must not be empty"});
    QTest::newRow("title 1 char") << title(u"x"_s) << ok;
    QTest::newRow("title 200") << title(chars(200)) << ok;
    QTest::newRow("title 201") << title(chars(201)) << errs({"title: must be at most 200 characters"});
    QTest::newRow("title 200 + surrounding spaces") << title(QString(u"  "_s + chars(200) + u"  "_s)) << ok;
    QTest::newRow("title 200 emoji") << title(chars(200, emoji)) << ok;
    QTest::newRow("title 201 emoji") << title(chars(201, emoji)) << errs({"title: must be at most 200 characters"});
    QTest::newRow("title number") << title(42) << errs({"title: must be a string"});
    QTest::newRow("title bool") << title(true) << errs({"title: must be a string"});
    QTest::newRow("title array") << title(QJsonArray{u"Hello"_s}) << errs({"title: must be a string"});
    QTest::newRow("title object") << title(QJsonObject{{u"text"_s, u"Hello"_s}}) << errs({"title: must be a string"});
    QTest::newRow("title null") << title(jsonNull) << errs({"title: must not be null"});
    QTest::newRow("title with NUL") << title(u"a\0b"_s) << errs({"title: must not contain NUL characters"});
    QTest::newRow("title lone surrogate")
        << title(QString(u"a"_s + QChar(0xD800))) << errs({"title: must be valid Unicode text"});

    QTest::newRow("content missing") << without(base, u"content"_s) << errs({"content: is required"});
    QTest::newRow("content empty") << content(u""_s) << ok;
    QTest::newRow("content 1,000,000") << content(chars(1'000'000)) << ok;
    QTest::newRow("content 1,000,001") << content(chars(1'000'001))
                                       << errs({"content: must be at most 1000000 characters"});
    QTest::newRow("content number") << content(1) << errs({"content: must be a string"});
    QTest::newRow("content null") << content(jsonNull) << errs({"content: must not be null"});

    QTest::newRow("excerpt empty") << excerpt(u""_s) << ok;
    QTest::newRow("excerpt 500") << excerpt(chars(500)) << ok;
    QTest::newRow("excerpt 501") << excerpt(chars(501)) << errs({"excerpt: must be at most 500 characters"});
    QTest::newRow("excerpt null") << excerpt(jsonNull) << errs({"excerpt: must not be null"});
    QTest::newRow("excerpt array") << excerpt(QJsonArray()) << errs({"excerpt: must be a string"});

    QTest::newRow("tags empty") << tags(QJsonArray()) << ok;
    QTest::newRow("tags 20") << tags(names(20)) << ok;
    QTest::newRow("tags 21") << tags(names(21)) << errs({"tags: must have at most 20 items"});
    QTest::newRow("tag empty") << tags(QJsonArray{u""_s}) << errs({"tags.0: must not be empty"});
    QTest::newRow("tag only spaces") << tags(QJsonArray{u"ok"_s, u"  "_s}) << errs({"tags.1: must not be empty"});
    QTest::newRow("tag 50") << tags(QJsonArray{chars(50)}) << ok;
    QTest::newRow("tag 51") << tags(QJsonArray{u"ok"_s, chars(51)}) << errs({"tags.1: must be at most 50 characters"});
    QTest::newRow("tag 50 emoji") << tags(QJsonArray{chars(50, emoji)}) << ok;
    QTest::newRow("tag 51 emoji") << tags(QJsonArray{chars(51, emoji)})
                                  << errs({"tags.0: must be at most 50 characters"});
    QTest::newRow("tag number") << tags(QJsonArray{u"ok"_s, 5}) << errs({"tags.1: must be a string"});
    QTest::newRow("tag null") << tags(QJsonArray{jsonNull}) << errs({"tags.0: must be a string"});
    QTest::newRow("tags string") << tags(u"qt"_s) << errs({"tags: must be an array"});
    QTest::newRow("tags object") << tags(QJsonObject{{u"qt"_s, true}}) << errs({"tags: must be an array"});
    QTest::newRow("tags null") << tags(jsonNull) << errs({"tags: must not be null"});
    QTest::newRow("tags duplicate, other case")
        << tags(QJsonArray{u"Qt"_s, u"qt"_s}) << errs({"tags.1: duplicates an earlier tag"});
    QTest::newRow("tags duplicate after trimming")
        << tags(QJsonArray{u" Qt"_s, u"Qt "_s}) << errs({"tags.1: duplicates an earlier tag"});
    QTest::newRow("tags duplicate, non-ASCII case")
        << tags(QJsonArray{u"Ärger"_s, u"ärger"_s}) << errs({"tags.1: duplicates an earlier tag"});
    QTest::newRow("tags two duplicates") << tags(QJsonArray{u"Qt"_s, u"C++"_s, u"qt"_s, u"QT"_s})
                                         << errs({"tags.2: duplicates an earlier tag",
                                                  "tags.3: duplicates an earlier tag"});

    QTest::newRow("status draft") << status(u"draft"_s) << ok;
    QTest::newRow("status published") << status(u"published"_s) << ok;
    QTest::newRow("status archived") << status(u"archived"_s) << ok;
    QTest::newRow("status capitalised") << status(u"Draft"_s)
                                        << errs({"status: must be one of: draft, published, archived"});
    QTest::newRow("status empty") << status(u""_s) << errs({"status: must be one of: draft, published, archived"});
    QTest::newRow("status number") << status(1) << errs({"status: must be one of: draft, published, archived"});
    QTest::newRow("status null") << status(jsonNull) << errs({"status: must not be null"});

    QTest::newRow("unknown role") << with(base, u"role"_s, u"admin"_s) << errs({"role: unknown field"});
    QTest::newRow("unknown author_id") << with(base, u"author_id"_s, u"6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d12"_s)
                                       << errs({"author_id: unknown field"});
    QTest::newRow("unknown revision") << with(base, u"revision"_s, 7) << errs({"revision: unknown field"});
    QTest::newRow("unknown views") << with(base, u"views"_s, 1000000) << errs({"views: unknown field"});
    QTest::newRow("unknown slug") << with(base, u"slug"_s, u"mine"_s) << errs({"slug: unknown field"});
    QTest::newRow("unknown published_at")
        << with(base, u"published_at"_s, u"2026-11-26T16:12:01.123Z"_s) << errs({"published_at: unknown field"});
    QTest::newRow("unknown id") << with(base, u"id"_s, u"x"_s) << errs({"id: unknown field"});
    QTest::newRow("key case matters") << with(base, u"Title"_s, u"x"_s) << errs({"Title: unknown field"});
    QTest::newRow("null unknown field") << with(base, u"deleted"_s, jsonNull) << errs({"deleted: unknown field"});

    QTest::newRow("several at once") << parse(R"({"title": "", "content": 5, "tags": ["a", "A"], "status": "live",
        "revision": 3, "author_id": "x"})")
                                     << errs({"title: must not be empty", "content: must be a string",
                                              "tags.1: duplicates an earlier tag",
                                              "status: must be one of: draft, published, archived",
                                              "author_id: unknown field", "revision: unknown field"});
}

void TestModel::articleInput()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QCOMPARE(problems(articleInputFromJson(json)), expected);
}

void TestModel::articlePatch_data()
{
    addValidationColumns();
    QTest::newRow("empty patch") << QJsonObject() << ok;
    QTest::newRow("title only") << parse(R"({"title": "New"})") << ok;
    QTest::newRow("everything") << parse(R"({"title": "T", "content": "", "excerpt": "", "tags": [],
        "status": "archived"})") << ok;
    QTest::newRow("title null") << parse(R"({"title": null})") << errs({"title: must not be null"});
    QTest::newRow("content null") << parse(R"({"content": null})") << errs({"content: must not be null"});
    QTest::newRow("excerpt null") << parse(R"({"excerpt": null})") << errs({"excerpt: must not be null"});
    QTest::newRow("tags null") << parse(R"({"tags": null})") << errs({"tags: must not be null"});
    QTest::newRow("status null") << parse(R"({"status": null})") << errs({"status: must not be null"});
    QTest::newRow("all null") << parse(R"({"title": null, "content": null, "excerpt": null, "tags": null,
        "status": null})")
                              << errs({"title: must not be null", "content: must not be null",
                                       "excerpt: must not be null", "tags: must not be null",
                                       "status: must not be null"});
    QTest::newRow("title empty") << parse(R"({"title": " "})") << errs({"title: must not be empty"});
    QTest::newRow("title 201") << QJsonObject{{u"title"_s, chars(201)}}
                               << errs({"title: must be at most 200 characters"});
    QTest::newRow("content 1,000,001") << QJsonObject{{u"content"_s, chars(1'000'001)}}
                                       << errs({"content: must be at most 1000000 characters"});
    QTest::newRow("tags duplicate") << parse(R"({"tags": ["x", "X"]})") << errs({"tags.1: duplicates an earlier tag"});
    QTest::newRow("status unknown") << parse(R"({"status": "deleted"})")
                                    << errs({"status: must be one of: draft, published, archived"});
    QTest::newRow("unknown revision") << parse(R"({"revision": 2})") << errs({"revision: unknown field"});
    QTest::newRow("unknown deleted") << parse(R"({"deleted": true})") << errs({"deleted: unknown field"});
    QTest::newRow("unknown author_id with a valid title")
        << parse(R"({"title": "Mine now", "author_id": "6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d12"})")
        << errs({"author_id: unknown field"});
}

void TestModel::articlePatch()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QCOMPARE(problems(articlePatchFromJson(json)), expected);
}

void TestModel::registerInput_data()
{
    addValidationColumns();
    const QJsonObject base =
        parse(R"({"email": "ada@example.com", "password": "correct horse battery", "full_name": "Ada Lovelace"})");
    const auto email = [&](const QJsonValue &v) { return with(base, u"email"_s, v); };
    const auto password = [&](const QJsonValue &v) { return with(base, u"password"_s, v); };
    const auto name = [&](const QJsonValue &v) { return with(base, u"full_name"_s, v); };

    QTest::newRow("valid") << base << ok;
    QTest::newRow("empty object") << QJsonObject()
                                  << errs({"email: is required", "password: is required", "full_name: is required"});

    QTest::newRow("password 12 ascii") << password(u"abcdefghijkl"_s) << ok;
    QTest::newRow("password 11 ascii") << password(u"abcdefghijk"_s)
                                       << errs({"password: must be at least 12 characters"});
    QTest::newRow("password 12 emoji (24 UTF-16 units)") << password(chars(12, emoji)) << ok;
    QTest::newRow("password 11 emoji (22 UTF-16 units)")
        << password(chars(11, emoji)) << errs({"password: must be at least 12 characters"});
    QTest::newRow("password 128 emoji") << password(chars(128, emoji)) << ok;
    QTest::newRow("password 129 emoji") << password(chars(129, emoji))
                                        << errs({"password: must be at most 128 characters"});
    QTest::newRow("password 128 ascii") << password(chars(128)) << ok;
    QTest::newRow("password 129 ascii") << password(chars(129)) << errs({"password: must be at most 128 characters"});
    QTest::newRow("password 10 + 2 spaces, not trimmed") << password(u" abcdefghij "_s) << ok;
    QTest::newRow("password 12 spaces") << password(chars(12, u" ")) << ok;
    QTest::newRow("password empty") << password(u""_s) << errs({"password: must be at least 12 characters"});
    QTest::newRow("password number") << password(qint64(123456789012)) << errs({"password: must be a string"});
    QTest::newRow("password null") << password(jsonNull) << errs({"password: must not be null"});
    QTest::newRow("password missing") << without(base, u"password"_s) << errs({"password: is required"});

    QTest::newRow("email plus and subdomain") << email(u"ada+inkwell@mail.example.co.uk"_s) << ok;
    QTest::newRow("email internationalised domain") << email(u"ada@例え.jp"_s) << ok;
    QTest::newRow("email 254") << email(QString(chars(242) + u"@example.com"_s)) << ok;
    QTest::newRow("email 255") << email(QString(chars(243) + u"@example.com"_s))
                               << errs({"email: must be at most 254 characters"});
    QTest::newRow("email empty") << email(u""_s) << errs({"email: must not be empty"});
    QTest::newRow("email no @") << email(u"ada.example.com"_s) << errs({"email: must be a valid email address"});
    QTest::newRow("email two @") << email(u"ada@home@example.com"_s) << errs({"email: must be a valid email address"});
    QTest::newRow("email @@") << email(u"ada@@example.com"_s) << errs({"email: must be a valid email address"});
    QTest::newRow("email empty local") << email(u"@example.com"_s) << errs({"email: must be a valid email address"});
    QTest::newRow("email empty domain") << email(u"ada@"_s) << errs({"email: must be a valid email address"});
    QTest::newRow("email domain without dot")
        << email(u"ada@localhost"_s) << errs({"email: must be a valid email address"});
    QTest::newRow("email domain starts with dot")
        << email(u"ada@.com"_s) << errs({"email: must be a valid email address"});
    QTest::newRow("email domain ends with dot")
        << email(u"ada@example."_s) << errs({"email: must be a valid email address"});
    QTest::newRow("email domain with ..")
        << email(u"ada@example..com"_s) << errs({"email: must be a valid email address"});
    QTest::newRow("email inner space") << email(u"ada lovelace@example.com"_s)
                                       << errs({"email: must be a valid email address"});
    QTest::newRow("email leading space, not trimmed")
        << email(u" ada@example.com"_s) << errs({"email: must be a valid email address"});
    QTest::newRow("email tab") << email(u"ada@example.com\t"_s) << errs({"email: must be a valid email address"});
    QTest::newRow("email no-break space")
        << email(u"ada\u00A0@example.com"_s) << errs({"email: must be a valid email address"});
    QTest::newRow("email number") << email(7) << errs({"email: must be a string"});
    QTest::newRow("email array") << email(QJsonArray{u"ada@example.com"_s}) << errs({"email: must be a string"});

    QTest::newRow("name trimmed") << name(u"  Ada  "_s) << ok;
    QTest::newRow("name empty") << name(u""_s) << errs({"full_name: must not be empty"});
    QTest::newRow("name only spaces") << name(u"    "_s) << errs({"full_name: must not be empty"});
    QTest::newRow("name 100") << name(chars(100)) << ok;
    QTest::newRow("name 101") << name(chars(101)) << errs({"full_name: must be at most 100 characters"});
    QTest::newRow("name 100 + spaces") << name(QString(u" "_s + chars(100) + u" "_s)) << ok;
    QTest::newRow("name 100 emoji") << name(chars(100, emoji)) << ok;
    QTest::newRow("name 101 emoji") << name(chars(101, emoji)) << errs({"full_name: must be at most 100 characters"});
    QTest::newRow("name null") << name(jsonNull) << errs({"full_name: must not be null"});
    QTest::newRow("name object") << name(QJsonObject()) << errs({"full_name: must be a string"});

    QTest::newRow("unknown role") << with(base, u"role"_s, u"admin"_s) << errs({"role: unknown field"});
    QTest::newRow("unknown is_active") << with(base, u"is_active"_s, true) << errs({"is_active: unknown field"});
    QTest::newRow("unknown id") << with(base, u"id"_s, u"6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d12"_s)
                                << errs({"id: unknown field"});
    QTest::newRow("several at once")
        << parse(R"({"email": "nope", "password": "short", "full_name": "", "role": "admin"})")
        << errs({"email: must be a valid email address", "password: must be at least 12 characters",
                 "full_name: must not be empty", "role: unknown field"});
}

void TestModel::registerInput()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QCOMPARE(problems(registerInputFromJson(json)), expected);
}

void TestModel::loginInput_data()
{
    addValidationColumns();
    QTest::newRow("valid") << parse(R"({"email": "ada@example.com", "password": "correct horse battery"})") << ok;
    QTest::newRow("short password is only a wrong password")
        << parse(R"({"email": "ada@example.com", "password": "x"})") << ok;
    QTest::newRow("email shape not checked") << parse(R"({"email": "ada", "password": "x"})") << ok;
    QTest::newRow("password empty") << parse(R"({"email": "ada@example.com", "password": ""})")
                                    << errs({"password: must not be empty"});
    QTest::newRow("password 129") << QJsonObject{{u"email"_s, u"ada@example.com"_s}, {u"password"_s, chars(129)}}
                                  << errs({"password: must be at most 128 characters"});
    QTest::newRow("email empty") << parse(R"({"email": "", "password": "x"})") << errs({"email: must not be empty"});
    QTest::newRow("email 255") << QJsonObject{{u"email"_s, chars(255)}, {u"password"_s, u"x"_s}}
                               << errs({"email: must be at most 254 characters"});
    QTest::newRow("password number") << parse(R"({"email": "ada@example.com", "password": 1})")
                                     << errs({"password: must be a string"});
    QTest::newRow("missing both") << QJsonObject() << errs({"email: is required", "password: is required"});
    QTest::newRow("unknown remember_me") << parse(
                                                R"({"email": "ada@example.com", "password": "x", "remember_me": true})")
                                         << errs({"remember_me: unknown field"});
}

void TestModel::loginInput()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QCOMPARE(problems(loginInputFromJson(json)), expected);
}

void TestModel::refreshInput_data()
{
    addValidationColumns();
    QTest::newRow("valid") << parse(R"({"refresh_token": "abc"})") << ok;
    QTest::newRow("longest") << QJsonObject{{u"refresh_token"_s, chars(8192)}} << ok;
    QTest::newRow("too long") << QJsonObject{{u"refresh_token"_s, chars(8193)}}
                              << errs({"refresh_token: must be at most 8192 characters"});
    QTest::newRow("empty") << parse(R"({"refresh_token": ""})") << errs({"refresh_token: must not be empty"});
    QTest::newRow("missing") << QJsonObject() << errs({"refresh_token: is required"});
    QTest::newRow("number") << parse(R"({"refresh_token": 1})") << errs({"refresh_token: must be a string"});
    QTest::newRow("unknown access_token")
        << parse(R"({"refresh_token": "abc", "access_token": "x"})") << errs({"access_token: unknown field"});
}

void TestModel::refreshInput()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QCOMPARE(problems(refreshInputFromJson(json)), expected);
}

void TestModel::passwordChangeInput_data()
{
    addValidationColumns();
    QTest::newRow("valid") << parse(R"({"current_password": "old", "new_password": "twelve chars"})") << ok;
    QTest::newRow("new 11") << parse(R"({"current_password": "old", "new_password": "eleven char"})")
                            << errs({"new_password: must be at least 12 characters"});
    QTest::newRow("new 12 emoji") << QJsonObject{{u"current_password"_s, u"old"_s},
                                                 {u"new_password"_s, chars(12, emoji)}}
                                  << ok;
    QTest::newRow("current empty") << parse(R"({"current_password": "", "new_password": "twelve chars"})")
                                   << errs({"current_password: must not be empty"});
    QTest::newRow("unknown password") << parse(R"({"current_password": "old", "new_password": "twelve chars",
        "password": "x"})") << errs({"password: unknown field"});
}

void TestModel::passwordChangeInput()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QCOMPARE(problems(passwordChangeInputFromJson(json)), expected);
}

void TestModel::profilePatch_data()
{
    addValidationColumns();
    QTest::newRow("empty patch") << QJsonObject() << ok;
    QTest::newRow("everything")
        << parse(R"({"full_name": "Ada", "bio": "Hi", "avatar_url": "https://example.com/a.png"})") << ok;
    QTest::newRow("bio null clears") << parse(R"({"bio": null})") << ok;
    QTest::newRow("avatar null clears") << parse(R"({"avatar_url": null})") << ok;
    QTest::newRow("full_name null") << parse(R"({"full_name": null})") << errs({"full_name: must not be null"});
    QTest::newRow("full_name empty") << parse(R"({"full_name": "  "})") << errs({"full_name: must not be empty"});
    QTest::newRow("full_name 101") << QJsonObject{{u"full_name"_s, chars(101)}}
                                   << errs({"full_name: must be at most 100 characters"});
    QTest::newRow("bio empty") << parse(R"({"bio": ""})") << ok;
    QTest::newRow("bio 1000") << QJsonObject{{u"bio"_s, chars(1000)}} << ok;
    QTest::newRow("bio 1001") << QJsonObject{{u"bio"_s, chars(1001)}} << errs({"bio: must be at most 1000 characters"});
    QTest::newRow("bio 1000 emoji") << QJsonObject{{u"bio"_s, chars(1000, emoji)}} << ok;
    QTest::newRow("bio number") << parse(R"({"bio": 5})") << errs({"bio: must be a string"});
    QTest::newRow("avatar http") << parse(R"({"avatar_url": "http://example.com/a.png"})") << ok;
    QTest::newRow("avatar HTTPS upper case") << parse(R"({"avatar_url": "HTTPS://example.com/a.png"})") << ok;
    QTest::newRow("avatar 500") << QJsonObject{{u"avatar_url"_s, QString(u"https://example.com/"_s + chars(480))}}
                                << ok;
    QTest::newRow("avatar 501") << QJsonObject{{u"avatar_url"_s, QString(u"https://example.com/"_s + chars(481))}}
                                << errs({"avatar_url: must be at most 500 characters"});
    QTest::newRow("avatar ftp") << parse(R"({"avatar_url": "ftp://example.com/a.png"})")
                                << errs({"avatar_url: must be an http or https URL"});
    QTest::newRow("avatar javascript") << parse(R"j({"avatar_url": "javascript:alert(1)"})j")
                                       << errs({"avatar_url: must be an http or https URL"});
    QTest::newRow("avatar data") << parse(R"({"avatar_url": "data:image/png;base64,AAAA"})")
                                 << errs({"avatar_url: must be an http or https URL"});
    QTest::newRow("avatar relative") << parse(R"({"avatar_url": "example.com/a.png"})")
                                     << errs({"avatar_url: must be an http or https URL"});
    QTest::newRow("avatar no host") << parse(R"({"avatar_url": "https://"})")
                                    << errs({"avatar_url: must be an http or https URL"});
    QTest::newRow("avatar with space") << parse(R"({"avatar_url": "https://exa mple.com/a.png"})")
                                       << errs({"avatar_url: must be an http or https URL"});
    QTest::newRow("avatar empty") << parse(R"({"avatar_url": ""})")
                                  << errs({"avatar_url: must be an http or https URL"});
    QTest::newRow("unknown email") << parse(R"({"email": "eve@example.com"})") << errs({"email: unknown field"});
    QTest::newRow("unknown role") << parse(R"({"role": "admin"})") << errs({"role: unknown field"});
    QTest::newRow("several at once")
        << parse(R"({"full_name": null, "bio": 1, "avatar_url": "ftp://x.y", "role": "admin", "is_active": false})")
        << errs({"full_name: must not be null", "bio: must be a string", "avatar_url: must be an http or https URL",
                 "is_active: unknown field", "role: unknown field"});
}

void TestModel::profilePatch()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QCOMPARE(problems(profilePatchFromJson(json)), expected);
}

void TestModel::adminUserPatch_data()
{
    addValidationColumns();
    QTest::newRow("empty patch") << QJsonObject() << ok;
    QTest::newRow("role admin") << parse(R"({"role": "admin"})") << ok;
    QTest::newRow("deactivate") << parse(R"({"is_active": false})") << ok;
    QTest::newRow("role unknown") << parse(R"({"role": "root"})")
                                  << errs({"role: must be one of: viewer, creator, admin"});
    QTest::newRow("role null") << parse(R"({"role": null})") << errs({"role: must not be null"});
    QTest::newRow("is_active string") << parse(R"({"is_active": "false"})") << errs({"is_active: must be a boolean"});
    QTest::newRow("is_active number") << parse(R"({"is_active": 0})") << errs({"is_active: must be a boolean"});
    QTest::newRow("is_active null") << parse(R"({"is_active": null})") << errs({"is_active: must not be null"});
    QTest::newRow("unknown email") << parse(R"({"email": "x@y.z"})") << errs({"email: unknown field"});
}

void TestModel::adminUserPatch()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QCOMPARE(problems(adminUserPatchFromJson(json)), expected);
}

void TestModel::conversationInput_data()
{
    addValidationColumns();
    QTest::newRow("empty object") << QJsonObject() << ok;
    QTest::newRow("everything") << parse(R"({"title": "Ideas", "model": "llama3", "system_prompt": "Be brief."})")
                                << ok;
    QTest::newRow("title null") << parse(R"({"title": null})") << ok;
    QTest::newRow("system_prompt null") << parse(R"({"system_prompt": null})") << ok;
    QTest::newRow("model null") << parse(R"({"model": null})") << errs({"model: must not be null"});
    QTest::newRow("title empty") << parse(R"({"title": ""})") << errs({"title: must not be empty"});
    QTest::newRow("title 200") << QJsonObject{{u"title"_s, chars(200)}} << ok;
    QTest::newRow("title 201") << QJsonObject{{u"title"_s, chars(201)}}
                               << errs({"title: must be at most 200 characters"});
    QTest::newRow("title number") << parse(R"({"title": 5})") << errs({"title: must be a string"});
    QTest::newRow("system_prompt empty") << parse(R"({"system_prompt": ""})") << ok;
    QTest::newRow("system_prompt 10,000") << QJsonObject{{u"system_prompt"_s, chars(10'000)}} << ok;
    QTest::newRow("system_prompt 10,001") << QJsonObject{{u"system_prompt"_s, chars(10'001)}}
                                          << errs({"system_prompt: must be at most 10000 characters"});
    QTest::newRow("model empty") << parse(R"({"model": ""})") << errs({"model: must not be empty"});
    QTest::newRow("model 100") << QJsonObject{{u"model"_s, chars(100)}} << ok;
    QTest::newRow("model 101") << QJsonObject{{u"model"_s, chars(101)}}
                               << errs({"model: must be at most 100 characters"});
    QTest::newRow("unknown message_count")
        << parse(R"({"message_count": 3})") << errs({"message_count: unknown field"});
    QTest::newRow("unknown messages") << parse(R"({"messages": []})") << errs({"messages: unknown field"});
}

void TestModel::conversationInput()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QCOMPARE(problems(conversationInputFromJson(json)), expected);
}

void TestModel::conversationPatch_data()
{
    addValidationColumns();
    QTest::newRow("empty patch") << QJsonObject() << ok;
    QTest::newRow("both set") << parse(R"({"title": "T", "system_prompt": "S"})") << ok;
    QTest::newRow("both cleared") << parse(R"({"title": null, "system_prompt": null})") << ok;
    QTest::newRow("title empty") << parse(R"({"title": "   "})") << errs({"title: must not be empty"});
    QTest::newRow("title 201") << QJsonObject{{u"title"_s, chars(201)}}
                               << errs({"title: must be at most 200 characters"});
    QTest::newRow("system_prompt 10,001") << QJsonObject{{u"system_prompt"_s, chars(10'001)}}
                                          << errs({"system_prompt: must be at most 10000 characters"});
    QTest::newRow("model is not patchable") << parse(R"({"model": "other"})") << errs({"model: unknown field"});
    QTest::newRow("system_prompt bool") << parse(R"({"system_prompt": false})")
                                        << errs({"system_prompt: must be a string"});
}

void TestModel::conversationPatch()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QCOMPARE(problems(conversationPatchFromJson(json)), expected);
}

void TestModel::messageInput_data()
{
    addValidationColumns();
    const auto content = [](const QJsonValue &v) { return QJsonObject{{u"content"_s, v}}; };
    QTest::newRow("one char") << content(u"a"_s) << ok;
    QTest::newRow("empty") << content(u""_s) << errs({"content: must not be empty"});
    QTest::newRow("spaces kept, not trimmed") << content(u"   "_s) << ok;
    QTest::newRow("100,000") << content(chars(100'000)) << ok;
    QTest::newRow("100,001") << content(chars(100'001)) << errs({"content: must be at most 100000 characters"});
    QTest::newRow("100,000 emoji (200,000 units)") << content(chars(100'000, emoji)) << ok;
    QTest::newRow("100,001 emoji") << content(chars(100'001, emoji))
                                   << errs({"content: must be at most 100000 characters"});
    QTest::newRow("missing") << QJsonObject() << errs({"content: is required"});
    QTest::newRow("null") << content(jsonNull) << errs({"content: must not be null"});
    QTest::newRow("number") << content(3.5) << errs({"content: must be a string"});
    QTest::newRow("array") << content(QJsonArray{u"hi"_s}) << errs({"content: must be a string"});
    QTest::newRow("object") << content(QJsonObject{{u"text"_s, u"hi"_s}}) << errs({"content: must be a string"});
    QTest::newRow("unknown role") << parse(R"({"content": "hi", "role": "system"})") << errs({"role: unknown field"});
    QTest::newRow("unknown conversation_id and tokens")
        << parse(R"({"content": "hi", "tokens": 0, "conversation_id": "x"})")
        << errs({"conversation_id: unknown field", "tokens: unknown field"});
}

void TestModel::messageInput()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QCOMPARE(problems(messageInputFromJson(json)), expected);
}

// ---- Full objects (what the client reads from the server) ---------------------------------------------------------

void TestModel::userObject_data()
{
    addValidationColumns();
    QTest::addColumn<UserView>("view");
    const QJsonObject base = parse(kUserJson);
    const auto set = [&](const char *key, const QJsonValue &v) { return with(base, QString::fromUtf8(key), v); };
    const UserView self = UserView::Self;

    QTest::newRow("self view") << base << ok << self;
    QTest::newRow("public view") << without(base, u"email"_s) << ok << UserView::Public;
    QTest::newRow("public view with email") << base << errs({"email: unknown field"}) << UserView::Public;
    QTest::newRow("self view without email") << without(base, u"email"_s) << errs({"email: is required"}) << self;
    QTest::newRow("with bio and avatar") << with(set("bio", u"Hi"_s), u"avatar_url"_s, u"https://example.com/a.png"_s)
                                         << ok << self;
    QTest::newRow("role admin") << set("role", u"admin"_s) << ok << self;
    QTest::newRow("role unknown") << set("role", u"superuser"_s)
                                  << errs({"role: must be one of: viewer, creator, admin"}) << self;
    QTest::newRow("role capitalised") << set("role", u"Admin"_s)
                                      << errs({"role: must be one of: viewer, creator, admin"}) << self;
    QTest::newRow("id uppercase") << set("id", u"6F1C2B7E-8D4A-4F3B-9C2D-1E5A7B9C0D12"_s) << ok << self;
    QTest::newRow("id invalid") << set("id", u"not-a-uuid"_s) << errs({"id: must be a valid UUID"}) << self;
    QTest::newRow("id braces") << set("id", u"{6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d12}"_s)
                               << errs({"id: must be a valid UUID"}) << self;
    QTest::newRow("id nil") << set("id", u"00000000-0000-0000-0000-000000000000"_s)
                            << errs({"id: must be a valid UUID"}) << self;
    QTest::newRow("id number") << set("id", 5) << errs({"id: must be a string"}) << self;
    QTest::newRow("created_at space") << set("created_at", u"2026-11-26 16:12:01.123Z"_s)
                                      << errs({"created_at: must be an RFC 3339 timestamp"}) << self;
    QTest::newRow("created_at number") << set("created_at", 1795709521) << errs({"created_at: must be a string"})
                                       << self;
    QTest::newRow("updated_at null") << set("updated_at", jsonNull) << errs({"updated_at: must not be null"}) << self;
    QTest::newRow("bio missing") << without(base, u"bio"_s) << errs({"bio: is required"}) << self;
    QTest::newRow("bio 1001") << set("bio", chars(1001)) << errs({"bio: must be at most 1000 characters"}) << self;
    QTest::newRow("avatar ftp") << set("avatar_url", u"ftp://example.com/a"_s)
                                << errs({"avatar_url: must be an http or https URL"}) << self;
    QTest::newRow("is_active string") << set("is_active", u"true"_s) << errs({"is_active: must be a boolean"}) << self;
    QTest::newRow("is_active null") << set("is_active", jsonNull) << errs({"is_active: must not be null"}) << self;
    QTest::newRow("email invalid") << set("email", u"ada"_s) << errs({"email: must be a valid email address"}) << self;
    QTest::newRow("full_name empty") << set("full_name", u""_s) << errs({"full_name: must not be empty"}) << self;
    QTest::newRow("several at once") << with(with(set("id", u"x"_s), u"role"_s, 3), u"password_hash"_s,
                                             u"$argon2id$..."_s)
                                     << errs({"id: must be a valid UUID",
                                              "role: must be one of: viewer, creator, admin",
                                              "password_hash: unknown field"})
                                     << self;
}

void TestModel::userObject()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QFETCH(UserView, view);
    QCOMPARE(problems(userFromJson(json, view)), expected);
}

void TestModel::articleObject_data()
{
    addValidationColumns();
    const QJsonObject base = parse(kArticleJson);
    const auto set = [&](const char *key, const QJsonValue &v) { return with(base, QString::fromUtf8(key), v); };

    QTest::newRow("valid") << base << ok;
    QTest::newRow("published_at null") << set("published_at", jsonNull) << ok;
    QTest::newRow("published_at missing") << without(base, u"published_at"_s) << errs({"published_at: is required"});
    QTest::newRow("published_at bad") << set("published_at", u"tomorrow"_s)
                                      << errs({"published_at: must be an RFC 3339 timestamp"});
    QTest::newRow("content missing") << without(base, u"content"_s) << errs({"content: is required"});
    QTest::newRow("revision 0") << set("revision", 0) << errs({"revision: must be at least 1"});
    QTest::newRow("revision 1.5") << set("revision", 1.5) << errs({"revision: must be an integer"});
    QTest::newRow("revision string") << set("revision", u"2"_s) << errs({"revision: must be an integer"});
    QTest::newRow("revision 2^31 - 1") << set("revision", 2147483647) << ok;
    QTest::newRow("revision 2^31") << set("revision", qint64(2147483648))
                                   << errs({"revision: must be at most 2147483647"});
    QTest::newRow("views -1") << set("views", -1) << errs({"views: must be at least 0"});
    QTest::newRow("views 2^53 - 1") << set("views", qint64(9007199254740991)) << ok;
    QTest::newRow("views 2^53") << set("views", qint64(9007199254740992))
                                << errs({"views: must be at most 9007199254740991"});
    QTest::newRow("reading_time -1") << set("reading_time", -1) << errs({"reading_time: must be at least 0"});
    QTest::newRow("word_count null") << set("word_count", jsonNull) << errs({"word_count: must not be null"});
    QTest::newRow("status unknown") << set("status", u"deleted"_s)
                                    << errs({"status: must be one of: draft, published, archived"});
    QTest::newRow("tags null") << set("tags", jsonNull) << errs({"tags: must not be null"});
    QTest::newRow("tags with a number") << set("tags", QJsonArray{u"a"_s, 1}) << errs({"tags.1: must be a string"});
    QTest::newRow("tags 21") << set("tags", names(21)) << errs({"tags: must have at most 20 items"});
    QTest::newRow("deleted string") << set("deleted", u"no"_s) << errs({"deleted: must be a boolean"});
    QTest::newRow("author_id invalid") << set("author_id", u"6f1c2b7e"_s) << errs({"author_id: must be a valid UUID"});
    QTest::newRow("title 201") << set("title", chars(201)) << errs({"title: must be at most 200 characters"});
    QTest::newRow("content_html long is fine") << set("content_html", chars(1'000'001)) << ok;
    QTest::newRow("unknown secret") << set("secret", true) << errs({"secret: unknown field"});
}

void TestModel::articleObject()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QCOMPARE(problems(articleFromJson(json)), expected);
}

void TestModel::tagObject_data()
{
    addValidationColumns();
    const QJsonObject base = parse(kTagJson);
    QTest::newRow("valid") << base << ok;
    QTest::newRow("article_count -1") << with(base, u"article_count"_s, -1)
                                      << errs({"article_count: must be at least 0"});
    QTest::newRow("name empty") << with(base, u"name"_s, u""_s) << errs({"name: must not be empty"});
    QTest::newRow("name 51") << with(base, u"name"_s, chars(51)) << errs({"name: must be at most 50 characters"});
    QTest::newRow("slug empty") << with(base, u"slug"_s, u""_s) << errs({"slug: must not be empty"});
    QTest::newRow("unknown articles") << with(base, u"articles"_s, QJsonArray()) << errs({"articles: unknown field"});
}

void TestModel::tagObject()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QCOMPARE(problems(tagFromJson(json)), expected);
}

void TestModel::conversationObject_data()
{
    addValidationColumns();
    const QJsonObject base = parse(kConversationJson);
    QTest::newRow("valid, untitled") << base << ok;
    QTest::newRow("titled") << with(base, u"title"_s, u"Ideas"_s) << ok;
    QTest::newRow("no model configured") << with(base, u"model"_s, u""_s) << ok;
    QTest::newRow("title missing") << without(base, u"title"_s) << errs({"title: is required"});
    QTest::newRow("system_prompt missing") << without(base, u"system_prompt"_s) << errs({"system_prompt: is required"});
    QTest::newRow("total_tokens -1") << with(base, u"total_tokens"_s, -1) << errs({"total_tokens: must be at least 0"});
    QTest::newRow("message_count 1.5") << with(base, u"message_count"_s, 1.5)
                                       << errs({"message_count: must be an integer"});
    QTest::newRow("messages are not part of it")
        << with(base, u"messages"_s, QJsonArray()) << errs({"messages: unknown field"});
}

void TestModel::conversationObject()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QCOMPARE(problems(conversationFromJson(json)), expected);
}

void TestModel::messageObject_data()
{
    addValidationColumns();
    const QJsonObject base = parse(kMessageJson);
    QTest::newRow("valid") << base << ok;
    QTest::newRow("content empty") << with(base, u"content"_s, u""_s) << ok;
    QTest::newRow("role user") << with(base, u"role"_s, u"user"_s) << ok;
    QTest::newRow("role system") << with(base, u"role"_s, u"system"_s) << ok;
    QTest::newRow("role bot") << with(base, u"role"_s, u"bot"_s)
                              << errs({"role: must be one of: user, assistant, system"});
    QTest::newRow("status failed") << with(base, u"status"_s, u"failed"_s) << ok;
    QTest::newRow("status done") << with(base, u"status"_s, u"done"_s)
                                 << errs({"status: must be one of: complete, cancelled, failed"});
    QTest::newRow("status null") << with(base, u"status"_s, jsonNull) << errs({"status: must not be null"});
    QTest::newRow("tokens -1") << with(base, u"tokens"_s, -1) << errs({"tokens: must be at least 0"});
    QTest::newRow("conversation_id invalid")
        << with(base, u"conversation_id"_s, u"abc"_s) << errs({"conversation_id: must be a valid UUID"});
}

void TestModel::messageObject()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QCOMPARE(problems(messageFromJson(json)), expected);
}

void TestModel::notificationObject_data()
{
    addValidationColumns();
    const QJsonObject base = parse(kNotificationJson);
    QTest::newRow("valid") << base << ok;
    QTest::newRow("link null") << with(base, u"link"_s, jsonNull) << ok;
    QTest::newRow("read") << with(with(base, u"is_read"_s, true), u"read_at"_s, u"2026-11-27T08:00:00.000Z"_s) << ok;
    QTest::newRow("read_at bad") << with(base, u"read_at"_s, u"yesterday"_s)
                                 << errs({"read_at: must be an RFC 3339 timestamp"});
    QTest::newRow("is_read 1") << with(base, u"is_read"_s, 1) << errs({"is_read: must be a boolean"});
    QTest::newRow("type empty") << with(base, u"type"_s, u""_s) << errs({"type: must not be empty"});
    QTest::newRow("read_at missing") << without(base, u"read_at"_s) << errs({"read_at: is required"});
    QTest::newRow("unknown user_id") << with(base, u"user_id"_s, u"x"_s) << errs({"user_id: unknown field"});
}

void TestModel::notificationObject()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QCOMPARE(problems(notificationFromJson(json)), expected);
}

// ---- Parsed values ----------------------------------------------------------------------------------------------

void TestModel::inputValuesAreTrimmedOnlyWhereSaid()
{
    const Parsed<ArticleInput> article =
        articleInputFromJson(parse(R"({"title": "  Hello world \n", "content": "  body  ",
        "excerpt": " e ", "tags": [" Qt ", "C++"], "status": "published"})"));
    QVERIFY(article.has_value());
    QCOMPARE(article->title, u"Hello world"_s);
    QCOMPARE(article->content, u"  body  "_s);
    QCOMPARE(article->excerpt, std::optional<QString>(u" e "_s));
    QCOMPARE(article->tags, std::optional<QStringList>(QStringList{u"Qt"_s, u"C++"_s}));
    QCOMPARE(article->status, std::optional<ArticleStatus>(ArticleStatus::Published));

    const Parsed<ArticleInput> minimal = articleInputFromJson(parse(R"({"title": "T", "content": ""})"));
    QVERIFY(minimal.has_value());
    QCOMPARE(minimal->excerpt, std::optional<QString>());
    QCOMPARE(minimal->tags, std::optional<QStringList>());
    QCOMPARE(minimal->status, std::optional<ArticleStatus>());

    const Parsed<RegisterInput> account = registerInputFromJson(
        parse(R"({"email": "Ada@Example.com", "password": "  pass phrase  ", "full_name": " Ada Lovelace "})"));
    QVERIFY(account.has_value());
    QCOMPARE(account->email, u"Ada@Example.com"_s);
    QCOMPARE(account->password, u"  pass phrase  "_s);
    QCOMPARE(account->fullName, u"Ada Lovelace"_s);

    const Parsed<MessageInput> message = messageInputFromJson(parse(R"({"content": "  hi\n"})"));
    QVERIFY(message.has_value());
    QCOMPARE(message->content, u"  hi\n"_s);

    const Parsed<ConversationInput> conversation =
        conversationInputFromJson(parse(R"({"title": " Ideas ", "system_prompt": " Be brief. "})"));
    QVERIFY(conversation.has_value());
    QCOMPARE(conversation->title, std::optional<QString>(u"Ideas"_s));
    QCOMPARE(conversation->systemPrompt, std::optional<QString>(u" Be brief. "_s));
}

void TestModel::profilePatchTriState_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<ProfilePatch>("expected");

    QTest::newRow("nothing") << QJsonObject() << ProfilePatch{};
    QTest::newRow("clear bio") << parse(R"({"bio": null})")
                               << ProfilePatch{std::nullopt, PatchField<QString>(std::in_place), std::nullopt};
    QTest::newRow("set bio") << parse(R"({"bio": "Hi"})")
                             << ProfilePatch{std::nullopt, PatchField<QString>(u"Hi"_s), std::nullopt};
    QTest::newRow("empty bio is not a clear")
        << parse(R"({"bio": ""})") << ProfilePatch{std::nullopt, PatchField<QString>(QString()), std::nullopt};
    QTest::newRow("name trimmed, avatar cleared")
        << parse(R"({"full_name": "  Ada  ", "avatar_url": null})")
        << ProfilePatch{u"Ada"_s, std::nullopt, PatchField<QString>(std::in_place)};
}

void TestModel::profilePatchTriState()
{
    QFETCH(QJsonObject, json);
    QFETCH(ProfilePatch, expected);
    const Parsed<ProfilePatch> patch = profilePatchFromJson(json);
    QVERIFY(patch.has_value());
    QCOMPARE(patch->fullName, expected.fullName);
    QCOMPARE(patch->bio.has_value(), expected.bio.has_value());
    QCOMPARE(patch->avatarUrl.has_value(), expected.avatarUrl.has_value());
    QVERIFY(*patch == expected);
}

void TestModel::conversationInputNullMeansAbsent()
{
    const Parsed<ConversationInput> input =
        conversationInputFromJson(parse(R"({"title": null, "system_prompt": null})"));
    QVERIFY(input.has_value());
    QVERIFY(*input == ConversationInput{});

    const Parsed<ConversationPatch> patch = conversationPatchFromJson(parse(R"({"title": null})"));
    QVERIFY(patch.has_value());
    QVERIFY(patch->title.has_value());
    QVERIFY(!patch->title->has_value());
    QVERIFY(!patch->systemPrompt.has_value());
}

// ---- Writing --------------------------------------------------------------------------------------------------

void TestModel::writtenShapes()
{
    // Each value written must equal the hand-written document, and each document must read back as the value.
    QCOMPARE(toJson(sampleUser(), UserView::Self), parse(kUserJson));
    QCOMPARE(userFromJson(parse(kUserJson), UserView::Self).value_or(User{}), sampleUser());

    QCOMPARE(toJson(sampleArticle()), parse(kArticleJson));
    QCOMPARE(articleFromJson(parse(kArticleJson)).value_or(Article{}), sampleArticle());

    QCOMPARE(toJson(sampleTag()), parse(kTagJson));
    QCOMPARE(tagFromJson(parse(kTagJson)).value_or(Tag{}), sampleTag());

    QCOMPARE(toJson(sampleConversation()), parse(kConversationJson));
    QCOMPARE(conversationFromJson(parse(kConversationJson)).value_or(Conversation{}), sampleConversation());

    QCOMPARE(toJson(sampleMessage()), parse(kMessageJson));
    QCOMPARE(messageFromJson(parse(kMessageJson)).value_or(Message{}), sampleMessage());

    QCOMPARE(toJson(sampleNotification()), parse(kNotificationJson));
    QCOMPARE(notificationFromJson(parse(kNotificationJson)).value_or(Notification{}), sampleNotification());

    // A timestamp in another zone is written in UTC; ids are lowercase whatever they were made from.
    User zoned = sampleUser();
    zoned.id = uuid(u"{6F1C2B7E-8D4A-4F3B-9C2D-1E5A7B9C0D12}");
    zoned.createdAt = QDateTime(QDate(2026, 11, 26), QTime(17, 12, 1, 123), Qt::OffsetFromUTC, 3600);
    QCOMPARE(toJson(zoned, UserView::Self), parse(kUserJson));

    // Inputs write only what is set, and a cleared member as null. (The documents are kept out of the macro
    // arguments: moc's preprocessor does not read raw string literals there.)
    const QJsonObject articleInput = parse(R"({"title": "T", "content": "C"})");
    const QJsonObject profilePatch = parse(R"({"bio": null, "avatar_url": "https://a.b/c"})");
    const QJsonObject conversationPatch = parse(R"({"title": null})");
    const QJsonObject adminPatch = parse(R"({"role": "viewer", "is_active": false})");
    QCOMPARE(toJson(ArticleInput{u"T"_s, u"C"_s, std::nullopt, std::nullopt, std::nullopt}), articleInput);
    QCOMPARE(toJson(ArticlePatch{}), QJsonObject());
    QCOMPARE(
        toJson(ProfilePatch{std::nullopt, PatchField<QString>(std::in_place), PatchField<QString>(u"https://a.b/c"_s)}),
        profilePatch);
    QCOMPARE(toJson(ConversationPatch{PatchField<QString>(std::in_place), std::nullopt}), conversationPatch);
    QCOMPARE(toJson(AdminUserPatch{Role::Viewer, false}), adminPatch);
}

void TestModel::publicUserHasNoEmail()
{
    const QJsonObject pub = toJson(sampleUser(), UserView::Public);
    QVERIFY(!pub.contains(u"email"_s));
    QCOMPARE(pub, without(parse(kUserJson), u"email"_s));
    QVERIFY(toJson(sampleUser(), UserView::Self).contains(u"email"_s));
}

void TestModel::roundTrip_data()
{
    QTest::addColumn<Check>("check");

    const auto userIn = [](UserView view) { return [view](const QJsonObject &j) { return userFromJson(j, view); }; };

    QTest::newRow("user, self view") << Check(
        [=] { checkRoundTrip(sampleUser(), toJson(sampleUser(), UserView::Self), userIn(UserView::Self)); });
    QTest::newRow("user, public view drops only the email") << Check([=] {
        User expected = sampleUser();
        expected.email = QString();
        checkRoundTrip(expected, toJson(sampleUser(), UserView::Public), userIn(UserView::Public));
    });
    QTest::newRow("user, admin with everything set") << Check([=] {
        User user = sampleUser();
        user.role = Role::Admin;
        user.bio = u"Première programmeuse 😀"_s;
        user.avatarUrl = u"https://example.com/ada.png"_s;
        user.isActive = false;
        checkRoundTrip(user, toJson(user, UserView::Self), userIn(UserView::Self));
    });
    QTest::newRow("article, published") << Check(
        [] { checkRoundTrip(sampleArticle(), toJson(sampleArticle()), articleFromJson); });
    QTest::newRow("article, draft, deleted, Unicode") << Check([] {
        Article article = sampleArticle();
        article.status = ArticleStatus::Draft;
        article.publishedAt = std::nullopt;
        article.deleted = true;
        article.title = u"Über 😀 漢字"_s;
        article.tags = {};
        article.views = 9007199254740991;
        article.revision = 2147483647;
        checkRoundTrip(article, toJson(article), articleFromJson);
    });
    QTest::newRow("article, archived") << Check([] {
        Article article = sampleArticle();
        article.status = ArticleStatus::Archived;
        checkRoundTrip(article, toJson(article), articleFromJson);
    });
    QTest::newRow("tag") << Check([] { checkRoundTrip(sampleTag(), toJson(sampleTag()), tagFromJson); });
    QTest::newRow("conversation, untitled")
        << Check([] { checkRoundTrip(sampleConversation(), toJson(sampleConversation()), conversationFromJson); });
    QTest::newRow("conversation, titled with prompt") << Check([] {
        Conversation conversation = sampleConversation();
        conversation.title = u"Ideas"_s;
        conversation.systemPrompt = u""_s;
        conversation.messageCount = 4;
        conversation.totalTokens = 123456789012;
        checkRoundTrip(conversation, toJson(conversation), conversationFromJson);
    });
    QTest::newRow("message, assistant cancelled")
        << Check([] { checkRoundTrip(sampleMessage(), toJson(sampleMessage()), messageFromJson); });
    QTest::newRow("message, user complete") << Check([] {
        Message message = sampleMessage();
        message.role = MessageRole::User;
        message.status = MessageStatus::Complete;
        checkRoundTrip(message, toJson(message), messageFromJson);
    });
    QTest::newRow("message, system failed, empty") << Check([] {
        Message message = sampleMessage();
        message.role = MessageRole::System;
        message.status = MessageStatus::Failed;
        message.content = QString();
        message.tokens = 0;
        checkRoundTrip(message, toJson(message), messageFromJson);
    });
    QTest::newRow("notification, unread")
        << Check([] { checkRoundTrip(sampleNotification(), toJson(sampleNotification()), notificationFromJson); });
    QTest::newRow("notification, read, no link") << Check([] {
        Notification notification = sampleNotification();
        notification.isRead = true;
        notification.readAt = utc(2026, 11, 27, 8, 0, 0, 1);
        notification.link = std::nullopt;
        checkRoundTrip(notification, toJson(notification), notificationFromJson);
    });
    QTest::newRow("article input, minimal") << Check([] {
        const ArticleInput input{u"Hello"_s, QString(), std::nullopt, std::nullopt, std::nullopt};
        checkRoundTrip(input, toJson(input), articleInputFromJson);
    });
    QTest::newRow("article input, everything") << Check([] {
        const ArticleInput input{u"Hello"_s, u"Body"_s, u"Ex"_s, QStringList{u"qt"_s, u"c++"_s},
                                 ArticleStatus::Published};
        checkRoundTrip(input, toJson(input), articleInputFromJson);
    });
    QTest::newRow("article patch, empty")
        << Check([] { checkRoundTrip(ArticlePatch{}, toJson(ArticlePatch{}), articlePatchFromJson); });
    QTest::newRow("article patch, everything") << Check([] {
        const ArticlePatch patch{u"T"_s, u"C"_s, u"E"_s, QStringList{}, ArticleStatus::Archived};
        checkRoundTrip(patch, toJson(patch), articlePatchFromJson);
    });
    QTest::newRow("register") << Check([] {
        const RegisterInput input{u"ada@example.com"_s, chars(12, emoji), u"Ada"_s};
        checkRoundTrip(input, toJson(input), registerInputFromJson);
    });
    QTest::newRow("login") << Check([] {
        const LoginInput input{u"ada@example.com"_s, u" secret "_s};
        checkRoundTrip(input, toJson(input), loginInputFromJson);
    });
    QTest::newRow("refresh") << Check([] {
        const RefreshInput input{u"dGhlIHRva2Vu-_"_s};
        checkRoundTrip(input, toJson(input), refreshInputFromJson);
    });
    QTest::newRow("password change") << Check([] {
        const PasswordChangeInput input{u"old"_s, u"twelve chars"_s};
        checkRoundTrip(input, toJson(input), passwordChangeInputFromJson);
    });
    QTest::newRow("profile patch, set and cleared") << Check([] {
        const ProfilePatch patch{u"Ada"_s, PatchField<QString>(std::in_place), PatchField<QString>(u"https://a.b/c"_s)};
        checkRoundTrip(patch, toJson(patch), profilePatchFromJson);
    });
    QTest::newRow("admin user patch") << Check([] {
        const AdminUserPatch patch{Role::Creator, true};
        checkRoundTrip(patch, toJson(patch), adminUserPatchFromJson);
    });
    QTest::newRow("conversation input") << Check([] {
        const ConversationInput input{u"Ideas"_s, u"llama3"_s, u"Be brief."_s};
        checkRoundTrip(input, toJson(input), conversationInputFromJson);
    });
    QTest::newRow("conversation patch") << Check([] {
        const ConversationPatch patch{PatchField<QString>(u"T"_s), PatchField<QString>(std::in_place)};
        checkRoundTrip(patch, toJson(patch), conversationPatchFromJson);
    });
    QTest::newRow("message input") << Check([] {
        const MessageInput input{u"Hello 😀"_s};
        checkRoundTrip(input, toJson(input), messageInputFromJson);
    });
}

void TestModel::roundTrip()
{
    QFETCH(Check, check);
    check();
}

// ---- The API's schemas -------------------------------------------------------------------------------------------

namespace {

/// One fully-populated document of a schema component: written by core's toJson where core has a writer; for the
/// answer shapes the server writes, put together from core's writers and read back with the desktop's reader.
struct SchemaSample {
    QString component;
    QJsonObject json;
    /// The desktop's reader of the shape (apitypes.h), or empty: its problems, for a sample it must accept.
    std::function<QStringList(const QJsonObject &)> read;
};

template <typename T> std::function<QStringList(const QJsonObject &)> reader(Parsed<T> (*read)(const QJsonObject &))
{
    return [read](const QJsonObject &json) { return problems(read(json)); };
}

template <typename T> std::function<QStringList(const QJsonObject &)> pageReader(Parsed<T> (*item)(const QJsonObject &))
{
    return [item](const QJsonObject &json) { return problems(api::pageFromJson(json, item)); };
}

User fullUser()
{
    User user = sampleUser();
    user.bio = u"Poet of numbers."_s;
    user.avatarUrl = u"https://example.com/ada.png"_s;
    return user;
}

Conversation fullConversation()
{
    Conversation conversation = sampleConversation();
    conversation.title = u"Engines"_s;
    conversation.systemPrompt = u"Be brief."_s;
    conversation.messageCount = 2;
    conversation.totalTokens = 30;
    return conversation;
}

Notification readNotification()
{
    Notification notification = sampleNotification();
    notification.isRead = true;
    notification.readAt = utc(2026, 11, 27, 9, 0, 0, 0);
    return notification;
}

QJsonObject articleSummaryJson()
{
    return without(without(toJson(sampleArticle()), u"content"_s), u"content_html"_s);
}

QJsonObject adminUserJson()
{
    QJsonObject json = toJson(fullUser(), UserView::Self);
    json.insert(u"article_count"_s, 4);
    json.insert(u"last_login_at"_s, u"2026-11-27T08:00:00.000Z"_s);
    return json;
}

QJsonObject auditEntryJson()
{
    return parse(R"({"id": 17, "action": "user.role_changed", "actor_id": "6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d12",
        "target_id": "0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d", "ip": "127.0.0.1",
        "detail": {"from": "viewer", "to": "creator"}, "created_at": "2026-11-27T08:00:00.000Z"})");
}

QJsonObject revisionJson()
{
    return parse(R"({"revision": 3, "title": "On the Analytical Engine", "updated_at": "2026-11-27T08:00:00.000Z",
        "updated_by": "6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d12"})");
}

QJsonObject searchHitJson()
{
    return {{u"article"_s, articleSummaryJson()}, {u"rank"_s, 0.75}, {u"snippet"_s, u"It <mark>weaves</mark>."_s}};
}

QJsonObject liveChange()
{
    return {{u"seq"_s, 812},
            {u"kind"_s, u"article"_s},
            {u"id"_s, formatId(sampleArticle().id)},
            {u"deleted"_s, false},
            {u"article"_s, toJson(sampleArticle())}};
}

QJsonObject page(const QJsonObject &item)
{
    return {{u"items"_s, QJsonArray{item}}, {u"next_cursor"_s, u"c2Vlaw"_s}};
}

QList<SchemaSample> schemaSamples()
{
    const Message question{uuid(u"1f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"),
                           sampleConversation().id,
                           MessageRole::User,
                           u"Hi"_s,
                           3,
                           utc(2026, 11, 26, 16, 12, 2, 0),
                           MessageStatus::Complete};
    const QJsonObject days{{u"date"_s, u"2026-11-27"_s}, {u"count"_s, 5}};
    QJsonObject detail = toJson(fullConversation());
    detail.insert(u"messages"_s, QJsonArray{toJson(question), toJson(sampleMessage())});
    return {
        {u"Problem"_s,
         QJsonObject{{u"type"_s, u"/problems/stale"_s},
                     {u"title"_s, u"Revision is stale"_s},
                     {u"status"_s, 412},
                     {u"detail"_s, u"Reload."_s},
                     {u"request_id"_s, u"4f2a"_s},
                     {u"errors"_s, QJsonArray{parse(R"({"field": "title", "message": "is required"})")}},
                     {u"current"_s, toJson(sampleArticle())},
                     {u"message"_s, toJson(sampleMessage())}},
         {}},
        {u"Health"_s, parse(R"({"status": "healthy", "version": "1.4.0"})"), reader(api::serverHealthFromJson)},
        {u"DatabaseHealth"_s,
         parse(R"({"status": "unhealthy", "service": "database", "detail": "Down.", "request_id": "4f2a"})"),
         {}},
        {u"AiHealth"_s, parse(R"({"status": "unhealthy", "provider": "gemini", "model": "gemini-2.5-flash",
            "detail": "The provider does not answer."})"),
         reader(api::aiHealthFromJson)},
        {u"OpenApiDocument"_s, parse(R"({"openapi": "3.1.0", "info": {}, "paths": {}, "components": {}})"), {}},
        {u"UserPublic"_s, toJson(fullUser(), UserView::Public), reader(api::publicUserItem)},
        {u"UserSelf"_s, toJson(fullUser(), UserView::Self), reader(api::selfUserItem)},
        {u"RegisterInput"_s, toJson(RegisterInput{u"ada@example.com"_s, chars(12), u"Ada"_s}), {}},
        {u"LoginInput"_s, toJson(LoginInput{u"ada@example.com"_s, u"secret"_s}), {}},
        {u"RefreshInput"_s, QJsonObject{{u"refresh_token"_s, u"r3fr3sh"_s}}, {}},
        {u"PasswordChangeInput"_s, toJson(PasswordChangeInput{u"old"_s, chars(12)}), {}},
        {u"ProfilePatch"_s,
         toJson(ProfilePatch{u"Ada"_s, PatchField<QString>(u"Poet."_s),
                             PatchField<QString>(u"https://example.com/a.png"_s)}),
         {}},
        {u"AdminUserPatch"_s, toJson(AdminUserPatch{Role::Admin, false}), {}},
        {u"AuthGrant"_s,
         QJsonObject{{u"user"_s, toJson(fullUser(), UserView::Self)},
                     {u"access_token"_s, u"eyJ.a.b"_s},
                     {u"refresh_token"_s, u"r3fr3sh"_s},
                     {u"token_type"_s, u"bearer"_s},
                     {u"expires_in"_s, 900}},
         reader(api::authGrantFromJson)},
        {u"AdminUser"_s, adminUserJson(), reader(api::adminUserFromJson)},
        {u"AuditEntry"_s, auditEntryJson(), reader(api::auditEntryFromJson)},
        {u"DayCount"_s, days, {}},
        {u"AdminStats"_s,
         QJsonObject{
             {u"days"_s, 30},
             {u"users"_s, QJsonObject{{u"total"_s, 3},
                                      {u"by_role"_s, parse(R"({"viewer": 1, "creator": 1, "admin": 1})")},
                                      {u"new_per_day"_s, QJsonArray{days}}}},
             {u"articles"_s, QJsonObject{{u"by_status"_s, parse(R"({"draft": 1, "published": 2, "archived": 0})")},
                                         {u"published_per_day"_s, QJsonArray{days}}}},
             {u"chat"_s,
              QJsonObject{{u"messages_per_day"_s, QJsonArray{days}}, {u"tokens_per_day"_s, QJsonArray{days}}}},
             {u"ai"_s, parse(R"({"requests": 10, "failures": 1, "p95_latency_ms": 850})")}},
         reader(api::adminStatsFromJson)},
        {u"Article"_s, toJson(sampleArticle()), reader(api::articleItem)},
        {u"ArticleSummary"_s, articleSummaryJson(), reader(api::articleSummaryItem)},
        {u"ArticleInput"_s,
         toJson(ArticleInput{u"Title"_s, u"Body"_s, u"Short"_s, QStringList{u"a"_s, u"b"_s}, ArticleStatus::Draft}),
         {}},
        {u"ArticlePatch"_s,
         toJson(ArticlePatch{u"T"_s, u"B"_s, u"E"_s, QStringList{u"a"_s}, ArticleStatus::Archived}),
         {}},
        {u"Tag"_s, toJson(sampleTag()), reader(api::tagItem)},
        {u"RevisionInfo"_s, revisionJson(), reader(api::revisionInfoFromJson)},
        {u"SearchHit"_s, searchHitJson(), reader(api::searchHitFromJson)},
        {u"Change"_s, liveChange(), {}},
        {u"ChangesPage"_s,
         QJsonObject{
             {u"changes"_s, QJsonArray{liveChange(), QJsonObject{{u"seq"_s, 813},
                                                                 {u"kind"_s, u"article"_s},
                                                                 {u"id"_s, u"1b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d"_s},
                                                                 {u"deleted"_s, true},
                                                                 {u"article"_s, jsonNull}}}},
             {u"cursor"_s, u"813"_s},
             {u"has_more"_s, false}},
         reader(api::changesPageFromJson)},
        {u"Conversation"_s, toJson(fullConversation()), reader(api::conversationItem)},
        {u"ConversationDetail"_s, detail, reader(api::conversationDetailFromJson)},
        {u"ConversationInput"_s, toJson(ConversationInput{u"Ideas"_s, u"llama3"_s, u"Be brief."_s}), {}},
        {u"ConversationPatch"_s,
         toJson(ConversationPatch{PatchField<QString>(u"T"_s), PatchField<QString>(std::in_place)}),
         {}},
        {u"Message"_s, toJson(sampleMessage()), reader(api::messageItem)},
        {u"MessageInput"_s, toJson(MessageInput{u"Hello 😀"_s}), {}},
        {u"ChatExchange"_s,
         QJsonObject{{u"user_message"_s, toJson(question)}, {u"assistant_message"_s, toJson(sampleMessage())}},
         reader(api::chatExchangeFromJson)},
        {u"GenerateArticleInput"_s, parse(R"({"prompt": "Looms", "style": "playful"})"), {}},
        {u"SummarizeInput"_s, parse(R"({"content": "Long text.", "max_words": 50})"), {}},
        {u"SuggestInput"_s, parse(R"({"content": "Long text."})"), {}},
        {u"GeneratedArticle"_s,
         parse(R"({"title": "Looms", "content": "# Looms", "excerpt": "On looms.", "tags": ["weaving"]})"),
         reader(api::generatedArticleFromJson)},
        {u"Summary"_s, parse(R"({"summary": "Short.", "key_points": ["one", "two"]})"), reader(api::summaryFromJson)},
        {u"Suggestions"_s, parse(R"({"titles": ["A", "B"], "excerpt": "E.", "tags": ["t"]})"),
         reader(api::suggestionsFromJson)},
        {u"AiQuota"_s, parse(R"({"tokens_per_day": 100000, "tokens_used_today": 250, "tokens_remaining": 99750,
            "requests_per_minute": 20, "resets_at": "2026-11-28T00:00:00.000Z"})"),
         reader(api::aiQuotaFromJson)},
        {u"Notification"_s, toJson(readNotification()), reader(api::notificationItem)},
        {u"UnreadCount"_s, parse(R"({"count": 3})"), {}},
        {u"ReadAllResult"_s, parse(R"({"updated": 2})"), {}},
        {u"Page_ArticleSummary"_s, page(articleSummaryJson()), pageReader(api::articleSummaryItem)},
        {u"Page_UserPublic"_s, page(toJson(fullUser(), UserView::Public)), pageReader(api::publicUserItem)},
        {u"Page_AdminUser"_s, page(adminUserJson()), pageReader(api::adminUserFromJson)},
        {u"Page_AuditEntry"_s, page(auditEntryJson()), pageReader(api::auditEntryFromJson)},
        {u"Page_Tag"_s, page(toJson(sampleTag())), pageReader(api::tagItem)},
        {u"Page_RevisionInfo"_s, page(revisionJson()), pageReader(api::revisionInfoFromJson)},
        {u"Page_SearchHit"_s, page(searchHitJson()), pageReader(api::searchHitFromJson)},
        {u"Page_Conversation"_s, page(toJson(fullConversation())), pageReader(api::conversationItem)},
        {u"Page_Notification"_s, page(toJson(readNotification())), pageReader(api::notificationItem)},
    };
}

/// A value of another JSON type than @p value.
QJsonValue otherType(const QJsonValue &value)
{
    if (value.isString())
        return 12345;
    if (value.isNull())
        return QJsonArray(); // no member of the API is a nullable array
    return u"not this"_s;
}

} // namespace

// ---- The AI assists' requests (what the server reads) ----------------------------------------------------------

void TestModel::generateArticleRequest_data()
{
    addValidationColumns();
    QTest::newRow("prompt only") << parse(R"({"prompt": "Owls"})") << ok;
    QTest::newRow("prompt and style") << parse(R"({"prompt": "Owls", "style": "playful"})") << ok;
    QTest::newRow("style null means absent") << parse(R"({"prompt": "Owls", "style": null})") << ok;
    QTest::newRow("empty style") << parse(R"({"prompt": "Owls", "style": ""})") << ok;
    QTest::newRow("4,000 prompt") << QJsonObject{{u"prompt"_s, chars(4000)}} << ok;
    QTest::newRow("4,001 prompt") << QJsonObject{{u"prompt"_s, chars(4001)}}
                                  << errs({"prompt: must be at most 4000 characters"});
    QTest::newRow("4,000 emoji") << QJsonObject{{u"prompt"_s, chars(4000, emoji)}} << ok;
    QTest::newRow("4,000 plus spaces around")
        << QJsonObject{{u"prompt"_s, QString(u"  "_s + chars(4000) + u"\n"_s)}} << ok;
    QTest::newRow("blank prompt") << parse(R"({"prompt": "   "})") << errs({"prompt: must not be empty"});
    QTest::newRow("missing prompt") << parse(R"({"style": "dry"})") << errs({"prompt: is required"});
    QTest::newRow("null prompt") << parse(R"({"prompt": null})") << errs({"prompt: must not be null"});
    QTest::newRow("number prompt") << parse(R"({"prompt": 3})") << errs({"prompt: must be a string"});
    QTest::newRow("200 style") << QJsonObject{{u"prompt"_s, u"x"_s}, {u"style"_s, chars(200)}} << ok;
    QTest::newRow("201 style") << QJsonObject{{u"prompt"_s, u"x"_s}, {u"style"_s, chars(201)}}
                               << errs({"style: must be at most 200 characters"});
    QTest::newRow("array style") << parse(R"({"prompt": "x", "style": ["dry"]})") << errs({"style: must be a string"});
    QTest::newRow("unknown member") << parse(R"({"prompt": "x", "model": "gpt"})") << errs({"model: unknown field"});
}

void TestModel::generateArticleRequest()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QCOMPARE(problems(api::generateArticleRequestFromJson(json)), expected);
}

void TestModel::summarizeRequest_data()
{
    addValidationColumns();
    QTest::newRow("content only") << parse(R"({"content": "text"})") << ok;
    QTest::newRow("spaces are content") << parse(R"({"content": "  "})") << ok;
    QTest::newRow("max_words 10") << parse(R"({"content": "t", "max_words": 10})") << ok;
    QTest::newRow("max_words 1000") << parse(R"({"content": "t", "max_words": 1000})") << ok;
    QTest::newRow("max_words 9") << parse(R"({"content": "t", "max_words": 9})")
                                 << errs({"max_words: must be at least 10"});
    QTest::newRow("max_words 1001") << parse(R"({"content": "t", "max_words": 1001})")
                                    << errs({"max_words: must be at most 1000"});
    QTest::newRow("max_words 50.5") << parse(R"({"content": "t", "max_words": 50.5})")
                                    << errs({"max_words: must be an integer"});
    QTest::newRow("max_words \"50\"") << parse(R"({"content": "t", "max_words": "50"})")
                                      << errs({"max_words: must be an integer"});
    QTest::newRow("max_words null") << parse(R"({"content": "t", "max_words": null})")
                                    << errs({"max_words: must not be null"});
    QTest::newRow("100,000") << QJsonObject{{u"content"_s, chars(100'000)}} << ok;
    QTest::newRow("100,001") << QJsonObject{{u"content"_s, chars(100'001)}}
                             << errs({"content: must be at most 100000 characters"});
    QTest::newRow("empty") << parse(R"({"content": ""})") << errs({"content: must not be empty"});
    QTest::newRow("missing") << parse(R"({"max_words": 50})") << errs({"content: is required"});
    QTest::newRow("unknown member") << parse(R"({"content": "t", "words": 5})") << errs({"words: unknown field"});
}

void TestModel::summarizeRequest()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QCOMPARE(problems(api::summarizeRequestFromJson(json)), expected);
}

void TestModel::suggestRequest_data()
{
    addValidationColumns();
    QTest::newRow("content") << parse(R"({"content": "text"})") << ok;
    QTest::newRow("100,000 emoji") << QJsonObject{{u"content"_s, chars(100'000, emoji)}} << ok;
    QTest::newRow("100,001") << QJsonObject{{u"content"_s, chars(100'001)}}
                             << errs({"content: must be at most 100000 characters"});
    QTest::newRow("empty") << parse(R"({"content": ""})") << errs({"content: must not be empty"});
    QTest::newRow("missing") << QJsonObject() << errs({"content: is required"});
    QTest::newRow("object") << parse(R"({"content": {}})") << errs({"content: must be a string"});
    QTest::newRow("max_words is not taken")
        << parse(R"({"content": "t", "max_words": 50})") << errs({"max_words: unknown field"});
}

void TestModel::suggestRequest()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expected);
    QCOMPARE(problems(api::suggestRequestFromJson(json)), expected);
}

// ---- The answers of the API and the assists' requests: what the server writes, the client reads back ---------

namespace {

api::AdminStats sampleStats()
{
    api::AdminStats stats;
    stats.days = 2;
    stats.usersTotal = 7;
    stats.usersByRole = {{u"viewer"_s, 4}, {u"creator"_s, 2}, {u"admin"_s, 1}};
    stats.newUsersPerDay = {{QDate(2026, 12, 5), 0}, {QDate(2026, 12, 6), 3}};
    stats.articlesByStatus = {{u"draft"_s, 5}, {u"published"_s, 9007199254740991}, {u"archived"_s, 0}};
    stats.publishedPerDay = {{QDate(2026, 12, 5), 1}, {QDate(2026, 12, 6), 2}};
    stats.chatMessagesPerDay = {{QDate(2026, 12, 5), 10}, {QDate(2026, 12, 6), 0}};
    stats.aiTokensPerDay = {{QDate(2026, 12, 5), 123456789012}, {QDate(2026, 12, 6), 5}};
    stats.aiRequests = 40;
    stats.aiFailures = 3;
    stats.aiP95LatencyMs = 2100;
    return stats;
}

api::AiQuota sampleQuota()
{
    api::AiQuota quota;
    quota.tokensPerDay = 50'000;
    quota.tokensUsedToday = 60'000; // over: what is left is 0, not negative
    quota.tokensRemaining = 0;
    quota.requestsPerMinute = 10;
    quota.resetsAt = utc(2026, 12, 7, 0, 0, 0, 0);
    return quota;
}

api::ConversationDetail sampleDetail()
{
    Message question = sampleMessage();
    question.id = uuid(u"1f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
    question.role = MessageRole::User;
    question.status = MessageStatus::Complete;
    question.content = u"Über 😀?"_s;
    return {sampleConversation(), {question, sampleMessage()}};
}

/// Writes @p value, removes @p member from the written document and reads it back: the reader must fail
/// and name the member.
template <typename Read>
void checkMissing(const QJsonObject &written, const QString &member, Read read, const QString &expected)
{
    QVERIFY2(written.contains(member), qPrintable(member));
    const QStringList lines = problems(read(without(written, member)));
    QVERIFY2(lines.contains(expected), qPrintable(lines.join(u"; ")));
}

} // namespace

void TestModel::schemaMatchesWhatCoreWrites_data()
{
    QTest::addColumn<int>("index");
    const QList<SchemaSample> samples = schemaSamples();
    for (int i = 0; i < samples.size(); ++i)
        QTest::newRow(qPrintable(samples.at(i).component)) << i;
}

void TestModel::schemaMatchesWhatCoreWrites()
{
    QFETCH(int, index);
    const SchemaSample sample = schemaSamples().at(index);
    const test::SchemaValidator validator(api::schemaComponentsObject());
    const std::optional<QJsonObject> schema = api::schemaComponent(sample.component);
    QVERIFY(schema);

    // What core writes (or, for a shape the server writes, a document the desktop's reader accepts) conforms.
    if (sample.read)
        QVERIFY2(sample.read(sample.json).isEmpty(), qPrintable(sample.read(sample.json).join(u"; ")));
    const QStringList found = validator.validate(sample.json, sample.component);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u"; ")));

    // Every required member is required: leaving any out fails.
    for (const QJsonValue &name : schema->value(u"required"_s).toArray()) {
        const QStringList missing = validator.validate(without(sample.json, name.toString()), sample.component);
        QVERIFY2(!missing.isEmpty(), qPrintable(u"passes without "_s + name.toString()));
    }
    // Every member has a type: a value of another type fails.
    for (auto it = sample.json.begin(); it != sample.json.end(); ++it) {
        const QStringList wrong =
            validator.validate(with(sample.json, it.key(), otherType(it.value())), sample.component);
        QVERIFY2(!wrong.isEmpty(), qPrintable(u"passes with a mistyped "_s + it.key()));
    }
    // A closed object refuses a member it does not declare.
    if (schema->value(u"additionalProperties"_s) == QJsonValue(false)) {
        const QStringList extra = validator.validate(with(sample.json, u"surprise"_s, 1), sample.component);
        QVERIFY2(extra.contains(u"$.surprise: is not a member the schema declares"_s), qPrintable(extra.join(u"; ")));
    }
}

void TestModel::everySchemaHasASample()
{
    QSet<QString> sampled;
    for (const SchemaSample &sample : schemaSamples())
        sampled.insert(sample.component);
    QSet<QString> components;
    for (const api::SchemaComponent &component : api::schemaComponents()) {
        QVERIFY2(!components.contains(component.name), qPrintable(u"two components named "_s + component.name));
        components.insert(component.name);
    }
    QCOMPARE(sampled, components);
}

void TestModel::schemaEnumsFollowCore()
{
    // The spellings api.md gives, and each one read back by core.
    const QStringList roles = api::enumSpellings(inkwell::roleToString);
    QCOMPARE(roles, (QStringList{u"viewer"_s, u"creator"_s, u"admin"_s}));
    for (const QString &role : roles)
        QCOMPARE(inkwell::roleToString(*inkwell::roleFromString(role)), role);
    const QStringList statuses = api::enumSpellings(articleStatusToString);
    QCOMPARE(statuses, (QStringList{u"draft"_s, u"published"_s, u"archived"_s}));
    QCOMPARE(api::enumSpellings(messageRoleToString), (QStringList{u"user"_s, u"assistant"_s, u"system"_s}));
    QCOMPARE(api::enumSpellings(messageStatusToString), (QStringList{u"complete"_s, u"cancelled"_s, u"failed"_s}));

    // The schemas list exactly those.
    const auto enumOf = [](const QString &component, const QString &member) {
        QStringList values;
        const QJsonObject schema = api::schemaComponent(component).value_or(QJsonObject());
        for (const QJsonValue &value :
             schema.value(u"properties"_s).toObject().value(member).toObject().value(u"enum"_s).toArray())
            values.append(value.toString());
        return values;
    };
    QCOMPARE(enumOf(u"UserPublic"_s, u"role"_s), roles);
    QCOMPARE(enumOf(u"AdminUserPatch"_s, u"role"_s), roles);
    QCOMPARE(enumOf(u"Article"_s, u"status"_s), statuses);
    QCOMPARE(enumOf(u"ArticleInput"_s, u"status"_s), statuses);
    QCOMPARE(enumOf(u"Message"_s, u"role"_s), api::enumSpellings(messageRoleToString));
    QCOMPARE(enumOf(u"Message"_s, u"status"_s), api::enumSpellings(messageStatusToString));
}

void TestModel::schemaValidatorFinds_data()
{
    QTest::addColumn<QString>("component");
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("problem");

    const QJsonObject user = toJson(fullUser(), UserView::Self);
    const QJsonObject article = toJson(sampleArticle());
    QTest::newRow("id not a uuid") << u"UserSelf"_s << with(user, u"id"_s, u"6f1c2b7e"_s) << u"$.id: is not a uuid"_s;
    QTest::newRow("timestamp without zone")
        << u"UserSelf"_s << with(user, u"created_at"_s, u"2026-11-26T16:12:01.123"_s)
        << u"$.created_at: is not an RFC 3339 date-time"_s;
    QTest::newRow("timestamp on 30 February") << u"UserSelf"_s << with(user, u"created_at"_s, u"2026-02-30T16:12:01Z"_s)
                                              << u"$.created_at: is not an RFC 3339 date-time"_s;
    QTest::newRow("email without domain")
        << u"UserSelf"_s << with(user, u"email"_s, u"ada@"_s) << u"$.email: is not an email address"_s;
    QTest::newRow("role not a role") << u"UserSelf"_s << with(user, u"role"_s, u"root"_s)
                                     << u"$.role: is not one of the enum values"_s;
    QTest::newRow("null where none is allowed")
        << u"UserSelf"_s << with(user, u"full_name"_s, jsonNull) << u"$.full_name: is not of type string"_s;
    QTest::newRow("name too long, counted in code points")
        << u"UserSelf"_s << with(user, u"full_name"_s, chars(kMaxFullNameLength + 1, emoji))
        << u"$.full_name: is longer than 100"_s;
    QTest::newRow("a fraction where a whole number goes")
        << u"Article"_s << with(article, u"views"_s, 1.5) << u"$.views: is not of type integer"_s;
    QTest::newRow("revision 0") << u"Article"_s << with(article, u"revision"_s, 0)
                                << u"$.revision: is below the minimum"_s;
    QTest::newRow("too many tags") << u"Article"_s << with(article, u"tags"_s, names(kMaxTagsPerArticle + 1))
                                   << u"$.tags: has too many items"_s;
    QTest::newRow("a bad member of a nested object") << u"AuthGrant"_s
                                                     << QJsonObject{{u"user"_s, with(user, u"is_active"_s, u"yes"_s)},
                                                                    {u"access_token"_s, u"a"_s},
                                                                    {u"refresh_token"_s, u"r"_s},
                                                                    {u"token_type"_s, u"bearer"_s},
                                                                    {u"expires_in"_s, 900}}
                                                     << u"$.user.is_active: is not of type boolean"_s;
    QTest::newRow("a bad item of a page") << u"Page_Tag"_s << page(with(toJson(sampleTag()), u"article_count"_s, -1))
                                          << u"$.items[0].article_count: is below the minimum"_s;
    QTest::newRow("a nullable reference that is neither")
        << u"Change"_s << with(liveChange(), u"article"_s, 7) << u"$.article: matches none of anyOf"_s;
    QTest::newRow("an unknown component") << u"Nothing"_s << QJsonObject() << u"no component named Nothing"_s;
}

void TestModel::schemaValidatorFinds()
{
    QFETCH(QString, component);
    QFETCH(QJsonObject, json);
    QFETCH(QString, problem);
    const test::SchemaValidator validator(api::schemaComponentsObject());
    const QStringList found = validator.validate(json, component);
    QVERIFY2(found.contains(problem), qPrintable(found.join(u"; ")));

    // A schema using what the validator cannot check never passes unchecked.
    const QStringList unknown =
        validator.validate(QJsonValue(u"x"_s), QJsonObject{{u"type"_s, u"string"_s}, {u"const"_s, u"x"_s}});
    QVERIFY(unknown.contains(u"$: schema keyword this validator does not know: const"_s));
}

void TestModel::apiRoundTrip_data()
{
    QTest::addColumn<Check>("check");
    QTest::newRow("conversation with messages")
        << Check([] { checkRoundTrip(sampleDetail(), api::toJson(sampleDetail()), api::conversationDetailFromJson); });
    QTest::newRow("conversation without messages") << Check([] {
        const api::ConversationDetail detail{sampleConversation(), {}};
        checkRoundTrip(detail, api::toJson(detail), api::conversationDetailFromJson);
    });
    QTest::newRow("chat exchange") << Check([] {
        const api::ChatExchange exchange{sampleDetail().messages.at(0), sampleMessage()};
        checkRoundTrip(exchange, api::toJson(exchange), api::chatExchangeFromJson);
    });
    QTest::newRow("summary") << Check([] {
        const api::Summary summary{u"Short 😀"_s, {u"one"_s, u"two, with comma"_s}};
        checkRoundTrip(summary, api::toJson(summary), api::summaryFromJson);
    });
    QTest::newRow("summary without key points") << Check([] {
        const api::Summary summary{u"Short"_s, {}};
        checkRoundTrip(summary, api::toJson(summary), api::summaryFromJson);
    });
    QTest::newRow("suggestions") << Check([] {
        const api::Suggestions suggestions{{u"A"_s, u"B"_s, u"C"_s}, u"An excerpt."_s, {u"owls"_s}};
        checkRoundTrip(suggestions, api::toJson(suggestions), api::suggestionsFromJson);
    });
    QTest::newRow("generated article") << Check([] {
        const api::GeneratedArticle article{u"Owls"_s, u"# Owls\n\nThey hoot."_s, u"They hoot."_s, {}};
        checkRoundTrip(article, api::toJson(article), api::generatedArticleFromJson);
    });
    QTest::newRow("quota, limited and used up")
        << Check([] { checkRoundTrip(sampleQuota(), api::toJson(sampleQuota()), api::aiQuotaFromJson); });
    QTest::newRow("quota, unlimited") << Check([] {
        api::AiQuota quota = sampleQuota();
        quota.tokensPerDay = 0;
        quota.tokensRemaining = std::nullopt;
        quota.requestsPerMinute = 0;
        checkRoundTrip(quota, api::toJson(quota), api::aiQuotaFromJson);
    });
    QTest::newRow("admin stats") << Check(
        [] { checkRoundTrip(sampleStats(), api::toJson(sampleStats()), api::adminStatsFromJson); });
    QTest::newRow("generate-article request with style") << Check([] {
        const api::GenerateArticleRequest request{u"Owls 😀"_s, u"dry"_s};
        checkRoundTrip(request, api::toJson(request), api::generateArticleRequestFromJson);
    });
    QTest::newRow("generate-article request without style") << Check([] {
        const api::GenerateArticleRequest request{u"Owls"_s, std::nullopt};
        checkRoundTrip(request, api::toJson(request), api::generateArticleRequestFromJson);
    });
    QTest::newRow("summarize request") << Check([] {
        const api::SummarizeRequest request{u"  spaced text  "_s, 250};
        checkRoundTrip(request, api::toJson(request), api::summarizeRequestFromJson);
    });
    QTest::newRow("summarize request without max_words") << Check([] {
        const api::SummarizeRequest request{u"text"_s, std::nullopt};
        checkRoundTrip(request, api::toJson(request), api::summarizeRequestFromJson);
    });
    QTest::newRow("suggest request") << Check([] {
        const api::SuggestRequest request{u"text"_s};
        checkRoundTrip(request, api::toJson(request), api::suggestRequestFromJson);
    });
    QTest::newRow("revision by someone") << Check([] {
        const api::RevisionInfo info{3, u"Owls 😀"_s, utc(2026, 11, 26, 16, 12, 1, 123),
                                     QUuid(u"0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d"_s)};
        checkRoundTrip(info, api::toJson(info), api::revisionInfoFromJson);
    });
    QTest::newRow("revision by a deleted account") << Check([] {
        const api::RevisionInfo info{1, u""_s, utc(2026, 1, 2, 3, 4, 5, 0), std::nullopt};
        checkRoundTrip(info, api::toJson(info), api::revisionInfoFromJson);
    });
}

void TestModel::apiRoundTrip()
{
    QFETCH(Check, check);
    check();
}

void TestModel::apiMissingMember_data()
{
    QTest::addColumn<Check>("check");
    const auto row = [](const char *name, Check check) { QTest::newRow(name) << check; };
    row("conversation detail: messages", [] {
        checkMissing(api::toJson(sampleDetail()), u"messages"_s, api::conversationDetailFromJson,
                     u"messages: is required"_s);
    });
    row("conversation detail: id", [] {
        checkMissing(api::toJson(sampleDetail()), u"id"_s, api::conversationDetailFromJson, u"id: is required"_s);
    });
    row("chat exchange: assistant_message", [] {
        checkMissing(api::toJson(api::ChatExchange{sampleMessage(), sampleMessage()}), u"assistant_message"_s,
                     api::chatExchangeFromJson, u"assistant_message: is required"_s);
    });
    row("summary: key_points", [] {
        checkMissing(api::toJson(api::Summary{u"s"_s, {}}), u"key_points"_s, api::summaryFromJson,
                     u"key_points: is required"_s);
    });
    row("suggestions: titles", [] {
        checkMissing(api::toJson(api::Suggestions{{u"t"_s}, u"e"_s, {}}), u"titles"_s, api::suggestionsFromJson,
                     u"titles: is required"_s);
    });
    row("generated article: excerpt", [] {
        checkMissing(api::toJson(api::GeneratedArticle{u"t"_s, u"c"_s, u"e"_s, {}}), u"excerpt"_s,
                     api::generatedArticleFromJson, u"excerpt: is required"_s);
    });
    row("quota: resets_at", [] {
        checkMissing(api::toJson(sampleQuota()), u"resets_at"_s, api::aiQuotaFromJson, u"resets_at: is required"_s);
    });
    row("admin stats: ai",
        [] { checkMissing(api::toJson(sampleStats()), u"ai"_s, api::adminStatsFromJson, u"ai: is required"_s); });
    row("generate-article request: prompt", [] {
        checkMissing(api::toJson(api::GenerateArticleRequest{u"p"_s, u"s"_s}), u"prompt"_s,
                     api::generateArticleRequestFromJson, u"prompt: is required"_s);
    });
    row("summarize request: content", [] {
        checkMissing(api::toJson(api::SummarizeRequest{u"c"_s, 50}), u"content"_s, api::summarizeRequestFromJson,
                     u"content: is required"_s);
    });
    row("suggest request: content", [] {
        checkMissing(api::toJson(api::SuggestRequest{u"c"_s}), u"content"_s, api::suggestRequestFromJson,
                     u"content: is required"_s);
    });
}

void TestModel::apiMissingMember()
{
    QFETCH(Check, check);
    check();
}

namespace {

api::AuthGrant sampleGrant()
{
    return {sampleUser(), u"eyJhbGciOiJFZERTQSJ9.e30.c2ln"_s, u"cmVmcmVzaA"_s, 900};
}

api::AdminUser sampleAdminUser()
{
    return {sampleUser(), 7, utc(2026, 11, 28, 9, 30, 0, 5)};
}

api::AuditEntry sampleAuditEntry()
{
    return {42,
            u"user.role_changed"_s,
            uuid(u"6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d12"),
            uuid(u"0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d"),
            u"2001:db8::1"_s,
            QJsonObject{{u"from"_s, u"viewer"_s}, {u"to"_s, u"creator"_s}},
            utc(2026, 11, 28, 9, 30, 0, 5)};
}

QJsonObject withoutMember(QJsonObject json, const QString &key)
{
    json.remove(key);
    return json;
}

QJsonObject withMember(QJsonObject json, const QString &key, const QJsonValue &value)
{
    json.insert(key, value);
    return json;
}

} // namespace

void TestModel::answerWriters_data()
{
    QTest::addColumn<Check>("check");
    // The server writes these with toJson(); the desktop reads them with the readers beside them. Both must agree
    // on every member, including the empty and null ones.
    QTest::newRow("auth grant") << Check(
        [] { checkRoundTrip(sampleGrant(), api::toJson(sampleGrant()), api::authGrantFromJson); });
    QTest::newRow("auth grant, admin with a bio") << Check([] {
        api::AuthGrant grant = sampleGrant();
        grant.user.role = Role::Admin;
        grant.user.bio = u"Première programmeuse 😀"_s;
        checkRoundTrip(grant, api::toJson(grant), api::authGrantFromJson);
    });
    QTest::newRow("admin user, signed in")
        << Check([] { checkRoundTrip(sampleAdminUser(), api::toJson(sampleAdminUser()), api::adminUserFromJson); });
    QTest::newRow("admin user, never signed in, no articles, inactive") << Check([] {
        api::AdminUser item = sampleAdminUser();
        item.articleCount = 0;
        item.lastLoginAt = std::nullopt;
        item.user.isActive = false;
        checkRoundTrip(item, api::toJson(item), api::adminUserFromJson);
    });
    QTest::newRow("audit entry, everything set")
        << Check([] { checkRoundTrip(sampleAuditEntry(), api::toJson(sampleAuditEntry()), api::auditEntryFromJson); });
    QTest::newRow("audit entry, no actor, target, ip or detail") << Check([] {
        api::AuditEntry entry = sampleAuditEntry();
        entry.actorId = std::nullopt;
        entry.targetId = std::nullopt;
        entry.ip = std::nullopt;
        entry.detail = QJsonObject();
        checkRoundTrip(entry, api::toJson(entry), api::auditEntryFromJson);
    });
}

void TestModel::answerWriters()
{
    QFETCH(Check, check);
    check();
}

void TestModel::answerWireShape()
{
    // api.md: Auth (register, login, refresh answer this), Admin users, Audit log.
    QJsonObject grant = parse(R"({"access_token": "eyJhbGciOiJFZERTQSJ9.e30.c2ln", "refresh_token": "cmVmcmVzaA",
        "token_type": "bearer", "expires_in": 900})");
    grant.insert(u"user"_s, parse(kUserJson));
    QCOMPARE(api::toJson(sampleGrant()), grant);

    QJsonObject admin = parse(kUserJson);
    admin.insert(u"article_count"_s, 7);
    admin.insert(u"last_login_at"_s, u"2026-11-28T09:30:00.005Z"_s);
    QCOMPARE(api::toJson(sampleAdminUser()), admin);
    admin.insert(u"last_login_at"_s, QJsonValue::Null);
    api::AdminUser neverSignedIn = sampleAdminUser();
    neverSignedIn.lastLoginAt = std::nullopt;
    QCOMPARE(api::toJson(neverSignedIn), admin);

    QCOMPARE(api::toJson(sampleAuditEntry()), parse(R"({"id": 42, "action": "user.role_changed",
        "actor_id": "6f1c2b7e-8d4a-4f3b-9c2d-1e5a7b9c0d12", "target_id": "0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d",
        "ip": "2001:db8::1", "detail": {"from": "viewer", "to": "creator"}, "created_at": "2026-11-28T09:30:00.005Z"})"));
    api::AuditEntry anonymous = sampleAuditEntry();
    anonymous.actorId = anonymous.targetId = std::nullopt;
    anonymous.ip = std::nullopt;
    anonymous.detail = QJsonObject();
    QCOMPARE(api::toJson(anonymous), parse(R"({"id": 42, "action": "user.role_changed", "actor_id": null,
        "target_id": null, "ip": null, "detail": {}, "created_at": "2026-11-28T09:30:00.005Z"})"));
}

void TestModel::answerMissesMember_data()
{
    // One broken member at a time in what the writer wrote: the reader must refuse it and name that member.
    QTest::addColumn<Check>("check");
    QTest::addColumn<QString>("field");
    const auto refused = [](auto read, QJsonObject json) {
        return Check([read, json] {
            const QStringList found = problems(read(json));
            QCOMPARE(found.size(), 1);
            QFETCH(QString, field);
            QVERIFY2(found.constFirst().startsWith(field + u": "_s), qPrintable(found.constFirst()));
        });
    };
    const QJsonObject grant = api::toJson(sampleGrant());
    const auto readGrant = [](const QJsonObject &j) { return api::authGrantFromJson(j); };
    QTest::newRow("grant without user") << refused(readGrant, withoutMember(grant, u"user"_s)) << u"user"_s;
    QTest::newRow("grant, user without id")
        << refused(readGrant, withMember(grant, u"user"_s, withoutMember(parse(kUserJson), u"id"_s))) << u"user.id"_s;
    QTest::newRow("grant without access_token")
        << refused(readGrant, withoutMember(grant, u"access_token"_s)) << u"access_token"_s;
    QTest::newRow("grant without refresh_token")
        << refused(readGrant, withoutMember(grant, u"refresh_token"_s)) << u"refresh_token"_s;
    QTest::newRow("grant without expires_in")
        << refused(readGrant, withoutMember(grant, u"expires_in"_s)) << u"expires_in"_s;
    QTest::newRow("grant, expires_in 0") << refused(readGrant, withMember(grant, u"expires_in"_s, 0))
                                         << u"expires_in"_s;

    const QJsonObject admin = api::toJson(sampleAdminUser());
    const auto readAdmin = [](const QJsonObject &j) { return api::adminUserFromJson(j); };
    QTest::newRow("admin user without email") << refused(readAdmin, withoutMember(admin, u"email"_s)) << u"email"_s;
    QTest::newRow("admin user without article_count")
        << refused(readAdmin, withoutMember(admin, u"article_count"_s)) << u"article_count"_s;
    QTest::newRow("admin user, article_count -1")
        << refused(readAdmin, withMember(admin, u"article_count"_s, -1)) << u"article_count"_s;
    QTest::newRow("admin user, last_login_at not a time")
        << refused(readAdmin, withMember(admin, u"last_login_at"_s, u"yesterday"_s)) << u"last_login_at"_s;

    const QJsonObject entry = api::toJson(sampleAuditEntry());
    const auto readEntry = [](const QJsonObject &j) { return api::auditEntryFromJson(j); };
    QTest::newRow("audit entry without id") << refused(readEntry, withoutMember(entry, u"id"_s)) << u"id"_s;
    QTest::newRow("audit entry without action") << refused(readEntry, withoutMember(entry, u"action"_s)) << u"action"_s;
    QTest::newRow("audit entry without actor_id")
        << refused(readEntry, withoutMember(entry, u"actor_id"_s)) << u"actor_id"_s;
    QTest::newRow("audit entry without target_id")
        << refused(readEntry, withoutMember(entry, u"target_id"_s)) << u"target_id"_s;
    QTest::newRow("audit entry, actor_id not an id")
        << refused(readEntry, withMember(entry, u"actor_id"_s, u"root"_s)) << u"actor_id"_s;
    QTest::newRow("audit entry, ip a number") << refused(readEntry, withMember(entry, u"ip"_s, 127)) << u"ip"_s;
    QTest::newRow("audit entry, detail a string")
        << refused(readEntry, withMember(entry, u"detail"_s, u"{}"_s)) << u"detail"_s;
    QTest::newRow("audit entry without created_at")
        << refused(readEntry, withoutMember(entry, u"created_at"_s)) << u"created_at"_s;
}

void TestModel::answerMissesMember()
{
    QFETCH(Check, check);
    check();
}

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
