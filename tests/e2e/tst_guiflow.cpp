// SPDX-License-Identifier: MIT
// The whole app, as a user drives it: the sample workbook from resources/, auto-mapped onto
// Customer Orders, checked, uploaded to the built-in Local sandbox, and the stored rows compared
// with the workbook's clean rows.
#include "app/inprocesssandbox.h"
#include "models/validation/issueindex.h"
#include "tests/support/guiflow.h"
#include "tests/support/sandboxclient.h"
#include "tests/support/screenshot.h"
#include "ui/appearance.h"

#include <QAction>
#include <QDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>

using namespace sluice;
using test::child;

namespace {

const QString Table = QStringLiteral("INV_CUSTOMER_ORDERS_OOTB");

// "order_id|order_line_id|updated_at" of each row the session would send.
QSet<QString> keysToSend(const ImportSession &session)
{
    QSet<QString> keys;
    std::vector<NormalisedCell> cells;
    for (const qsizetype row : session.rowsToSend()) {
        session.rows()->normalise(row, cells);
        keys.insert(cells.at(0).source + u'|' + cells.at(1).source);
    }
    return keys;
}

} // namespace

class TestGuiFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().clear(); }
    void sampleWorkbookGoesFromOpenToStoredRows();
};

void TestGuiFlow::sampleWorkbookGoesFromOpenToStoredRows()
{
    // The screenshot script runs this test in both looks (installer/screenshots.sh).
    if (qEnvironmentVariableIsSet("SLUICE_APPEARANCE"))
        Appearance::apply(qEnvironmentVariable("SLUICE_APPEARANCE"));
    test::GuiFlow flow;
    flow.start();
    MainWindow &window = *flow.window;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString shots = qEnvironmentVariable("SLUICE_SCREENSHOT_PREFIX", QStringLiteral("step"));

    // 1. Open: the sample, header found on sheet row 3 under its title.
    flow.application.openSampleWorkbook();
    QTRY_VERIFY_WITH_TIMEOUT(window.openPage()->isComplete(), 15000);
    ImportSession &session = flow.application.session();
    const qsizetype runsBefore = session.runHistory().entries().size();
    QCOMPARE(session.layout().headerRow, 2);
    QVERIFY(test::saveScreenshot(window, shots + QStringLiteral("1-open")));

    // 2. Target & mapping: the Local sandbox starts by itself; the search finds the resource
    //    and the analyst's labels are auto-mapped.
    QVERIFY(flow.clickNext(MainWindow::TargetStep));
    QTRY_VERIFY_WITH_TIMEOUT(flow.application.sandbox().isRunning(), 10000);
    QVERIFY(flow.chooseResource(QStringLiteral("customer orders"),
                                QStringLiteral("INV.CUSTOMER_ORDERS")));
    QTRY_VERIFY(window.targetPage()->isComplete());
    QVERIFY(test::saveScreenshot(window, shots + QStringLiteral("2-target-mapping")));

    // 3. Review: the four rows with problems are found; 36 can be sent.
    QVERIFY(flow.clickNext(MainWindow::ReviewStep));
    QTRY_VERIFY_WITH_TIMEOUT(window.reviewPage()->isComplete(), 15000);
    QCOMPARE(session.issues()->rowsWithIssues(), 4);
    QCOMPARE(session.rowsToSend().size(), size_t(36));
    QVERIFY(test::saveScreenshot(window, shots + QStringLiteral("3-review")));

    // 4. Upload, after a confirmation that names what goes where.
    QVERIFY(flow.clickNext(MainWindow::UploadStep));
    flow.prompter.confirmations = {true};
    QTest::mouseClick(child<QPushButton>(window, "uploadStartButton"), Qt::LeftButton);
    QCOMPARE(flow.prompter.questions.size(), 1);
    QVERIFY2(flow.prompter.questions.first().contains(u"36"),
             qPrintable(flow.prompter.questions.first()));
    QVERIFY(flow.prompter.questions.first().contains(Table));
    QTRY_VERIFY_WITH_TIMEOUT(window.uploadPage()->isComplete(), 60000);
    auto *batches = child<QAbstractItemView>(window, "uploadBatchTable");
    const QRect firstBatch = batches->visualRect(batches->model()->index(0, 0));
    QTest::mouseClick(batches->viewport(), Qt::LeftButton, {}, firstBatch.center());
    QTest::mouseDClick(batches->viewport(), Qt::LeftButton, {}, firstBatch.center());
    const QString raw = child<QPlainTextEdit>(window, "uploadRawResponse")->toPlainText();
    QVERIFY2(raw.contains(u"\"accepted\": 36"), qPrintable(raw));
    QVERIFY(test::saveScreenshot(window, shots + QStringLiteral("4-upload")));

    // Exactly the clean rows are stored, each once.
    test::SandboxClient admin(flow.application.sandbox().url(),
                              flow.application.sandbox().token().toUtf8());
    const QList<QJsonObject> records = admin.records(Table);
    QCOMPARE(records.size(), 36);
    QSet<QString> stored;
    for (const QJsonObject &record : records)
        stored.insert(record.value(u"order_id").toString() + u'|'
                      + record.value(u"order_line_id").toString());
    QCOMPARE(stored, keysToSend(session));
    QCOMPARE(records.first().value(u"order_date").toString(), u"2025-01-06 10:00:00");

    // 5. Results: the run is summed up and kept in the history.
    QVERIFY(flow.clickNext(MainWindow::ResultsStep));
    QVERIFY(child<QLabel>(window, "resultsSummary")->text().contains(u"36"));
    const QList<RunHistoryEntry> history = session.runHistory().entries();
    QCOMPARE(history.size(), runsBefore + 1);
    QCOMPARE(history.last().accepted, 36);
    QCOMPARE(history.last().skipped, 4);
    QVERIFY(test::saveScreenshot(window, shots + QStringLiteral("5-results")));

    // The settings, over the window as the user sees them.
    child<QAction>(window, "actionSettings")->trigger();
    auto *settings = child<QDialog>(window, "settingsDialog");
    QVERIFY(QTest::qWaitForWindowExposed(settings));
    QVERIFY(test::saveScreenshot(*settings, shots + QStringLiteral("6-settings")));
    settings->reject();
}

QTEST_MAIN(TestGuiFlow)
#include "tst_guiflow.moc"
