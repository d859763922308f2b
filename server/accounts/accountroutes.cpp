#include "accountroutes.h"

#include "accounts/accountservice.h"
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

} // namespace

RouteRegistrar accountRoutes()
{
    return [](Router &router, ListenerResources &resources) {
        AccountService::dummyHash(); // computed once, now, rather than during someone's first login
        auto service = std::make_shared<AccountService>(resources.service, resources.db);
        std::shared_ptr<PasswordWorkers> workers = resources.service.passwordWorkers;
        const Router *r = &router;
        const auto origin = [r](const QHttpServerRequest &request) {
            return Origin{r->clientAddress(request).toString(),
                          QString::fromUtf8(request.value(QByteArrayLiteral("user-agent"))).left(500)};
        };
        const auto caller = [service, r](const QHttpServerRequest &request, RequestContext &context) {
            return service->caller(r->authenticate(request, context));
        };

        // ---- /auth ------------------------------------------------------------------------------------------

        router.routeDeferred(
            Method::Post, u"/api/v1/auth/register"_s,
            [service, workers, origin](const QHttpServerRequest &request, RequestContext &context,
                                       const Defer &defer) -> std::optional<QHttpServerResponse> {
                auto body = jsonBody(request);
                if (!body)
                    return problemResponse(body.error(), context);
                auto input = service->validateRegistration(*body);
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
                        QHttpServerResponse response = jsonResponse(grant->toJson(), 201);
                        response.setHeader(QByteArrayLiteral("Location"),
                                           "/api/v1/users/" + formatId(grant->user.id).toLatin1());
                        reply->send(std::move(response));
                    });
                return std::nullopt;
            },
            {u"Create an account and sign in"_s, {}, {201, 400, 403, 409, 415, 422}, true, u"auth"_s,
             u"RegisterInput"_s, {ResponseContent::json(201, u"AuthGrant"_s)}});

        router.routeDeferred(
            Method::Post, u"/api/v1/auth/login"_s,
            [service, workers, origin](const QHttpServerRequest &request, RequestContext &context,
                                       const Defer &defer) -> std::optional<QHttpServerResponse> {
                auto body = jsonBody(request);
                if (!body)
                    return problemResponse(body.error(), context);
                const Origin from = origin(request);
                auto attempt = service->beginLogin(*body, from);
                if (!attempt)
                    return problemResponse(attempt.error(), context);
                auto reply = defer();
                auto kept = std::make_shared<LoginAttempt>(std::move(*attempt));
                workers->run(
                    reply->threadContext(), [kept] { return AccountService::checkLogin(*kept); },
                    [service, reply, kept, from](const PasswordCheck &check) {
                        auto grant = service->completeLogin(*kept, check, from);
                        reply->send(grant ? jsonResponse(grant->toJson())
                                          : problemResponse(grant.error(), reply->context()));
                    });
                return std::nullopt;
            },
            {u"Sign in with email and password"_s, {}, {200, 400, 401, 403, 415, 422, 429}, true, u"auth"_s,
             u"LoginInput"_s, {ResponseContent::json(200, u"AuthGrant"_s)}});

        router.route(
            Method::Post, u"/api/v1/auth/refresh"_s,
            [service, origin](const QHttpServerRequest &request, RequestContext &context) {
                auto body = jsonBody(request);
                if (!body)
                    return problemResponse(body.error(), context);
                return answer(service->refresh(*body, origin(request)), context,
                              [](const AuthGrant &grant) { return jsonResponse(grant.toJson()); });
            },
            {u"Trade a refresh token for a new token pair"_s, {}, {200, 400, 401, 415, 422}, true, u"auth"_s,
             u"RefreshInput"_s, {ResponseContent::json(200, u"AuthGrant"_s)}});

        router.route(
            Method::Post, u"/api/v1/auth/logout"_s,
            [service, origin](const QHttpServerRequest &request, RequestContext &context) {
                auto body = jsonBody(request);
                if (!body)
                    return problemResponse(body.error(), context);
                return answer(service->logout(*body, origin(request)), context);
            },
            {u"End the session of a refresh token"_s, {}, {204, 400, 401, 415, 422}, true, u"auth"_s,
             u"RefreshInput"_s});

        router.route(
            Method::Get, u"/api/v1/auth/me"_s,
            [caller](const QHttpServerRequest &request, RequestContext &context) {
                return answer(caller(request, context), context,
                              [](const Caller &who) { return userResponse(who.user(), UserView::Self); });
            },
            {u"The signed-in user"_s, {}, {200, 401}, true, u"auth"_s, {},
             {ResponseContent::json(200, u"UserSelf"_s)}});

        router.routeDeferred(
            Method::Post, u"/api/v1/auth/password"_s,
            [service, workers, origin, caller](const QHttpServerRequest &request, RequestContext &context,
                                               const Defer &defer) -> std::optional<QHttpServerResponse> {
                auto who = caller(request, context);
                if (!who)
                    return problemResponse(who.error(), context);
                auto body = jsonBody(request);
                if (!body)
                    return problemResponse(body.error(), context);
                auto change = service->beginPasswordChange(*who, *body);
                if (!change)
                    return problemResponse(change.error(), context);
                const Origin from = origin(request);
                auto reply = defer();
                auto kept = std::make_shared<PasswordChange>(std::move(*change));
                auto keptCaller = std::make_shared<Caller>(std::move(*who));
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

        // ---- /users -----------------------------------------------------------------------------------------

        router.route(
            Method::Patch, u"/api/v1/users/me"_s,
            [service, caller](const QHttpServerRequest &request, RequestContext &context) {
                auto who = caller(request, context);
                if (!who)
                    return problemResponse(who.error(), context);
                auto body = jsonBody(request);
                if (!body)
                    return problemResponse(body.error(), context);
                return answer(service->updateProfile(*who, *body), context,
                              [](const User &user) { return userResponse(user, UserView::Self); });
            },
            {u"Edit your profile"_s, {}, {200, 400, 401, 415, 422}, true, u"users"_s, u"ProfilePatch"_s,
             {ResponseContent::json(200, u"UserSelf"_s)}});

        router.route<QString>(
            Method::Get, u"/api/v1/users/<arg>"_s,
            [service](const QString &id, const QHttpServerRequest &, RequestContext &context) {
                const auto uuid = parseUuidPath(id);
                if (!uuid)
                    return problemResponse(Problem::notFound(), context);
                return answer(service->publicProfile(*uuid), context,
                              [](const User &user) { return userResponse(user, UserView::Public); });
            },
            {u"A user's public profile"_s, {u"id"_s}, {200, 404}, true, u"users"_s, {},
             {ResponseContent::json(200, u"UserPublic"_s)}});

        router.route<QString>(
            Method::Put, u"/api/v1/users/<arg>/follow"_s,
            [service, caller](const QString &id, const QHttpServerRequest &request, RequestContext &context) {
                auto who = caller(request, context);
                if (!who)
                    return problemResponse(who.error(), context);
                const auto uuid = parseUuidPath(id);
                if (!uuid)
                    return problemResponse(Problem::notFound(), context);
                return answer(service->follow(*who, *uuid), context);
            },
            {u"Follow an author"_s, {u"id"_s}, {204, 401, 404, 422}, true, u"users"_s});

        router.route<QString>(
            Method::Delete, u"/api/v1/users/<arg>/follow"_s,
            [service, caller](const QString &id, const QHttpServerRequest &request, RequestContext &context) {
                auto who = caller(request, context);
                if (!who)
                    return problemResponse(who.error(), context);
                const auto uuid = parseUuidPath(id);
                if (!uuid)
                    return problemResponse(Problem::notFound(), context);
                return answer(service->unfollow(*who, *uuid), context);
            },
            {u"Stop following an author"_s, {u"id"_s}, {204, 401, 404}, true, u"users"_s});

        router.route<QString>(
            Method::Get, u"/api/v1/users/<arg>/followers"_s,
            [service](const QString &id, const QHttpServerRequest &request, RequestContext &context) {
                const auto uuid = parseUuidPath(id);
                if (!uuid)
                    return problemResponse(Problem::notFound(), context);
                return answer(service->followers(*uuid, formQuery(request)), context,
                              [](const QJsonObject &page) { return jsonResponse(page); });
            },
            {u"Who follows a user, newest first"_s, {u"id"_s}, {200, 400, 404}, true, u"users"_s, {},
             {ResponseContent::json(200, u"Page_UserPublic"_s)}});

        // ---- /admin -----------------------------------------------------------------------------------------

        router.route(
            Method::Get, u"/api/v1/admin/users"_s,
            [service, caller](const QHttpServerRequest &request, RequestContext &context) {
                auto who = caller(request, context);
                if (!who)
                    return problemResponse(who.error(), context);
                return answer(service->listUsers(*who, formQuery(request)), context,
                              [](const QJsonObject &page) { return jsonResponse(page); });
            },
            {u"Users, with search, role filter and paging (admin)"_s, {}, {200, 400, 401, 403}, true, u"admin"_s, {},
             {ResponseContent::json(200, u"Page_AdminUser"_s)}});

        router.route<QString>(
            Method::Patch, u"/api/v1/admin/users/<arg>"_s,
            [service, caller, origin](const QString &id, const QHttpServerRequest &request, RequestContext &context) {
                auto who = caller(request, context);
                if (!who)
                    return problemResponse(who.error(), context);
                // Permission before anything else: a non-admin learns nothing about ids or bodies.
                if (!hasPermission(who->user().role, Permission::ManageUsers))
                    return problemResponse(Problem::forbidden(u"Your role does not allow this."_s), context);
                const auto uuid = parseUuidPath(id);
                if (!uuid)
                    return problemResponse(Problem::notFound(), context);
                auto body = jsonBody(request);
                if (!body)
                    return problemResponse(body.error(), context);
                return answer(service->patchUser(*who, *uuid, *body, origin(request)), context,
                              [](const User &user) { return userResponse(user, UserView::Self); });
            },
            {u"Change a user's role or active flag (admin)"_s, {u"id"_s}, {200, 400, 401, 403, 404, 409, 415, 422}, true,
             u"admin"_s, u"AdminUserPatch"_s, {ResponseContent::json(200, u"UserSelf"_s)}});

        router.route(
            Method::Get, u"/api/v1/admin/audit-log"_s,
            [service, caller](const QHttpServerRequest &request, RequestContext &context) {
                auto who = caller(request, context);
                if (!who)
                    return problemResponse(who.error(), context);
                return answer(service->auditLog(*who, formQuery(request)), context,
                              [](const QJsonObject &page) { return jsonResponse(page); });
            },
            {u"Security-relevant actions, newest first (admin)"_s, {}, {200, 400, 401, 403}, true, u"admin"_s, {},
             {ResponseContent::json(200, u"Page_AuditEntry"_s)}});
    };
}

} // namespace inkwell::server
