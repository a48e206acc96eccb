// SPDX-License-Identifier: MIT
// The Changes page of Review: the list of edited cells and excluded rows, reverting a selection
// as one undo step, exporting to CSV on a worker, going to a cell, and asking to save the fixes.
#include "models/itemmodels/changesmodel.h"
#include "models/session/importsession.h"
#include "tests/support/catalogues.h"
#include "tests/support/checkedsession.h"
#include "tests/support/screenshot.h"
#include "tests/support/scriptedprompter.h"
#include "tests/support/widgettests.h"
#include "ui/pages/changespanel.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace sluice;
using namespace sluice::test;

namespace {

// An export of orders as people make them: a date that is no date, a quantity in words, a
// European number, a status typo, a test line.
const QByteArray Orders
    = "Order No,Line,Order Date,Requested Ship Date,Expected Ship Date,Product,Location,"
      "Qty Ordered,Order Value,Last Updated,Status\n"
      "SO-1001,1,2026-01-05,2026-01-12,2026-01-12,P-100,DC-EAST,5,52.50,2026-01-05T10:00:00Z,open\n"
      "SO-1002,1,2026-13-01,2026-01-20,2026-01-20,P-220,DC-WEST,3,31.20,2026-01-06T09:30:00Z,open\n"
      "SO-1003,1,2026-01-07,2026-01-14,2026-01-15,P-100,DC-EAST,ten,105.00,"
      "2026-01-07T11:00:00Z,open\n"
      "SO-1004,1,2026-01-08,2026-01-15,2026-01-15,P-310,dc-west,12,\"1.234,50\","
      "2026-01-08T08:15:00Z,opn\n"
      "TEST-1,1,2026-01-08,2026-01-15,2026-01-15,P-000,DC-EAST,1,0.01,2026-01-08T08:20:00Z,test\n"
      "SO-1005,1,2026-01-09,2026-01-16,2026-01-16,P-220,DC-WEST,7,72.80,2026-01-09T14:45:00Z,"
      "shipped\n";

} // namespace

class TestChangesPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void withoutChangesItSaysHowToMakeThem();
    void listsTheEditsAndExcludedRows();
    void clickingAHeaderSorts();
    void revertSelectedIsOneUndoStep();
    void revertingBothKindsIsOneUndoStepToo();
    void deleteRevertsTheCurrentEntry();
    void exportWritesQuotedCsv();
    void aFailedExportSaysWhyAndWhere();
    void activatingAnEntryGoesToItsCell();
    void saveFixesToProfileIsAskedFor();
    void aHiddenPanelCountsButBuildsWhenShown();

private:
    int attribute(const char *name) const
    {
        return int(m_session->resource()->attributeIndex(QString::fromLatin1(name)));
    }
    // Five fixed cells and the test line left out, a second apart as far as the list shows.
    void makeChanges();
    void select(int row);

    std::shared_ptr<const Catalogue> m_catalogue;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    ScriptedPrompter m_prompter;
    std::unique_ptr<ImportSession> m_session;
    std::unique_ptr<ChangesPanel> m_panel;
    QTreeView *m_list = nullptr;
    QLabel *m_summary = nullptr;
};

void TestChangesPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_catalogue = builtInCatalogue();
    QVERIFY(m_dir.isValid());
}

void TestChangesPanel::init()
{
    m_prompter = ScriptedPrompter();
    m_session = std::make_unique<ImportSession>(m_catalogue, m_network);
    QVERIFY(openCheckedCsv(*m_session, m_dir.filePath(QStringLiteral("january-orders.csv")), Orders,
                           QStringLiteral("INV.CUSTOMER_ORDERS")));
    m_panel = std::make_unique<ChangesPanel>(*m_session, m_prompter);
    m_panel->resize(900, 500);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    m_list = child<QTreeView>(*m_panel, "changesList");
    m_summary = child<QLabel>(*m_panel, "changesSummary");
    new QAbstractItemModelTester(m_list->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, m_list);
}

