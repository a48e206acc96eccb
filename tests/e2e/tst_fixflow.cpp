// SPDX-License-Identifier: MIT
// Fixing data in place, end to end through the app (issue 7): a quotes file with three kinds of
// errors (statuses outside the allowed values, dates in a house format, empty regions) and one
// duplicated key is fixed with one bulk fix per kind and one typed edit, and uploads clean to the
// Local sandbox. The fixes went into a profile, which makes next month's file, with the same
// kinds of errors, clean without any manual work.
#include "app/inprocesssandbox.h"
#include "models/itemmodels/issuegroupmodel.h"
#include "models/itemmodels/reviewmodel.h"
#include "models/session/bulkfix.h"
#include "tests/support/guiflow.h"
#include "tests/support/nonnull.h"
#include "tests/support/sandboxclient.h"
#include "tests/support/screenshot.h"
#include "ui/appearance.h"
#include "ui/dialogs/bulkfixdialog.h"
#include "ui/dialogs/findreplacedialog.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QUndoStack>

using namespace sluice;
using test::child;

namespace {

const QByteArray Header = "quote_id,product_id,original_quote_id,quote_status,price_list_id,"
                          "quoted_at,decided_at,customer_id,merchant_id,project_id,region_id\n";

// rows quotes; every third status in the wrong spelling, dates as dd.MM.yyyy HH.mm (which no
// reader takes on its own), every fifth region empty. duplicate: row 4 repeats row 3's key.
QByteArray quotesFile(int rows, int firstId, bool duplicate)
{
    const char *statuses[] = {"won", "Won", "lost", "LOST", "pending", "pend"};
    QByteArray csv = Header;
    for (int i = 0; i < rows; ++i) {
        const int id = firstId + ((duplicate && i == 3) ? 2 : i);
        const QByteArray region
            = i % 5 == 4 ? QByteArray() : QByteArray("EU-") + char('A' + id % 3);
        csv += "Q-" + QByteArray::number(id) + ",P-" + QByteArray::number(100 + (id % 7)) + ",Q-"
            + QByteArray::number(id - 500) + "," + statuses[i % 6] + ",PL-1,"
            + QByteArray::number(10 + i % 18) + ".0" + QByteArray::number(1 + i % 9) + ".2025 09.3"
            + QByteArray::number(i % 10) + ",,C-" + QByteArray::number(i % 4) + ",,," + region
            + "\n";
    }
    return csv;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// The issue group of attribute (and code), selected in the panel; -1 when there is none.
int selectGroup(MainWindow &window, int attribute, IssueCode code)
{
    auto *list = child<QTreeView>(window, "reviewIssueList");
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        const QModelIndex index = list->model()->index(row, 0);
        if (index.data(IssueGroupModel::AttributeRole).toInt() == attribute
            && index.data(IssueGroupModel::CodeRole).toString() == issueCodeName(code)) {
            list->setCurrentIndex(index);
            return row;
        }
    }
    return -1;
}

} // namespace

class TestFixFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void threeBulkFixesAndAnEditThenTheProfileCleansNextMonth();

private:
    // Opens the fix dialog of the selected group and returns it.
    BulkFixDialog *openFix(MainWindow &window);
    bool openAndReview(test::GuiFlow &flow, const QString &path, bool chooseResource);

    QTemporaryDir m_dir;
};

void TestFixFlow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
         + QStringLiteral("/profiles"))
        .removeRecursively();
    QVERIFY(m_dir.isValid());
}

