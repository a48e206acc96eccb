// SPDX-License-Identifier: MIT
#include "models/upload/disksyncer.h"

#include <QtGlobal>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace sluice {

DiskSyncer::DiskSyncer(int fileDescriptor)
    : m_fd(fileDescriptor)
    , m_thread([this] { run(); })
{}

DiskSyncer::~DiskSyncer()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

bool DiskSyncer::sync()
{
#ifdef Q_OS_WIN
    const bool ok = _commit(m_fd) == 0;
#else
    const bool ok = ::fsync(m_fd) == 0;
#endif
    if (!ok)
        m_failed = true;
    return ok;
}

void DiskSyncer::syncSoon()
{
    {
        const std::lock_guard lock(m_mutex);
        m_pending = true;
    }
    m_wake.notify_one();
}

bool DiskSyncer::syncNow()
{
    return sync();
}

void DiskSyncer::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_pending || m_stopping; });
        if (m_pending) {
            m_pending = false;
            lock.unlock();
            sync();
            lock.lock();
            continue;
        }
        if (m_stopping)
            return;
    }
}

} // namespace sluice
