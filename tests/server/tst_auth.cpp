// Passwords (Argon2id, the length rule, the breached list) and access tokens (strict HS256 JWT).
#include "auth/jwt.h"
#include "auth/passwords.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace inkwell::server;

namespace {

const QByteArray kKey = "4f1c2a9d8e7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a29181706f5e4d3c2b1a09f8e";
const QDateTime kNow = QDateTime::fromSecsSinceEpoch(1795000000, Qt::UTC);

QByteArray b64(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

TokenClaims claims(qint64 expiresIn = 900)
{
    return {u"0f8fad5b-d9cb-469f-a165-70867728950e"_s, u"creator"_s, u"jti-1"_s, u"access"_s,
            kNow,                                     {},          kNow.addSecs(expiresIn), {}, {}, u"5b7a1f0e-2c3d-4e5f-8a9b-0c1d2e3f4a5b"_s};
}

/// A token with any header and payload bytes, signed with `key` (as an attacker or a buggy issuer might).
QByteArray forgeRaw(const QByteArray &header, const QByteArray &payload, const QByteArray &key = kKey)
{
    const QByteArray input = b64(header) + '.' + b64(payload);
    return input + '.' + b64(QMessageAuthenticationCode::hash(input, key, QCryptographicHash::Sha256));
}

QByteArray forge(const QJsonObject &header, const QJsonObject &payload, const QByteArray &key = kKey)
{
    return forgeRaw(QJsonDocument(header).toJson(QJsonDocument::Compact),
                    QJsonDocument(payload).toJson(QJsonDocument::Compact), key);
}

QJsonObject goodPayload()
{
    return {{u"sub"_s, u"0f8fad5b-d9cb-469f-a165-70867728950e"_s},
            {u"role"_s, u"creator"_s},
            {u"jti"_s, u"j"_s},
            {u"typ"_s, u"access"_s},
            {u"iss"_s, u"inkwelld"_s},
            {u"aud"_s, u"inkwell"_s},
            {u"iat"_s, double(kNow.toSecsSinceEpoch())},
            {u"exp"_s, double(kNow.toSecsSinceEpoch() + 900)}};
}

} // namespace

class TestAuth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tokenRoundTrip();
    void tokensAreRefused_data();
    void tokensAreRefused();
    void leewayEdges_data();
    void leewayEdges();
    void keys_data();
    void keys();
    void keyFileIsCreatedPrivateAndReused();
    void passwordPolicy_data();
    void passwordPolicy();
    void passwordHashing();
};

void TestAuth::tokenRoundTrip()
{
    const JwtCodec codec(kKey, u"inkwelld"_s, u"inkwell"_s);
    const QByteArray token = codec.sign(claims());
    QCOMPARE(token.count('.'), 2);
    QCOMPARE(QJsonDocument::fromJson(QByteArray::fromBase64(token.split('.').first(), QByteArray::Base64UrlEncoding)).object(),
             (QJsonObject{{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}}));
    const auto verified = codec.verify(token, u"access", kNow);
    QVERIFY2(verified.has_value(), verified ? "" : qPrintable(verified.error()));
    QCOMPARE(verified->subject, u"0f8fad5b-d9cb-469f-a165-70867728950e"_s);
    QCOMPARE(verified->role, u"creator"_s);
    QCOMPARE(verified->sessionId, u"5b7a1f0e-2c3d-4e5f-8a9b-0c1d2e3f4a5b"_s);
    QCOMPARE(verified->expiresAt, kNow.addSecs(900));
    QCOMPARE(verified->issuer, u"inkwelld"_s);
    // The forged-token helper signs exactly like the codec, so the refusals below are the checks' doing.
    QVERIFY(codec.verify(forge({{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}}, goodPayload()), u"access", kNow));
}

