#include "mail/mailer.h"

#include "base/thing.h"
int mail()
{
    return thing();
}
