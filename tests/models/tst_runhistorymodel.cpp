// SPDX-License-Identifier: MIT
// The run history table of the Results page.
#include "models/itemmodels/runhistorymodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

class TestRunHistoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void newestRunComesFirst();
    void columnsShowCountsAndWords();
    void reloadShowsANewRun();
    void sortsByTimeAndCountNotByText();

private:
    static RunHistoryEntry entry(const QString &id, int day, qsizetype accepted);
    QTemporaryDir m_dir;
};

void TestRunHistoryModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

RunHistoryEntry TestRunHistoryModel::entry(const QString &id, int day, qsizetype accepted)
{
    RunHistoryEntry entry;
    entry.runId = id;
    entry.started = QDateTime(QDate(2026, 11, day), QTime(9, 30), Qt::UTC);
    entry.finished = entry.started.addSecs(42);
    entry.filePath = QStringLiteral("/data/in/orders-%1.xlsx").arg(id);
    entry.url = QStringLiteral("http://127.0.0.1:8123/api/v2/ingest/object/INV_CUSTOMER_ORDERS");
    entry.table = QStringLiteral("INV_CUSTOMER_ORDERS");
    entry.resourceId = QStringLiteral("INV.CUSTOMER_ORDERS");
    entry.operation = QStringLiteral("UPSERT");
    entry.stopReason = QStringLiteral("completed");
    entry.accepted = accepted;
    entry.rejected = 2;
    entry.uncertain = 1;
    entry.notSent = 3;
    entry.skipped = 4;
    entry.journalPath = QStringLiteral("/journals/%1.jsonl").arg(id);
    return entry;
}

void TestRunHistoryModel::newestRunComesFirst()
{
    RunHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(RunHistoryModel::ColumnCount));
    // The store lists the oldest first; the user wants the last run on top.
    model.setEntries({entry(QStringLiteral("a"), 1, 10), entry(QStringLiteral("b"), 2, 20),
                      entry(QStringLiteral("c"), 3, 30)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data(RunHistoryModel::JournalPathRole).toString(),
             u"/journals/c.jsonl");
    QCOMPARE(model.index(2, 0).data(RunHistoryModel::JournalPathRole).toString(),
             u"/journals/a.jsonl");
    QCOMPARE(model.index(1, 0).data(RunHistoryModel::EntryRole).value<RunHistoryEntry>().runId,
             u"b");
    QCOMPARE(model.entry(0).runId, u"c");
}

void TestRunHistoryModel::columnsShowCountsAndWords()
{
    RunHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RunHistoryEntry cancelled = entry(QStringLiteral("x"), 5, 36);
    cancelled.stopReason = QStringLiteral("cancelled");
    cancelled.dryRun = true;
    cancelled.operation = QStringLiteral("APPEND");
    RunHistoryEntry refused = entry(QStringLiteral("y"), 6, 0);
    refused.stopReason = QStringLiteral("authentication-failed");
    model.setEntries({cancelled, refused});

    const auto text = [&model](int row, int column) {
        return model.index(row, column).data().toString();
    };
    QCOMPARE(text(1, RunHistoryModel::FileColumn), u"orders-x.xlsx");
    QCOMPARE(model.index(1, RunHistoryModel::FileColumn).data(Qt::ToolTipRole).toString(),
             u"/data/in/orders-x.xlsx"); // the full path is one hover away
    QCOMPARE(text(1, RunHistoryModel::HostColumn), u"127.0.0.1:8123");
    QCOMPARE(text(1, RunHistoryModel::ResourceColumn), u"INV.CUSTOMER_ORDERS");
    QCOMPARE(text(1, RunHistoryModel::OperationColumn), u"APPEND (dry run)");
    QCOMPARE(text(0, RunHistoryModel::OperationColumn), u"UPSERT");
    QCOMPARE(text(1, RunHistoryModel::AcceptedColumn), u"36");
    QCOMPARE(text(1, RunHistoryModel::RejectedColumn), u"2");
    QCOMPARE(text(1, RunHistoryModel::UncertainColumn), u"1");
    QCOMPARE(text(1, RunHistoryModel::NotSentColumn), u"3");
    QCOMPARE(text(1, RunHistoryModel::SkippedColumn), u"4");
    QCOMPARE(text(1, RunHistoryModel::OutcomeColumn), u"Cancelled");
    QCOMPARE(text(0, RunHistoryModel::OutcomeColumn), u"Stopped: the token was refused");
    // Local time: the tests run in Pacific/Chatham, 13:45 ahead of UTC in November.
    const QDateTime local = cancelled.started.toLocalTime();
    QCOMPARE(local.time(), QTime(23, 15));
    QCOMPARE(text(1, RunHistoryModel::StartedColumn),
             QLocale().toString(local, QLocale::ShortFormat));
    QCOMPARE(model.headerData(RunHistoryModel::AcceptedColumn, Qt::Horizontal).toString(),
             u"Accepted");
}

void TestRunHistoryModel::reloadShowsANewRun()
{
    RunHistoryStore store(m_dir.filePath(QStringLiteral("runs.jsonl")));
    QCOMPARE(store.append(entry(QStringLiteral("first"), 1, 5)), std::nullopt);
    RunHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload(store);
    QCOMPARE(model.rowCount(), 1);

    QCOMPARE(store.append(entry(QStringLiteral("second"), 2, 7)), std::nullopt);
    QSignalSpy reset(&model, &RunHistoryModel::modelReset);
    model.reload(store);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.entry(0).runId, u"second");
    QCOMPARE(model.index(0, RunHistoryModel::AcceptedColumn).data().toLongLong(), 7);
}

void TestRunHistoryModel::sortsByTimeAndCountNotByText()
{
    RunHistoryModel model;
    // Counts 9 and 10 sort wrongly as text ("10" < "9"); days 3 and 20 likewise.
    model.setEntries({entry(QStringLiteral("a"), 20, 9), entry(QStringLiteral("b"), 3, 10)});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(RunHistoryModel::SortRole);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(RunHistoryModel::AcceptedColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, RunHistoryModel::AcceptedColumn).data().toLongLong(), 9);
    proxy.sort(RunHistoryModel::StartedColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data(RunHistoryModel::JournalPathRole).toString(),
             u"/journals/b.jsonl");
}

QTEST_GUILESS_MAIN(TestRunHistoryModel)
#include "tst_runhistorymodel.moc"
