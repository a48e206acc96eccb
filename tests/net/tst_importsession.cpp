// SPDX-License-Identifier: MIT
// The import flow without widgets: open, map, validate and upload to the in-process sandbox.
#include "app/sandbox/sandboxserver.h"
#include "models/schema/endpoint.h"
#include "models/session/importsession.h"
#include "tests/support/catalogues.h"
#include "tests/support/orderrows.h"
#include "tests/support/sandboxclient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;
using namespace sluice::test;

namespace {
const QString Table = QStringLiteral("INV_CUSTOMER_ORDERS_OOTB");
const QByteArray Token = "session-token";
} // namespace

class TestImportSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensMapsValidatesAndUploads();
    void aNewerValidationSupersedesAnOlderOne();
    void aFileThatCannotBeReadSaysWhy();
    void anUploadNeedsCheckedRows();
    void serverRowErrorsJoinTheLocalIssues();
    void fixedRejectedRowsAreResentAlone();
    void excludedRowsAreNotSentAndListedInTheResults();

private:
    QString writeOrders(const QString &name, int count, int badEvery);

    QTemporaryDir m_dir;
    std::shared_ptr<const Catalogue> m_catalogue;
    QNetworkAccessManager m_network;
};

void TestImportSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_catalogue = builtInCatalogue();
}

QString TestImportSession::writeOrders(const QString &name, int count, int badEvery)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write("order_id,order_line_id,order_date,requested_ship_date,expected_ship_date,"
               "actual_ship_date,product_id,location_id,ordered_units,ordered_value,updated_at,"
               "status,shipped_units,shipped_value\n");
    for (int n = 0; n < count; ++n) {
        QStringList row = orderRow(n);
        if (badEvery > 0 && n % badEvery == badEvery - 1)
            row[8] = QStringLiteral("ten"); // not an integer: never sent
        file.write(row.join(u',').toUtf8() + '\n');
    }
    return path;
}

void TestImportSession::opensMapsValidatesAndUploads()
{
    SandboxOptions options;
    options.tokens = {QString::fromLatin1(Token)};
    SandboxServer sandbox(m_catalogue, options);
    const quint16 port = sandbox.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(port));

    ImportSession session(m_catalogue, m_network);
    session.setRunHistory(RunHistoryStore(m_dir.filePath(QStringLiteral("runs.jsonl"))));
    QSignalSpy loaded(&session, &ImportSession::loaded);
    session.openFile(writeOrders(QStringLiteral("orders.csv"), 1200, 100));
    QVERIFY(session.isLoading()); // the read runs in the background
    QVERIFY(loaded.wait(20000));
    QCOMPARE(session.table().rowCount(), 1201);
    QCOMPARE(session.layout().headerRow, 0);

    QVERIFY(session.setResource(QStringLiteral("INV.CUSTOMER_ORDERS")));
    QVERIFY(session.rows());
    QCOMPARE(session.rows()->rowCount(), 1200);
    QCOMPARE(session.mapping().attributes.at(0).columns, QStringList {QStringLiteral("order_id")});

    QSignalSpy validated(&session, &ImportSession::validated);
    session.validate();
    QVERIFY(session.isValidating());
    QVERIFY(validated.wait(20000));
    QCOMPARE(session.issues()->errorCount(), 12);
    QCOMPARE(session.rowsToSend().size(), size_t(1188));

    UploadTarget target;
    target.table = Table;
    target.solutionName = QStringLiteral("INV_OOTB");
    target.ingestUrl = *Endpoint::ingestUrl(base, Endpoint::defaultPathTemplate(), Table);
    UploadSettings settings;
    settings.requestsPerSecond = 0;
    QSignalSpy finished(&session, &ImportSession::uploadFinished);
    const QString journal = m_dir.filePath(QStringLiteral("session.jsonl"));
    QCOMPARE(session.startUpload(target, settings, QString::fromLatin1(Token), journal),
             std::nullopt);
    QVERIFY(finished.wait(30000));
    const RowOutcomes &outcomes = session.upload()->outcomes();
    QCOMPARE(outcomes.count(RowOutcome::Accepted), 1188);
    QCOMPARE(outcomes.count(RowOutcome::Skipped), 12);
    QCOMPARE(outcomes.outcome(99), RowOutcome::Skipped);
    QCOMPARE(SandboxClient(base, Token).count(Table), 1188);
    QVERIFY(QFileInfo(journal).size() > 0);
    // The run is in the history the Results page lists.
    const QList<RunHistoryEntry> history = session.runHistory().entries();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0).accepted, 1188);
    QCOMPARE(history.at(0).skipped, 12);
    QCOMPARE(history.at(0).resourceId, u"INV.CUSTOMER_ORDERS");
    QCOMPARE(history.at(0).stopReason, u"completed");
    QCOMPARE(history.at(0).journalPath, journal);
}

