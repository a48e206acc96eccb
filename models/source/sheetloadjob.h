// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/spreadsheetreader.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace sluice {

// Reads one sheet on a worker thread while the GUI stays responsive: blocks of rows arrive on the
// owner's thread as they are read (the grid fills while reading), progress is reported a few
// times a second, and cancel() stops the read within one slice. Nothing here ever waits for the
// worker: deleting the job mid-read just tells the worker to stop, and it cleans up after itself.
class SheetLoadJob : public QObject
{
    Q_OBJECT

public:
    // reader: already open()ed.
    SheetLoadJob(std::unique_ptr<SpreadsheetReader> reader, int sheetIndex,
                 QObject *parent = nullptr);
    ~SheetLoadJob() override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }

    // The rows received so far; complete once finished() was emitted.
    const SheetTable &table() const { return m_table; }
    SheetTable takeTable() { return std::move(m_table); }
    // The sheet's merged areas, known just before finished(); their covered cells are already
    // empty in table().
    const QList<CellRange> &mergedAreas() const { return m_mergedAreas; }

Q_SIGNALS:
    void rowsAppended(qsizetype firstRow, qsizetype count);
    // Cells of rows already appended were emptied: those merged areas cover (a grid repaints
    // them). Comes once, after the last rowsAppended.
    void cellsCleared(qsizetype firstRow, qsizetype count);
    void progressed(qint64 bytesDone, qint64 bytesTotal, qsizetype rowsRead);
    void finished();
    void cancelled();
    void failed(const QString &message);

private:
    struct Shared;
    friend class SheetLoadWorkerSink;

    void appendBlock(SheetTable &&rows);
    void applyMergedAreas(const QList<CellRange> &areas);
    void end(ReadEnd end, const QString &error);

    std::unique_ptr<SpreadsheetReader> m_reader;
    int m_sheetIndex;
    std::shared_ptr<Shared> m_shared;
    SheetTable m_table;
    QList<CellRange> m_mergedAreas;
    bool m_running = false;
};

} // namespace sluice
