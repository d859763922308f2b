#include "model/role.h"

using namespace Qt::StringLiterals;

namespace inkwell {

std::optional<Role> roleFromString(QStringView text)
{
    if (text == u"viewer")
        return Role::Viewer;
    if (text == u"creator")
        return Role::Creator;
    if (text == u"admin")
        return Role::Admin;
    return std::nullopt;
}

QString roleToString(Role role)
{
    switch (role) {
    case Role::Viewer:
        return u"viewer"_s;
    case Role::Creator:
        return u"creator"_s;
    case Role::Admin:
        return u"admin"_s;
    }
    return {}; // not a Role
}

bool hasPermission(Role role, Permission permission)
{
    switch (permission) {
    case Permission::ReadPublished:
    case Permission::ReadOwnProfile:
    case Permission::ChatWithAi:
        return true;
    case Permission::WriteOwnArticles:
    case Permission::PublishOwnArticles:
    case Permission::DeleteOwnArticles:
    case Permission::UseAiAssists:
        return role == Role::Creator || role == Role::Admin;
    case Permission::EditAnyArticle:
    case Permission::DeleteAnyArticle:
    case Permission::ManageUsers:
    case Permission::ViewStats:
    case Permission::ViewAuditLog:
        return role == Role::Admin;
    }
    // An out-of-range value grants nothing.
    return false;
}

bool canEditArticle(Role actorRole, const QUuid &actorId, const QUuid &authorId)
{
    if (hasPermission(actorRole, Permission::EditAnyArticle))
        return true;
    return !actorId.isNull() && actorId == authorId && hasPermission(actorRole, Permission::WriteOwnArticles);
}

} // namespace inkwell