void TestAuth::tokensAreRefused_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("reason");
    const QJsonObject hs256{{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}};
    const JwtCodec codec(kKey, u"inkwelld"_s, u"inkwell"_s);
    const QByteArray good = codec.sign(claims());
    const QList<QByteArray> parts = good.split('.');

    QTest::newRow("alg none, no signature") << (b64(R"({"alg":"none","typ":"JWT"})") + '.' + parts[1] + '.')
                                            << u"not three"_s;
    QTest::newRow("alg none with a signature") << forge({{u"alg"_s, u"none"_s}}, goodPayload()) << u"algorithm none"_s;
    QTest::newRow("alg HS512") << forge({{u"alg"_s, u"HS512"_s}}, goodPayload()) << u"algorithm HS512"_s;
    QTest::newRow("alg RS256") << forge({{u"alg"_s, u"RS256"_s}}, goodPayload()) << u"algorithm RS256"_s;
    QTest::newRow("alg lower case") << forge({{u"alg"_s, u"hs256"_s}}, goodPayload()) << u"algorithm hs256"_s;
    QTest::newRow("no alg") << forge({{u"typ"_s, u"JWT"_s}}, goodPayload()) << u"algorithm"_s;
    QTest::newRow("crit header") << forge({{u"alg"_s, u"HS256"_s}, {u"crit"_s, QJsonArray{u"exp"_s}}}, goodPayload())
                                 << u"critical"_s;
    QTest::newRow("wrong key") << forge(hs256, goodPayload(), QByteArray(64, 'k') + "other-key-material-0123456789")
                               << u"bad signature"_s;
    QJsonObject admin = goodPayload();
    admin.insert(u"role"_s, u"admin"_s);
    QTest::newRow("tampered payload, old signature")
        << (parts[0] + '.' + b64(QJsonDocument(admin).toJson(QJsonDocument::Compact)) + '.' + parts[2]) << u"bad signature"_s;
    QTest::newRow("signature truncated") << (parts[0] + '.' + parts[1] + '.' + parts[2].left(20)) << u"bad signature"_s;
    QTest::newRow("signature of another token") << (parts[0] + '.' + parts[1] + '.' + b64(QByteArray(32, 'x')))
                                                << u"bad signature"_s;
    QJsonObject expired = goodPayload();
    expired.insert(u"exp"_s, double(kNow.toSecsSinceEpoch() - 120));
    QTest::newRow("expired") << forge(hs256, expired) << u"expired"_s;
    QJsonObject future = goodPayload();
    future.insert(u"nbf"_s, double(kNow.toSecsSinceEpoch() + 120));
    QTest::newRow("not yet valid") << forge(hs256, future) << u"not valid yet"_s;
    QJsonObject issuedLater = goodPayload();
    issuedLater.insert(u"iat"_s, double(kNow.toSecsSinceEpoch() + 3600));
    QTest::newRow("issued in the future") << forge(hs256, issuedLater) << u"issued in the future"_s;
    QJsonObject noExp = goodPayload();
    noExp.remove(u"exp"_s);
    QTest::newRow("missing exp") << forge(hs256, noExp) << u"exp and iat are required"_s;
    QJsonObject stringExp = goodPayload();
    stringExp.insert(u"exp"_s, u"1795000900"_s);
    QTest::newRow("exp as a string") << forge(hs256, stringExp) << u"exp and iat are required"_s;
    QJsonObject refresh = goodPayload();
    refresh.insert(u"typ"_s, u"refresh"_s);
    QTest::newRow("refresh token where access is required") << forge(hs256, refresh) << u"a refresh token"_s;
    QJsonObject noTyp = goodPayload();
    noTyp.remove(u"typ"_s);
    QTest::newRow("no typ") << forge(hs256, noTyp) << u"token where a access"_s;
    QJsonObject otherIssuer = goodPayload();
    otherIssuer.insert(u"iss"_s, u"someone-else"_s);
    QTest::newRow("wrong issuer") << forge(hs256, otherIssuer) << u"wrong issuer"_s;
    QJsonObject otherAudience = goodPayload();
    otherAudience.insert(u"aud"_s, QJsonArray{u"other"_s});
    QTest::newRow("wrong audience") << forge(hs256, otherAudience) << u"wrong issuer or audience"_s;
    QJsonObject noSub = goodPayload();
    noSub.remove(u"sub"_s);
    QTest::newRow("no subject") << forge(hs256, noSub) << u"no subject"_s;
    QTest::newRow("garbage") << QByteArray("not a token at all") << u"not three"_s;
    QTest::newRow("empty") << QByteArray() << u"no token"_s;
    QTest::newRow("four parts") << (good + ".x") << u"not three"_s;
    QTest::newRow("padding in base64") << (parts[0] + "=." + parts[1] + '.' + parts[2]) << u"malformed header"_s;
    QTest::newRow("header not JSON") << (b64("HS256") + '.' + parts[1] + '.' + parts[2]) << u"malformed header"_s;
    QTest::newRow("payload an array") << forgeRaw(R"({"alg":"HS256"})", "[1,2]") << u"malformed payload"_s;
    QTest::newRow("payload not JSON") << forgeRaw(R"({"alg":"HS256"})", "sub=admin") << u"malformed payload"_s;
    QTest::newRow("oversized") << QByteArray(5000, 'a') << u"oversized"_s;
}