void TestChangesPanel::cleanup()
{
    m_panel.reset();
    m_session.reset();
}

void TestChangesPanel::makeChanges()
{
    QVERIFY(m_session->editCell(1, attribute("order_date"), QStringLiteral("2026-01-13")));
    QVERIFY(m_session->editCell(2, attribute("ordered_units"), QStringLiteral("10")));
    QVERIFY(m_session->editCell(3, attribute("location_id"), QStringLiteral("DC-WEST")));
    QVERIFY(m_session->editCell(3, attribute("ordered_value"), QStringLiteral("1234.50")));
    QVERIFY(m_session->editCell(3, attribute("status"), QStringLiteral("open")));
    QVERIFY(m_session->setRowsExcluded({4}, true));
    QTRY_COMPARE(m_list->model()->rowCount(), 6);
}

void TestChangesPanel::select(int row)
{
    const QModelIndex index = m_list->model()->index(row, 0);
    m_list->setFocus();
    m_list->setCurrentIndex(index);
    m_list->selectionModel()->select(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void TestChangesPanel::withoutChangesItSaysHowToMakeThem()
{
    QCOMPARE(m_list->model()->rowCount(), 0);
    QCOMPARE(m_summary->text(),
             QStringLiteral("No changes yet: edit a cell, replace or fix in bulk."));
    QVERIFY(!child<QPushButton>(*m_panel, "changesExport")->isEnabled());
    QVERIFY(!child<QPushButton>(*m_panel, "changesRevert")->isEnabled());
    QCOMPARE(m_panel->count(), 0);
    QVERIFY(saveScreenshot(*m_panel, QStringLiteral("changes-panel-empty")));
}

void TestChangesPanel::listsTheEditsAndExcludedRows()
{
    QSignalSpy counts(m_panel.get(), &ChangesPanel::countChanged);
    makeChanges();
    QCOMPARE(m_summary->text(), QStringLiteral("5 cells changed, 1 row excluded"));
    QCOMPARE(m_panel->count(), 6);
    QCOMPARE(counts.last().at(0).toInt(), 6);
    const QAbstractItemModel &model = *m_list->model();
    const auto text = [&model](int row, int column) {
        return model.index(row, column).data().toString();
    };
    // By row, then column; sheet row numbers (the header is row 1).
    QCOMPARE(text(0, ChangesModel::RowColumn), QStringLiteral("3"));
    QCOMPARE(text(0, ChangesModel::ColumnColumn), QStringLiteral("Order Date"));
    QCOMPARE(text(0, ChangesModel::AttributeColumn), QStringLiteral("order_date"));
    QCOMPARE(text(0, ChangesModel::OldValueColumn), QStringLiteral("2026-13-01"));
    QCOMPARE(text(0, ChangesModel::NewValueColumn), QStringLiteral("2026-01-13"));
    QCOMPARE(text(3, ChangesModel::ColumnColumn), QStringLiteral("Order Value"));
    QCOMPARE(text(3, ChangesModel::AttributeColumn), QStringLiteral("ordered_value"));
    QCOMPARE(text(3, ChangesModel::OldValueColumn), QStringLiteral("1.234,50"));
    QCOMPARE(text(5, ChangesModel::RowColumn), QStringLiteral("6"));
    QCOMPARE(text(5, ChangesModel::NewValueColumn), ChangesModel::excludedText());
    QVERIFY(!text(4, ChangesModel::WhenColumn).isEmpty());
    QVERIFY(child<QPushButton>(*m_panel, "changesExport")->isEnabled());
    select(1);
    QVERIFY(child<QPushButton>(*m_panel, "changesRevert")->isEnabled());
    QVERIFY(saveScreenshot(*m_panel, QStringLiteral("changes-panel")));
}

void TestChangesPanel::clickingAHeaderSorts()
{
    makeChanges();
    QHeaderView *header = m_list->header();
    const auto click = [header](int section) {
        QTest::mouseClick(
            header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(section) + 10, header->height() / 2));
    };
    const auto firstNew = [this] {
        return m_list->model()->index(0, ChangesModel::NewValueColumn).data().toString();
    };
    click(ChangesModel::NewValueColumn);
    QCOMPARE(firstNew(), QStringLiteral("10"));
    click(ChangesModel::NewValueColumn);
    QCOMPARE(firstNew(), ChangesModel::excludedText());
    // A third click: the built order again.
    click(ChangesModel::NewValueColumn);
    QCOMPARE(firstNew(), QStringLiteral("2026-01-13"));
}

void TestChangesPanel::revertSelectedIsOneUndoStep()
{
    makeChanges();
    const int steps = m_session->undoStack()->count();
    select(1); // ordered_units of row 4: "ten" again
    QTest::mouseClick(child<QPushButton>(*m_panel, "changesRevert"), Qt::LeftButton);
    QCOMPARE(m_session->corrections().editCount(), 4);
    QCOMPARE(m_session->undoStack()->count(), steps + 1);
    QCOMPARE(m_session->rows()->cellText(2, attribute("ordered_units")), QStringLiteral("ten"));
    QTRY_COMPARE(m_list->model()->rowCount(), 5);
    QCOMPARE(m_summary->text(), QStringLiteral("4 cells changed, 1 row excluded"));
    QCOMPARE(m_panel->count(), 5);
    m_session->undoStack()->undo();
    QCOMPARE(m_session->corrections().editCount(), 5);
    QTRY_COMPARE(m_list->model()->rowCount(), 6);
}

void TestChangesPanel::revertingBothKindsIsOneUndoStepToo()
{
    makeChanges();
    const int steps = m_session->undoStack()->count();
    m_list->setFocus();
    m_list->selectAll();
    QTest::mouseClick(child<QPushButton>(*m_panel, "changesRevert"), Qt::LeftButton);
    QCOMPARE(m_session->corrections().editCount(), 0);
    QCOMPARE(m_session->corrections().excludedCount(), 0);
    QCOMPARE(m_session->undoStack()->count(), steps + 1);
    QTRY_COMPARE(m_list->model()->rowCount(), 0);
    QCOMPARE(child<QLabel>(*m_panel, "changesStatus")->text(),
             QStringLiteral("Reverted 6 changes."));
    m_session->undoStack()->undo();
    QCOMPARE(m_session->corrections().editCount(), 5);
    QCOMPARE(m_session->corrections().excludedCount(), 1);
    QTRY_COMPARE(m_list->model()->rowCount(), 6);
}

void TestChangesPanel::deleteRevertsTheCurrentEntry()
{
    makeChanges();
    select(5); // the excluded test line
    QTest::keyClick(m_list, Qt::Key_Delete);
    QCOMPARE(m_session->corrections().excludedCount(), 0);
    QCOMPARE(m_session->corrections().editCount(), 5);
    QVERIFY(!m_session->isExcluded(4));
}

void TestChangesPanel::exportWritesQuotedCsv()
{
    QVERIFY(m_session->editCell(0, attribute("status"), QStringLiteral("held, \"customer\"")));
    QVERIFY(m_session->setRowsExcluded({4}, true));
    QTRY_COMPARE(m_list->model()->rowCount(), 2);
    const QString path = m_dir.filePath(QStringLiteral("changes"));
    m_prompter.filesToSave = {path};
    QSignalSpy finished(m_panel.get(), &ChangesPanel::exportFinished);
    QTest::mouseClick(child<QPushButton>(*m_panel, "changesExport"), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).toString(), path + QStringLiteral(".csv"));
    QCOMPARE(finished.at(0).at(1).toBool(), true);
    QVERIFY(m_prompter.suggestedSavePaths.value(0).endsWith(
        QStringLiteral("january-orders changes.csv")));
    QVERIFY(m_prompter.errors.isEmpty());
    QCOMPARE(child<QLabel>(*m_panel, "changesStatus")->text(),
             QStringLiteral("Exported 2 changes to changes.csv."));
    QFile file(path + QStringLiteral(".csv"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 4); // three lines, each ending in CRLF
    QCOMPARE(lines[0], QByteArray("\xEF\xBB\xBFRow,Column,Attribute,Old value,New value,When\r"));
    const QDateTime when = m_session->corrections().edits().front().when;
    QCOMPARE(lines[1],
             "2,Status,status,open,\"held, \"\"customer\"\"\","
                 + when.toString(Qt::ISODate).toUtf8() + '\r');
    QVERIFY(when.toString(Qt::ISODate).endsWith(u'Z'));
    QCOMPARE(lines[2], QByteArray("6,,,,Row excluded from the upload,\r"));
}

void TestChangesPanel::aFailedExportSaysWhyAndWhere()
{
    makeChanges();
    const QString path = m_dir.filePath(QStringLiteral("no such folder/changes.csv"));
    m_prompter.filesToSave = {path};
    QSignalSpy finished(m_panel.get(), &ChangesPanel::exportFinished);
    QTest::mouseClick(child<QPushButton>(*m_panel, "changesExport"), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(1).toBool(), false);
    QCOMPARE(m_prompter.errors.size(), 1);
    QVERIFY(m_prompter.errors.at(0).contains(QDir::toNativeSeparators(path)));
    QCOMPARE(child<QLabel>(*m_panel, "changesStatus")->text(),
             QStringLiteral("Not exported to changes.csv."));
    QVERIFY(child<QPushButton>(*m_panel, "changesExport")->isEnabled());
    // Cancelled: nothing written, nothing said.
    QTest::mouseClick(child<QPushButton>(*m_panel, "changesExport"), Qt::LeftButton);
    QVERIFY(!m_panel->isExporting());
    QCOMPARE(m_prompter.suggestedSavePaths.size(), 2);
}

void TestChangesPanel::activatingAnEntryGoesToItsCell()
{
    makeChanges();
    QSignalSpy goTo(m_panel.get(), &ChangesPanel::goToCell);
    select(3); // ordered_value of row 5
    QTest::keyClick(m_list, Qt::Key_Return);
    QCOMPARE(goTo.size(), 1);
    QCOMPARE(goTo.at(0).at(0).value<qsizetype>(), 3);
    QCOMPARE(goTo.at(0).at(1).toInt(), attribute("ordered_value"));
    const QRect excluded = m_list->visualRect(m_list->model()->index(5, 0));
    // A double click is a press, then the double-click event (QTest sends only the latter).
    QTest::mouseClick(m_list->viewport(), Qt::LeftButton, {}, excluded.center());
    QTest::mouseDClick(m_list->viewport(), Qt::LeftButton, {}, excluded.center());
    QCOMPARE(goTo.size(), 2);
    QCOMPARE(goTo.at(1).at(0).value<qsizetype>(), 4);
    QCOMPARE(goTo.at(1).at(1).toInt(), -1);
}

void TestChangesPanel::saveFixesToProfileIsAskedFor()
{
    QSignalSpy asked(m_panel.get(), &ChangesPanel::saveFixesToProfileRequested);
    QTest::mouseClick(child<QPushButton>(*m_panel, "changesSaveToProfile"), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
}

void TestChangesPanel::aHiddenPanelCountsButBuildsWhenShown()
{
    m_panel->hide();
    QSignalSpy counts(m_panel.get(), &ChangesPanel::countChanged);
    QVERIFY(m_session->editCell(2, attribute("ordered_units"), QStringLiteral("10")));
    QVERIFY(m_session->editCell(3, attribute("status"), QStringLiteral("open")));
    QCOMPARE(counts.size(), 2);
    QCOMPARE(counts.last().at(0).toInt(), 2);
    QCOMPARE(m_summary->text(), QStringLiteral("2 cells changed"));
    QTest::qWait(20); // a rebuild would have run by now
    QCOMPARE(m_list->model()->rowCount(), 0);
    m_panel->show();
    QCOMPARE(m_list->model()->rowCount(), 2); // before the first paint
}

QTEST_MAIN(TestChangesPanel)
#include "tst_changespanel.moc"
