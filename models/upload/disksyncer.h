// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace sluice {

// Forces a file's written data to the disk, now or soon. "Soon" runs on a thread of its own and
// folds requests that arrive while a sync is running into the next one, so that a run settling
// a hundred batches a second neither waits 15 ms per batch (a sync on this class of disk) nor
// syncs a hundred times.
class DiskSyncer
{
public:
    explicit DiskSyncer(int fileDescriptor);
    ~DiskSyncer(); // syncs what is pending, then stops

    void syncSoon();
    bool syncNow();
    bool hasFailed() const { return m_failed.load(); }

private:
    void run();
    bool sync();

    int m_fd;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_pending = false;
    bool m_stopping = false;
    std::atomic_bool m_failed {false};
    std::thread m_thread;
};

} // namespace sluice
