// SPDX-License-Identifier: MIT
// The run journal: what is on disk after each batch, and how a cut-short run goes on from it.
#include "models/upload/journalreader.h"
#include "models/upload/uploadjournal.h"
#include "tests/support/catalogues.h"
#include "tests/support/orderrows.h"
#include "tests/support/stringrowsource.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sluice;
using namespace sluice::test;

class TestUploadJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runLineRoundTrips();
    void settledBatchesAreReadBack();
    void resumeSkipsAcknowledgedAndResendsTheRest();
    void appendHoldsBackUnansweredBatches();
    void appendResendsThemWhenAsked();
    void aLaterSettlementWins();
    void aLineCutShortByACrashIsSkipped();
    void reopenEndsATornLineFirst();
    void refusesToOverwriteAndToReadOtherFiles();
    void rangesParse();

private:
    JournalRunInfo runInfo(OperationType operation) const;
    BatchResult acknowledged(int id, std::vector<qsizetype> rows) const;

    std::shared_ptr<const Catalogue> m_catalogue;
    const Resource *m_orders = nullptr;
    std::unique_ptr<StringRowSource> m_source;
    QTemporaryDir m_dir;
    int m_files = 0;
    QString nextPath() { return m_dir.filePath(QStringLiteral("run%1.jsonl").arg(++m_files)); }
};

void TestUploadJournal::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_catalogue = builtInCatalogue();
    m_orders = m_catalogue->resource(u"INV.CUSTOMER_ORDERS");
    QList<QStringList> rows;
    for (int i = 0; i < 10; ++i)
        rows.append(orderRow(i));
    m_source = std::make_unique<StringRowSource>(*m_orders, rows); // data row r = sheet row r+2
}

JournalRunInfo TestUploadJournal::runInfo(OperationType operation) const
{
    JournalRunInfo run;
    run.runId = QStringLiteral("run-1");
    run.started = QDateTime(QDate(2026, 11, 23), QTime(1, 2, 3), Qt::UTC);
    run.filePath = QStringLiteral("/data/orders.xlsx");
    run.fileSize = 1234;
    run.fileSha256 = "abcdef";
    run.sheet = QStringLiteral("Orders");
    run.url = QStringLiteral("http://127.0.0.1:1/api/v2/ingest/object/INV_CUSTOMER_ORDERS_OOTB");
    run.table = QStringLiteral("INV_CUSTOMER_ORDERS_OOTB");
    run.solutionName = QStringLiteral("INV_OOTB");
    run.operation = operation;
    run.profile = QStringLiteral("monthly orders");
    run.mappingSha256 = "0123";
    run.dataRows = 10;
    return run;
}

BatchResult TestUploadJournal::acknowledged(int id, std::vector<qsizetype> rows) const
{
    BatchResult result;
    result.id = id;
    result.rows = std::move(rows);
    result.httpStatus = 200;
    result.attempts = 1;
    result.accepted = qsizetype(result.rows.size());
    return result;
}

void TestUploadJournal::runLineRoundTrips()
{
    const QString path = nextPath();
    QVERIFY(UploadJournal::create(path, runInfo(OperationType::Append)).isOk());
    const Result<JournalState> state = JournalReader::read(path);
    QVERIFY2(state.isOk(), qPrintable(state.isOk() ? QString() : state.error().message));
    const JournalRunInfo &run = state->run;
    QCOMPARE(run.runId, u"run-1");
    QCOMPARE(run.started, runInfo(OperationType::Append).started);
    QCOMPARE(run.fileSize, 1234);
    QCOMPARE(run.fileSha256, QByteArray("abcdef"));
    QCOMPARE(run.sheet, u"Orders");
    QCOMPARE(run.table, u"INV_CUSTOMER_ORDERS_OOTB");
    QCOMPARE(run.operation, OperationType::Append);
    QCOMPARE(run.profile, u"monthly orders");
    QCOMPARE(run.mappingSha256, QByteArray("0123"));
    QCOMPARE(run.dataRows, 10);
    QVERIFY(!state->ended);
}

