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

} // namespace

class TestSheetLoadJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsArriveInBlocksOnTheOwnersThread();
    void cancelStopsTheRead();
    void errorsAreReported();
    void deletingARunningJobIsSafe();
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

QTEST_GUILESS_MAIN(TestSheetLoadJob)
#include "tst_sheetloadjob.moc"
