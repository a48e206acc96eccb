// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/readsink.h"

namespace sluice {

// Hands a streaming reader's rows to its sink a block at a time, reports progress in bytes of
// the part being read, and remembers when the sink said stop. The XLSX and ODS sheet handlers
// share it.
class BlockDelivery
{
public:
    explicit BlockDelivery(ReadSink &sink)
        : m_sink(sink)
    {}

    SheetTable &rows() { return m_block; }
    // Rows read so far, handed over or not.
    qsizetype rowsSoFar() const { return m_delivered + m_block.rowCount(); }
    bool isCancelled() const { return m_cancelled; }

    // Hands over the rows read so far. False when the sink cancels (or had cancelled).
    bool deliver();
    // inflated: bytes of the part read so far; declared: its size as the file states it.
    // False when the sink cancels (or had cancelled).
    bool progressed(qint64 inflated, qint64 declared);

private:
    ReadSink &m_sink;
    SheetTable m_block;
    qsizetype m_delivered = 0;
    qint64 m_inflated = 0;
    qint64 m_declared = 0;
    bool m_cancelled = false;
};

} // namespace sluice
