#pragma once

#include <QString>
#include <QStringView>
#include <QUuid>
#include <optional>

namespace inkwell {

/// @brief A user's role; what each may do is hasPermission().
enum class Role { Viewer, Creator, Admin };

/// @brief "viewer", "creator" or "admin" (exactly, lowercase); std::nullopt for anything else.
std::optional<Role> roleFromString(QStringView text);

/// @brief The API spelling of @p role: "viewer", "creator" or "admin".
QString roleToString(Role role);

/// @brief The allowed role spellings, for error messages: "viewer, creator, admin".
inline constexpr QStringView kRoleNames = u"viewer, creator, admin";

/// @brief Everything a role may or may not do (the "Roles" matrix of the API contract).
enum class Permission {
    ReadPublished,
    ReadOwnProfile,
    ChatWithAi,
    WriteOwnArticles,
    PublishOwnArticles,
    DeleteOwnArticles,
    UseAiAssists,
    EditAnyArticle,
    DeleteAnyArticle,
    ManageUsers,
    ViewStats,
    ViewAuditLog,
};

/// @brief Whether @p role grants @p permission.
bool hasPermission(Role role, Permission permission);

/// @brief Whether a caller may edit an article: its author holding WriteOwnArticles, or anyone holding
/// EditAnyArticle. A null @p actorId (anonymous) is never the author.
bool canEditArticle(Role actorRole, const QUuid &actorId, const QUuid &authorId);

} // namespace inkwell
