#include "shop/shopstore.h"

#include "base/thing.h"
int stock()
{
    return thing() * 2;
}
