// SPDX-License-Identifier: MIT
// The find and replace dialog, driven with QTest on six orders: the live count as the query is
// typed and its options change, the preview's checkboxes, a replace of the checked cells as one
// undo step (table and issue counts after it and after undo), find next and double-click.
#include "models/itemmodels/findmatchmodel.h"
#include "models/session/importsession.h"
#include "tests/support/catalogues.h"
#include "tests/support/checkedsession.h"
#include "tests/support/orderrows.h"
#include "tests/support/screenshot.h"
#include "tests/support/widgettests.h"
#include "ui/dialogs/findreplacedialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
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

constexpr int Timeout = 10000;

// Six orders; row 2's ordered_units is in words (the one error).
QByteArray sampleCsv()
{
    const QStringList statuses
        = {QStringLiteral("open"),   QStringLiteral("Open"),     QStringLiteral("OPEN now"),
           QStringLiteral("closed"), QStringLiteral("reopened"), QStringLiteral("open")};
    QByteArray csv = "order_id,order_line_id,order_date,requested_ship_date,expected_ship_date,"
                     "actual_ship_date,product_id,location_id,ordered_units,ordered_value,"
                     "updated_at,status,shipped_units,shipped_value\n";
    for (int n = 0; n < statuses.size(); ++n) {
        QStringList row = orderRow(n + 1);
        row[11] = statuses.at(n);
        if (n == 2)
            row[8] = QStringLiteral("ten");
        csv += row.join(u',').toUtf8() + '\n';
    }
    return csv;
}

QString buttonText(const QPushButton *button)
{
    return button->text().remove(u'&');
}

} // namespace

class TestFindReplaceDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void typingCountsTheMatchesLive();
    void optionsAndScopeChangeTheCount();
    void aBadRegexSaysWhyAndCannotReplace();
    void replaceChangesTheCheckedCellsInOneUndoStep();
    void aReplaceFixesAnErrorAndUndoBringsItBack();
    void findNextAndDoubleClickGoToTheCell();
    void replaceWaitsWhileRowsAreChecked();
    void aNewMappingSearchesTheNewRows();

private:
    void findText(const QString &text)
    {
        QLineEdit *field = child<QLineEdit>(*m_dialog, "findText");
        field->clear();
        QTest::keyClicks(field, text);
    }
    int attribute(const char *name) const
    {
        return int(m_session->resource()->attributeIndex(QString::fromLatin1(name)));
    }
    QString cellText(qsizetype row, const char *name) const
    {
        return m_session->rows()->cellText(row, attribute(name));
    }

    std::shared_ptr<const Catalogue> m_catalogue;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    std::unique_ptr<ImportSession> m_session;
    std::unique_ptr<FindReplaceDialog> m_dialog;
    QLabel *m_count = nullptr;
    QPushButton *m_replace = nullptr;
    QTreeView *m_preview = nullptr;
};

void TestFindReplaceDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_catalogue = builtInCatalogue();
}

void TestFindReplaceDialog::init()
{
    m_session = std::make_unique<ImportSession>(m_catalogue, m_network);
    QVERIFY(openCheckedCsv(*m_session, m_dir.filePath(QStringLiteral("orders.csv")), sampleCsv(),
                           QStringLiteral("INV.CUSTOMER_ORDERS")));
    m_dialog = std::make_unique<FindReplaceDialog>(*m_session);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    m_count = child<QLabel>(*m_dialog, "findCount");
    m_replace = child<QPushButton>(*m_dialog, "replaceButton");
    m_preview = child<QTreeView>(*m_dialog, "findPreview");
}

void TestFindReplaceDialog::cleanup()
{
    m_dialog.reset();
    m_session.reset();
}

void TestFindReplaceDialog::typingCountsTheMatchesLive()
{
    QCOMPARE(m_count->text(), u"Type the text to find.");
    QVERIFY(!m_replace->isEnabled());
    findText(QStringLiteral("open"));
    // Searched after a pause, not per letter.
    QCOMPARE(m_count->text(), u"Searching…");
    QVERIFY(!m_replace->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"5 matches in 1 column", Timeout);
    QCOMPARE(m_preview->model()->rowCount(), 5);
    QCOMPARE(buttonText(m_replace), u"Replace 5 Checked");
    QVERIFY(m_replace->isEnabled());
    QTest::keyClicks(child<QLineEdit>(*m_dialog, "replaceText"), QStringLiteral("shut"));
    QCOMPARE(m_preview->model()->index(2, FindMatchModel::AfterColumn).data().toString(),
             u"shut now");
    QVERIFY(test::saveScreenshot(*m_dialog, QStringLiteral("findreplacedialog-preview")));
    findText(QStringLiteral("ord-"));
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"6 matches in 1 column", Timeout);
    findText(QStringLiteral("1"));
    QTRY_VERIFY_WITH_TIMEOUT(m_count->text().endsWith(u"in 8 columns"), Timeout);
    findText(QStringLiteral("nowhere"));
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"No matches", Timeout);
    QVERIFY(!m_replace->isEnabled());
    QVERIFY(!child<QPushButton>(*m_dialog, "findNextButton")->isEnabled());
}

