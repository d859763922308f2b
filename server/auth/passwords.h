#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <expected>

namespace inkwell::server {

/// @brief Argon2id cost of new hashes (libsodium's INTERACTIVE level: t=2, 64 MiB), above OWASP's
/// minimum for Argon2id (m=19 MiB, t=2, p=1). Hashes made with less are upgraded at the next login.
struct PasswordCost {
    unsigned long long opsLimit;
    size_t memLimit;
    static PasswordCost standard();
};

/// @brief Argon2id password hashes in the standard encoded form ($argon2id$v=19$m=...,t=...,p=...$salt$hash),
/// so the parameters travel with each hash and can be raised later.
class PasswordHasher {
public:
    explicit PasswordHasher(PasswordCost cost = PasswordCost::standard());

    /// @brief Hashes the UTF-8 bytes of the password (never truncated, never normalised).
    std::expected<QByteArray, QString> hash(QStringView password) const;
    /// @brief Constant-time check of a password against an encoded hash; false for a malformed hash.
    bool verify(QStringView password, const QByteArray &encoded) const;
    /// @brief True when the hash was made with other parameters than this hasher's (rehash at login).
    bool needsRehash(const QByteArray &encoded) const;

private:
    PasswordCost m_cost;
};

/// @brief What a new password must be: 12 to 128 characters (Unicode code points, spaces kept), and
/// not one of the most common breached passwords. No composition rules (api.md, OWASP ASVS V2.1).
class PasswordPolicy {
public:
    static constexpr int kMinLength = 12;
    static constexpr int kMaxLength = 128;

    /// @brief Empty when acceptable, else a sentence for the `password` field error.
    static QString check(QStringView password);
    /// @brief Whether the list of common breached passwords (30,000 entries) contains it, ignoring case.
    static bool isCommon(QStringView password);
};

} // namespace inkwell::server
