#include "conversationstore.h"

#include "json/jsonreader.h"
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace inkwell::server::ai {

namespace {

const QString kConversationColumns = u"c.id, c.title, c.model, c.system_prompt, c.message_count, c.total_tokens, "
                                     u"c.created_at, c.updated_at"_s;
constexpr int kConversationColumnCount = 8;
const QString kMessageColumns =
    u"m.id, m.conversation_id, m.role, m.content, m.tokens, m.created_at, m.status, "
    u"m.seq, m.reply_to, (m.generation_lease IS NOT NULL AND m.generation_lease >= now())"_s;
/// A row is shown once its generation ended, or its lease ran out (the server died: stored 'failed').
const QString kVisible = u"(m.generation_lease IS NULL OR m.generation_lease < now())"_s;

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QVariant nullableText(const std::optional<QString> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<QString>());
}

Conversation readConversation(const QSqlQuery &query)
{
    Conversation out;
    out.id = QUuid::fromString(query.value(0).toString());
    if (!query.value(1).isNull())
        out.title = query.value(1).toString();
    out.model = query.value(2).toString();
    if (!query.value(3).isNull())
        out.systemPrompt = query.value(3).toString();
    out.messageCount = query.value(4).toInt();
    out.totalTokens = query.value(5).toLongLong();
    out.createdAt = query.value(6).toDateTime().toUTC();
    out.updatedAt = query.value(7).toDateTime().toUTC();
    return out;
}

StoredMessage readMessage(const QSqlQuery &query)
{
    StoredMessage out;
    out.message.id = QUuid::fromString(query.value(0).toString());
    out.message.conversationId = QUuid::fromString(query.value(1).toString());
    out.message.role = messageRoleFromString(query.value(2).toString()).value_or(MessageRole::User);
    out.message.content = query.value(3).toString();
    out.message.tokens = query.value(4).toInt();
    out.message.createdAt = query.value(5).toDateTime().toUTC();
    out.message.status = messageStatusFromString(query.value(6).toString()).value_or(MessageStatus::Failed);
    out.seq = query.value(7).toLongLong();
    if (!query.value(8).isNull())
        out.replyTo = QUuid::fromString(query.value(8).toString());
    out.generating = query.value(9).toBool();
    return out;
}

const QString kLease = u"now() + interval '%1 seconds'"_s.arg(kGenerationLeaseS);

} // namespace

ConversationStore::ConversationStore(ThreadDatabase &db)
    : SqlStore(db, u"inkwell.server.chat"_s)
{
}

Result<Conversation> ConversationStore::create(const QUuid &userId, const ConversationInput &input,
                                               const QString &model)
{
    auto query =
        run(u"INSERT INTO conversations AS c (user_id, title, model, system_prompt) VALUES (?::uuid, ?, coalesce(?, "
            u"''), ?) "
            u"RETURNING %1"_s.arg(kConversationColumns),
            {idText(userId), nullableText(input.title), input.model.value_or(model), nullableText(input.systemPrompt)});
    if (!query)
        return std::unexpected(failure(query.error(), "creating a conversation"));
    (*query)->next();
    Conversation out = readConversation(**query);
    (*query)->finish();
    return out;
}

Result<ConversationPage> ConversationStore::list(const QUuid &userId, int limit, const std::optional<QJsonArray> &after)
{
    const bool paged = after.has_value() && after->size() == 2;
    // Two statements (first page, later pages), each planned on conversations_user_idx.
    const QString sql = paged ? u"SELECT %1, c.updated_at::text FROM conversations c WHERE c.user_id = ?::uuid "
                                u"AND (c.updated_at, c.id) < (?::timestamptz, ?::uuid) "
                                u"ORDER BY c.updated_at DESC, c.id DESC LIMIT ?"_s.arg(kConversationColumns)
                              : u"SELECT %1, c.updated_at::text FROM conversations c WHERE c.user_id = ?::uuid "
                                u"ORDER BY c.updated_at DESC, c.id DESC LIMIT ?"_s.arg(kConversationColumns);
    QVariantList binds{idText(userId)};
    if (paged)
        binds << after->at(0).toString() << after->at(1).toString();
    binds << limit + 1;
    auto query = run(sql, binds);
    if (!query)
        return std::unexpected(failure(query.error(), "listing conversations"));
    return readKeysetPage<Conversation>(
        **query, limit, readConversation, [](const QSqlQuery &row, const Conversation &conversation) {
            return QJsonArray{row.value(kConversationColumnCount).toString(), idText(conversation.id)};
        });
}

