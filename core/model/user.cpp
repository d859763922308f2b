#include "model/user.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace inkwell {

namespace {

QString emailProblem(QStringView email)
{
    return isPlausibleEmail(email) ? QString() : u"must be a valid email address"_s;
}

QString httpUrlProblem(QStringView url)
{
    return isHttpUrl(url) ? QString() : u"must be an http or https URL"_s;
}

constexpr StringRule kEmail{.minLength = 1, .maxLength = kMaxEmailLength, .check = emailProblem};
constexpr StringRule kNewPassword{.minLength = kMinPasswordLength, .maxLength = kMaxPasswordLength};
constexpr StringRule kAnyPassword{.minLength = 1, .maxLength = kMaxPasswordLength};
constexpr StringRule kFullNameInput{
    .minLength = kMinFullNameLength, .maxLength = kMaxFullNameLength, .trim = Trim::Yes};
// Stored values were trimmed when written; reading them back must not change them.
constexpr StringRule kFullName{.minLength = kMinFullNameLength, .maxLength = kMaxFullNameLength};
constexpr StringRule kBio{.maxLength = kMaxBioLength};
constexpr StringRule kAvatarUrl{.maxLength = kMaxAvatarUrlLength, .check = httpUrlProblem};

} // namespace

bool isPlausibleEmail(QStringView email)
{
    for (const QChar c : email) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return false;
    }
    const qsizetype at = email.indexOf(u'@');
    if (at <= 0 || email.indexOf(u'@', at + 1) != -1)
        return false;
    const QStringView domain = email.sliced(at + 1);
    const qsizetype dot = domain.indexOf(u'.');
    return dot > 0 && !domain.endsWith(u'.') && !domain.contains(u"..");
}

bool isHttpUrl(QStringView url)
{
    const QUrl parsed(url.toString(), QUrl::StrictMode);
    return parsed.isValid() && (parsed.scheme() == u"http" || parsed.scheme() == u"https") && !parsed.host().isEmpty();
}

QJsonObject toJson(const User &user, UserView view)
{
    QJsonObject json{
        {u"id"_s, formatId(user.id)},
        {u"full_name"_s, user.fullName},
        {u"role"_s, roleToString(user.role)},
        {u"bio"_s, toJsonValue(user.bio)},
        {u"avatar_url"_s, toJsonValue(user.avatarUrl)},
        {u"is_active"_s, user.isActive},
        {u"created_at"_s, formatTimestamp(user.createdAt)},
        {u"updated_at"_s, formatTimestamp(user.updatedAt)},
    };
    if (view == UserView::Self)
        json.insert(u"email"_s, user.email);
    return json;
}

Parsed<User> userFromJson(const QJsonObject &json, UserView view, UnknownFields unknown)
{
    JsonReader in(json, unknown);
    User user;
    user.id = in.requiredUuid(u"id");
    if (view == UserView::Self)
        user.email = in.requiredString(u"email", kEmail);
    user.fullName = in.requiredString(u"full_name", kFullName);
    user.role = in.requiredEnum(u"role", roleFromString, kRoleNames);
    user.bio = in.nullableString(u"bio", kBio);
    user.avatarUrl = in.nullableString(u"avatar_url", kAvatarUrl);
    user.isActive = in.requiredBool(u"is_active");
    user.createdAt = in.requiredDateTime(u"created_at");
    user.updatedAt = in.requiredDateTime(u"updated_at");
    return in.finish(std::move(user));
}

QJsonObject toJson(const RegisterInput &input)
{
    return {
        {u"email"_s, input.email},
        {u"password"_s, input.password},
        {u"full_name"_s, input.fullName},
    };
}

Parsed<RegisterInput> registerInputFromJson(const QJsonObject &json)
{
    JsonReader in(json);
    RegisterInput input;
    input.email = in.requiredString(u"email", kEmail);
    input.password = in.requiredString(u"password", kNewPassword);
    input.fullName = in.requiredString(u"full_name", kFullNameInput);
    return in.finish(std::move(input));
}

QJsonObject toJson(const LoginInput &input)
{
    return {
        {u"email"_s, input.email},
        {u"password"_s, input.password},
    };
}

Parsed<LoginInput> loginInputFromJson(const QJsonObject &json)
{
    JsonReader in(json);
    LoginInput input;
    input.email = in.requiredString(u"email", {.minLength = 1, .maxLength = kMaxEmailLength});
    input.password = in.requiredString(u"password", kAnyPassword);
    return in.finish(std::move(input));
}

QJsonObject toJson(const RefreshInput &input)
{
    return {{u"refresh_token"_s, input.refreshToken}};
}

Parsed<RefreshInput> refreshInputFromJson(const QJsonObject &json)
{
    JsonReader in(json);
    RefreshInput input;
    input.refreshToken = in.requiredString(u"refresh_token", {.minLength = 1, .maxLength = kMaxRefreshTokenLength});
    return in.finish(std::move(input));
}

QJsonObject toJson(const PasswordChangeInput &input)
{
    return {
        {u"current_password"_s, input.currentPassword},
        {u"new_password"_s, input.newPassword},
    };
}

Parsed<PasswordChangeInput> passwordChangeInputFromJson(const QJsonObject &json)
{
    JsonReader in(json);
    PasswordChangeInput input;
    input.currentPassword = in.requiredString(u"current_password", kAnyPassword);
    input.newPassword = in.requiredString(u"new_password", kNewPassword);
    return in.finish(std::move(input));
}

QJsonObject toJson(const ProfilePatch &patch)
{
    QJsonObject json;
    if (patch.fullName)
        json.insert(u"full_name"_s, *patch.fullName);
    if (patch.bio)
        json.insert(u"bio"_s, toJsonValue(*patch.bio));
    if (patch.avatarUrl)
        json.insert(u"avatar_url"_s, toJsonValue(*patch.avatarUrl));
    return json;
}

Parsed<ProfilePatch> profilePatchFromJson(const QJsonObject &json)
{
    JsonReader in(json);
    ProfilePatch patch;
    patch.fullName = in.optionalString(u"full_name", kFullNameInput);
    patch.bio = in.patchString(u"bio", kBio);
    patch.avatarUrl = in.patchString(u"avatar_url", kAvatarUrl);
    return in.finish(std::move(patch));
}

QJsonObject toJson(const AdminUserPatch &patch)
{
    QJsonObject json;
    if (patch.role)
        json.insert(u"role"_s, roleToString(*patch.role));
    if (patch.isActive)
        json.insert(u"is_active"_s, *patch.isActive);
    return json;
}

Parsed<AdminUserPatch> adminUserPatchFromJson(const QJsonObject &json)
{
    JsonReader in(json);
    AdminUserPatch patch;
    patch.role = in.optionalEnum(u"role", roleFromString, kRoleNames);
    patch.isActive = in.optionalBool(u"is_active");
    return in.finish(std::move(patch));
}

} // namespace inkwell
