// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/sheettable.h"

#include <QList>
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
    // The sheet's merged areas, after its last rows (a sheet's XML lists them after its cells);
    // single cells are left out. Only the top-left cell of an area has a value, whatever the file
    // stores under the rest, so a sink that keeps rows must clear the others
    // (SheetTable::clearCoveredCells), in blocks it has passed on too. The default ignores them:
    // it serves sinks that never see a sheet with merged areas. Return false to cancel the read.
    virtual bool mergedAreasRead(const QList<CellRange> &areas)
    {
        Q_UNUSED(areas)
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
    bool mergedAreasRead(const QList<CellRange> &areas) override
    {
        for (const CellRange &area : areas)
            m_table.clearCoveredCells(area);
        m_mergedAreas += areas;
        return true;
    }
    SheetTable &table() { return m_table; }
    // For a grid that shows them; their covered cells are already empty in table().
    const QList<CellRange> &mergedAreas() const { return m_mergedAreas; }

private:
    SheetTable m_table;
    QList<CellRange> m_mergedAreas;
};

} // namespace sluice
