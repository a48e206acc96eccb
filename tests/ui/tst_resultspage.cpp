// SPDX-License-Identifier: MIT
// The Results page after a real run of the sample workbook against the in-process sandbox: the
// summary, the results and failed-rows files, the journal and the run history.
#include "app/sandbox/sandboxserver.h"
#include "models/itemmodels/runhistorymodel.h"
#include "models/schema/endpoint.h"
#include "models/session/importsession.h"
#include "models/source/readerfactory.h"
#include "models/source/readsink.h"
#include "tests/support/catalogues.h"
#include "tests/support/sampleworkbook.h"
#include "tests/support/screenshot.h"
#include "tests/support/scriptedprompter.h"
#include "tests/support/widgettests.h"
#include "ui/pages/resultspage.h"

#include <QDir>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;
using sluice::test::child;

namespace {

const QString Table = QStringLiteral("INV_CUSTOMER_ORDERS_OOTB");
const QString Token = QStringLiteral("results-token");

// The first sheet of a file as the app reads it; an empty table when it cannot be read.
SheetTable readBack(const QString &path)
{
    CollectingSink sink;
    auto reader = ReaderFactory::create(path, {});
    if (!reader || !reader.value()->open(path) || !reader.value()->readSheet(0, sink))
        return {};
    return std::move(sink.table());
}

qsizetype countInColumn(const SheetTable &table, int column, const QString &text)
{
    qsizetype count = 0;
    for (qsizetype row = 1; row < table.rowCount(); ++row)
        count += table.text(row, column) == text ? 1 : 0;
    return count;
}

} // namespace

class TestResultsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void beforeAnyUploadSaysSo();
    void afterAnUploadShowsSavesAndLists();

private:
    bool uploadSample(ImportSession &session, const QUrl &base, const QString &journal);

    QTemporaryDir m_dir;
    std::shared_ptr<const Catalogue> m_catalogue;
    QNetworkAccessManager m_network;
};

void TestResultsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_catalogue = test::builtInCatalogue();
}

bool TestResultsPage::uploadSample(ImportSession &session, const QUrl &base, const QString &journal)
{
    if (!test::openCheckedSample(session))
        return false;
    UploadTarget target;
    target.table = Table;
    target.solutionName = QStringLiteral("INV_OOTB");
    target.ingestUrl = *Endpoint::ingestUrl(base, Endpoint::defaultPathTemplate(), Table);
    UploadSettings settings;
    settings.requestsPerSecond = 0;
    QSignalSpy finished(&session, &ImportSession::uploadFinished);
    if (session.startUpload(target, settings, Token, journal))
        return false;
    return finished.wait(30000);
}

void TestResultsPage::beforeAnyUploadSaysSo()
{
    RunHistoryStore history(m_dir.filePath(QStringLiteral("earlier.jsonl")));
    RunHistoryEntry earlier;
    earlier.runId = QStringLiteral("earlier");
    earlier.started = QDateTime::currentDateTimeUtc().addDays(-1);
    earlier.finished = earlier.started.addSecs(5);
    earlier.filePath = QStringLiteral("/data/old.csv");
    earlier.stopReason = QStringLiteral("completed");
    earlier.accepted = 12;
    earlier.journalPath = m_dir.filePath(QStringLiteral("earlier-journal.jsonl"));
    QCOMPARE(history.append(earlier), std::nullopt);

    ImportSession session(m_catalogue, m_network);
    session.setRunHistory(history);
    test::ScriptedPrompter prompter;
    ResultsPage page(session, prompter);
    page.resize(1280, 800);
    page.show();
    page.enter();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(!page.isComplete());
    QCOMPARE(child<QLabel>(page, "resultsSummary")->text(), u"No upload yet in this session");
    QVERIFY(!child<QPushButton>(page, "resultsSaveResultsButton")->isEnabled());
    QVERIFY(!child<QPushButton>(page, "resultsSaveFailedButton")->isEnabled());
    // The history is still there, and picking a run shows its journal.
    auto *table = child<QTableView>(page, "resultsHistoryTable");
    QCOMPARE(table->model()->rowCount(), 1);
    QVERIFY(!child<QPushButton>(page, "resultsOpenFolderButton")->isEnabled());
    table->selectRow(0);
    QCOMPARE(child<QLabel>(page, "resultsJournalPath")->text(),
             QDir::toNativeSeparators(earlier.journalPath));
    QVERIFY(child<QPushButton>(page, "resultsOpenFolderButton")->isEnabled());
}