Result<std::optional<Conversation>> ConversationStore::find(const QUuid &userId, const QUuid &id)
{
    auto query =
        run(u"SELECT %1 FROM conversations c WHERE c.id = ?::uuid AND c.user_id = ?::uuid"_s.arg(kConversationColumns),
            {idText(id), idText(userId)});
    if (!query)
        return std::unexpected(failure(query.error(), "reading a conversation"));
    if (!(*query)->next())
        return std::optional<Conversation>();
    Conversation out = readConversation(**query);
    (*query)->finish();
    return out;
}

Result<QList<StoredMessage>> ConversationStore::messages(const QUuid &conversationId)
{
    auto query = run(u"SELECT %1 FROM messages m WHERE m.conversation_id = ?::uuid AND %2 ORDER BY m.seq"_s.arg(
                         kMessageColumns, kVisible),
                     {idText(conversationId)});
    if (!query)
        return std::unexpected(failure(query.error(), "reading messages"));
    QList<StoredMessage> out;
    while ((*query)->next())
        out.append(readMessage(**query));
    (*query)->finish();
    return out;
}

Result<std::optional<Conversation>> ConversationStore::patch(const QUuid &userId, const QUuid &id,
                                                             const ConversationPatch &patch)
{
    // One statement per combination of members (no catch-all CASE on binds).
    QStringList sets{u"updated_at = now()"_s};
    QVariantList binds;
    if (patch.title) {
        sets << u"title = ?"_s;
        binds << nullableText(*patch.title);
    }
    if (patch.systemPrompt) {
        sets << u"system_prompt = ?"_s;
        binds << nullableText(*patch.systemPrompt);
    }
    binds << idText(id) << idText(userId);
    auto query = run(u"UPDATE conversations c SET %1 WHERE c.id = ?::uuid AND c.user_id = ?::uuid RETURNING %2"_s.arg(
                         sets.join(u", "_s), kConversationColumns),
                     binds);
    if (!query)
        return std::unexpected(failure(query.error(), "updating a conversation"));
    if (!(*query)->next())
        return std::optional<Conversation>();
    Conversation out = readConversation(**query);
    (*query)->finish();
    return out;
}

Result<bool> ConversationStore::remove(const QUuid &userId, const QUuid &id)
{
    auto query =
        run(u"DELETE FROM conversations WHERE id = ?::uuid AND user_id = ?::uuid"_s, {idText(id), idText(userId)});
    if (!query)
        return std::unexpected(failure(query.error(), "deleting a conversation"));
    return (*query)->numRowsAffected() > 0;
}

Result<std::optional<StoredMessage>> ConversationStore::findMessage(const QUuid &userId, const QUuid &conversationId,
                                                                    const QUuid &messageId)
{
    auto query =
        run(u"SELECT %1 FROM messages m JOIN conversations c ON c.id = m.conversation_id "
            u"WHERE m.id = ?::uuid AND m.conversation_id = ?::uuid AND c.user_id = ?::uuid"_s.arg(kMessageColumns),
            {idText(messageId), idText(conversationId), idText(userId)});
    if (!query)
        return std::unexpected(failure(query.error(), "reading a message"));
    if (!(*query)->next())
        return std::optional<StoredMessage>();
    StoredMessage out = readMessage(**query);
    (*query)->finish();
    return out;
}

Result<ExchangeStart> ConversationStore::beginExchange(const QUuid &conversationId, const QString &content, int tokens)
{
    // One statement, so one round trip and one commit before the upstream call can start: the user
    // message, the conversation's count, and the assistant row the answer will fill (inserted after
    // the user's, since it is made from it).
    const QString id = idText(conversationId);
    auto query = run(u"WITH u AS (INSERT INTO messages AS m (conversation_id, role, content, tokens, status) "
                     u"VALUES (?::uuid, 'user', coalesce(?, ''), ?, 'complete') RETURNING %1), "
                     u"c AS (UPDATE conversations SET message_count = message_count + 1, updated_at = now() "
                     u"WHERE id = ?::uuid), "
                     u"a AS (INSERT INTO messages AS m (conversation_id, role, content, tokens, status, reply_to, "
                     u"generation_lease) SELECT ?::uuid, 'assistant', '', 0, 'failed', u.id, %2 FROM u RETURNING %1) "
                     u"SELECT * FROM (SELECT u.*, 0 AS k FROM u UNION ALL SELECT a.*, 1 FROM a) x ORDER BY k"_s.arg(
                         kMessageColumns, kLease),
                     {id, content, tokens, id, id});
    if (!query)
        return std::unexpected(failure(query.error(), "storing a user message"));
    ExchangeStart out;
    if (!(*query)->next())
        return std::unexpected(Error::internal());
    out.userMessage = readMessage(**query).message;
    if (!(*query)->next())
        return std::unexpected(Error::internal());
    out.assistant = readMessage(**query).message;
    (*query)->finish();
    return out;
}