void TestImportSession::aNewerValidationSupersedesAnOlderOne()
{
    ImportSession session(m_catalogue, m_network);
    QSignalSpy loaded(&session, &ImportSession::loaded);
    session.openFile(writeOrders(QStringLiteral("many.csv"), 50000, 10));
    QVERIFY(loaded.wait(30000));
    QVERIFY(session.setResource(QStringLiteral("INV.CUSTOMER_ORDERS")));
    QSignalSpy validated(&session, &ImportSession::validated);
    session.validate();
    // The user maps ordered_units to nothing while the first check runs: only the second
    // check's result may land.
    Mapping mapping = session.mapping();
    mapping.attributes[8] = {};
    session.setMapping(mapping);
    QVERIFY(!session.isValidating());
    session.validate();
    QVERIFY(validated.wait(30000));
    QTest::qWait(200); // a dropped first result would arrive now, if it were delivered
    QCOMPARE(validated.count(), 1);
    // ordered_units is required: every row misses it, and no row has the old TYPE error.
    QCOMPARE(session.issues()->count(IssueCode::Required), 50000);
    QCOMPARE(session.issues()->count(IssueCode::Type), 0);
}

void TestImportSession::aFileThatCannotBeReadSaysWhy()
{
    ImportSession session(m_catalogue, m_network);
    QSignalSpy failed(&session, &ImportSession::loadFailed);
    session.openFile(m_dir.filePath(QStringLiteral("missing.xlsx")));
    // Opening runs on a worker (a CSV's dialect is read from the whole file): it answers later.
    QVERIFY(session.isLoading());
    QVERIFY(failed.wait());
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(u"missing.xlsx"),
             qPrintable(failed.at(0).at(0).toString()));
    QVERIFY(!session.isLoading());
}

void TestImportSession::anUploadNeedsCheckedRows()
{
    ImportSession session(m_catalogue, m_network);
    QSignalSpy loaded(&session, &ImportSession::loaded);
    session.openFile(writeOrders(QStringLiteral("few.csv"), 5, 0));
    QVERIFY(loaded.wait(20000));
    QVERIFY(session.setResource(QStringLiteral("INV.CUSTOMER_ORDERS")));
    const std::optional<Error> error
        = session.startUpload({}, {}, QString(), m_dir.filePath(QStringLiteral("x.jsonl")));
    QVERIFY(error.has_value());
    QVERIFY(error->message.contains(u"check the rows"));
}

