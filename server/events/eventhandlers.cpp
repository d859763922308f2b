#include "eventhandlers.h"

using namespace Qt::StringLiterals;

namespace inkwell::server {

const EventHandler *EventHandlers::find(const QString &topic) const
{
    const auto it = m_handlers.constFind(topic);
    return it == m_handlers.cend() ? nullptr : &it.value();
}

} // namespace inkwell::server