void TestFindReplaceDialog::optionsAndScopeChangeTheCount()
{
    findText(QStringLiteral("open"));
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"5 matches in 1 column", Timeout);
    auto *caseSensitive = child<QCheckBox>(*m_dialog, "findCaseSensitive");
    QTest::mouseClick(caseSensitive, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"3 matches in 1 column", Timeout);
    auto *mode = child<QComboBox>(*m_dialog, "findMode");
    mode->setCurrentIndex(mode->findText(QStringLiteral("Whole cell")));
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"2 matches in 1 column", Timeout);
    QTest::mouseClick(caseSensitive, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"3 matches in 1 column", Timeout);
    mode->setCurrentIndex(mode->findText(QStringLiteral("Contains")));
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"5 matches in 1 column", Timeout);

    // The current column: order ids hold no "open".
    auto *scope = child<QComboBox>(*m_dialog, "findScope");
    QCOMPARE(scope->currentText(), u"Whole table");
    m_dialog->setCurrentAttribute(attribute("order_id"));
    QCOMPARE(scope->itemText(1), u"Column: order_id");
    scope->setCurrentIndex(1);
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"No matches", Timeout);
    m_dialog->setCurrentAttribute(attribute("status"));
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"5 matches in 1 column", Timeout);

    // The selection: status and order ids of rows 0 to 1 and 4.
    m_dialog->setSelection({attribute("status"), attribute("order_id")}, {{0, 1}, {4, 4}});
    scope->setCurrentIndex(2);
    QCOMPARE(m_dialog->scope(), FindReplaceDialog::Scope::Selection);
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"3 matches in 1 column", Timeout);
    // Without a selection the scope cannot be chosen: back to the whole table.
    m_dialog->setSelection({}, {});
    QCOMPARE(m_dialog->scope(), FindReplaceDialog::Scope::WholeTable);
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"5 matches in 1 column", Timeout);
}

void TestFindReplaceDialog::aBadRegexSaysWhyAndCannotReplace()
{
    auto *mode = child<QComboBox>(*m_dialog, "findMode");
    mode->setCurrentIndex(mode->findText(QStringLiteral("Regular expression")));
    findText(QStringLiteral("(open"));
    QTRY_VERIFY_WITH_TIMEOUT(m_count->text().startsWith(u"Invalid regular expression: "), Timeout);
    QVERIFY(!m_replace->isEnabled());
    QCOMPARE(m_preview->model()->rowCount(), 0);
    findText(QStringLiteral("(opene|close)d$"));
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"2 matches in 1 column", Timeout);
}

void TestFindReplaceDialog::replaceChangesTheCheckedCellsInOneUndoStep()
{
    QTest::keyClicks(child<QLineEdit>(*m_dialog, "replaceText"), QStringLiteral("shut"));
    findText(QStringLiteral("open"));
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"5 matches in 1 column", Timeout);
    // Row 1 ("Open") unchecked with the keyboard.
    m_preview->setFocus();
    m_preview->setCurrentIndex(m_preview->model()->index(1, FindMatchModel::RowColumn));
    QTest::keyClick(m_preview, Qt::Key_Space);
    QCOMPARE(m_preview->model()->index(1, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(buttonText(m_replace), u"Replace 4 Checked");
    QVERIFY(test::saveScreenshot(*m_dialog, QStringLiteral("findreplacedialog-unchecked")));

    const int steps = m_session->undoStack()->count();
    QTest::mouseClick(m_replace, Qt::LeftButton);
    QCOMPARE(m_session->undoStack()->count(), steps + 1);
    QCOMPARE(m_session->undoStack()->undoText(), u"Replace “open” with “shut” in 4 cells");
    QCOMPARE(cellText(0, "status"), u"shut");
    QCOMPARE(cellText(1, "status"), u"Open");
    QCOMPARE(cellText(2, "status"), u"shut now");
    QCOMPARE(cellText(4, "status"), u"reshuted");
    QCOMPARE(cellText(5, "status"), u"shut");
    // Searched again: the unchecked cell still matches, and stays unchecked.
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"1 match in 1 column", Timeout);
    QCOMPARE(buttonText(m_replace), u"Replace 0 Checked");
    QVERIFY(!m_replace->isEnabled());
    const IssueIndex *issues = m_session->issues();
    if (!issues)
        QFAIL("no issues after the replace");
    QCOMPARE(issues->errorCount(), 1);

    m_session->undoStack()->undo();
    QCOMPARE(cellText(0, "status"), u"open");
    QCOMPARE(cellText(4, "status"), u"reopened");
    QVERIFY(!m_session->rows()->isEdited(2, attribute("status")));
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"5 matches in 1 column", Timeout);
}