void TestAuth::tokensAreRefused()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, reason);
    const JwtCodec codec(kKey, u"inkwelld"_s, u"inkwell"_s);
    const auto verified = codec.verify(token, u"access", kNow);
    QVERIFY(!verified.has_value());
    QVERIFY2(verified.error().contains(reason), qPrintable(verified.error()));
}

void TestAuth::leewayEdges_data()
{
    QTest::addColumn<qint64>("secondsPastExpiry");
    QTest::addColumn<bool>("valid");
    QTest::newRow("just issued") << qint64(-900) << true;
    QTest::newRow("at expiry") << qint64(0) << true;
    QTest::newRow("within leeway") << qint64(30) << true;
    QTest::newRow("past leeway") << qint64(31) << false;
    QTest::newRow("long expired") << qint64(86400) << false;
}

void TestAuth::leewayEdges()
{
    QFETCH(qint64, secondsPastExpiry);
    QFETCH(bool, valid);
    const JwtCodec codec(kKey, u"inkwelld"_s, u"inkwell"_s, 30);
    const QByteArray token = codec.sign(claims(900));
    QCOMPARE(codec.verify(token, u"access", kNow.addSecs(900 + secondsPastExpiry)).has_value(), valid);
}

void TestAuth::keys_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QString>("problem");
    QTest::newRow("random hex") << kKey << QString();
    QTest::newRow("31 bytes") << kKey.left(31) << u"at least 32"_s;
    QTest::newRow("empty") << QByteArray() << u"at least 32"_s;
    QTest::newRow("seed-style default") << QByteArray("your-super-secret-key-change-in-production") << u"placeholder"_s;
    QTest::newRow("repeated byte") << QByteArray(64, 'a') << u"not random enough"_s;
}

void TestAuth::keys()
{
    QFETCH(QByteArray, key);
    QFETCH(QString, problem);
    const QString found = JwtCodec::keyProblem(key);
    if (problem.isEmpty())
        QCOMPARE(found, QString());
    else
        QVERIFY2(found.contains(problem), qPrintable(found));
}

void TestAuth::keyFileIsCreatedPrivateAndReused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"jwt.key"_s);
    const auto created = JwtCodec::loadOrCreateKey(path);
    QVERIFY2(created.has_value(), created ? "" : qPrintable(created.error()));
    QCOMPARE(created->size(), 128);
    QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    const auto again = JwtCodec::loadOrCreateKey(path);
    QVERIFY(again.has_value());
    QCOMPARE(*again, *created);

    QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ReadOther);
    QVERIFY(!JwtCodec::loadOrCreateKey(path).has_value());

    const QString weak = dir.filePath(u"weak.key"_s);
    QFile file(weak);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("too-short");
    file.close();
    QFile::setPermissions(weak, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const auto refused = JwtCodec::loadOrCreateKey(weak);
    QVERIFY(!refused.has_value());
    QVERIFY(refused.error().contains(u"at least 32"_s));
}

