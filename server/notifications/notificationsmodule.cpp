#include "notifications/notificationsmodule.h"

#include "notifications/notificationevents.h"
#include "notifications/notificationroutes.h"
#include "notifications/notificationstore.h"

using namespace Qt::StringLiterals;

namespace inkwell::server {

Module notificationsModule()
{
    return {u"notifications"_s, {notificationRoutes()}, {kNotificationsChannel}, addNotificationHandlers, {}};
}

} // namespace inkwell::server
