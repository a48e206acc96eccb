// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/sheettable.h"

#include <QtGlobal>

namespace sluice {

struct ReadProgress
{
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0; // 0 when unknown
    qsizetype rowsDone = 0;
};

// Where a reader delivers a sheet's rows while it reads: in file order, in blocks, so a grid can
// fill and a long read can show progress and be cancelled. Readers run on a worker thread; a sink
// passes blocks on (queued) to the GUI thread.
class ReadSink
{
public:
    virtual ~ReadSink() = default;

    // Rows in file order, usually SheetTable::RowsPerBlock at a time (fewer at the end). The
    // first row of rows follows the last row delivered before. Return false to cancel the read.
    virtual bool rowsRead(SheetTable &&rows) = 0;
    // Called now and then (at least once per block). Return false to cancel the read.
    virtual bool progressed(const ReadProgress &progress)
    {
        Q_UNUSED(progress)
        return true;
    }
};

// Keeps every row in one table: for the CLI, tests and small files.
class CollectingSink : public ReadSink
{
public:
    bool rowsRead(SheetTable &&rows) override
    {
        m_table.appendTable(std::move(rows));
        return true;
    }
    SheetTable &table() { return m_table; }

private:
    SheetTable m_table;
};

} // namespace sluice
