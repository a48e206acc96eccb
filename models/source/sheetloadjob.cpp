// SPDX-License-Identifier: MIT
#include "models/source/sheetloadjob.h"

#include "models/common/backgroundpool.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QThreadPool>

#include <algorithm>

namespace sluice {

struct SheetLoadJob::Shared
{
    std::atomic_bool cancel {false};
};

namespace {

// Runs on the job's (GUI) thread later, and only if the job still exists then.
template<typename Functor>
void postTo(const QPointer<SheetLoadJob> &job, Functor functor)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [job, functor = std::move(functor)]() mutable {
            if (job)
                functor(*job);
        },
        Qt::QueuedConnection);
}

} // namespace

// The worker's end of the job: passes blocks and progress to the job's thread.
class SheetLoadWorkerSink : public ReadSink
{
public:
    SheetLoadWorkerSink(QPointer<SheetLoadJob> job, std::shared_ptr<const std::atomic_bool> cancel)
        : m_job(std::move(job))
        , m_cancel(std::move(cancel))
    {
        m_sinceProgress.start();
    }

    bool rowsRead(SheetTable &&rows) override
    {
        auto block = std::make_shared<SheetTable>(std::move(rows));
        postTo(m_job, [block](SheetLoadJob &job) { job.appendBlock(std::move(*block)); });
        return !*m_cancel;
    }

    // Posted after the blocks, so the job clears cells of rows it has already appended.
    bool mergedAreasRead(const QList<CellRange> &areas) override
    {
        postTo(m_job, [areas](SheetLoadJob &job) { job.applyMergedAreas(areas); });
        return !*m_cancel;
    }

    bool progressed(const ReadProgress &progress) override
    {
        if (m_sinceProgress.elapsed() >= 100) { // a few updates a second is all a bar can show
            m_sinceProgress.restart();
            postTo(m_job, [progress](SheetLoadJob &job) {
                Q_EMIT job.progressed(progress.bytesDone, progress.bytesTotal, progress.rowsDone);
            });
        }
        return !*m_cancel;
    }

private:
    QPointer<SheetLoadJob> m_job;
    std::shared_ptr<const std::atomic_bool> m_cancel;
    QElapsedTimer m_sinceProgress;
};

SheetLoadJob::SheetLoadJob(std::unique_ptr<SpreadsheetReader> reader, int sheetIndex,
                           QObject *parent)
    : QObject(parent)
    , m_reader(std::move(reader))
    , m_sheetIndex(sheetIndex)
    , m_shared(std::make_shared<Shared>())
{}

SheetLoadJob::~SheetLoadJob()
{
    m_shared->cancel = true;
}

void SheetLoadJob::start()
{
    Q_ASSERT(m_reader && !m_running);
    m_running = true;
    std::shared_ptr<SpreadsheetReader> reader(std::move(m_reader));
    const std::shared_ptr<const std::atomic_bool> cancel(m_shared, &m_shared->cancel);
    backgroundPool().start(
        [job = QPointer<SheetLoadJob>(this), reader, cancel, sheet = m_sheetIndex] {
            SheetLoadWorkerSink sink(job, cancel);
            const Result<ReadEnd> end = reader->readSheet(sheet, sink);
            const ReadEnd how = end ? *end : ReadEnd::Finished;
            const QString error = end ? QString() : end.error().message;
            postTo(job, [how, error](SheetLoadJob &self) { self.end(how, error); });
        });
}

void SheetLoadJob::cancel()
{
    m_shared->cancel = true;
}

void SheetLoadJob::appendBlock(SheetTable &&rows)
{
    const qsizetype first = m_table.rowCount();
    const qsizetype count = rows.rowCount();
    m_table.appendTable(std::move(rows));
    Q_EMIT rowsAppended(first, count);
}

void SheetLoadJob::applyMergedAreas(const QList<CellRange> &areas)
{
    qsizetype first = m_table.rowCount();
    qsizetype last = -1;
    for (const CellRange &area : areas) {
        m_table.clearCoveredCells(area);
        first = std::min(first, area.firstRow);
        last = std::max(last, area.lastRow);
    }
    m_mergedAreas += areas;
    first = std::max<qsizetype>(first, 0);
    last = std::min(last, m_table.rowCount() - 1);
    if (first <= last)
        Q_EMIT cellsCleared(first, last - first + 1);
}

void SheetLoadJob::end(ReadEnd how, const QString &error)
{
    m_running = false;
    if (!error.isEmpty())
        Q_EMIT failed(error);
    else if (how == ReadEnd::Cancelled || m_shared->cancel)
        Q_EMIT cancelled();
    else
        Q_EMIT finished();
}

} // namespace sluice
