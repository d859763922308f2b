#pragma once

#include "accounts/accountservice.h"
#include "http/answers.h"
#include "http/router.h"

#include <memory>
#include <type_traits>

namespace inkwell::server {

/// @brief Registers routes whose handlers need to know who is calling: the one place where a request's access
/// token becomes a Caller (401 with `WWW-Authenticate` when there is none, or it is no longer good), so that no
/// route writes that prologue itself. The handler is called with the caller first, then as Router calls it:
/// - route:          `handler(caller, args..., request, context)` → response
/// - routeDeferred:  `handler(caller, args..., request, context, defer)` → response or std::nullopt
/// - routeStream:    `handler(caller, args..., request, context, start)` → response or std::nullopt
/// - routeOptional:  `handler(caller or nullptr, args..., request, context)` → response; for routes anonymous
///   callers may use too (nullptr without an Authorization header; a bad token is still 401);
///   routeOptionalDeferred the same with `defer` last.
class AuthedRoutes {
public:
    AuthedRoutes(Router &router, std::shared_ptr<AccountService> accounts)
        : m_router(router)
        , m_accounts(std::move(accounts))
    {
    }

    template <typename... Args, typename Handler>
    void route(QHttpServerRequest::Method method, const QString &pattern, Handler handler, RouteOptions options = {})
    {
        m_router.route<Args...>(
            method, pattern,
            [who = prologue<false>(), handler](Args... args, const QHttpServerRequest &request,
                                               RequestContext &context) -> QHttpServerResponse {
                return who(request, context, [&](const Caller &caller) -> QHttpServerResponse {
                    return handler(caller, args..., request, context);
                });
            },
            std::move(options));
    }

    template <typename... Args, typename Handler>
    void routeDeferred(QHttpServerRequest::Method method, const QString &pattern, Handler handler,
                       RouteOptions options = {})
    {
        m_router.routeDeferred<Args...>(
            method, pattern,
            [who = prologue<false>(), handler](Args... args, const QHttpServerRequest &request, RequestContext &context,
                                               const Defer &defer) -> std::optional<QHttpServerResponse> {
                return who(request, context, [&](const Caller &caller) -> std::optional<QHttpServerResponse> {
                    return handler(caller, args..., request, context, defer);
                });
            },
            std::move(options));
    }

    template <typename... Args, typename Handler>
    void routeStream(QHttpServerRequest::Method method, const QString &pattern, Handler handler,
                     RouteOptions options = {})
    {
        m_router.routeStream<Args...>(
            method, pattern,
            [who = prologue<false>(), handler](Args... args, const QHttpServerRequest &request, RequestContext &context,
                                               const StartStream &start) -> std::optional<QHttpServerResponse> {
                return who(request, context, [&](const Caller &caller) -> std::optional<QHttpServerResponse> {
                    return handler(caller, args..., request, context, start);
                });
            },
            std::move(options));
    }

    template <typename... Args, typename Handler>
    void routeOptional(QHttpServerRequest::Method method, const QString &pattern, Handler handler,
                       RouteOptions options = {})
    {
        m_router.route<Args...>(
            method, pattern,
            [who = prologue<true>(), handler](Args... args, const QHttpServerRequest &request,
                                              RequestContext &context) -> QHttpServerResponse {
                return who(request, context, [&](const Caller *caller) -> QHttpServerResponse {
                    return handler(caller, args..., request, context);
                });
            },
            std::move(options));
    }

    /// @brief As routeOptional, for a handler that may answer later: `handler(caller or nullptr, args..., request,
    /// context, defer)`.
    template <typename... Args, typename Handler>
    void routeOptionalDeferred(QHttpServerRequest::Method method, const QString &pattern, Handler handler,
                               RouteOptions options = {})
    {
        m_router.routeDeferred<Args...>(
            method, pattern,
            [who = prologue<true>(), handler](Args... args, const QHttpServerRequest &request, RequestContext &context,
                                              const Defer &defer) -> std::optional<QHttpServerResponse> {
                return who(request, context, [&](const Caller *caller) -> std::optional<QHttpServerResponse> {
                    return handler(caller, args..., request, context, defer);
                });
            },
            std::move(options));
    }

    Router &router() { return m_router; }
    const std::shared_ptr<AccountService> &accounts() const { return m_accounts; }

private:
    /// The one prologue every registration wraps its handler in: `who(request, context, then)` resolves the caller
    /// (with `Optional`, nullptr for a request without an Authorization header) and calls `then` with it, or
    /// answers the problem with its token (401 with WWW-Authenticate).
    template <bool Optional> auto prologue() const
    {
        return [accounts = m_accounts, router = &m_router](const QHttpServerRequest &request, RequestContext &context,
                                                           const auto &then) {
            using Answer =
                std::invoke_result_t<decltype(then), std::conditional_t<Optional, const Caller *, const Caller &>>;
            if constexpr (Optional) {
                auto who = accounts->optionalCaller(router->authenticate(request, context), context.hasAuthorization);
                if (!who)
                    return Answer(problemResponse(who.error(), context));
                return then(*who ? &**who : nullptr);
            } else {
                auto who = accounts->caller(router->authenticate(request, context));
                if (!who)
                    return Answer(problemResponse(who.error(), context));
                return then(*who);
            }
        };
    }

    Router &m_router;
    std::shared_ptr<AccountService> m_accounts;
};

} // namespace inkwell::server
