#include "passwords.h"

#include <QFile>
#include <QSet>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

bool sodiumReady()
{
    static const bool ready = ::sodium_init() >= 0;
    return ready;
}

const QSet<QString> &commonPasswords()
{
    static const QSet<QString> list = [] {
        QSet<QString> set;
        QFile file(u":/data/common-passwords.txt"_s);
        if (file.open(QIODevice::ReadOnly)) {
            while (!file.atEnd()) {
                const QByteArray line = file.readLine().trimmed();
                if (!line.isEmpty() && !line.startsWith('#'))
                    set.insert(QString::fromUtf8(line).toCaseFolded());
            }
        }
        return set;
    }();
    return list;
}

} // namespace

PasswordCost PasswordCost::standard()
{
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordHasher::PasswordHasher(PasswordCost cost)
    : m_cost(cost)
{
}

std::expected<QByteArray, QString> PasswordHasher::hash(QStringView password) const
{
    if (!sodiumReady())
        return std::unexpected(u"libsodium could not be initialised"_s);
    const QByteArray bytes = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (::crypto_pwhash_str_alg(out, bytes.constData(), quint64(bytes.size()), m_cost.opsLimit, m_cost.memLimit,
                                crypto_pwhash_ALG_ARGON2ID13) != 0)
        return std::unexpected(u"out of memory while hashing a password"_s);
    return QByteArray(out);
}

bool PasswordHasher::verify(QStringView password, const QByteArray &encoded) const
{
    if (!sodiumReady() || encoded.isEmpty() || encoded.size() >= crypto_pwhash_STRBYTES)
        return false;
    const QByteArray bytes = password.toUtf8();
    return ::crypto_pwhash_str_verify(encoded.constData(), bytes.constData(), quint64(bytes.size())) == 0;
}

bool PasswordHasher::needsRehash(const QByteArray &encoded) const
{
    if (!sodiumReady())
        return false;
    // 1: other parameters; -1: not an Argon2id hash at all (also rehash).
    return ::crypto_pwhash_str_needs_rehash(encoded.constData(), m_cost.opsLimit, m_cost.memLimit) != 0;
}

QString PasswordPolicy::check(QStringView password)
{
    const qsizetype length = password.toUcs4().size();
    if (length < kMinLength)
        return u"must be at least %1 characters"_s.arg(kMinLength);
    if (length > kMaxLength)
        return u"must be at most %1 characters"_s.arg(kMaxLength);
    if (isCommon(password))
        return u"is one of the most common passwords in known breaches; choose another"_s;
    return {};
}

bool PasswordPolicy::isCommon(QStringView password)
{
    return commonPasswords().contains(password.toString().toCaseFolded());
}

} // namespace inkwell::server
