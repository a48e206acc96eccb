// SPDX-License-Identifier: MIT
// The upload engine against the in-process sandbox on 127.0.0.1: what ends up stored, and what
// each row's outcome says, under faults.
#include "app/sandbox/sandboxserver.h"
#include "models/schema/endpoint.h"
#include "models/upload/batchuploader.h"
#include "models/upload/serverissues.h"
#include "models/validation/issueindex.h"
#include "tests/support/catalogues.h"
#include "tests/support/orderrows.h"
#include "tests/support/sandboxclient.h"
#include "tests/support/stringrowsource.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace sluice;
using namespace sluice::test;

namespace {

const QString Table = QStringLiteral("INV_CUSTOMER_ORDERS_OOTB");
const QByteArray Token = "uploader-token";

// Answers nothing to the first request it gets (the reply never comes), and a plain 200 to the
// ones after: what a stalled proxy looks like.
class StallOnceServer : public QTcpServer
{
public:
    int connections = 0;

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        const bool stall = connections++ == 0;
        connect(socket, &QTcpSocket::readyRead, socket, [socket, stall] {
            QByteArray &seen = m_buffers[socket];
            seen += socket->readAll();
            const qsizetype end = seen.indexOf("\r\n\r\n");
            if (stall || end < 0)
                return;
            const qsizetype lengthAt = seen.toLower().indexOf("content-length:");
            const qsizetype length
                = seen.mid(lengthAt + 15, seen.indexOf('\r', lengthAt) - lengthAt - 15)
                      .trimmed()
                      .toLongLong();
            if (seen.size() < end + 4 + length)
                return;
            const QByteArray body = R"({"requestId":"stall-1","accepted":3,"failed":[]})";
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            seen.clear();
        });
    }

private:
    static inline QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

class TestBatchUploader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyRowIsStoredOnce();
    void serverRowErrorsLandOnTheirRows();
    void dryRunStoresNothingAndReportsTheSameErrors();
    void appendOfStoredKeysIsRejectedRowByRow();
    void tooLargeBatchesAreSplit();
    void aRefusedTokenStopsTheRunAtOnce();
    void failuresAreRetriedUntilEveryRowIsIn();
    void lostRepliesOnUpsertAreResent();
    void lostRepliesOnAppendAreHeldBackAsUncertain();
    void lostRepliesOnAppendAreResentWhenAsked();
    void throttlingIsHonoured();
    void anUnpacedRunFindsTheServersPace();
    void aReplyThatNeverComesTimesOutAndIsRetried();
    void pauseStopsSendingAndResumeGoesOn();
    void cancelLetsRequestsInFlightFinish();

private:
    struct Run
    {
        std::unique_ptr<StringRowSource> source;
        std::unique_ptr<PayloadWriter> writer;
        std::unique_ptr<BatchPlanner> planner;
        std::unique_ptr<BatchUploader> uploader;
        QList<BatchResult> batches;
        std::optional<BatchUploader::StopReason> stop;
    };

    std::unique_ptr<SandboxServer> startSandbox(SandboxOptions options, QUrl *base);
    std::unique_ptr<Run> makeRun(const QUrl &base, QList<QStringList> rows, UploadSettings settings,
                                 OperationType operation, bool dryRun = false,
                                 const QByteArray &token = Token);
    void runToEnd(Run &run, int timeoutMs = 120000);
    static QList<QStringList> orders(int count);
    static UploadSettings fastSettings(int batchRows);

    std::shared_ptr<const Catalogue> m_catalogue;
    const Resource *m_orders = nullptr;
    QNetworkAccessManager m_network;
};

void TestBatchUploader::initTestCase()
{
    m_catalogue = builtInCatalogue();
    m_orders = m_catalogue->resource(u"INV.CUSTOMER_ORDERS");
    QVERIFY(m_orders);
}

QList<QStringList> TestBatchUploader::orders(int count)
{
    QList<QStringList> rows;
    for (int i = 0; i < count; ++i)
        rows.append(orderRow(i));
    return rows;
}

UploadSettings TestBatchUploader::fastSettings(int batchRows)
{
    UploadSettings settings;
    settings.batchRows = batchRows;
    settings.requestsPerSecond = 0;
    settings.transferTimeoutMs = 20000;
    return settings;
}

std::unique_ptr<SandboxServer> TestBatchUploader::startSandbox(SandboxOptions options, QUrl *base)
{
    options.tokens = QStringList {QString::fromLatin1(Token)};
    if (options.seed == 0)
        options.seed = 42;
    auto server = std::make_unique<SandboxServer>(m_catalogue, options);
    const quint16 port = server->listen(QHostAddress::LocalHost, 0);
    if (port == 0)
        qFatal("the sandbox does not listen");
    *base = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    return server;
}