Result<Message> ConversationStore::beginAnswer(const QUuid &conversationId, const QUuid &replyTo)
{
    // Stored 'failed' from the start: a server that dies mid-generation leaves a row that says so.
    auto query =
        run(u"INSERT INTO messages AS m (conversation_id, role, content, tokens, status, reply_to, "
            u"generation_lease) VALUES (?::uuid, 'assistant', '', 0, 'failed', ?::uuid, %1) RETURNING %2"_s.arg(
                kLease, kMessageColumns),
            {idText(conversationId), idText(replyTo)});
    if (!query)
        return std::unexpected(failure(query.error(), "starting an answer"));
    (*query)->next();
    Message out = readMessage(**query).message;
    (*query)->finish();
    return out;
}

Result<std::optional<bool>> ConversationStore::flush(const QUuid &messageId, const QString &content)
{
    auto query = run(u"UPDATE messages SET content = coalesce(?, ''), generation_lease = %1 WHERE id = ?::uuid "
                     u"RETURNING cancel_requested"_s.arg(kLease),
                     {content, idText(messageId)});
    if (!query)
        return std::unexpected(failure(query.error(), "flushing a partial answer"));
    if (!(*query)->next())
        return std::optional<bool>();
    const bool cancel = (*query)->value(0).toBool();
    (*query)->finish();
    return std::optional<bool>(cancel);
}

Result<std::optional<Message>> ConversationStore::finishAnswer(const QUuid &messageId, const QString &content,
                                                               MessageStatus status, int tokens, qint64 exchangeTokens)
{
    auto query = run(
        u"WITH m AS (UPDATE messages SET content = coalesce(?, ''), status = ?, tokens = ?, generation_lease = NULL "
        u"WHERE id = ?::uuid RETURNING *), "
        u"c AS (UPDATE conversations SET message_count = message_count + 1, "
        u"total_tokens = total_tokens + ?, updated_at = now() "
        u"WHERE id = (SELECT conversation_id FROM m) RETURNING id) "
        u"SELECT %1 FROM m"_s.arg(kMessageColumns),
        {content, messageStatusToString(status), tokens, idText(messageId), exchangeTokens});
    if (!query)
        return std::unexpected(failure(query.error(), "storing an answer"));
    if (!(*query)->next())
        return std::optional<Message>();
    StoredMessage out = readMessage(**query);
    (*query)->finish();
    out.message.status = status;
    return std::optional<Message>(out.message);
}

Result<CancelOutcome> ConversationStore::requestCancel(const QUuid &userId, const QUuid &conversationId,
                                                       const QUuid &messageId)
{
    auto found = findMessage(userId, conversationId, messageId);
    if (!found)
        return std::unexpected(found.error());
    if (!*found || (*found)->message.role != MessageRole::Assistant)
        return CancelOutcome::Missing;
    if (!(*found)->generating)
        return CancelOutcome::Ended;
    auto query = run(u"WITH m AS (UPDATE messages SET cancel_requested = true WHERE id = ?::uuid "
                     u"AND generation_lease IS NOT NULL RETURNING id) "
                     u"SELECT pg_notify('%1', m.id::text) FROM m"_s.arg(kAiCancelChannel),
                     {idText(messageId)});
    if (!query)
        return std::unexpected(failure(query.error(), "requesting a cancel"));
    const bool requested = (*query)->next();
    (*query)->finish();
    return requested ? CancelOutcome::Requested : CancelOutcome::Ended;
}

Result<void> ConversationStore::setTitleIfUnset(const QUuid &conversationId, const QString &title, qint64 extraTokens)
{
    auto query = run(u"UPDATE conversations SET title = coalesce(title, ?), total_tokens = total_tokens + ? "
                     u"WHERE id = ?::uuid"_s,
                     {title, extraTokens, idText(conversationId)});
    if (!query)
        return std::unexpected(failure(query.error(), "setting a title"));
    return {};
}

std::expected<int, QString> ConversationStore::recoverAtStart(ThreadDatabase &db)
{
    auto query = db.prepared(u"UPDATE messages SET generation_lease = NULL WHERE generation_lease IS NOT NULL "
                             u"AND generation_lease < now()"_s);
    if (!query)
        return std::unexpected(query.error());
    if (!(*query)->exec())
        return std::unexpected((*query)->lastError().text());
    return (*query)->numRowsAffected();
}

} // namespace inkwell::server::ai
