// SPDX-License-Identifier: MIT
// Step 3 on the sample workbook: 40 rows, 4 with errors (a quantity in words, an empty required
// date, an order line twice), checked on entering the page, grouped by cause, filtered, and
// walked through with F8 / Shift+F8.
#include "models/itemmodels/issuegroupmodel.h"
#include "models/itemmodels/reviewmodel.h"
#include "models/session/importsession.h"
#include "tests/support/catalogues.h"
#include "tests/support/nonnull.h"
#include "tests/support/screenshot.h"
#include "tests/support/scriptedprompter.h"
#include "tests/support/widgettests.h"
#include "ui/dialogs/bulkfixdialog.h"
#include "ui/dialogs/findreplacedialog.h"
#include "ui/pages/reviewpage.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace sluice;
using namespace sluice::test;

class TestReviewPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void enteringChecksTheRowsAndSummarisesThem();
    void theIssuePanelGroupsByCauseAndGoesToTheFirstCell();
    void onlyRowsWithIssuesLeavesTheFour();
    void f8AndShiftF8WalkTheIssueCells();
    void aNewMappingNeedsANewCheck();
    void theServersFindingsRecount();
    void aCellIsCheckedAsItIsTypedAndTheEditIsUndoable();
    void editedCellsShowTheirOriginalAndRevert();
    void excludedRowsAreMarkedAndNotCounted();
    void aGroupIsFixedInBulkFromTheIssuePanel();
    void findAndReplaceWorksOnTheSelection();

private:
    void enterAndWait();
    // The (data row, attribute) of the table's current cell.
    std::pair<qsizetype, int> currentCell() const;
    int attribute(const char *name) const
    {
        return int(m_session->resource()->attributeIndex(QString::fromLatin1(name)));
    }

    std::shared_ptr<const Catalogue> m_catalogue;
    QNetworkAccessManager m_network;
    std::unique_ptr<ImportSession> m_session;
    ScriptedPrompter m_prompter;
    std::unique_ptr<ReviewPage> m_page;
    QTableView *m_table = nullptr;
    ReviewModel *m_model = nullptr;
};

void TestReviewPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_catalogue = builtInCatalogue();
}

void TestReviewPage::init()
{
    m_session = std::make_unique<ImportSession>(m_catalogue, m_network);
    QSignalSpy loaded(m_session.get(), &ImportSession::loaded);
    m_session->openFile(qEnvironmentVariable("SLUICE_SOURCE_DIR")
                        + QStringLiteral("/resources/sample/customer-orders.xlsx"));
    QVERIFY(loaded.wait(20000));
    m_page = std::make_unique<ReviewPage>(*m_session, m_prompter);
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    m_table = child<QTableView>(*m_page, "reviewTable");
    m_model = qobject_cast<ReviewModel *>(m_table->model());
    QVERIFY(m_model);
    QVERIFY(m_session->setResource(QStringLiteral("INV.CUSTOMER_ORDERS")));
}

void TestReviewPage::cleanup()
{
    m_page.reset();
    m_session.reset();
}

void TestReviewPage::enterAndWait()
{
    QSignalSpy validated(m_session.get(), &ImportSession::validated);
    m_page->enter();
    QVERIFY(m_session->isValidating());
    QVERIFY(!m_page->isComplete());
    QCOMPARE(m_page->incompleteReason(), u"Checking rows…");
    QVERIFY(validated.wait(20000));
}

std::pair<qsizetype, int> TestReviewPage::currentCell() const
{
    const QModelIndex current = m_table->currentIndex();
    return {m_model->dataRow(current.row()), current.column()};
}

