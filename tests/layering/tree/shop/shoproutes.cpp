#include "shop/shoproutes.h"

#include "http/reply.h"
#include "shop/shopstore.h"
int stockRoute()
{
    return reply(stock());
}
