#include "listquery.h"

#include <QJsonDocument>
#include <algorithm>
#include <sodium.h>

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

constexpr int kMacBytes = 16;
constexpr int kMaxLimit = 100;

} // namespace

CursorCodec::CursorCodec(QByteArray key)
    : m_key(std::move(key))
{
}

QByteArray CursorCodec::mac(QStringView scope, const QByteArray &payload) const
{
    crypto_auth_hmacsha256_state state;
    unsigned char out[crypto_auth_hmacsha256_BYTES];
    static constexpr char kDomain[] = "inkwell cursor v1";
    ::crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(m_key.constData()),
                                  size_t(m_key.size()));
    ::crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char *>(kDomain), sizeof kDomain);
    const QByteArray scopeBytes = scope.toUtf8();
    ::crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char *>(scopeBytes.constData()),
                                    quint64(scopeBytes.size()) +
                                        1); // with its terminating NUL: scopes cannot run into payloads
    ::crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char *>(payload.constData()),
                                    quint64(payload.size()));
    ::crypto_auth_hmacsha256_final(&state, out);
    return QByteArray(reinterpret_cast<const char *>(out), kMacBytes);
}

QString CursorCodec::encode(QStringView scope, const QJsonArray &position) const
{
    const QByteArray payload = QJsonDocument(position).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QByteArray(mac(scope, payload) + payload)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QJsonArray> CursorCodec::decode(QStringView scope, QStringView cursor) const
{
    if (cursor.isEmpty() || cursor.size() > 2048)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(), QByteArray::Base64UrlEncoding |
                                                                               QByteArray::OmitTrailingEquals |
                                                                               QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() <= kMacBytes)
        return std::nullopt;
    const QByteArray given = decoded.decoded.first(kMacBytes);
    const QByteArray payload = decoded.decoded.sliced(kMacBytes);
    const QByteArray expected = mac(scope, payload);
    if (::sodium_memcmp(given.constData(), expected.constData(), kMacBytes) != 0)
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(payload);
    if (!document.isArray())
        return std::nullopt;
    return document.array();
}

bool isPlainCount(QStringView text)
{
    return !text.isEmpty() && text.front() != u'0' &&
           std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

Result<ListParams> readListParams(const QUrlQuery &query, const QStringList &filters)
{
    ListParams out;
    QStringList seen;
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (seen.contains(name))
            return std::unexpected(Error::badRequest(u"The parameter '%1' is given more than once."_s.arg(name)));
        seen.append(name);
        if (name == u"limit") {
            bool ok = false;
            const int limit = value.toInt(&ok);
            if (!ok || limit < 1 || limit > kMaxLimit || !isPlainCount(value))
                return std::unexpected(
                    Error::badRequest(u"limit must be a whole number from 1 to %1."_s.arg(kMaxLimit)));
            out.page.limit = limit;
        } else if (name == u"cursor") {
            // An empty cursor was never issued (the first page is asked for without one).
            if (value.isEmpty())
                return std::unexpected(Error::badRequest(u"The cursor was not issued for this list."_s));
            out.page.cursor = value;
        } else if (filters.contains(name)) {
            out.filters.insert(name, value);
        } else {
            const QString allowed = (QStringList{u"limit"_s, u"cursor"_s} + filters).join(u", "_s);
            return std::unexpected(
                Error::badRequest(u"Unknown query parameter '%1'; this list takes %2."_s.arg(name, allowed)));
        }
    }
    return out;
}

Result<std::optional<QJsonArray>> decodeCursor(const CursorCodec &cursors, QStringView scope,
                                               const api::PageRequest &page)
{
    if (page.cursor.isEmpty())
        return std::optional<QJsonArray>();
    auto position = cursors.decode(scope, page.cursor);
    if (!position)
        return std::unexpected(Error::badRequest(u"The cursor was not issued for this list."_s));
    return position;
}

} // namespace inkwell::server