std::unique_ptr<TestBatchUploader::Run>
TestBatchUploader::makeRun(const QUrl &base, QList<QStringList> rows, UploadSettings settings,
                           OperationType operation, bool dryRun, const QByteArray &token)
{
    auto run = std::make_unique<Run>();
    run->source = std::make_unique<StringRowSource>(*m_orders, std::move(rows));
    run->writer
        = std::make_unique<PayloadWriter>(*m_orders, QStringLiteral("INV_OOTB"), operation, dryRun);
    std::vector<qsizetype> all(size_t(run->source->rowCount()));
    std::iota(all.begin(), all.end(), 0);
    run->planner = std::make_unique<BatchPlanner>(*run->source, *run->writer, all,
                                                  settings.batchRows, settings.batchBytes);
    UploadTarget target;
    target.ingestUrl = *Endpoint::ingestUrl(base, Endpoint::defaultPathTemplate(), Table);
    target.table = Table;
    target.solutionName = QStringLiteral("INV_OOTB");
    target.operation = operation;
    target.dryRun = dryRun;
    run->uploader = std::make_unique<BatchUploader>(m_network, target, settings, *run->planner,
                                                    *run->source, QString::fromLatin1(token),
                                                    RowOutcomes(run->source->rowCount()));
    run->uploader->setRandomSeed(7);
    run->uploader->setRetryPolicy({12, 20, 200}); // fast backoff: the test's clock is real
    run->uploader->setRunId(QStringLiteral("test"));
    Run *raw = run.get();
    connect(raw->uploader.get(), &BatchUploader::batchFinished, this,
            [raw](const BatchResult &result) { raw->batches.append(result); });
    connect(raw->uploader.get(), &BatchUploader::finished, this,
            [raw](BatchUploader::StopReason reason) { raw->stop = reason; });
    return run;
}

void TestBatchUploader::runToEnd(Run &run, int timeoutMs)
{
    run.uploader->start();
    QTRY_VERIFY_WITH_TIMEOUT(run.stop.has_value(), timeoutMs);
}

void TestBatchUploader::everyRowIsStoredOnce()
{
    QUrl base;
    auto sandbox = startSandbox({}, &base);
    SandboxClient admin(base, Token);
    auto run = makeRun(base, orders(1234), fastSettings(100), OperationType::Upsert);
    runToEnd(*run);
    QCOMPARE(*run->stop, BatchUploader::StopReason::Completed);
    const RowOutcomes &outcomes = run->uploader->outcomes();
    QCOMPARE(outcomes.count(RowOutcome::Accepted), 1234);
    QCOMPARE(run->batches.size(), 13);
    QCOMPARE(admin.count(Table), 1234);
    const QList<QJsonObject> records = admin.records(Table);
    QSet<QString> ids;
    for (const QJsonObject &record : records)
        ids.insert(record.value(u"order_id").toString());
    QCOMPARE(ids.size(), 1234);
    QVERIFY(ids.contains(QStringLiteral("ORD-0001233")));
    // Each request names its run, batch and sheet rows for the server's log.
    const QJsonArray log = admin.requests();
    QCOMPARE(log.size(), 13);
    QSet<QString> names;
    for (const QJsonValue &entry : log)
        names.insert(entry.toObject().value(u"batch").toString());
    QVERIFY(names.contains(QStringLiteral("run=test;batch=1;rows=2-101")));
    QVERIFY(names.contains(QStringLiteral("run=test;batch=13;rows=1202-1235")));
    const UploadProgress progress = run->uploader->progress();
    QCOMPARE(progress.rowsDone, 1234);
    QCOMPARE(progress.batchesDone, 13);
}

void TestBatchUploader::serverRowErrorsLandOnTheirRows()
{
    QUrl base;
    auto sandbox = startSandbox({}, &base);
    QList<QStringList> rows = orders(20);
    rows[6] = rows[5]; // one key twice in one request: DI_E_10007 on both
    auto run = makeRun(base, rows, fastSettings(500), OperationType::Upsert);
    runToEnd(*run);
    const RowOutcomes &outcomes = run->uploader->outcomes();
    QCOMPARE(outcomes.count(RowOutcome::Accepted), 18);
    QCOMPARE(outcomes.outcome(5), RowOutcome::Rejected);
    QCOMPARE(outcomes.outcome(6), RowOutcome::Rejected);
    QCOMPARE(outcomes.errors(6).at(0).code, u"DI_E_10007");
    QCOMPARE(run->batches.at(0).rejected.size(), 2);
    QCOMPARE(run->batches.at(0).status, BatchStatus::Acknowledged);
    QVERIFY(!run->batches.at(0).requestId.isEmpty());
    QVERIFY(run->batches.at(0).rawResponse.contains("DI_E_10007"));
    QCOMPARE(SandboxClient(base, Token).count(Table), 18);
}

