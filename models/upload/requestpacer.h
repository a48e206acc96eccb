// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace sluice {

// Spaces request starts so that a run stays under the API's requests-per-second limit. After a
// 429 it halves its pace and only creeps back up while the server keeps answering, so a run
// that hit the limit once does not keep hitting it. Times are in milliseconds of any clock.
class RequestPacer
{
public:
    explicit RequestPacer(double requestsPerSecond); // 0: no pacing

    // How long to wait before the next request may start (0: now).
    qint64 waitMs(qint64 nowMs) const;
    void started(qint64 nowMs);
    void throttled();
    void answered();

    double pace() const { return m_pace; }

private:
    double m_ceiling;
    double m_pace;
    double m_nextStartMs = 0;
    bool m_started = false;
};

} // namespace sluice