void TestReviewPage::enteringChecksTheRowsAndSummarisesThem()
{
    auto *summary = child<QLabel>(*m_page, "reviewSummary");
    QCOMPARE(summary->text(), u"Not checked yet.");
    QSignalSpy complete(m_page.get(), &ReviewPage::completeChanged);
    QSignalSpy progress(m_session.get(), &ImportSession::validationProgressed);
    m_page->enter();
    QVERIFY(child<QProgressBar>(*m_page, "reviewProgress")->isVisible());
    QCOMPARE(summary->text(), u"Checking 40 rows…");
    QTRY_VERIFY_WITH_TIMEOUT(m_page->isComplete(), 20000);
    QVERIFY(!child<QProgressBar>(*m_page, "reviewProgress")->isVisible());
    QVERIFY(complete.count() >= 2);
    QCOMPARE(m_page->incompleteReason(), QString());
    QCOMPARE(summary->text(), u"4 errors in 4 rows · 36 of 40 rows ready to send");
    QCOMPARE(m_session->rowsToSend().size(), size_t(36));
    QCOMPARE(m_model->rowCount(), 40);
    // Entering again with the same mapping does not check again.
    m_page->enter();
    QVERIFY(!m_session->isValidating());

    // The grid: the file's text, issue cells marked by severity and the message as tooltip,
    // the sheet's row numbers and per-column error counts in the header.
    const QModelIndex ten = m_model->index(6, attribute("ordered_units"));
    QCOMPARE(ten.data().toString(), u"ten");
    QCOMPARE(ten.data(ReviewModel::SeverityRole).toInt(), int(Severity::Error));
    QVERIFY(!ten.data(Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(m_model->headerData(attribute("ordered_units"), Qt::Horizontal).toString(),
             u"ordered_units (1 error)");
    QCOMPARE(m_model->headerData(6, Qt::Vertical).toInt(), 10); // the header is on sheet row 3
    // Uniform fixed rows: nothing is measured per row on a big file.
    QCOMPARE(m_table->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
    QVERIFY(m_table->columnWidth(attribute("order_date")) >= 100);
    QVERIFY(saveScreenshot(*m_page, QStringLiteral("review-sample")));
}

void TestReviewPage::theIssuePanelGroupsByCauseAndGoesToTheFirstCell()
{
    enterAndWait();
    auto *list = child<QTreeView>(*m_page, "reviewIssueList");
    new QAbstractItemModelTester(list->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    const QAbstractItemModel *groups = list->model();
    QCOMPARE(groups->rowCount(), 3);
    const IssueIndex &issues = *m_session->issues();
    qsizetype cells = 0;
    for (int row = 0; row < groups->rowCount(); ++row)
        cells += groups->index(row, 0).data(IssueGroupModel::CellCountRole).toLongLong();
    QCOMPARE(cells, issues.errorCount() + issues.warningCount());
    QVERIFY2(groups->index(0, 0).data().toString().startsWith(u"✖ order_id shares its primary key"),
             qPrintable(groups->index(0, 0).data().toString()));
    QCOMPARE(groups->index(0, IssueGroupModel::RowsColumn).data().toInt(), 2);
    QCOMPARE(groups->index(1, 0).data().toString(),
             u"✖ requested_ship_date is empty, but it is required");
    QCOMPARE(groups->index(1, IssueGroupModel::RowsColumn).data().toInt(), 1);
    QCOMPARE(groups->index(2, 0).data().toString(), u"✖ ordered_units is not a valid integer");
    // Rows and Issue are shown; the attribute is in the text already.
    QVERIFY(!list->isColumnHidden(IssueGroupModel::RowsColumn));
    QVERIFY(list->isColumnHidden(IssueGroupModel::AttributeColumn));

    // Enter on a group makes its first cell the current one.
    list->setFocus();
    list->setCurrentIndex(groups->index(1, 0));
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(currentCell(), std::make_pair(qsizetype(12), attribute("requested_ship_date")));
    list->setCurrentIndex(groups->index(0, 0));
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(currentCell(), std::make_pair(qsizetype(19), attribute("order_id")));
    QVERIFY(m_table->selectionModel()->isSelected(m_table->currentIndex()));
    QVERIFY(child<QSplitter>(*m_page, "reviewSplitter")->count() == 2);
}

void TestReviewPage::onlyRowsWithIssuesLeavesTheFour()
{
    enterAndWait();
    auto *only = child<QCheckBox>(*m_page, "reviewOnlyIssues");
    m_table->setCurrentIndex(m_model->index(12, 0));
    QTest::mouseClick(only, Qt::LeftButton);
    QVERIFY(m_model->onlyRowsWithIssues());
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->dataRow(0), 6);
    QCOMPARE(m_model->dataRow(3), 20);
    QCOMPARE(currentCell(), std::make_pair(qsizetype(12), 0)); // the same cell, still current
    QVERIFY(m_table->columnWidth(attribute("order_date")) >= 100);
    QVERIFY(saveScreenshot(*m_page, QStringLiteral("review-only-issues")));
    QTest::mouseClick(only, Qt::LeftButton);
    QCOMPARE(m_model->rowCount(), 40);
}

void TestReviewPage::f8AndShiftF8WalkTheIssueCells()
{
    enterAndWait();
    m_table->setFocus();
    // In row then attribute order: the word quantity (row 6), the empty date (12), the
    // duplicated line (19 and 20: the key cell of each).
    const QList<std::pair<qsizetype, int>> expected = {{6, attribute("ordered_units")},
                                                       {12, attribute("requested_ship_date")},
                                                       {19, attribute("order_id")},
                                                       {20, attribute("order_id")}};
    for (const auto &cell : expected) {
        QTest::keyClick(m_table, Qt::Key_F8);
        QCOMPARE(currentCell(), cell);
    }
    QSignalSpy status(m_page.get(), &ReviewPage::statusMessage);
    QTest::keyClick(m_table, Qt::Key_F8); // round again
    QCOMPARE(currentCell(), expected.first());
    QCOMPARE(status.count(), 1);
    QTest::keyClick(m_table, Qt::Key_F8, Qt::ShiftModifier); // and back to the last
    QCOMPARE(currentCell(), expected.last());
    for (qsizetype n = expected.size() - 2; n >= 0; --n) {
        QTest::keyClick(m_table, Qt::Key_F8, Qt::ShiftModifier);
        QCOMPARE(currentCell(), expected.at(n));
    }
    // With only the rows with issues shown, F8 walks the same cells.
    child<QCheckBox>(*m_page, "reviewOnlyIssues")->setChecked(true);
    m_table->setCurrentIndex(m_model->index(0, 0));
    child<QAction>(*m_page, "reviewNextIssueAction")->trigger();
    QCOMPARE(currentCell(), expected.first());
    QCOMPARE(m_table->currentIndex().row(), 0);
    child<QAction>(*m_page, "reviewPreviousIssueAction")->trigger();
    QCOMPARE(currentCell(), expected.last());
    QCOMPARE(m_table->currentIndex().row(), 3);
}

void TestReviewPage::aNewMappingNeedsANewCheck()
{
    enterAndWait();
    QVERIFY(m_page->isComplete());
    QSignalSpy complete(m_page.get(), &ReviewPage::completeChanged);
    // Unmapping the order id makes every row fail: nothing can be sent.
    Mapping mapping = m_session->mapping();
    AttributeMapping *orderId = mapping.find(u"order_id");
    if (!orderId) // not QVERIFY: GCC's -O2 null-dereference check needs to see the return
        QFAIL("no order_id in the mapping");
    orderId->source = AttributeMapping::Source::Unmapped;
    orderId->columns.clear();
    m_session->setMapping(mapping);
    QCOMPARE(complete.count(), 1);
    QVERIFY(!m_page->isComplete());
    QCOMPARE(child<QLabel>(*m_page, "reviewSummary")->text(), u"Not checked yet.");
    QCOMPARE(child<QTreeView>(*m_page, "reviewIssueList")->model()->rowCount(), 0);
    enterAndWait();
    QVERIFY(!m_page->isComplete());
    QCOMPARE(m_page->incompleteReason(), u"No row can be sent: fix the errors first");
    QVERIFY2(
        child<QLabel>(*m_page, "reviewSummary")->text().endsWith(u"0 of 40 rows ready to send"),
        qPrintable(child<QLabel>(*m_page, "reviewSummary")->text()));
}

void TestReviewPage::theServersFindingsRecount()
{
    enterAndWait();
    QSignalSpy complete(m_page.get(), &ReviewPage::completeChanged);
    QSignalSpy repainted(m_model, &ReviewModel::dataChanged);
    // What the session says after merging a batch's row errors into the same index.
    Q_EMIT m_session->issuesChanged(6, 12);
    QCOMPARE(complete.count(), 1);
    QCOMPARE(repainted.count(), 1);
    QCOMPARE(repainted.at(0).at(0).toModelIndex().row(), 6);
    QCOMPARE(child<QTreeView>(*m_page, "reviewIssueList")->model()->rowCount(), 3);
    QVERIFY(m_page->isComplete());
}

// The first cell of the sample with an error in ordered_units ("twelve" in words).
static std::pair<qsizetype, int> firstBadQuantity(const ImportSession &session)
{
    const int units = int(session.resource()->attributeIndex(QStringLiteral("ordered_units")));
    for (std::optional<qsizetype> row = test::findingsOf(session).nextRow(-1); row;
         row = test::findingsOf(session).nextRow(*row)) {
        for (const CellIssue &issue : *test::findingsOf(session).issuesOfRow(*row)) {
            if (issue.attribute == units)
                return {*row, units};
        }
    }
    return {-1, units};
}

void TestReviewPage::aCellIsCheckedAsItIsTypedAndTheEditIsUndoable()
{
    enterAndWait();
    const auto [row, units] = firstBadQuantity(*m_session);
    QVERIFY(row >= 0);
    const qsizetype errors = test::findingsOf(*m_session).errorCount();
    const QModelIndex cell = m_model->index(m_model->viewRow(row), units);
    QVERIFY(cell.flags() & Qt::ItemIsEditable);
    m_table->setCurrentIndex(cell);
    m_table->setFocus();
    QTest::keyClick(m_table, Qt::Key_F2);
    auto *editor = m_table->findChild<QLineEdit *>(QStringLiteral("reviewCellEditor"));
    if (!editor)
        QFAIL("no cell editor opened");
    // Checked with each key, before anything is committed.
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("1x"));
    QVERIFY2(editor->property("verdict").toString().startsWith(u"✖ ordered_units"),
             qPrintable(editor->property("verdict").toString()));
    QTest::keyClick(editor, Qt::Key_Backspace);
    QTest::keyClicks(editor, QStringLiteral("2"));
    QCOMPARE(editor->property("verdict").toString(), u"✓ ordered_units: sends 12");
    QVERIFY(saveScreenshot(*m_page, QStringLiteral("review-editing")));
    QTest::keyClick(editor, Qt::Key_Return);

    // The delegate commits from the event loop, after the key.
    QTRY_COMPARE(m_session->rows()->cellText(row, units), u"12");
    QCOMPARE(test::findingsOf(*m_session).errorCount(), errors - 1);
    QVERIFY(cell.data(ReviewModel::EditedRole).toBool());
    QCOMPARE(m_session->undoStack()->count(), 1);
    QVERIFY(m_page->isComplete());
    auto *side = child<QTabWidget>(*m_page, "reviewSidePanel");
    QCOMPARE(side->tabText(1), u"Changes (1)");
    side->setCurrentIndex(1);
    QVERIFY(saveScreenshot(*m_page, QStringLiteral("review-changes")));

    m_session->undoStack()->undo();
    QCOMPARE(test::findingsOf(*m_session).errorCount(), errors);
    QVERIFY(!cell.data(ReviewModel::EditedRole).toBool());
    QVERIFY(cell.data(Qt::DisplayRole).toString() != u"12");
    m_session->undoStack()->redo();
    QCOMPARE(m_session->rows()->cellText(row, units), u"12");
    QCOMPARE(test::findingsOf(*m_session).errorCount(), errors - 1);
}

void TestReviewPage::editedCellsShowTheirOriginalAndRevert()
{
    enterAndWait();
    const auto [row, units] = firstBadQuantity(*m_session);
    QVERIFY(row >= 0);
    const QString original = m_session->rows()->cellText(row, units);
    const QModelIndex cell = m_model->index(m_model->viewRow(row), units);
    QVERIFY(m_model->setData(cell, QStringLiteral("7")));
    QCOMPARE(cell.data(ReviewModel::OriginalRole).toString(), original);
    QVERIFY2(cell.data(Qt::ToolTipRole).toString().contains(original),
             qPrintable(cell.data(Qt::ToolTipRole).toString()));
    // Revert Row takes every edit of the row back, as one more undo step.
    QVERIFY(m_model->setData(m_model->index(cell.row(), 0), QStringLiteral("SO-X")));
    m_table->setCurrentIndex(cell);
    child<QAction>(*m_page, "reviewRevertRowsAction")->trigger();
    QCOMPARE(m_session->corrections().editCount(), 0);
    QCOMPARE(m_session->rows()->cellText(row, units), original);
    QCOMPARE(m_session->undoStack()->count(), 3);
    // Revert Column: only that attribute's edits.
    QVERIFY(m_model->setData(cell, QStringLiteral("7")));
    QVERIFY(m_model->setData(m_model->index(cell.row(), 0), QStringLiteral("SO-X")));
    m_table->setCurrentIndex(cell);
    child<QAction>(*m_page, "reviewRevertColumnAction")->trigger();
    QCOMPARE(m_session->corrections().editCount(), 1);
    QVERIFY(m_session->rows()->isEdited(row, 0));
}

void TestReviewPage::excludedRowsAreMarkedAndNotCounted()
{
    enterAndWait();
    const auto [row, units] = firstBadQuantity(*m_session);
    QVERIFY(row >= 0);
    const qsizetype toSend = m_session->rowsToSendCount();
    const qsizetype errors = test::findingsOf(*m_session).errorCount();
    m_table->setCurrentIndex(m_model->index(m_model->viewRow(row), units));
    m_table->selectionModel()->select(m_model->index(m_model->viewRow(row) + 1, 0),
                                      QItemSelectionModel::Select);
    child<QAction>(*m_page, "reviewExcludeRowsAction")->trigger();
    QVERIFY(m_session->isExcluded(row));
    QVERIFY(m_session->isExcluded(row + 1));
    QCOMPARE(m_session->rowsToSendCount(), toSend - 1); // the bad row was not sendable anyway
    QCOMPARE(test::findingsOf(*m_session).errorCount(), errors - 1);
    const QString header = m_model->headerData(m_model->viewRow(row), Qt::Vertical).toString();
    QVERIFY2(header.startsWith(u"⊘"), qPrintable(header));
    QVERIFY(m_model->index(m_model->viewRow(row), 0).data(ReviewModel::ExcludedRole).toBool());
    QVERIFY2(child<QLabel>(*m_page, "reviewSummary")->text().endsWith(u"· 2 excluded"),
             qPrintable(child<QLabel>(*m_page, "reviewSummary")->text()));
    QVERIFY(saveScreenshot(*m_page, QStringLiteral("review-excluded")));
    m_session->undoStack()->undo();
    QVERIFY(!m_session->isExcluded(row));
    QCOMPARE(test::findingsOf(*m_session).errorCount(), errors);
    QCOMPARE(m_session->rowsToSendCount(), toSend);
}

void TestReviewPage::aGroupIsFixedInBulkFromTheIssuePanel()
{
    enterAndWait();
    auto *issueList = child<QTreeView>(*m_page, "reviewIssueList");
    auto *fix = child<QPushButton>(*m_page, "reviewFixButton");
    QVERIFY(!fix->isEnabled()); // no group chosen yet
    const int shipDate = attribute("requested_ship_date");
    int row = 0;
    while (row < issueList->model()->rowCount()
           && issueList->model()->index(row, 0).data(IssueGroupModel::AttributeRole).toInt()
               != shipDate)
        ++row;
    QVERIFY(row < issueList->model()->rowCount());
    issueList->setCurrentIndex(issueList->model()->index(row, 0));
    QVERIFY(fix->isEnabled());
    QCOMPARE(fix->text(), u"&Fix 1 row…");
    QTest::mouseClick(fix, Qt::LeftButton);
    auto *dialog = m_page->findChild<BulkFixDialog *>();
    if (!dialog)
        QFAIL("no bulk fix dialog");
    QTRY_VERIFY(dialog->isVisible());
    dialog->setKind(BulkFix::Kind::FillEmpty);
    auto *fillValue = child<QLineEdit>(*dialog, "fillValue");
    QTest::keyClicks(fillValue, QStringLiteral("2025-01-20 10:00:00"));
    const qsizetype errors = test::findingsOf(*m_session).errorCount();
    QSignalSpy remember(m_page.get(), &ReviewPage::saveFixesToProfileRequested);
    QTest::mouseClick(child<QPushButton>(*dialog, "bulkFixApply"), Qt::LeftButton);
    QCOMPARE(test::findingsOf(*m_session).count(shipDate, Severity::Error), 0);
    QCOMPARE(test::findingsOf(*m_session).errorCount(), errors - 1);
    QCOMPARE(test::attributeOf(m_session->mapping(), u"requested_ship_date").defaultValue,
             u"2025-01-20 10:00:00");
    QCOMPARE(remember.count(), 1);
    QTRY_VERIFY(!m_page->findChild<BulkFixDialog *>()); // closed and gone
    m_session->undoStack()->undo();
    QCOMPARE(test::findingsOf(*m_session).errorCount(), errors);
}

void TestReviewPage::findAndReplaceWorksOnTheSelection()
{
    enterAndWait();
    const int location = attribute("location_id");
    // Five cells of one column selected: the window opens on them.
    m_table->setCurrentIndex(m_model->index(0, location));
    m_table->selectionModel()->select(
        QItemSelection(m_model->index(0, location), m_model->index(4, location)),
        QItemSelectionModel::ClearAndSelect);
    m_table->setFocus();
    QTest::keySequence(m_table, QKeySequence(Qt::CTRL | Qt::Key_H));
    auto *dialog = m_page->findChild<FindReplaceDialog *>();
    if (!dialog)
        QFAIL("Ctrl+H opened no find and replace window");
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QCOMPARE(dialog->scope(), FindReplaceDialog::Scope::Selection);
    QTest::keyClicks(child<QLineEdit>(*dialog, "findText"), QStringLiteral("DC-"));
    QTest::keyClicks(child<QLineEdit>(*dialog, "replaceText"), QStringLiteral("WH-"));
    QTRY_COMPARE(child<QLabel>(*dialog, "findCount")->text(), u"5 matches in 1 column");
    QVERIFY(saveScreenshot(*dialog, QStringLiteral("review-find-replace")));
    auto *replace = child<QPushButton>(*dialog, "replaceButton");
    QTRY_VERIFY(replace->isEnabled());
    QTest::mouseClick(replace, Qt::LeftButton);
    for (int row = 0; row < 5; ++row)
        QVERIFY2(m_session->rows()->cellText(row, location).startsWith(u"WH-"),
                 qPrintable(m_session->rows()->cellText(row, location)));
    QVERIFY(m_session->rows()->cellText(5, location).startsWith(u"DC-")); // outside
    QCOMPARE(m_session->undoStack()->count(), 1);
    QCOMPARE(m_session->corrections().editCount(), 5);
    QTRY_COMPARE(child<QLabel>(*dialog, "findCount")->text(), u"No matches");
    m_session->undoStack()->undo();
    QCOMPARE(m_session->corrections().editCount(), 0);
}

QTEST_MAIN(TestReviewPage)
#include "tst_reviewpage.moc"
