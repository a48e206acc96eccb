// SPDX-License-Identifier: MIT
#include "models/source/blockdelivery.h"

#include <algorithm>

namespace sluice {

bool BlockDelivery::deliver()
{
    if (m_cancelled)
        return false;
    m_delivered += m_block.rowCount();
    // takeRows squeezes the block and reserves the next one from its sizes.
    m_cancelled = !m_sink.rowsRead(m_block.takeRows())
        || !m_sink.progressed({m_inflated, m_declared, m_delivered});
    return !m_cancelled;
}

bool BlockDelivery::progressed(qint64 inflated, qint64 declared)
{
    m_inflated = inflated;
    m_declared = std::max(declared, inflated);
    if (m_cancelled)
        return false;
    m_cancelled = !m_sink.progressed({m_inflated, m_declared, rowsSoFar()});
    return !m_cancelled;
}

} // namespace sluice
