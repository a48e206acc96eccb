// SPDX-License-Identifier: MIT
#include "models/upload/requestpacer.h"

#include <algorithm>
#include <cmath>

namespace sluice {

namespace {
constexpr double SlowestPace = 1.0;        // requests per second after repeated 429s
constexpr double RecoveryPerAnswer = 1.02; // +2 % per answered request: back in about 35
} // namespace

RequestPacer::RequestPacer(double requestsPerSecond)
    : m_ceiling(std::max(0.0, requestsPerSecond))
    , m_pace(m_ceiling)
    , m_pacing(m_ceiling > 0)
{}

qint64 RequestPacer::waitMs(qint64 nowMs) const
{
    if (!m_pacing || !m_started)
        return 0;
    return std::max<qint64>(0, qint64(std::ceil(m_nextStartMs - double(nowMs))));
}

void RequestPacer::started(qint64 nowMs)
{
    if (!m_pacing) {
        m_recentStarts.push_back(nowMs);
        while (!m_recentStarts.empty() && m_recentStarts.front() <= nowMs - 1000)
            m_recentStarts.pop_front();
        return;
    }
    // A quiet spell does not bank requests for a burst later.
    const double from = m_started ? std::max(m_nextStartMs, double(nowMs)) : double(nowMs);
    m_nextStartMs = from + 1000.0 / m_pace;
    m_started = true;
}

void RequestPacer::throttled(qint64 nowMs)
{
    if (m_lastThrottleMs >= 0 && nowMs - m_lastThrottleMs < 1000)
        return;
    m_lastThrottleMs = nowMs;
    if (!m_pacing) {
        m_pacing = true;
        m_pace = double(std::max<size_t>(1, m_recentStarts.size()));
        m_recentStarts.clear();
    }
    m_pace = std::max(SlowestPace, m_pace / 2);
}

void RequestPacer::answered()
{
    if (!m_pacing)
        return;
    m_pace *= RecoveryPerAnswer;
    if (m_ceiling > 0)
        m_pace = std::min(m_ceiling, m_pace);
}

} // namespace sluice
