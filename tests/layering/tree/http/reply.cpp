#include "http/reply.h"

#include "base/thing.h"
int reply(int status)
{
    return status + thing();
}