void TestFindReplaceDialog::aReplaceFixesAnErrorAndUndoBringsItBack()
{
    const IssueIndex *issues = m_session->issues();
    if (!issues)
        QFAIL("the rows were not checked");
    QCOMPARE(issues->errorCount(), 1);
    auto *mode = child<QComboBox>(*m_dialog, "findMode");
    mode->setCurrentIndex(mode->findText(QStringLiteral("Whole cell")));
    findText(QStringLiteral("TEN"));
    QTest::keyClicks(child<QLineEdit>(*m_dialog, "replaceText"), QStringLiteral("10"));
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"1 match in 1 column", Timeout);
    QTest::mouseClick(m_replace, Qt::LeftButton);
    QVERIFY(waitForChecks(*m_session));
    issues = m_session->issues();
    if (!issues)
        QFAIL("no issues after the replace");
    QCOMPARE(cellText(2, "ordered_units"), u"10");
    QCOMPARE(issues->errorCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"No matches", Timeout);

    m_session->undoStack()->undo();
    QVERIFY(waitForChecks(*m_session));
    issues = m_session->issues();
    if (!issues)
        QFAIL("no issues after the undo");
    QCOMPARE(cellText(2, "ordered_units"), u"ten");
    QCOMPARE(issues->errorCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"1 match in 1 column", Timeout);
}

void TestFindReplaceDialog::findNextAndDoubleClickGoToTheCell()
{
    QSignalSpy goTo(m_dialog.get(), &FindReplaceDialog::goToCell);
    findText(QStringLiteral("open"));
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"5 matches in 1 column", Timeout);
    auto *next = child<QPushButton>(*m_dialog, "findNextButton");
    const int status = attribute("status");
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(goTo.count(), 2);
    QCOMPARE(goTo.at(0).at(0).toLongLong(), 0);
    QCOMPARE(goTo.at(0).at(1).toInt(), status);
    QCOMPARE(goTo.at(1).at(0).toLongLong(), 1);
    QCOMPARE(m_preview->currentIndex().row(), 1);
    // Enter in the find field goes on too: Find Next is the default button.
    QTest::keyClick(child<QLineEdit>(*m_dialog, "findText"), Qt::Key_Return);
    QCOMPARE(goTo.count(), 3);
    QCOMPARE(goTo.at(2).at(0).toLongLong(), 2);

    const QRect rect
        = m_preview->visualRect(m_preview->model()->index(4, FindMatchModel::BeforeColumn));
    // A double click is a press, then the double-click event (QTest sends only the latter).
    QTest::mouseClick(m_preview->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(m_preview->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(goTo.count(), 4);
    QCOMPARE(goTo.at(3).at(0).toLongLong(), 5);
    // After the last match, the first again.
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(goTo.last().at(0).toLongLong(), 0);
}

void TestFindReplaceDialog::replaceWaitsWhileRowsAreChecked()
{
    findText(QStringLiteral("open"));
    QTRY_VERIFY_WITH_TIMEOUT(m_replace->isEnabled(), Timeout);
    QSignalSpy validated(m_session.get(), &ImportSession::validated);
    m_session->validate();
    QVERIFY(!m_session->canCorrect());
    QVERIFY(!m_replace->isEnabled());
    QVERIFY(validated.wait(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(m_replace->isEnabled(), Timeout);
    QCOMPARE(m_count->text(), u"5 matches in 1 column");
}

// The old matches point into rows that are gone: they are dropped and the new rows searched.
void TestFindReplaceDialog::aNewMappingSearchesTheNewRows()
{
    m_dialog->setCurrentAttribute(attribute("status"));
    auto *scope = child<QComboBox>(*m_dialog, "findScope");
    scope->setCurrentIndex(1);
    findText(QStringLiteral("open"));
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"5 matches in 1 column", Timeout);
    Mapping mapping = m_session->mapping();
    AttributeMapping *status = mapping.find(u"status");
    if (!status)
        QFAIL("status is not in the mapping");
    status->source = AttributeMapping::Source::Unmapped;
    status->columns.clear();
    m_session->setMapping(mapping);
    QCOMPARE(m_preview->model()->rowCount(), 0);
    // An unmapped column cannot be searched: the scope goes back to the whole table.
    QCOMPARE(m_dialog->scope(), FindReplaceDialog::Scope::WholeTable);
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"No matches", Timeout);
    m_session->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(m_count->text(), u"5 matches in 1 column", Timeout);
}

QTEST_MAIN(TestFindReplaceDialog)
#include "tst_findreplacedialog.moc"