void TestUploadJournal::settledBatchesAreReadBack()
{
    const QString path = nextPath();
    auto journal = UploadJournal::create(path, runInfo(OperationType::Upsert));
    QVERIFY(journal.isOk());
    journal.value()->recordSending(1, QStringLiteral("2-4"), 1, false);
    BatchResult first = acknowledged(1, {0, 1, 2});
    first.rejected.append({1,
                           {{QStringLiteral("DI_E_10002"), QStringLiteral("TYPE"),
                             QStringLiteral("ordered_units"), QStringLiteral("not a number")}}});
    first.accepted = 2;
    journal.value()->recordResult(first, *m_source);
    journal.value()->recordEnd(QDateTime::currentDateTimeUtc(), QStringLiteral("completed"));
    QCOMPARE(journal.value()->errorString(), QString());
    const Result<JournalState> state = JournalReader::read(path);
    QVERIFY(state.isOk());
    QCOMPARE(state->settled.value(2), RowOutcome::Accepted);
    QCOMPARE(state->settled.value(3), RowOutcome::Rejected);
    QCOMPARE(state->errors.value(3).at(0).column, u"ordered_units");
    QCOMPARE(state->settled.value(4), RowOutcome::Accepted);
    QVERIFY(state->unanswered.isEmpty());
    QCOMPARE(state->lastBatchId, 1);
    QVERIFY(state->ended);
}

void TestUploadJournal::resumeSkipsAcknowledgedAndResendsTheRest()
{
    const QString path = nextPath();
    auto journal = UploadJournal::create(path, runInfo(OperationType::Upsert));
    QVERIFY(journal.isOk());
    journal.value()->recordSending(1, QStringLiteral("2-4"), 1, false);
    journal.value()->recordSending(2, QStringLiteral("5-7"), 1, false);
    journal.value()->recordResult(acknowledged(1, {0, 1, 2}), *m_source);
    journal.value()->recordSending(3, QStringLiteral("8-9"), 1, false);
    BatchResult gaveUp = acknowledged(3, {6, 7});
    gaveUp.status = BatchStatus::GaveUp;
    journal.value()->recordResult(gaveUp, *m_source);
    // The process died here: batch 2 was sent and never answered.
    const Result<JournalState> state = JournalReader::read(path);
    QVERIFY(state.isOk());
    const ResumePlan plan
        = JournalReader::planResume(*state, *m_source, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, false);
    // UPSERT is idempotent: the unanswered batch and the one given up are sent again.
    QCOMPARE(plan.rowsToSend, (std::vector<qsizetype> {3, 4, 5, 6, 7, 8, 9}));
    QCOMPARE(plan.outcomes.count(RowOutcome::Accepted), 3);
    QCOMPARE(plan.maybeStored, (QSet<qsizetype> {3, 4, 5}));
    QCOMPARE(plan.heldBack, 0);
    QCOMPARE(state->lastBatchId, 3);
}

void TestUploadJournal::appendHoldsBackUnansweredBatches()
{
    const QString path = nextPath();
    auto journal = UploadJournal::create(path, runInfo(OperationType::Append));
    QVERIFY(journal.isOk());
    journal.value()->recordSending(1, QStringLiteral("2-4"), 1, true);
    journal.value()->recordSending(2, QStringLiteral("5-7"), 1, true);
    journal.value()->recordResult(acknowledged(1, {0, 1, 2}), *m_source);
    BatchResult uncertain = acknowledged(4, {9});
    uncertain.status = BatchStatus::Uncertain;
    journal.value()->recordSending(4, QStringLiteral("11"), 1, true);
    journal.value()->recordResult(uncertain, *m_source);
    const Result<JournalState> state = JournalReader::read(path);
    QVERIFY(state.isOk());
    const ResumePlan plan
        = JournalReader::planResume(*state, *m_source, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, false);
    QCOMPARE(plan.rowsToSend, (std::vector<qsizetype> {6, 7, 8})); // never sent
    QCOMPARE(plan.heldBack, 4);                                    // rows 3, 4, 5 and 9
    QCOMPARE(plan.outcomes.outcome(3), RowOutcome::Uncertain);
    QCOMPARE(plan.outcomes.outcome(9), RowOutcome::Uncertain);
    QCOMPARE(plan.outcomes.outcome(0), RowOutcome::Accepted);
}

void TestUploadJournal::appendResendsThemWhenAsked()
{
    const QString path = nextPath();
    auto journal = UploadJournal::create(path, runInfo(OperationType::Append));
    QVERIFY(journal.isOk());
    journal.value()->recordSending(1, QStringLiteral("2-4"), 1, true);
    const Result<JournalState> state = JournalReader::read(path);
    QVERIFY(state.isOk());
    const ResumePlan plan = JournalReader::planResume(*state, *m_source, {0, 1, 2, 3}, true);
    QCOMPARE(plan.rowsToSend, (std::vector<qsizetype> {0, 1, 2, 3}));
    QCOMPARE(plan.maybeStored, (QSet<qsizetype> {0, 1, 2}));
    QCOMPARE(plan.heldBack, 0);
}