void TestBatchUploader::dryRunStoresNothingAndReportsTheSameErrors()
{
    QUrl base;
    auto sandbox = startSandbox({}, &base);
    QList<QStringList> rows = orders(50);
    rows[31] = rows[30];
    auto run = makeRun(base, rows, fastSettings(20), OperationType::Upsert, true);
    runToEnd(*run);
    const RowOutcomes &outcomes = run->uploader->outcomes();
    QCOMPARE(outcomes.count(RowOutcome::Accepted), 48);
    QCOMPARE(outcomes.errors(30).at(0).code, u"DI_E_10007");
    QCOMPARE(outcomes.errors(31).at(0).code, u"DI_E_10007");
    QCOMPARE(SandboxClient(base, Token).count(Table), 0);
    // The server's findings go onto the cells like the local checks' findings.
    IssueIndex issues;
    std::vector<NormalisedCell> cells;
    for (const qsizetype row : {30, 31}) {
        run->source->normalise(row, cells);
        issues.setRowIssues(row, ServerIssues::forRow(row, outcomes.errors(row), *m_orders, cells));
    }
    QCOMPARE(issues.count(IssueCode::DuplicateKey), 2);
    QVERIFY(issues.rowHasErrors(31));
    const CellIssue &issue = issues.issuesOfRow(31)->front();
    QCOMPARE(m_orders->attributes.at(issue.attribute).name, u"order_id");
    QCOMPARE(issue.value, u"ORD-0000030");
    QVERIFY(issue.message.startsWith(u"the server: "));
    QVERIFY(!issue.suggestion.isEmpty());
}

void TestBatchUploader::appendOfStoredKeysIsRejectedRowByRow()
{
    QUrl base;
    auto sandbox = startSandbox({}, &base);
    auto first = makeRun(base, orders(10), fastSettings(500), OperationType::Append);
    runToEnd(*first);
    QCOMPARE(first->uploader->outcomes().count(RowOutcome::Accepted), 10);
    // The same ten and ten more: nothing was lost in between, so "key exists" is a rejection.
    auto second = makeRun(base, orders(20), fastSettings(500), OperationType::Append);
    runToEnd(*second);
    const RowOutcomes &outcomes = second->uploader->outcomes();
    QCOMPARE(outcomes.count(RowOutcome::Rejected), 10);
    QCOMPARE(outcomes.count(RowOutcome::Accepted), 10);
    QCOMPARE(outcomes.outcome(9), RowOutcome::Rejected);
    QCOMPARE(outcomes.errors(9).at(0).code, u"DI_E_10008");
    QCOMPARE(outcomes.outcome(10), RowOutcome::Accepted);
    QCOMPARE(SandboxClient(base, Token).count(Table), 20);
}

void TestBatchUploader::tooLargeBatchesAreSplit()
{
    QUrl base;
    SandboxOptions options;
    options.maxRows = 60;
    auto sandbox = startSandbox(options, &base);
    SandboxClient admin(base, Token);
    auto run = makeRun(base, orders(500), fastSettings(250), OperationType::Upsert);
    runToEnd(*run);
    QCOMPARE(run->uploader->outcomes().count(RowOutcome::Accepted), 500);
    QCOMPARE(admin.count(Table), 500);
    int tooLarge = 0;
    for (const QJsonValue &entry : admin.requests())
        tooLarge += entry.toObject().value(u"status").toInt() == 413;
    // 250 → 125 → 62 → 31: each 250-row batch is refused three times on the way down.
    QCOMPARE(tooLarge, 2 * (1 + 2 + 4));
    for (const BatchResult &batch : run->batches)
        QVERIFY(batch.rows.size() <= 60);
}

