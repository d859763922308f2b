#include "accountroutes.h"

#include "accounts/accountservice.h"
#include "accounts/authedroutes.h"
#include "http/answers.h"
#include "http/formquery.h"
#include "http/jsonbody.h"
#include "http/pathids.h"

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

using Method = QHttpServerRequest::Method;

QHttpServerResponse userResponse(const User &user, UserView view)
{
    return jsonResponse(toJson(user, view));
}

QHttpServerResponse grantResponse(const api::AuthGrant &grant, int status = 200)
{
    return jsonResponse(toJson(grant), status);
}

/// Where a request comes from, as the router sees it (behind trusted proxies: the forwarded address).
struct OriginOf {
    const Router *router;
    Origin operator()(const QHttpServerRequest &request) const
    {
        return Origin{router->clientAddress(request).toString(),
                      QString::fromUtf8(request.value(QByteArrayLiteral("user-agent"))).left(500)};
    }
};

/// The account routes in groups (api.md's Auth section in two, Users, and Admin users / audit log), each
/// registering its own; what they share (the service, the password workers) is built once.
class AccountRouteGroups {
public:
    AccountRouteGroups(Router &router, ListenerResources &resources)
        : m_router(router)
        , m_service(std::make_shared<AccountService>(resources.service, resources.db))
        , m_workers(resources.service.passwordWorkers)
        , m_authed(router, m_service)
        , m_origin{&router}
    {
    }

    /// /auth/register and /auth/login: anonymous, and both hash a password on a password worker, so they answer
    /// later (deferred) while the listener serves others.
    void signInRoutes()
    {
        auto service = m_service;
        auto workers = m_workers;
        auto origin = m_origin;

        m_router.routeDeferred(
            Method::Post, u"/api/v1/auth/register"_s,
            [service, workers, origin](const QHttpServerRequest &request, RequestContext &context,
                                       const Defer &defer) -> std::optional<QHttpServerResponse> {
                // A malformed body is 400/415 even when registration is closed, but a closed server says so
                // before it looks at the fields.
                auto body = jsonBody(request);
                if (!body)
                    return problemResponse(body.error(), context);
                if (auto open = service->registrationOpen(); !open)
                    return problemResponse(open.error(), context);
                auto read = readBody(*body, registerInputFromJson);
                if (!read)
                    return problemResponse(read.error(), context);
                auto input = service->validateRegistration(std::move(*read));
                if (!input)
                    return problemResponse(input.error(), context);
                const Origin from = origin(request);
                auto reply = defer();
                auto kept = std::make_shared<RegisterInput>(std::move(*input));
                workers->run(
                    reply->threadContext(), [kept] { return AccountService::hash(kept->password); },
                    [service, reply, kept, from](const PasswordCheck &hashed) {
                        auto grant = service->completeRegistration(*kept, hashed, from);
                        if (!grant) {
                            reply->send(problemResponse(grant.error(), reply->context()));
                            return;
                        }
                        QHttpServerResponse response = grantResponse(*grant, 201);
                        response.setHeader(QByteArrayLiteral("Location"),
                                           "/api/v1/users/" + formatId(grant->user.id).toLatin1());
                        reply->send(std::move(response));
                    });
                return std::nullopt;
            },
            {u"Create an account and sign in"_s, {}, {201, 400, 403, 409, 415, 422}, true, u"auth"_s,
             u"RegisterInput"_s, {ResponseContent::json(201, u"AuthGrant"_s)}});

        m_router.routeDeferred(
            Method::Post, u"/api/v1/auth/login"_s,
            [service, workers, origin](const QHttpServerRequest &request, RequestContext &context,
                                       const Defer &defer) -> std::optional<QHttpServerResponse> {
                auto input = parseBody(request, loginInputFromJson);
                if (!input)
                    return problemResponse(input.error(), context);
                const Origin from = origin(request);
                auto attempt = service->beginLogin(std::move(*input), from);
                if (!attempt)
                    return problemResponse(attempt.error(), context);
                auto reply = defer();
                auto kept = std::make_shared<LoginAttempt>(std::move(*attempt));
                workers->run(
                    reply->threadContext(), [kept] { return AccountService::checkLogin(*kept); },
                    [service, reply, kept, from](const PasswordCheck &check) {
                        auto grant = service->completeLogin(*kept, check, from);
                        reply->send(grant ? grantResponse(*grant) : problemResponse(grant.error(), reply->context()));
                    });
                return std::nullopt;
            },
            {u"Sign in with email and password"_s, {}, {200, 400, 401, 403, 415, 422, 429}, true, u"auth"_s,
             u"LoginInput"_s, {ResponseContent::json(200, u"AuthGrant"_s)}});

    }

