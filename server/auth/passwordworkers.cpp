#include "passwordworkers.h"

#include <QThread>

#include <algorithm>

namespace inkwell::server {

PasswordWorkers::PasswordWorkers(int threads)
{
    m_pool.setMaxThreadCount(threads > 0 ? threads : std::max(2, QThread::idealThreadCount()));
    m_pool.setExpiryTimeout(60000);
}

PasswordWorkers::~PasswordWorkers()
{
    m_pool.waitForDone();
}

} // namespace inkwell::server