void TestBatchUploader::aRefusedTokenStopsTheRunAtOnce()
{
    QUrl base;
    auto sandbox = startSandbox({}, &base);
    SandboxClient admin(base, Token);
    UploadSettings settings = fastSettings(10);
    settings.concurrency = 2;
    auto run = makeRun(base, orders(200), settings, OperationType::Upsert, false, "wrong");
    runToEnd(*run);
    QCOMPARE(*run->stop, BatchUploader::StopReason::AuthenticationFailed);
    QVERIFY(run->uploader->stopMessage().contains(u"token"));
    QVERIFY(admin.requests().size() <= 2); // what was in flight, nothing after
    QCOMPARE(run->uploader->outcomes().count(RowOutcome::NotSent), 200);
    QCOMPARE(admin.count(Table), 0);
}

void TestBatchUploader::failuresAreRetriedUntilEveryRowIsIn()
{
    QUrl base;
    SandboxOptions options;
    options.failRate = 0.3;
    options.failStatus = 503;
    auto sandbox = startSandbox(options, &base);
    SandboxClient admin(base, Token);
    auto run = makeRun(base, orders(1000), fastSettings(50), OperationType::Upsert);
    runToEnd(*run);
    QCOMPARE(run->uploader->outcomes().count(RowOutcome::Accepted), 1000);
    QCOMPARE(admin.count(Table), 1000);
    int retried = 0;
    for (const BatchResult &batch : run->batches)
        retried += batch.attempts > 1;
    QVERIFY(retried > 0);
}

void TestBatchUploader::lostRepliesOnUpsertAreResent()
{
    QUrl base;
    SandboxOptions options;
    options.dropRate = 0.3;
    auto sandbox = startSandbox(options, &base);
    SandboxClient admin(base, Token);
    auto run = makeRun(base, orders(1000), fastSettings(50), OperationType::Upsert);
    runToEnd(*run);
    QCOMPARE(run->uploader->outcomes().count(RowOutcome::Accepted), 1000);
    QCOMPARE(admin.count(Table), 1000); // resent batches replaced their rows, never doubled them
    int dropped = 0;
    for (const QJsonValue &entry : admin.requests())
        dropped += entry.toObject().value(u"outcome").toString() == u"dropped";
    QVERIFY(dropped > 0);
}

void TestBatchUploader::lostRepliesOnAppendAreHeldBackAsUncertain()
{
    QUrl base;
    SandboxOptions options;
    options.dropRate = 0.3;
    auto sandbox = startSandbox(options, &base);
    SandboxClient admin(base, Token);
    auto run = makeRun(base, orders(1000), fastSettings(50), OperationType::Append);
    runToEnd(*run);
    const RowOutcomes &outcomes = run->uploader->outcomes();
    const qsizetype uncertain = outcomes.count(RowOutcome::Uncertain);
    QVERIFY(uncertain > 0);
    QCOMPARE(outcomes.count(RowOutcome::Accepted) + uncertain, 1000);
    QCOMPARE(outcomes.count(RowOutcome::Rejected), 0); // never resent, so never "key exists"
    // Every uncertain row was in a request whose connection the server cut.
    QSet<QString> droppedBatches;
    for (const QJsonValue &entry : admin.requests()) {
        if (entry.toObject().value(u"outcome").toString() == u"dropped")
            droppedBatches.insert(entry.toObject().value(u"batch").toString());
    }
    for (const BatchResult &batch : run->batches) {
        if (batch.status == BatchStatus::Uncertain)
            QVERIFY(droppedBatches.contains(QStringLiteral("run=test;batch=%1;rows=%2-%3")
                                                .arg(batch.id)
                                                .arg(batch.rows.front() + 2)
                                                .arg(batch.rows.back() + 2)));
    }
    // The dropped batches were stored by the server: the table holds every row exactly once.
    QCOMPARE(admin.count(Table), 1000);
}

void TestBatchUploader::lostRepliesOnAppendAreResentWhenAsked()
{
    QUrl base;
    SandboxOptions options;
    options.dropRate = 0.3;
    auto sandbox = startSandbox(options, &base);
    SandboxClient admin(base, Token);
    UploadSettings settings = fastSettings(50);
    settings.resendUncertain = true;
    auto run = makeRun(base, orders(1000), settings, OperationType::Append);
    runToEnd(*run);
    // The resent batch finds its own rows stored ("key exists"): they count as accepted.
    QCOMPARE(run->uploader->outcomes().count(RowOutcome::Accepted), 1000);
    QCOMPARE(admin.count(Table), 1000);
}