    /// /auth/refresh, /auth/logout (by refresh token), /auth/me and /auth/password (by access token).
    void sessionRoutes()
    {
        auto service = m_service;
        auto workers = m_workers;
        auto origin = m_origin;

        m_router.route(
            Method::Post, u"/api/v1/auth/refresh"_s,
            [service, origin](const QHttpServerRequest &request, RequestContext &context) {
                auto input = parseBody(request, refreshInputFromJson);
                if (!input)
                    return problemResponse(input.error(), context);
                return answer(service->refresh(*input, origin(request)), context,
                              [](const api::AuthGrant &grant) { return grantResponse(grant); });
            },
            {u"Trade a refresh token for a new token pair"_s, {}, {200, 400, 401, 415, 422}, true, u"auth"_s,
             u"RefreshInput"_s, {ResponseContent::json(200, u"AuthGrant"_s)}});

        m_router.route(
            Method::Post, u"/api/v1/auth/logout"_s,
            [service, origin](const QHttpServerRequest &request, RequestContext &context) {
                auto input = parseBody(request, refreshInputFromJson);
                if (!input)
                    return problemResponse(input.error(), context);
                return answer(service->logout(*input, origin(request)), context);
            },
            {u"End the session of a refresh token"_s, {}, {204, 400, 401, 415, 422}, true, u"auth"_s,
             u"RefreshInput"_s});

        m_authed.route(
            Method::Get, u"/api/v1/auth/me"_s,
            [](const Caller &who, const QHttpServerRequest &, RequestContext &) {
                return userResponse(who.user(), UserView::Self);
            },
            {u"The signed-in user"_s, {}, {200, 401}, true, u"auth"_s, {},
             {ResponseContent::json(200, u"UserSelf"_s)}});

        m_authed.routeDeferred(
            Method::Post, u"/api/v1/auth/password"_s,
            [service, workers, origin](const Caller &who, const QHttpServerRequest &request, RequestContext &context,
                                       const Defer &defer) -> std::optional<QHttpServerResponse> {
                auto input = parseBody(request, passwordChangeInputFromJson);
                if (!input)
                    return problemResponse(input.error(), context);
                auto change = service->beginPasswordChange(who, std::move(*input));
                if (!change)
                    return problemResponse(change.error(), context);
                const Origin from = origin(request);
                auto reply = defer();
                auto kept = std::make_shared<PasswordChange>(std::move(*change));
                auto keptCaller = std::make_shared<Caller>(who);
                workers->run(
                    reply->threadContext(), [kept] { return AccountService::checkPasswordChange(*kept); },
                    [service, reply, kept, keptCaller, from](const PasswordCheck &check) {
                        auto done = service->completePasswordChange(*keptCaller, *kept, check, from);
                        reply->send(answer(done, reply->context()));
                    });
                return std::nullopt;
            },
            {u"Change your password (ends your other sessions)"_s, {}, {204, 400, 401, 409, 415, 422, 429}, true,
             u"auth"_s, u"PasswordChangeInput"_s});
    }

    /// /users: your profile, public profiles, follows and followers.
    void userRoutes()
    {
        auto service = m_service;

        m_authed.route(
            Method::Patch, u"/api/v1/users/me"_s,
            [service](const Caller &who, const QHttpServerRequest &request, RequestContext &context) {
                auto patch = parseBody(request, profilePatchFromJson);
                if (!patch)
                    return problemResponse(patch.error(), context);
                return answer(service->updateProfile(who, *patch), context,
                              [](const User &user) { return userResponse(user, UserView::Self); });
            },
            {u"Edit your profile"_s, {}, {200, 400, 401, 415, 422}, true, u"users"_s, u"ProfilePatch"_s,
             {ResponseContent::json(200, u"UserSelf"_s)}});

        // Public: answered the same to anyone, so it does not look at a token at all.
        m_router.route<QString>(
            Method::Get, u"/api/v1/users/<arg>"_s,
            [service](const QString &id, const QHttpServerRequest &, RequestContext &context) {
                const auto uuid = parseUuidPath(id);
                if (!uuid)
                    return problemResponse(Problem::notFound(), context);
                return answer(service->publicProfile(*uuid), context, [](const User &user) {
                    return userResponse(user, UserView::Public);
                });
            },
            {u"A user's public profile"_s, {u"id"_s}, {200, 404}, true, u"users"_s, {},
             {ResponseContent::json(200, u"UserPublic"_s)}});

        m_authed.route<QString>(
            Method::Put, u"/api/v1/users/<arg>/follow"_s,
            [service](const Caller &who, const QString &id, const QHttpServerRequest &, RequestContext &context) {
                const auto uuid = parseUuidPath(id);
                if (!uuid)
                    return problemResponse(Problem::notFound(), context);
                return answer(service->follow(who, *uuid), context);
            },
            {u"Follow an author"_s, {u"id"_s}, {204, 401, 404, 422}, true, u"users"_s});

        m_authed.route<QString>(
            Method::Delete, u"/api/v1/users/<arg>/follow"_s,
            [service](const Caller &who, const QString &id, const QHttpServerRequest &, RequestContext &context) {
                const auto uuid = parseUuidPath(id);
                if (!uuid)
                    return problemResponse(Problem::notFound(), context);
                return answer(service->unfollow(who, *uuid), context);
            },
            {u"Stop following an author"_s, {u"id"_s}, {204, 401, 404}, true, u"users"_s});

        m_router.route<QString>(
            Method::Get, u"/api/v1/users/<arg>/followers"_s,
            [service](const QString &id, const QHttpServerRequest &request, RequestContext &context) {
                const auto uuid = parseUuidPath(id);
                if (!uuid)
                    return problemResponse(Problem::notFound(), context);
                auto params = readListParams(formQuery(request));
                if (!params)
                    return problemResponse(params.error(), context);
                return answer(service->followers(*uuid, params->page), context, [](const api::Page<User> &page) {
                    return jsonResponse(toJson(page, [](const User &user) { return toJson(user, UserView::Public); }));
                });
            },
            {u"Who follows a user, newest first"_s, {u"id"_s}, {200, 400, 404}, true, u"users"_s, {},
             {ResponseContent::json(200, u"Page_UserPublic"_s)}});
    }

