#include "passwordworkers.h"

#include <QThread>

#include <algorithm>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace inkwell::server {

PasswordWorkers::PasswordWorkers(int threads)
{
    m_pool.setMaxThreadCount(threads > 0 ? threads : std::max(2, QThread::idealThreadCount()));
    m_pool.setExpiryTimeout(60000);
}

void PasswordWorkers::lowerThreadPriority()
{
    // On Linux the nice value belongs to the thread (setpriority with a thread id), and raising it
    // needs no privilege. QThread::setPriority() cannot do this for SCHED_OTHER threads.
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
    ::setpriority(PRIO_PROCESS, id_t(::syscall(SYS_gettid)), 10);
}

PasswordWorkers::~PasswordWorkers()
{
    m_pool.waitForDone();
}

} // namespace inkwell::server
