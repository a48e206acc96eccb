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
{}

qint64 RequestPacer::waitMs(qint64 nowMs) const
{
    if (m_ceiling <= 0 || !m_started)
        return 0;
    return std::max<qint64>(0, qint64(std::ceil(m_nextStartMs - double(nowMs))));
}

void RequestPacer::started(qint64 nowMs)
{
    if (m_ceiling <= 0)
        return;
    // A quiet spell does not bank requests for a burst later.
    const double from = m_started ? std::max(m_nextStartMs, double(nowMs)) : double(nowMs);
    m_nextStartMs = from + 1000.0 / m_pace;
    m_started = true;
}

void RequestPacer::throttled()
{
    if (m_ceiling > 0)
        m_pace = std::max(SlowestPace, m_pace / 2);
}

void RequestPacer::answered()
{
    if (m_ceiling > 0)
        m_pace = std::min(m_ceiling, m_pace * RecoveryPerAnswer);
}

} // namespace sluice