void TestImportSession::serverRowErrorsJoinTheLocalIssues()
{
    SandboxOptions options;
    options.tokens = {QString::fromLatin1(Token)};
    SandboxServer sandbox(m_catalogue, options);
    const quint16 port = sandbox.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(port));

    // Ten rows; the fourth ships more than was ordered: a local warning, and it is still sent.
    const QString path = writeOrders(QStringLiteral("append.csv"), 10, 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = file.readAll().split('\n');
    file.close();
    QStringList fourth = orderRow(3);
    fourth[12] = QStringLiteral("999");
    lines[4] = fourth.join(u',').toUtf8();
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(lines.join('\n'));
    file.close();

    ImportSession session(m_catalogue, m_network);
    session.setRunHistory(RunHistoryStore(m_dir.filePath(QStringLiteral("append-runs.jsonl"))));
    QSignalSpy loaded(&session, &ImportSession::loaded);
    session.openFile(path);
    QVERIFY(loaded.wait(20000));
    QVERIFY(session.setResource(QStringLiteral("INV.CUSTOMER_ORDERS")));
    QSignalSpy validated(&session, &ImportSession::validated);
    session.validate();
    QVERIFY(validated.wait(20000));
    QCOMPARE(session.issues()->errorCount(), 0);
    QCOMPARE(session.issues()->count(IssueCode::Suspicious), 1);

    UploadTarget target;
    target.table = Table;
    target.solutionName = QStringLiteral("INV_OOTB");
    target.ingestUrl = *Endpoint::ingestUrl(base, Endpoint::defaultPathTemplate(), Table);
    target.operation = OperationType::Append;
    UploadSettings settings;
    settings.requestsPerSecond = 0;
    settings.batchRows = 4;
    QSignalSpy finished(&session, &ImportSession::uploadFinished);
    QSignalSpy issuesChanged(&session, &ImportSession::issuesChanged);
    // No journal named: one per run in the data folder.
    QCOMPARE(session.startUpload(target, settings, QString::fromLatin1(Token)), std::nullopt);
    const QString journal = session.upload()->journal().path();
    QVERIFY2(
        journal.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
                           + QStringLiteral("/journals/")),
        qPrintable(journal));
    QVERIFY(finished.wait(20000));
    QVERIFY(QFileInfo(journal).size() > 0);
    QCOMPARE(session.upload()->outcomes().count(RowOutcome::Accepted), 10);
    QCOMPARE(issuesChanged.count(), 0); // every row accepted: nothing to mark

    // The same rows again as a dry run: the server holds every key already, which no local check
    // can know. Its findings land on the rows, beside the local warning.
    target.dryRun = true;
    QCOMPARE(session.startUpload(target, settings, QString::fromLatin1(Token)), std::nullopt);
    QVERIFY(finished.wait(20000));
    QCOMPARE(SandboxClient(base, Token).count(Table), 10);
    QCOMPARE(issuesChanged.count(), 3); // one per batch: rows 0-3, 4-7, 8-9
    QCOMPARE(issuesChanged.at(0).at(0).value<qsizetype>(), 0);
    QCOMPARE(issuesChanged.at(0).at(1).value<qsizetype>(), 3);
    const IssueIndex &issues = *session.issues();
    QCOMPARE(issues.count(IssueCode::KeyExists), 10);
    QCOMPARE(issues.errorCount(), 10);
    QCOMPARE(issues.count(IssueCode::Suspicious), 1);
    const std::vector<CellIssue> *fourthIssues = issues.issuesOfRow(3);
    QVERIFY(fourthIssues);
    QCOMPARE(fourthIssues->size(), size_t(2));
    QCOMPARE(fourthIssues->at(0).code, IssueCode::KeyExists);
    QCOMPARE(fourthIssues->at(0).attribute, 0); // order_id, the key's first attribute
    QCOMPARE(fourthIssues->at(1).code, IssueCode::Suspicious);
    // A row the server refuses is not sent again until it is corrected and checked anew.
    QVERIFY(session.rowsToSend().empty());
    session.validate();
    QVERIFY(validated.wait(20000));
    QCOMPARE(session.issues()->count(IssueCode::KeyExists), 0);
}

// After a run the server rejected rows in, the rows the user fixes are sent again alone, as a
// run recorded as a resend of the first, whose journal lists the edits.
void TestImportSession::fixedRejectedRowsAreResentAlone()
{
    SandboxOptions options;
    options.tokens = {QString::fromLatin1(Token)};
    SandboxServer sandbox(m_catalogue, options);
    const quint16 port = sandbox.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(port));
    ImportSession session(m_catalogue, m_network);
    const QString history = m_dir.filePath(QStringLiteral("resend-runs.jsonl"));
    session.setRunHistory(RunHistoryStore(history));
    QSignalSpy loaded(&session, &ImportSession::loaded);
    session.openFile(writeOrders(QStringLiteral("resend.csv"), 10, 0));
    QVERIFY(loaded.wait(20000));
    QVERIFY(session.setResource(QStringLiteral("INV.CUSTOMER_ORDERS")));
    QSignalSpy validated(&session, &ImportSession::validated);
    session.validate();
    QVERIFY(validated.wait(20000));

    UploadTarget target;
    target.table = Table;
    target.solutionName = QStringLiteral("INV_OOTB");
    target.ingestUrl = *Endpoint::ingestUrl(base, Endpoint::defaultPathTemplate(), Table);
    target.operation = OperationType::Append;
    UploadSettings settings;
    settings.requestsPerSecond = 0;
    QSignalSpy finished(&session, &ImportSession::uploadFinished);
    // Twice: the second time the server holds every key and rejects all ten rows.
    for (int run = 0; run < 2; ++run) {
        QCOMPARE(session.startUpload(target, settings, QString::fromLatin1(Token)), std::nullopt);
        QVERIFY(finished.wait(20000));
    }
    QCOMPARE(session.rejectedInLastRun(), 10);
    QVERIFY(session.rowsToResend().empty()); // nothing fixed yet
    QVERIFY(session.startResend(target, settings, QString::fromLatin1(Token)).has_value());

    const int orderId = int(session.resource()->attributeIndex(QStringLiteral("order_id")));
    QVERIFY(session.editCell(2, orderId, QStringLiteral("SO-NEW-2")));
    QCOMPARE(session.rowsToResend(), std::vector<qsizetype>({2}));
    QCOMPARE(session.startResend(target, settings, QString::fromLatin1(Token)), std::nullopt);
    QVERIFY(finished.wait(20000));
    QCOMPARE(SandboxClient(base, Token).count(Table), 11);
    const RowOutcomes &outcomes = session.upload()->outcomes();
    QCOMPARE(outcomes.count(RowOutcome::Accepted), 1);
    QCOMPARE(outcomes.count(RowOutcome::Rejected), 9);
    QCOMPARE(outcomes.outcome(2), RowOutcome::Accepted);

    const QList<RunHistoryEntry> runs = RunHistoryStore(history).entries();
    QCOMPARE(runs.size(), 3);
    QCOMPARE(runs.at(2).resendOf, runs.at(1).runId);
    QCOMPARE(runs.at(2).accepted, 1);
    QFile journal(session.upload()->journal().path());
    QVERIFY(journal.open(QIODevice::ReadOnly));
    const QByteArray lines = journal.readAll();
    QVERIFY2(lines.contains(R"("type":"corrections")"), lines.constData());
    QVERIFY2(lines.contains(R"("new":"SO-NEW-2")"), lines.constData());
    QVERIFY2(lines.contains(R"("sheetRow":4)"), lines.constData());
}