void TestAuth::passwordPolicy_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("problem");
    QTest::newRow("11 characters") << u"abcdefghijk"_s << u"at least 12"_s;
    QTest::newRow("12 characters") << u"glacier-mint"_s << QString();
    QTest::newRow("12 emoji (24 UTF-16 units)") << QString(u"🦊🐙🦉🐝🦋🐢🦀🐬🦜🐞🦎🐌"_s) << QString();
    QTest::newRow("11 emoji") << QString(u"🦊🐙🦉🐝🦋🐢🦀🐬🦜🐞🦎"_s) << u"at least 12"_s;
    QTest::newRow("spaces count and are kept") << u"  a b c d e  "_s << QString();
    QTest::newRow("128 characters") << QString(128, u'x').replace(0, 10, u"0123456789"_s) << QString();
    QTest::newRow("129 characters") << QString(129, u'y') << u"at most 128"_s;
    QTest::newRow("no composition rules") << u"correct horse battery staple"_s << QString();
    QTest::newRow("breached") << u"leavemealone"_s << u"most common"_s;
    QTest::newRow("breached, other case") << u"QwertY123456"_s << u"most common"_s;
    QTest::newRow("breached 12+") << u"1qaz2wsx3edc"_s << u"most common"_s;
    QTest::newRow("empty") << QString() << u"at least 12"_s;
}

void TestAuth::passwordPolicy()
{
    QFETCH(QString, password);
    QFETCH(QString, problem);
    const QString found = PasswordPolicy::check(password);
    if (problem.isEmpty())
        QCOMPARE(found, QString());
    else
        QVERIFY2(found.contains(problem), qPrintable(found));
}

void TestAuth::passwordHashing()
{
    const PasswordHasher hasher;
    const auto hash = hasher.hash(u"glacier-mint 🦊"_s);
    QVERIFY(hash.has_value());
    QVERIFY2(hash->startsWith("$argon2id$v=19$m=65536,t=2,p=1$"), hash->constData());
    QVERIFY(hasher.verify(u"glacier-mint 🦊"_s, *hash));
    QVERIFY(!hasher.verify(u"glacier-mint 🦊 "_s, *hash)); // never trimmed
    QVERIFY(!hasher.verify(u"glacier-mint"_s, *hash));
    QVERIFY(!hasher.verify(u"glacier-mint 🦊"_s, QByteArray("not a hash")));
    QVERIFY(!hasher.verify(u"glacier-mint 🦊"_s, QByteArray()));
    QVERIFY(!hasher.needsRehash(*hash));
    // Two hashes of one password differ (random salt).
    QVERIFY(*hasher.hash(u"glacier-mint 🦊"_s) != *hash);
    // A hash made with weaker parameters still verifies, and asks to be upgraded.
    const PasswordHasher weak({1, 8 * 1024 * 1024});
    const auto old = weak.hash(u"glacier-mint 🦊"_s);
    QVERIFY(old.has_value());
    QVERIFY(hasher.verify(u"glacier-mint 🦊"_s, *old));
    QVERIFY(hasher.needsRehash(*old));
    QVERIFY(hasher.needsRehash("$2b$12$abcdefghijklmnopqrstuu")); // a bcrypt hash from elsewhere
    // Passwords longer than any limit of other schemes are not truncated.
    const QString longer = QString(128, u'p');
    const auto longHash = hasher.hash(longer);
    QVERIFY(!hasher.verify(QString(127, u'p'), *longHash));
    QVERIFY(hasher.verify(longer, *longHash));
}

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
