#include "base/thing.h"
int thing()
{
    return 1;
}
