#pragma once

#include "events/eventhandlers.h"
#include "http/listener.h"

#include <QList>
#include <QStringList>
#include <functional>

namespace inkwell::server {

/// @brief What one module brings to a server, declared by the module itself: its routes, the NOTIFY channels
/// its caches and streams listen on, the outbox topics it handles and what it does once before serving.
/// The server (serverapp.cpp) only gathers these; neither `http/` nor `events/` names any module.
struct Module {
    QString name;
    QList<RouteRegistrar> routes;
    QStringList channels;
    std::function<void(EventHandlers &)> eventHandlers;
    /// After the migrations, before the first request: recovery of what a previous process left, a log line.
    std::function<void(const ServiceContext &)> atStart;
};

/// @brief Everything the modules declared, put together for one server.
struct GatheredModules {
    QList<RouteRegistrar> routes;
    QStringList channels;
    EventHandlers handlers;
};
GatheredModules gather(const QList<Module> &modules);

} // namespace inkwell::server
