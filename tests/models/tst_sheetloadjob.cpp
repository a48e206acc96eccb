// SPDX-License-Identifier: MIT
#include "models/source/csvreader.h"
#include "models/source/sheetloadjob.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace sluice;

namespace {

// A CSV of `rows` data rows under a header; large enough to arrive in several blocks.
QString writeNumbers(QTemporaryDir &dir, int rows)
{
    QFile file(dir.filePath(QStringLiteral("numbers.csv")));
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write");
    QByteArray text = "n,double,label\n";
    for (int i = 0; i < rows; ++i)
        text += QByteArray::number(i) + ',' + QByteArray::number(2 * i) + ",row "
            + QByteArray::number(i) + '\n';
    file.write(text);
    return file.fileName();
}

std::unique_ptr<SpreadsheetReader> openedReader(const QString &path)
{
    auto reader = std::make_unique<CsvReader>();
    if (!reader->open(path))
        qFatal("cannot open %s", qPrintable(path));
    return reader;
}

// Two blocks of two numbered columns, then merged areas: what the XLSX reader does with a sheet
// whose <mergeCells> follows its rows.
class MergingReader : public SpreadsheetReader
{
public:
    Result<QList<SheetInfo>> open(const QString &, const ReadLimits &) override
    {
        return QList<SheetInfo> {};
    }
    Result<ReadEnd> readSheet(int, ReadSink &sink) override
    {
        for (int first : {0, 3}) {
            SheetTable block;
            for (int row = first; row < first + 3; ++row) {
                block.beginRow();
                for (int column = 0; column < 2; ++column) {
                    if (!block.setCell(column, CellKind::Number, QByteArray::number(row)))
                        qFatal("setCell refused");
                }
                block.endRow();
            }
            sink.rowsRead(std::move(block));
        }
        sink.mergedAreasRead({{1, 4, 0, 1}, {5, 100, 1, 9}});
        return ReadEnd::Finished;
    }
};

} // namespace

class TestSheetLoadJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsArriveInBlocksOnTheOwnersThread();
    void cancelStopsTheRead();
    void errorsAreReported();
    void deletingARunningJobIsSafe();
    void mergedAreasClearRowsAlreadyAppended();
};

void TestSheetLoadJob::rowsArriveInBlocksOnTheOwnersThread()
{
    QTemporaryDir dir;
    const QString path = writeNumbers(dir, 200000);
    SheetLoadJob job(openedReader(path), 0);
    QSignalSpy appended(&job, &SheetLoadJob::rowsAppended);
    QSignalSpy finished(&job, &SheetLoadJob::finished);
    QThread *ownThread = QThread::currentThread();
    bool allOnOwnThread = true;
    connect(&job, &SheetLoadJob::rowsAppended, this,
            [&] { allOnOwnThread = allOnOwnThread && QThread::currentThread() == ownThread; });
    job.start();
    QVERIFY(job.isRunning());
    QVERIFY(finished.wait(30000));
    QVERIFY(!job.isRunning());
    QVERIFY(allOnOwnThread);
    QCOMPARE(appended.size(), 4); // 200,001 rows in blocks of 65,536
    QCOMPARE(appended.at(0).at(0).value<qsizetype>(), 0);
    QCOMPARE(appended.at(1).at(0).value<qsizetype>(), SheetTable::RowsPerBlock);
    QCOMPARE(job.table().rowCount(), 200001);
    QCOMPARE(job.table().text(200000, 2), QStringLiteral("row 199999"));
}

void TestSheetLoadJob::cancelStopsTheRead()
{
    QTemporaryDir dir;
    const QString path = writeNumbers(dir, 300000);
    SheetLoadJob job(openedReader(path), 0);
    QSignalSpy cancelled(&job, &SheetLoadJob::cancelled);
    QSignalSpy finished(&job, &SheetLoadJob::finished);
    connect(&job, &SheetLoadJob::rowsAppended, &job, &SheetLoadJob::cancel);
    job.start();
    QVERIFY(cancelled.wait(30000));
    QCOMPARE(finished.size(), 0);
    QVERIFY(job.table().rowCount() < 300001);
}

void TestSheetLoadJob::errorsAreReported()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("broken.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("a,b\n1,\"never closed\n2,3\n");
    file.close();
    SheetLoadJob job(openedReader(file.fileName()), 0);
    QSignalSpy failed(&job, &SheetLoadJob::failed);
    job.start();
    QVERIFY(failed.wait(30000));
    QCOMPARE(failed.at(0).at(0).toString(),
             QStringLiteral("broken.csv: line 2: a quoted field starts here and is never closed "
                            "(a \" is missing)"));
}

void TestSheetLoadJob::deletingARunningJobIsSafe()
{
    QTemporaryDir dir;
    const QString path = writeNumbers(dir, 300000);
    auto job = std::make_unique<SheetLoadJob>(openedReader(path), 0);
    job->start();
    job.reset(); // the worker notices, stops, and its late blocks find no job
    QTest::qWait(50);
    QThreadPool::globalInstance()->waitForDone(30000);
    QCoreApplication::processEvents(); // deliver the posted blocks: they must be dropped safely
}

void TestSheetLoadJob::mergedAreasClearRowsAlreadyAppended()
{
    SheetLoadJob job(std::make_unique<MergingReader>(), 0);
    QStringList events;
    connect(&job, &SheetLoadJob::rowsAppended, this, [&](qsizetype first, qsizetype count) {
        events << QStringLiteral("rows %1+%2").arg(first).arg(count);
    });
    connect(&job, &SheetLoadJob::cellsCleared, this, [&](qsizetype first, qsizetype count) {
        events << QStringLiteral("cleared %1+%2").arg(first).arg(count);
    });
    QSignalSpy finished(&job, &SheetLoadJob::finished);
    job.start();
    QVERIFY(finished.wait(30000));
    // The grid hears of the cleared rows after it has them, and before the read ends.
    QCOMPARE(events, (QStringList {"rows 0+3", "rows 3+3", "cleared 1+5"}));
    const SheetTable &table = job.table();
    QCOMPARE(table.text(1, 0), QStringLiteral("1"));
    QVERIFY(table.isEmpty(1, 1) && table.isEmpty(4, 0) && table.isEmpty(4, 1));
    QVERIFY(table.text(2, 1).isEmpty() && table.text(3, 0).isEmpty());
    QCOMPARE(table.text(5, 0), QStringLiteral("5"));
    QCOMPARE(table.text(5, 1), QStringLiteral("5")); // the top-left of an area past the data
    QCOMPARE(table.text(0, 1), QStringLiteral("0"));
    QCOMPARE(job.mergedAreas(), (QList<CellRange> {{1, 4, 0, 1}, {5, 100, 1, 9}}));
}

QTEST_GUILESS_MAIN(TestSheetLoadJob)
#include "tst_sheetloadjob.moc"