void TestImportSession::excludedRowsAreNotSentAndListedInTheResults()
{
    SandboxOptions options;
    options.tokens = {QString::fromLatin1(Token)};
    SandboxServer sandbox(m_catalogue, options);
    const quint16 port = sandbox.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(port));
    ImportSession session(m_catalogue, m_network);
    session.setRunHistory(RunHistoryStore(m_dir.filePath(QStringLiteral("excluded-runs.jsonl"))));
    QSignalSpy loaded(&session, &ImportSession::loaded);
    session.openFile(writeOrders(QStringLiteral("excluded.csv"), 10, 0));
    QVERIFY(loaded.wait(20000));
    QVERIFY(session.setResource(QStringLiteral("INV.CUSTOMER_ORDERS")));
    QSignalSpy validated(&session, &ImportSession::validated);
    session.validate();
    QVERIFY(validated.wait(20000));
    QVERIFY(session.setRowsExcluded({1, 4}, true));
    QCOMPARE(session.rowsToSendCount(), 8);

    UploadTarget target;
    target.table = Table;
    target.solutionName = QStringLiteral("INV_OOTB");
    target.ingestUrl = *Endpoint::ingestUrl(base, Endpoint::defaultPathTemplate(), Table);
    UploadSettings settings;
    settings.requestsPerSecond = 0;
    QSignalSpy finished(&session, &ImportSession::uploadFinished);
    QCOMPARE(session.startUpload(target, settings, QString::fromLatin1(Token)), std::nullopt);
    QVERIFY(finished.wait(20000));
    QCOMPARE(SandboxClient(base, Token).count(Table), 8);
    QCOMPARE(session.upload()->outcomes().count(RowOutcome::Skipped), 2);

    // The results file lists them, on their own lines, saying why they were not sent.
    const QString results = m_dir.filePath(QStringLiteral("excluded-results.csv"));
    QSignalSpy saved(&session, &ImportSession::resultsSaved);
    QVERIFY(session.saveResults(results, ImportSession::ResultsFile::AllRows));
    QVERIFY(session.isBusy());
    QVERIFY(!session.canCorrect());
    QVERIFY(saved.wait(20000));
    QCOMPARE(saved.first().at(1).toString(), QString());
    QFile file(results);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QVERIFY(lines.size() > 5);
    QVERIFY2(lines.at(2).contains("not sent: excluded"), lines.at(2).constData());
    QVERIFY2(lines.at(5).contains("not sent: excluded"), lines.at(5).constData());
    QVERIFY2(lines.at(3).contains("accepted"), lines.at(3).constData());
}

QTEST_GUILESS_MAIN(TestImportSession)
#include "tst_importsession.moc"
