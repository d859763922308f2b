#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <expected>

namespace inkwell::server {

/// @brief The claims inkwelld puts in, and demands of, an access token (api.md).
struct TokenClaims {
    QString subject;  ///< sub: user id
    QString role;     ///< role
    QString tokenId;  ///< jti
    QString type;     ///< typ: "access"; a token of another type is refused where this one is expected
    QDateTime issuedAt;
    QDateTime notBefore;
    QDateTime expiresAt;
    QString issuer;   ///< iss
    QString audience; ///< aud
    QString sessionId; ///< sid: the login session (refresh token family) the token belongs to; may be empty
};

/// @brief HS256 JSON Web Tokens, strictly: the algorithm is pinned (`none` and every other one is
/// refused), the signature is compared in constant time, exp/nbf/iat are checked with a small
/// leeway, and typ, iss and aud must be what this server issues.
class JwtCodec {
public:
    /// `key` must pass keyProblem(); `leewaySeconds` absorbs clock skew between instances.
    JwtCodec(QByteArray key, QString issuer, QString audience, int leewaySeconds = 30);

    /// @brief The signed token (issuer and audience are this codec's, whatever the claims say).
    QByteArray sign(TokenClaims claims) const;

    /// @brief The claims of a valid token of type `expectedType`, or why it is refused (for the log;
    /// clients only ever see 401).
    std::expected<TokenClaims, QString> verify(QByteArrayView token, QStringView expectedType,
                                               const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    /// @brief Why a key must not be used (too short, a well-known default), or empty.
    static QString keyProblem(const QByteArray &key);

    /// @brief Reads the key file, or creates it (64 random bytes, hex, mode 0600) when it does not
    /// exist. Refuses a short or default key and a file others may read.
    static std::expected<QByteArray, QString> loadOrCreateKey(const QString &path);

private:
    QByteArray mac(QByteArrayView signingInput) const;

    QByteArray m_key;
    QString m_issuer;
    QString m_audience;
    int m_leewaySeconds;
};

} // namespace inkwell::server
