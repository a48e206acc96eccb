// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <deque>

namespace sluice {

// Spaces request starts so that a run stays under the API's requests-per-second limit. After a
// 429 it halves its pace and only creeps back up while the server keeps answering, so a run
// that hit the limit once does not keep hitting it. Unpaced (0), it sends as fast as it can
// until the first 429, then paces at half the rate it was sending at, with no ceiling on the
// way back up. Times are in milliseconds of any clock.
class RequestPacer
{
public:
    explicit RequestPacer(double requestsPerSecond); // 0: no pacing until a 429

    // How long to wait before the next request may start (0: now).
    qint64 waitMs(qint64 nowMs) const;
    void started(qint64 nowMs);
    // A burst of 429s (every request in flight) halves the pace once: one halving per second.
    void throttled(qint64 nowMs);
    void answered();

    bool isPacing() const { return m_pacing; }
    double pace() const { return m_pace; }

private:
    double m_ceiling; // 0: none
    double m_pace;
    bool m_pacing;
    double m_nextStartMs = 0;
    bool m_started = false;
    qint64 m_lastThrottleMs = -1;
    std::deque<qint64> m_recentStarts; // the last second's, while unpaced
};

} // namespace sluice