BulkFixDialog *TestFixFlow::openFix(MainWindow &window)
{
    QTest::mouseClick(child<QPushButton>(window, "reviewFixButton"), Qt::LeftButton);
    auto *dialog = window.findChild<BulkFixDialog *>();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

bool TestFixFlow::openAndReview(test::GuiFlow &flow, const QString &path, bool chooseResource)
{
    MainWindow &window = *flow.window;
    window.goToStep(MainWindow::OpenStep);
    window.openFile(path);
    const auto failed = [](const char *step) {
        qWarning("openAndReview: %s failed", step);
        return false;
    };
    if (!QTest::qWaitFor([&] { return window.openPage()->isComplete(); }, 15000))
        return failed("open");
    if (!flow.clickNext(MainWindow::TargetStep))
        return failed("next to target");
    if (chooseResource
        && !flow.chooseResource(QStringLiteral("QP.QUOTE_LINE"), QStringLiteral("QP.QUOTE_LINE")))
        return failed("choose resource");
    if (!chooseResource) {
        // Next month: the window offers the profile the fixes went into.
        auto *apply
            = child<QPushButton>(*child<QWidget>(window, "mappingProfileBanner"), "bannerAction");
        if (!QTest::qWaitFor([&] { return apply->isVisible(); }, 5000))
            return failed("profile banner");
        QTest::mouseClick(apply, Qt::LeftButton);
    }
    if (!QTest::qWaitFor([&] { return window.targetPage()->isComplete(); }, 5000)) {
        qWarning() << window.targetPage()->incompleteReason();
        return failed("target complete");
    }
    return flow.clickNext(MainWindow::ReviewStep)
        && QTest::qWaitFor(
               [&] {
                   return flow.application.session().issues()
                       && !flow.application.session().isValidating();
               },
               15000);
}

void TestFixFlow::threeBulkFixesAndAnEditThenTheProfileCleansNextMonth()
{
    // The screenshot script runs this test in both looks (installer/screenshots.sh).
    if (qEnvironmentVariableIsSet("SLUICE_APPEARANCE"))
        Appearance::apply(qEnvironmentVariable("SLUICE_APPEARANCE"));
    const QString shots
        = qEnvironmentVariable("SLUICE_SCREENSHOT_PREFIX", QStringLiteral("light-step"))
        + QStringLiteral("3");
    test::GuiFlow flow;
    flow.start();
    MainWindow &window = *flow.window;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ImportSession &session = flow.application.session();

    QVERIFY(openAndReview(
        flow, writeFile(m_dir, QStringLiteral("quotes-january.csv"), quotesFile(30, 1000, true)),
        true));
    const Resource &resource = *session.resource();
    const int status = int(resource.attributeIndex(QStringLiteral("quote_status")));
    const int quotedAt = int(resource.attributeIndex(QStringLiteral("quoted_at")));
    const int region = int(resource.attributeIndex(QStringLiteral("region_id")));
    const int quoteId = int(resource.attributeIndex(QStringLiteral("quote_id")));
    // The findings are replaced as fixes are made: asked for afresh each time.
    const auto issues = [&session]() -> const IssueIndex & {
        return test::findingsOf(session);
    };
    QCOMPARE(issues().count(status, Severity::Error), 15);   // Won, LOST, pend of every six
    QCOMPARE(issues().count(quotedAt, Severity::Error), 30); // every date
    QCOMPARE(issues().count(region, Severity::Error), 6);    // every fifth
    QCOMPARE(issues().count(IssueCode::DuplicateKey), 2);
    QVERIFY(test::saveScreenshot(window, shots + QStringLiteral("a-fix-review")));

    // 1. Statuses: the value map, with its suggestions (Won → won, LOST → lost, pend →
    //    pending). Remembered: the profile is named now.
    QVERIFY(selectGroup(window, status, IssueCode::Enum) >= 0);
    BulkFixDialog *fix = openFix(window);
    if (!fix)
        QFAIL("no fix dialog for the statuses");
    QCOMPARE(fix->kind(), BulkFix::Kind::MapValues);
    QVERIFY2(child<QLabel>(*fix, "bulkFixPreview")->text().startsWith(u"✓ Fixes 15 of 15"),
             qPrintable(child<QLabel>(*fix, "bulkFixPreview")->text()));
    QVERIFY(test::saveScreenshot(window, shots + QStringLiteral("b-bulk-fix-value-map"), fix));
    flow.prompter.textInputs = {QStringLiteral("Quotes monthly")};
    QTest::mouseClick(child<QPushButton>(*fix, "bulkFixApply"), Qt::LeftButton);
    QCOMPARE(issues().count(status, Severity::Error), 0);

    // 2. Dates: the house pattern.
    QVERIFY(selectGroup(window, quotedAt, IssueCode::Format) >= 0
            || selectGroup(window, quotedAt, IssueCode::Type) >= 0);
    fix = openFix(window);
    if (!fix)
        QFAIL("no fix dialog for the dates");
    fix->setKind(BulkFix::Kind::ReformatDates);
    QTest::keyClicks(child<QLineEdit>(*fix, "datePattern"), QStringLiteral("dd.MM.yyyy HH.mm"));
    QTRY_VERIFY2(child<QLabel>(*fix, "bulkFixPreview")->text().startsWith(u"✓ Fixes 30 of 30"),
                 qPrintable(child<QLabel>(*fix, "bulkFixPreview")->text()));
    QVERIFY(test::saveScreenshot(window, shots + QStringLiteral("c-bulk-fix-dates"), fix));
    QTest::mouseClick(child<QPushButton>(*fix, "bulkFixApply"), Qt::LeftButton);
    QCOMPARE(issues().count(quotedAt, Severity::Error), 0);

    // 3. Empty regions: filled.
    QVERIFY(selectGroup(window, region, IssueCode::Required) >= 0
            || selectGroup(window, region, IssueCode::Null) >= 0);
    fix = openFix(window);
    if (!fix)
        QFAIL("no fix dialog for the regions");
    fix->setKind(BulkFix::Kind::FillEmpty);
    QTest::keyClicks(child<QLineEdit>(*fix, "fillValue"), QStringLiteral("EU-Z"));
    QTest::mouseClick(child<QPushButton>(*fix, "bulkFixApply"), Qt::LeftButton);
    QCOMPARE(issues().count(region, Severity::Error), 0);

    // 4. The duplicated quote: its id typed anew in the grid.
    auto *table = child<QTableView>(window, "reviewTable");
    auto *model = qobject_cast<ReviewModel *>(table->model());
    if (!model)
        QFAIL("no review model");
    table->setCurrentIndex(model->index(model->viewRow(3), quoteId));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_F2);
    auto *editor = table->findChild<QLineEdit *>(QStringLiteral("reviewCellEditor"));
    if (!editor)
        QFAIL("no cell editor");
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Q-1003B"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(issues().errorCount(), 0);
    QCOMPARE(session.undoStack()->count(), 4);
    QCOMPARE(session.corrections().editCount(), 1);
    // The Changes tab lists the typed edit; find and replace opens on the grid (Ctrl+H).
    auto *side = child<QTabWidget>(window, "reviewSidePanel");
    side->setCurrentIndex(1);
    QTRY_COMPARE(side->tabText(1), u"Changes (1)");
    QVERIFY(test::saveScreenshot(window, shots + QStringLiteral("d-changes")));
    child<QAction>(window, "reviewFindAction")->trigger();
    auto *find = window.findChild<FindReplaceDialog *>();
    if (!find)
        QFAIL("no find and replace window");
    QVERIFY(QTest::qWaitForWindowExposed(find));
    QTest::keyClicks(child<QLineEdit>(*find, "findText"), QStringLiteral("Q-100"));
    QTest::keyClicks(child<QLineEdit>(*find, "replaceText"), QStringLiteral("Q-JAN-100"));
    QTRY_VERIFY(child<QLabel>(*find, "findCount")->text().endsWith(u"in 1 column"));
    QVERIFY(test::saveScreenshot(window, shots + QStringLiteral("e-find-replace"), find));
    find->close();
    side->setCurrentIndex(0);

    // Upload: all 30 rows, as fixed.
    QVERIFY(flow.clickNext(MainWindow::UploadStep));
    flow.prompter.confirmations = {true};
    QTest::mouseClick(child<QPushButton>(window, "uploadStartButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window.uploadPage()->isComplete(), 60000);
    const QString tableName = flow.application.target().tableName(resource);
    test::SandboxClient admin(flow.application.sandbox().url(),
                              flow.application.sandbox().token().toUtf8());
    QList<QJsonObject> records = admin.records(tableName);
    QCOMPARE(records.size(), 30);
    QSet<QString> statuses;
    for (const QJsonObject &record : records)
        statuses.insert(record.value(u"quote_status").toString());
    QCOMPARE(statuses, QSet<QString>({u"won"_qs, u"lost"_qs, u"pending"_qs}));

    // Next month: the same kinds of errors, other quotes, no duplicate. The profile applied,
    // nothing is left to fix.
    QVERIFY(openAndReview(
        flow, writeFile(m_dir, QStringLiteral("quotes-february.csv"), quotesFile(24, 2000, false)),
        false));
    QCOMPARE(test::findingsOf(session).errorCount(), 0);
    QCOMPARE(session.rowsToSendCount(), 24);
    QVERIFY(test::saveScreenshot(window, shots + QStringLiteral("f-next-month-clean")));
    QVERIFY(flow.clickNext(MainWindow::UploadStep));
    flow.prompter.confirmations = {true};
    QTest::mouseClick(child<QPushButton>(window, "uploadStartButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window.uploadPage()->isComplete(), 60000);
    QCOMPARE(admin.records(tableName).size(), 54);
}

QTEST_MAIN(TestFixFlow)
#include "tst_fixflow.moc"