    /// /admin: the user list, changing a user, the audit log. Each asks for the permission before it reads
    /// anything else of the request: a non-admin learns nothing about ids, bodies or query rules.
    void adminRoutes()
    {
        auto service = m_service;
        auto origin = m_origin;

        m_authed.route(
            Method::Get, u"/api/v1/admin/users"_s,
            [service](const Caller &who, const QHttpServerRequest &request, RequestContext &context) {
                if (auto allowed = service->requirePermission(who, Permission::ManageUsers); !allowed)
                    return problemResponse(allowed.error(), context);
                auto list = userListRequest(request);
                if (!list)
                    return problemResponse(list.error(), context);
                return answer(service->listUsers(who, *list), context, [](const api::Page<api::AdminUser> &page) {
                    return jsonResponse(toJson(page, [](const api::AdminUser &item) { return toJson(item); }));
                });
            },
            {u"Users, with search, role filter and paging (admin)"_s, {}, {200, 400, 401, 403}, true, u"admin"_s, {},
             {ResponseContent::json(200, u"Page_AdminUser"_s)}});

        m_authed.route<QString>(
            Method::Patch, u"/api/v1/admin/users/<arg>"_s,
            [service, origin](const Caller &who, const QString &id, const QHttpServerRequest &request,
                              RequestContext &context) {
                if (auto allowed = service->requirePermission(who, Permission::ManageUsers); !allowed)
                    return problemResponse(allowed.error(), context);
                const auto uuid = parseUuidPath(id);
                if (!uuid)
                    return problemResponse(Problem::notFound(), context);
                auto patch = parseBody(request, adminUserPatchFromJson);
                if (!patch)
                    return problemResponse(patch.error(), context);
                return answer(service->patchUser(who, *uuid, *patch, origin(request)), context,
                              [](const User &user) { return userResponse(user, UserView::Self); });
            },
            {u"Change a user's role or active flag (admin)"_s, {u"id"_s}, {200, 400, 401, 403, 404, 409, 415, 422}, true,
             u"admin"_s, u"AdminUserPatch"_s, {ResponseContent::json(200, u"UserSelf"_s)}});

        m_authed.route(
            Method::Get, u"/api/v1/admin/audit-log"_s,
            [service](const Caller &who, const QHttpServerRequest &request, RequestContext &context) {
                if (auto allowed = service->requirePermission(who, Permission::ViewAuditLog); !allowed)
                    return problemResponse(allowed.error(), context);
                auto params = readListParams(formQuery(request));
                if (!params)
                    return problemResponse(params.error(), context);
                return answer(
                    service->auditLog(who, params->page), context, [](const api::Page<api::AuditEntry> &page) {
                        return jsonResponse(toJson(page, [](const api::AuditEntry &entry) { return toJson(entry); }));
                    });
            },
            {u"Security-relevant actions, newest first (admin)"_s, {}, {200, 400, 401, 403}, true, u"admin"_s, {},
             {ResponseContent::json(200, u"Page_AuditEntry"_s)}});
    }

private:
    /// `?q=&role=&limit=&cursor=` of GET /admin/users.
    static Result<api::UserListRequest> userListRequest(const QHttpServerRequest &request)
    {
        auto params = readListParams(formQuery(request), {u"q"_s, u"role"_s});
        if (!params)
            return std::unexpected(params.error());
        api::UserListRequest out{params->page, params->filters.value(u"q"_s), std::nullopt};
        if (params->filters.contains(u"role"_s)) {
            out.role = roleFromString(params->filters.value(u"role"_s));
            if (!out.role)
                return std::unexpected(Error::badRequest(u"role must be one of: %1."_s.arg(kRoleNames)));
        }
        return out;
    }

    Router &m_router;
    std::shared_ptr<AccountService> m_service;
    std::shared_ptr<PasswordWorkers> m_workers;
    AuthedRoutes m_authed;
    OriginOf m_origin;
};

} // namespace

RouteRegistrar accountRoutes()
{
    return [](Router &router, ListenerResources &resources) {
        AccountService::dummyHash(); // computed once, now, rather than during someone's first login
        AccountRouteGroups groups(router, resources);
        groups.signInRoutes();
        groups.sessionRoutes();
        groups.userRoutes();
        groups.adminRoutes();
    };
}

} // namespace inkwell::server
