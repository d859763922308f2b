#include "jwt.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <sodium.h>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr qsizetype kMaxTokenBytes = 4096;

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(kBase64Url);
}

std::optional<QByteArray> fromBase64Url(QByteArrayView text)
{
    if (text.isEmpty())
        return std::nullopt;
    for (char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return std::nullopt;
    }
    auto decoded = QByteArray::fromBase64Encoding(text.toByteArray(), kBase64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

std::optional<QJsonObject> jsonObject(const QByteArray &bytes)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

std::optional<QDateTime> numericDate(const QJsonObject &claims, const QString &name)
{
    const QJsonValue value = claims.value(name);
    if (!value.isDouble())
        return std::nullopt;
    const double seconds = value.toDouble();
    if (seconds < 0 || seconds > 253402300799.0) // up to 9999-12-31
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(qint64(seconds), Qt::UTC);
}

bool ready()
{
    static const bool ok = ::sodium_init() >= 0;
    return ok;
}

} // namespace

JwtCodec::JwtCodec(QByteArray key, QString issuer, QString audience, int leewaySeconds)
    : m_key(std::move(key))
    , m_issuer(std::move(issuer))
    , m_audience(std::move(audience))
    , m_leewaySeconds(leewaySeconds)
{
}

QByteArray JwtCodec::mac(QByteArrayView signingInput) const
{
    ready();
    crypto_auth_hmacsha256_state state;
    unsigned char out[crypto_auth_hmacsha256_BYTES];
    ::crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(m_key.constData()), size_t(m_key.size()));
    ::crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char *>(signingInput.data()),
                                    quint64(signingInput.size()));
    ::crypto_auth_hmacsha256_final(&state, out);
    return QByteArray(reinterpret_cast<const char *>(out), sizeof(out));
}

QByteArray JwtCodec::sign(TokenClaims claims) const
{
    static const QByteArray header = base64Url(R"({"alg":"HS256","typ":"JWT"})");
    QJsonObject payload{
        {u"sub"_s, claims.subject},
        {u"role"_s, claims.role},
        {u"jti"_s, claims.tokenId},
        {u"typ"_s, claims.type},
        {u"iss"_s, m_issuer},
        {u"aud"_s, m_audience},
        {u"iat"_s, double(claims.issuedAt.toSecsSinceEpoch())},
        {u"exp"_s, double(claims.expiresAt.toSecsSinceEpoch())},
    };
    if (!claims.sessionId.isEmpty())
        payload.insert(u"sid"_s, claims.sessionId);
    if (claims.notBefore.isValid())
        payload.insert(u"nbf"_s, double(claims.notBefore.toSecsSinceEpoch()));
    const QByteArray signingInput = header + '.' + base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return signingInput + '.' + base64Url(mac(signingInput));
}