void TestUploadJournal::aLaterSettlementWins()
{
    const QString path = nextPath();
    auto journal = UploadJournal::create(path, runInfo(OperationType::Append));
    QVERIFY(journal.isOk());
    BatchResult uncertain = acknowledged(1, {0, 1});
    uncertain.status = BatchStatus::Uncertain;
    journal.value()->recordResult(uncertain, *m_source);
    journal.value()->recordResumed(QDateTime::currentDateTimeUtc());
    journal.value()->recordResult(acknowledged(2, {0, 1}), *m_source);
    const Result<JournalState> state = JournalReader::read(path);
    QVERIFY(state.isOk());
    QCOMPARE(state->settled.value(2), RowOutcome::Accepted);
    QCOMPARE(state->settled.value(3), RowOutcome::Accepted);
}

void TestUploadJournal::aLineCutShortByACrashIsSkipped()
{
    const QString path = nextPath();
    {
        auto journal = UploadJournal::create(path, runInfo(OperationType::Upsert));
        QVERIFY(journal.isOk());
        journal.value()->recordResult(acknowledged(1, {0, 1}), *m_source);
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write(R"({"type":"result","batch":2,"rows":"4-5","sta)");
    file.close();
    const Result<JournalState> state = JournalReader::read(path);
    QVERIFY(state.isOk());
    QCOMPARE(state->damagedLines, 1);
    QCOMPARE(state->settled.size(), 2);
    QVERIFY(!state->settled.contains(4)); // the torn line claims nothing
}

void TestUploadJournal::reopenEndsATornLineFirst()
{
    const QString path = nextPath();
    QVERIFY(UploadJournal::create(path, runInfo(OperationType::Upsert)).isOk());
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write(R"({"type":"sen)");
    file.close();
    auto journal = UploadJournal::reopen(path);
    QVERIFY(journal.isOk());
    journal.value()->recordResult(acknowledged(7, {5}), *m_source);
    const Result<JournalState> state = JournalReader::read(path);
    QVERIFY(state.isOk());
    QCOMPARE(state->damagedLines, 1);
    QCOMPARE(state->settled.value(7), RowOutcome::Accepted);
    QCOMPARE(state->lastBatchId, 7);
}

void TestUploadJournal::refusesToOverwriteAndToReadOtherFiles()
{
    const QString path = nextPath();
    QVERIFY(UploadJournal::create(path, runInfo(OperationType::Upsert)).isOk());
    const auto again = UploadJournal::create(path, runInfo(OperationType::Upsert));
    QVERIFY(!again.isOk());
    QVERIFY(again.error().message.contains(path));

    const QString other = nextPath();
    QFile file(other);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("order_id,order_line_id\nA,1\n");
    file.close();
    const Result<JournalState> state = JournalReader::read(other);
    QVERIFY(!state.isOk());
    QVERIFY(state.error().message.contains(u"not a Sluice journal"));
    QVERIFY(!JournalReader::read(m_dir.filePath(QStringLiteral("missing.jsonl"))).isOk());
    QVERIFY(!UploadJournal::reopen(m_dir.filePath(QStringLiteral("missing.jsonl"))).isOk());
}

void TestUploadJournal::rangesParse()
{
    QCOMPARE(JournalReader::parseRanges(QStringLiteral("2-5,9")),
             (std::vector<qsizetype> {2, 3, 4, 5, 9}));
    QCOMPARE(JournalReader::parseRanges(QString()), std::vector<qsizetype> {});
    QVERIFY(!JournalReader::parseRanges(QStringLiteral("5-2")));
    QVERIFY(!JournalReader::parseRanges(QStringLiteral("x")));
    QVERIFY(!JournalReader::parseRanges(QStringLiteral("0")));
    QVERIFY(!JournalReader::parseRanges(QStringLiteral("1-99999999999")));
    std::vector<qsizetype> rows {0, 1, 2, 4, 7, 8};
    QCOMPARE(UploadJournal::sheetRowRanges(rows, *m_source), u"2-4,6,9-10");
}

QTEST_GUILESS_MAIN(TestUploadJournal)
#include "tst_uploadjournal.moc"