void TestResultsPage::afterAnUploadShowsSavesAndLists()
{
    SandboxOptions options;
    options.tokens = {Token};
    SandboxServer sandbox(m_catalogue, options);
    const quint16 port = sandbox.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(port));

    ImportSession session(m_catalogue, m_network);
    session.setRunHistory(RunHistoryStore(m_dir.filePath(QStringLiteral("runs.jsonl"))));
    test::ScriptedPrompter prompter;
    ResultsPage page(session, prompter);
    page.resize(1280, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QString journal = m_dir.filePath(QStringLiteral("journal.jsonl"));
    QVERIFY(uploadSample(session, base, journal));

    // Refreshed by the run's end, without enter().
    QCOMPARE(child<QLabel>(page, "resultsSummary")->text(),
             u"36 rows accepted · 0 rejected · 0 uncertain · 4 left out with errors");
    const QString details = child<QLabel>(page, "resultsDetails")->text();
    QVERIFY2(details.contains(u"customer-orders.xlsx"), qPrintable(details));
    QVERIFY2(details.contains(Table), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(details));
    QVERIFY2(details.contains(u"UPSERT"), qPrintable(details));
    QCOMPARE(child<QLabel>(page, "resultsJournalPath")->text(), QDir::toNativeSeparators(journal));
    QVERIFY(child<QPushButton>(page, "resultsOpenFolderButton")->isEnabled());

    auto *history = child<QTableView>(page, "resultsHistoryTable");
    QCOMPARE(history->model()->rowCount(), 1);
    const auto cell = [history](int column) {
        return history->model()->index(0, column).data().toString();
    };
    QCOMPARE(cell(RunHistoryModel::AcceptedColumn), u"36");
    QCOMPARE(cell(RunHistoryModel::SkippedColumn), u"4");
    QCOMPARE(cell(RunHistoryModel::RejectedColumn), u"0");
    QCOMPARE(cell(RunHistoryModel::FileColumn), u"customer-orders.xlsx");
    QCOMPARE(cell(RunHistoryModel::OutcomeColumn), u"Completed");

    // Every row under the header, 1:1 with the input (40 orders and the totals line).
    const qsizetype inputRows = session.table().rowCount() - session.layout().headerRow - 1;
    QCOMPARE(inputRows, 41);
    auto *status = child<QLabel>(page, "resultsStatus");
    const QString csv = m_dir.filePath(QStringLiteral("all.csv"));
    prompter.filesToSave = {csv};
    QTest::mouseClick(child<QPushButton>(page, "resultsSaveResultsButton"), Qt::LeftButton);
    QCOMPARE(prompter.suggestedSavePaths.last(),
             qEnvironmentVariable("SLUICE_SOURCE_DIR")
                 + QStringLiteral("/resources/sample/customer-orders-results.xlsx"));
    // Written on a worker: the page says so meanwhile, and the buttons wait.
    QVERIFY2(status->text().startsWith(u"Saving to"), qPrintable(status->text()));
    QVERIFY(!child<QPushButton>(page, "resultsSaveFailedButton")->isEnabled());
    QTRY_VERIFY2(status->text().contains(QStringLiteral("Saved 41 rows to %1").arg(csv)),
                 qPrintable(status->text()));
    QVERIFY(test::saveScreenshot(page, QStringLiteral("results-after-upload")));
    const SheetTable all = readBack(csv);
    QCOMPARE(all.rowCount(), inputRows + 1);
    const int statusColumn = int(all.columnCount()) - 2;
    QCOMPARE(countInColumn(all, statusColumn, QStringLiteral("accepted")), 36);

    const QString xlsx = m_dir.filePath(QStringLiteral("all.xlsx"));
    prompter.filesToSave = {xlsx};
    QTest::mouseClick(child<QPushButton>(page, "resultsSaveResultsButton"), Qt::LeftButton);
    QTRY_VERIFY(status->text().startsWith(u"✓"));
    const SheetTable workbook = readBack(xlsx);
    QCOMPARE(workbook.rowCount(), inputRows + 1);
    QCOMPARE(countInColumn(workbook, statusColumn, QStringLiteral("accepted")), 36);

    // The failed rows: the four with errors, ready to fix and import again.
    const QString failed = m_dir.filePath(QStringLiteral("failed.csv"));
    prompter.filesToSave = {failed};
    QTest::mouseClick(child<QPushButton>(page, "resultsSaveFailedButton"), Qt::LeftButton);
    QTRY_VERIFY2(status->text().contains(u"Saved 4 rows"), qPrintable(status->text()));
    const SheetTable failedRows = readBack(failed);
    QCOMPARE(failedRows.rowCount(), 5);
    QCOMPARE(countInColumn(failedRows, statusColumn,
                           QStringLiteral("not sent: errors found before sending")),
             4);

    // A name the writers do not know is refused, and said so.
    prompter.filesToSave = {m_dir.filePath(QStringLiteral("results.txt"))};
    QTest::mouseClick(child<QPushButton>(page, "resultsSaveFailedButton"), Qt::LeftButton);
    QTRY_VERIFY2(status->text().contains(u"Not saved"), qPrintable(status->text()));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("results.txt"))));

    // Another header row: the run's outcomes no longer line up with the rows, so no export.
    session.setHeaderRow(0);
    QVERIFY(!child<QPushButton>(page, "resultsSaveResultsButton")->isEnabled());
    QVERIFY(!child<QPushButton>(page, "resultsSaveFailedButton")->isEnabled());
}

QTEST_MAIN(TestResultsPage)
#include "tst_resultspage.moc"
