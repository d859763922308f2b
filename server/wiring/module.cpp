#include "wiring/module.h"

namespace inkwell::server {

GatheredModules gather(const QList<Module> &modules)
{
    GatheredModules out;
    for (const Module &module : modules) {
        out.routes += module.routes;
        out.channels += module.channels;
        if (module.eventHandlers)
            module.eventHandlers(out.handlers);
    }
    out.channels.removeDuplicates();
    return out;
}

} // namespace inkwell::server
