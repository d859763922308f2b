#pragma once

#include "error.h"
#include "model/role.h"

#include "json/jsonreader.h"
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>
#include <optional>

namespace inkwell {

inline constexpr int kMinFullNameLength = 1;   ///< after trimming
inline constexpr int kMaxFullNameLength = 100; ///< after trimming
inline constexpr int kMaxBioLength = 1000;
inline constexpr int kMaxEmailLength = 254;    ///< RFC 5321's limit on a forward path
inline constexpr int kMinPasswordLength = 12;  ///< code points (OWASP ASVS 4.0.3 V2.1.1), never trimmed
inline constexpr int kMaxPasswordLength = 128; ///< code points; longer is refused, never truncated
inline constexpr int kMaxAvatarUrlLength = 500;
inline constexpr int kMaxRefreshTokenLength = 8192; ///< far above what the server issues (43 characters)

/// @brief An account, as the API shows it (`user`).
struct User {
    QUuid id;
    QString email; ///< empty when read from the public view
    QString fullName;
    Role role = Role::Viewer;
    std::optional<QString> bio;
    std::optional<QString> avatarUrl;
    bool isActive = true;
    QDateTime createdAt;
    QDateTime updatedAt;

    friend bool operator==(const User &, const User &) = default;
};

/// @brief Who a user object is shown to: everyone (no email), or the user itself and admins (with email).
enum class UserView { Public, Self };

/// @brief The `user` object; the Public view has no "email" member at all.
QJsonObject toJson(const User &user, UserView view);

/// @brief Strictly reads a `user` object of the given view: Self requires "email", Public refuses it.
Parsed<User> userFromJson(const QJsonObject &json, UserView view, UnknownFields unknown = UnknownFields::Reject);

/// @brief Body of POST /auth/register.
struct RegisterInput {
    QString email;    ///< plausible address, not trimmed
    QString password; ///< 12..128 code points, kept exactly as sent
    QString fullName; ///< trimmed, 1..100

    friend bool operator==(const RegisterInput &, const RegisterInput &) = default;
};

/// @brief The register body.
QJsonObject toJson(const RegisterInput &input);
/// @brief Reads and validates a register body, reporting every problem at once.
Parsed<RegisterInput> registerInputFromJson(const QJsonObject &json);

/// @brief Body of POST /auth/login. Only shapes are checked here (a non-empty email of at most 254 characters,
/// a password of 1..128): whether they match an account is the service's business.
struct LoginInput {
    QString email;
    QString password;

    friend bool operator==(const LoginInput &, const LoginInput &) = default;
};

/// @brief The login body.
QJsonObject toJson(const LoginInput &input);
/// @brief Reads a login body.
Parsed<LoginInput> loginInputFromJson(const QJsonObject &json);

/// @brief Body of POST /auth/refresh and /auth/logout: the refresh token to trade in or to end. Any non-empty
/// string of at most 8192 characters is well-formed: one that is not a live refresh token is the service's 401.
struct RefreshInput {
    QString refreshToken;

    friend bool operator==(const RefreshInput &, const RefreshInput &) = default;
};

/// @brief The refresh (and logout) body.
QJsonObject toJson(const RefreshInput &input);
/// @brief Reads a refresh (or logout) body.
Parsed<RefreshInput> refreshInputFromJson(const QJsonObject &json);

/// @brief Body of POST /auth/password.
struct PasswordChangeInput {
    QString currentPassword; ///< 1..128 code points
    QString newPassword;     ///< 12..128 code points

    friend bool operator==(const PasswordChangeInput &, const PasswordChangeInput &) = default;
};

/// @brief The password change body.
QJsonObject toJson(const PasswordChangeInput &input);
/// @brief Reads and validates a password change body.
Parsed<PasswordChangeInput> passwordChangeInputFromJson(const QJsonObject &json);

/// @brief Body of PATCH /users/me: every member optional; bio and avatar_url may be null to clear them.
struct ProfilePatch {
    std::optional<QString> fullName; ///< trimmed, 1..100; null is an error
    PatchField<QString> bio;         ///< at most 1000
    PatchField<QString> avatarUrl;   ///< http(s), at most 500

    friend bool operator==(const ProfilePatch &, const ProfilePatch &) = default;
};

/// @brief The profile patch body, with only the members that are set (null for a cleared one).
QJsonObject toJson(const ProfilePatch &patch);
/// @brief Reads and validates a profile patch.
Parsed<ProfilePatch> profilePatchFromJson(const QJsonObject &json);

/// @brief Body of PATCH /admin/users/{id}: `{role?, is_active?}`, neither may be null.
struct AdminUserPatch {
    std::optional<Role> role;
    std::optional<bool> isActive;

    friend bool operator==(const AdminUserPatch &, const AdminUserPatch &) = default;
};

/// @brief The admin user patch body, with only the members that are set.
QJsonObject toJson(const AdminUserPatch &patch);
/// @brief Reads and validates an admin user patch.
Parsed<AdminUserPatch> adminUserPatchFromJson(const QJsonObject &json);

/// @brief A plausible address: exactly one '@', a non-empty local part, a domain with a dot inside it (not first
/// or last, no ".."), and no white space or control characters anywhere. Deliverability is not checked.
bool isPlausibleEmail(QStringView email);

/// @brief An absolute http:// or https:// URL with a host.
bool isHttpUrl(QStringView url);

} // namespace inkwell