void TestBatchUploader::throttlingIsHonoured()
{
    QUrl base;
    SandboxOptions options;
    options.rateLimit = 10;
    auto sandbox = startSandbox(options, &base);
    SandboxClient admin(base, Token);
    UploadSettings settings = fastSettings(10);
    settings.requestsPerSecond = 40; // four times what the server allows
    auto run = makeRun(base, orders(300), settings, OperationType::Upsert);
    runToEnd(*run);
    QCOMPARE(run->uploader->outcomes().count(RowOutcome::Accepted), 300);
    QCOMPARE(admin.count(Table), 300);
    int throttled = 0;
    for (const QJsonValue &entry : admin.requests())
        throttled += entry.toObject().value(u"status").toInt() == 429;
    QVERIFY(throttled > 0);
    // After the first 429s the client slows down instead of hammering: most requests pass.
    QVERIFY2(throttled < 30, qPrintable(QString::number(throttled)));
}

void TestBatchUploader::anUnpacedRunFindsTheServersPace()
{
    QUrl base;
    SandboxOptions options;
    options.rateLimit = 10;
    auto sandbox = startSandbox(options, &base);
    SandboxClient admin(base, Token);
    UploadSettings settings = fastSettings(10); // no pacing at all until the first 429
    auto run = makeRun(base, orders(200), settings, OperationType::Upsert);
    run->uploader->setRetryPolicy({3, 20, 200}); // few retries: only 429s may repeat freely
    runToEnd(*run);
    QCOMPARE(run->uploader->outcomes().count(RowOutcome::Accepted), 200);
    QCOMPARE(admin.count(Table), 200);
    int throttled = 0;
    for (const QJsonValue &entry : admin.requests())
        throttled += entry.toObject().value(u"status").toInt() == 429;
    QVERIFY(throttled > 0);
    for (const BatchResult &batch : run->batches)
        QVERIFY(!batch.gaveUp);
}

void TestBatchUploader::aReplyThatNeverComesTimesOutAndIsRetried()
{
    StallOnceServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
    UploadSettings settings = fastSettings(10);
    settings.transferTimeoutMs = 500;
    auto run = makeRun(base, orders(3), settings, OperationType::Upsert);
    runToEnd(*run, 20000);
    QCOMPARE(run->uploader->outcomes().count(RowOutcome::Accepted), 3);
    QCOMPARE(run->batches.size(), 1);
    QCOMPARE(run->batches.at(0).attempts, 2);
    QVERIFY(run->batches.at(0).durationMs >= 500);
    QCOMPARE(server.connections, 2);
}

void TestBatchUploader::pauseStopsSendingAndResumeGoesOn()
{
    QUrl base;
    auto sandbox = startSandbox({}, &base);
    SandboxClient admin(base, Token);
    UploadSettings settings = fastSettings(10);
    settings.concurrency = 1;
    auto run = makeRun(base, orders(100), settings, OperationType::Upsert);
    connect(run->uploader.get(), &BatchUploader::batchFinished, run->uploader.get(),
            [&run](const BatchResult &result) {
                if (result.id == 2)
                    run->uploader->pause();
            });
    run->uploader->start();
    QTRY_COMPARE(run->uploader->state(), BatchUploader::State::Paused);
    QTRY_COMPARE(run->batches.size(), 2);
    QTest::qWait(300); // a paused run must stay quiet; nothing to wait for but time
    QCOMPARE(admin.requests().size(), 2);
    QVERIFY(!run->stop);
    run->uploader->resume();
    QTRY_VERIFY(run->stop.has_value());
    QCOMPARE(run->uploader->outcomes().count(RowOutcome::Accepted), 100);
    QCOMPARE(admin.count(Table), 100);
}

void TestBatchUploader::cancelLetsRequestsInFlightFinish()
{
    QUrl base;
    SandboxOptions options;
    options.latencyMs = 200;
    auto sandbox = startSandbox(options, &base);
    SandboxClient admin(base, Token);
    UploadSettings settings = fastSettings(10);
    settings.concurrency = 3;
    auto run = makeRun(base, orders(200), settings, OperationType::Append);
    connect(run->uploader.get(), &BatchUploader::batchFinished, run->uploader.get(),
            [&run](const BatchResult &) { run->uploader->cancel(); });
    runToEnd(*run);
    QCOMPARE(*run->stop, BatchUploader::StopReason::Cancelled);
    const RowOutcomes &outcomes = run->uploader->outcomes();
    // The three in flight were answered and recorded: nothing uncertain, nothing lost.
    QCOMPARE(outcomes.count(RowOutcome::Accepted), 30);
    QCOMPARE(outcomes.count(RowOutcome::Uncertain), 0);
    QCOMPARE(outcomes.count(RowOutcome::NotSent), 170);
    QCOMPARE(admin.count(Table), 30);
}

QTEST_GUILESS_MAIN(TestBatchUploader)
#include "tst_batchuploader.moc"