std::expected<TokenClaims, QString> JwtCodec::verify(QByteArrayView token, QStringView expectedType,
                                                     const QDateTime &now) const
{
    if (token.isEmpty() || token.size() > kMaxTokenBytes)
        return std::unexpected(u"no token, or an oversized one"_s);
    const qsizetype dot1 = token.indexOf('.');
    const qsizetype dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
    if (dot1 <= 0 || dot2 <= dot1 + 1 || dot2 == token.size() - 1 || token.indexOf('.', dot2 + 1) >= 0)
        return std::unexpected(u"not three dot-separated parts"_s);

    // The algorithm is pinned: the header must say HS256, whatever else it says.
    const auto headerBytes = fromBase64Url(token.first(dot1));
    const auto header = headerBytes ? jsonObject(*headerBytes) : std::nullopt;
    if (!header)
        return std::unexpected(u"malformed header"_s);
    if (header->value(u"alg"_s) != QJsonValue(u"HS256"_s))
        return std::unexpected(u"algorithm %1 refused"_s.arg(header->value(u"alg"_s).toString()));
    if (header->contains(u"crit"_s))
        return std::unexpected(u"critical header extensions refused"_s);

    const auto signature = fromBase64Url(token.sliced(dot2 + 1));
    const QByteArray expected = mac(token.first(dot2));
    if (!signature || signature->size() != expected.size() ||
        ::sodium_memcmp(signature->constData(), expected.constData(), size_t(expected.size())) != 0)
        return std::unexpected(u"bad signature"_s);

    const auto payloadBytes = fromBase64Url(token.sliced(dot1 + 1, dot2 - dot1 - 1));
    const auto claims = payloadBytes ? jsonObject(*payloadBytes) : std::nullopt;
    if (!claims)
        return std::unexpected(u"malformed payload"_s);

    TokenClaims out;
    out.subject = claims->value(u"sub"_s).toString();
    out.role = claims->value(u"role"_s).toString();
    out.tokenId = claims->value(u"jti"_s).toString();
    out.type = claims->value(u"typ"_s).toString();
    out.issuer = claims->value(u"iss"_s).toString();
    out.sessionId = claims->value(u"sid"_s).toString();
    const QJsonValue aud = claims->value(u"aud"_s);
    const bool audienceOk = aud.isString() ? aud.toString() == m_audience
                                           : aud.isArray() && aud.toArray().contains(QJsonValue(m_audience));
    if (out.type != expectedType)
        return std::unexpected(u"a %1 token where a %2 token is required"_s.arg(out.type, expectedType));
    if (out.issuer != m_issuer || !audienceOk)
        return std::unexpected(u"wrong issuer or audience"_s);
    if (out.subject.isEmpty())
        return std::unexpected(u"no subject"_s);

    const auto exp = numericDate(*claims, u"exp"_s);
    const auto iat = numericDate(*claims, u"iat"_s);
    if (!exp || !iat)
        return std::unexpected(u"exp and iat are required"_s);
    out.expiresAt = *exp;
    out.issuedAt = *iat;
    if (now.secsTo(*exp) < -m_leewaySeconds)
        return std::unexpected(u"expired"_s);
    if (now.secsTo(*iat) > m_leewaySeconds)
        return std::unexpected(u"issued in the future"_s);
    if (claims->contains(u"nbf"_s)) {
        const auto nbf = numericDate(*claims, u"nbf"_s);
        if (!nbf)
            return std::unexpected(u"malformed nbf"_s);
        if (now.secsTo(*nbf) > m_leewaySeconds)
            return std::unexpected(u"not valid yet"_s);
        out.notBefore = *nbf;
    }
    return out;
}

QString JwtCodec::keyProblem(const QByteArray &key)
{
    if (key.size() < 32)
        return u"the key has %1 bytes; at least 32 are required"_s.arg(key.size());
    const QByteArray lower = key.toLower();
    for (const char *weak : {"secret", "change", "example", "password", "default"}) {
        if (lower.contains(weak))
            return u"the key looks like a placeholder (it contains \"%1\"); use random bytes"_s.arg(QLatin1String(weak));
    }
    QSet<char> distinct(key.cbegin(), key.cend());
    if (distinct.size() < 10)
        return u"the key is not random enough (only %1 distinct bytes)"_s.arg(distinct.size());
    return {};
}

std::expected<QByteArray, QString> JwtCodec::loadOrCreateKey(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        if (!ready())
            return std::unexpected(u"libsodium could not be initialised"_s);
        QByteArray random(64, Qt::Uninitialized);
        ::randombytes_buf(random.data(), size_t(random.size()));
        const QByteArray key = random.toHex();
        // Written whole and private under a temporary name, then linked into place: instances
        // starting together never see a partial or readable key, and the first one wins.
        const QByteArray target = QFile::encodeName(path);
        const QByteArray temporary = target + ".tmp." + QByteArray::number(::getpid());
        const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0)
            return std::unexpected(u"cannot create %1: %2"_s.arg(path, qt_error_string(errno)));
        const bool written = ::write(fd, key.constData(), size_t(key.size())) == key.size() && ::fsync(fd) == 0;
        ::close(fd);
        const bool linked = written && ::link(temporary.constData(), target.constData()) == 0;
        const int linkError = errno;
        ::unlink(temporary.constData());
        if (!written)
            return std::unexpected(u"cannot write %1"_s.arg(path));
        if (!linked && linkError != EEXIST)
            return std::unexpected(u"cannot create %1: %2"_s.arg(path, qt_error_string(linkError)));
        if (linked)
            return key;
        // Another instance made it first: use theirs.
    }
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteOther;
    if (file.permissions() & others)
        return std::unexpected(u"%1 may be read by others; make it private (chmod 600)"_s.arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(u"cannot read %1: %2"_s.arg(path, file.errorString()));
    const QByteArray key = file.readAll().trimmed();
    if (const QString problem = keyProblem(key); !problem.isEmpty())
        return std::unexpected(u"%1: %2"_s.arg(path, problem));
    return key;
}

} // namespace inkwell::server
