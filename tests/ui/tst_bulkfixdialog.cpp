// SPDX-License-Identifier: MIT
// The bulk fix dialog of the Review page: it offers the fixes of a group's cause, edits the
// chosen one, previews its effect on the group's cells, and applies it to the session as one
// undo step (or leaves the group's rows out). Never exec()'d: shown, driven with QTest.
#include "models/itemmodels/valuemapmodel.h"
#include "models/session/importsession.h"
#include "tests/support/catalogues.h"
#include "tests/support/checkedsession.h"
#include "tests/support/nonnull.h"
#include "tests/support/screenshot.h"
#include "tests/support/widgettests.h"
#include "ui/dialogs/bulkfixdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace sluice;
using sluice::test::child;

namespace {

const QByteArray Quotes = "quote_id,product_id,original_quote_id,quote_status,price_list_id,"
                          "quoted_at,region_id\n"
                          "Q-1,P-1,O-1,Won,PL-1,2025-01-10 09:00:00,R-1\n"
                          "Q-2,P-1,O-1,Won,PL-1,2025-01-10 09:00:00,R-1\n"
                          "Q-3,P-1,O-1,LOST ,PL-1,2025-01-10 09:00:00,R-1\n"
                          "Q-4,P-1,O-1,pend,PL-1,2025-01-10 09:00:00,R-1\n"
                          "Q-5,P-1,O-1,won,PL-1,2025-01-10 09:00:00,R-1\n"
                          "Q-6,P-1,O-1,Shpd,PL-1,2025-01-10 09:00:00,R-1\n";

const QByteArray Orders = "order_id,order_line_id,order_date,requested_ship_date,"
                          "expected_ship_date,product_id,location_id,ordered_units,"
                          "ordered_value,updated_at\n"
                          "O-1,1,05/02/2025 10:00,2025-06-01,2025-06-01,P-1,L-1,5,10.5,"
                          "2025-06-01 00:00:00\n"
                          "O-2,1,05/02/2025 10:00,2025-06-01,2025-06-01,P-1,L-1,,10.5,"
                          "2025-06-01 00:00:00\n"
                          "O-3,1,03/04/2025 08:30,2025-06-01,2025-06-01,P-1,L-1,5,10.5,"
                          "2025-06-01 00:00:00\n"
                          "O-4,1,03.04.2025 08:30,2025-06-01,2025-06-01,P-1,L-1,,10.5,"
                          "2025-06-01 00:00:00\n";

QString preview(const BulkFixDialog &dialog)
{
    return child<QLabel>(dialog, "bulkFixPreview")->text();
}

} // namespace

class TestBulkFixDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void offersTheFixesOfTheCause();
    void editTheValueMapAndApply();
    void changeTheCase();
    void excludeTheRows();
    void reformatTheDates();
    void fillTheEmptyCells();
    void applyWaitsForAFinishedCheck();
    void aNewFileClosesTheDialog();

private:
    bool open(const QByteArray &csv, const char *resource)
    {
        return test::openCheckedCsv(*m_session,
                                    m_dir.filePath(QString::fromLatin1(resource) + ".csv"), csv,
                                    QString::fromLatin1(resource));
    }
    int attribute(const char *name) const
    {
        return int(m_session->resource()->attributeIndex(QString::fromLatin1(name)));
    }
    qsizetype errors(const char *name) const
    {
        return test::findingsOf(*m_session).count(attribute(name), Severity::Error);
    }
    // The dialog for the session's group of attribute with code, shown.
    BulkFixDialog *openDialog(const char *name, IssueCode code)
    {
        QStringList names;
        for (const Attribute &definition : m_session->resource()->attributes)
            names << definition.name;
        for (const IssueGroup &group : test::findingsOf(*m_session).groups(names)) {
            if (group.attribute == attribute(name) && group.code == code) {
                m_dialog = std::make_unique<BulkFixDialog>(*m_session, group);
                m_dialog->show();
                return m_dialog.get();
            }
        }
        return nullptr;
    }
    // Picks kind in the "Fix" combo box with the arrow keys, as a keyboard user does.
    static void pick(BulkFixDialog &dialog, BulkFix::Kind kind)
    {
        auto *combo = child<QComboBox>(dialog, "bulkFixKind");
        combo->setFocus();
        const int wanted = combo->findData(int(kind));
        while (combo->currentIndex() < wanted)
            QTest::keyClick(combo, Qt::Key_Down);
        while (combo->currentIndex() > wanted)
            QTest::keyClick(combo, Qt::Key_Up);
    }

    std::shared_ptr<const Catalogue> m_catalogue;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    std::unique_ptr<ImportSession> m_session;
    std::unique_ptr<BulkFixDialog> m_dialog;
};

void TestBulkFixDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_catalogue = test::builtInCatalogue();
    QVERIFY(m_dir.isValid());
}

void TestBulkFixDialog::init()
{
    m_session = std::make_unique<ImportSession>(m_catalogue, m_network);
}

void TestBulkFixDialog::cleanup()
{
    m_dialog.reset();
    m_session.reset();
}

void TestBulkFixDialog::offersTheFixesOfTheCause()
{
    QVERIFY(open(Quotes, "QP.QUOTE_LINE"));
    BulkFixDialog *dialog = openDialog("quote_status", IssueCode::Enum);
    if (!dialog)
        QFAIL("no quote_status group");
    auto *kinds = child<QComboBox>(*dialog, "bulkFixKind");
    QCOMPARE(kinds->count(), 3);
    QCOMPARE(kinds->itemData(0).toInt(), int(BulkFix::Kind::MapValues));
    QCOMPARE(kinds->itemData(1).toInt(), int(BulkFix::Kind::ChangeCase));
    QCOMPARE(kinds->itemData(2).toInt(), int(BulkFix::Kind::ExcludeRows));
    QCOMPARE(child<QStackedWidget>(*dialog, "bulkFixEditors")->currentIndex(), 0);
    QVERIFY(child<QCheckBox>(*dialog, "bulkFixRemember")->isChecked());
    // The suggestions fix all but "Shpd".
    QVERIFY2(preview(*dialog).contains(QStringLiteral("Fixes 4 of 5 cells")),
             qPrintable(preview(*dialog)));
    QVERIFY2(preview(*dialog).contains(QStringLiteral("'Shpd' (1 cell)")),
             qPrintable(preview(*dialog)));
    QVERIFY(child<QPushButton>(*dialog, "bulkFixApply")->isEnabled());
}

void TestBulkFixDialog::editTheValueMapAndApply()
{
    QVERIFY(open(Quotes, "QP.QUOTE_LINE"));
    QCOMPARE(errors("quote_status"), 5);
    BulkFixDialog *dialog = openDialog("quote_status", IssueCode::Enum);
    if (!dialog)
        QFAIL("no quote_status group");
    auto *table = child<QTableView>(*dialog, "valueMapTable");
    QAbstractItemModel *model = table->model();
    QCOMPARE(model->rowCount(), 4);
    int shpd = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, ValueMapModel::ValueColumn).data().toString() == u"Shpd")
            shpd = row;
    }
    QVERIFY(shpd >= 0);
    // F2 on the Map to cell opens its editor: a combo box of the allowed values that takes
    // any text too.
    const QModelIndex target = model->index(shpd, ValueMapModel::TargetColumn);
    table->setFocus();
    table->setCurrentIndex(target);
    QTest::keyClick(table, Qt::Key_F2);
    auto *combo = qobject_cast<QComboBox *>(table->indexWidget(target));
    if (!combo || !combo->lineEdit())
        QFAIL("no combo box editor opened");
    QCOMPARE(combo->findText(QStringLiteral("pending")), 2);
    combo->lineEdit()->selectAll();
    QTest::keyClicks(combo->lineEdit(), QStringLiteral("archived"));
    QVERIFY(test::saveScreenshot(*dialog, QStringLiteral("bulkfix-valuemap-editing")));
    QTest::keyClick(combo->lineEdit(), Qt::Key_Return);
    QVERIFY(dialog->isVisible()); // Enter ends the edit; it does not apply the fix as well
    QCOMPARE(m_session->undoStack()->count(), 0);
    QTRY_COMPARE(target.data().toString(), QStringLiteral("archived"));
    QCOMPARE(model->index(shpd, ValueMapModel::ResultColumn).data().toString(),
             QStringLiteral("✓ valid"));
    QCOMPARE(preview(*dialog), QStringLiteral("✓ Fixes 5 of 5 cells (4 values)"));
    QVERIFY(test::saveScreenshot(*dialog, QStringLiteral("bulkfix-valuemap")));

    QSignalSpy applied(dialog, &BulkFixDialog::fixApplied);
    QTest::mouseClick(child<QPushButton>(*dialog, "bulkFixApply"), Qt::LeftButton);
    QVERIFY(test::waitForChecks(*m_session));
    QCOMPARE(errors("quote_status"), 0);
    QCOMPARE(m_session->undoStack()->count(), 1);
    QCOMPARE(m_session->undoStack()->undoText(), QStringLiteral("Map 4 values of quote_status"));
    QCOMPARE(applied.count(), 1);
    QCOMPARE(applied.at(0).at(0).toBool(), true);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QVERIFY(!dialog->isVisible());
    m_session->undoStack()->undo();
    QCOMPARE(errors("quote_status"), 5);
}

void TestBulkFixDialog::changeTheCase()
{
    QVERIFY(open(Quotes, "QP.QUOTE_LINE"));
    BulkFixDialog *dialog = openDialog("quote_status", IssueCode::Enum);
    if (!dialog)
        QFAIL("no quote_status group");
    pick(*dialog, BulkFix::Kind::ChangeCase);
    QCOMPARE(dialog->kind(), BulkFix::Kind::ChangeCase);
    auto *letterCase = child<QComboBox>(*dialog, "letterCase");
    QCOMPARE(letterCase->currentData().toInt(), int(Transforms::Case::Lower));
    QVERIFY2(preview(*dialog).contains(QStringLiteral("Fixes 3 of 5 cells")),
             qPrintable(preview(*dialog)));
    // Upper case fixes nothing here.
    letterCase->setFocus();
    QTest::keyClick(letterCase, Qt::Key_Down);
    QCOMPARE(letterCase->currentData().toInt(), int(Transforms::Case::Upper));
    QVERIFY2(preview(*dialog).contains(QStringLiteral("Fixes none")), qPrintable(preview(*dialog)));
    QTest::keyClick(letterCase, Qt::Key_Up);
    QTest::keyClick(child<QCheckBox>(*dialog, "bulkFixRemember"), Qt::Key_Space);
    QVERIFY(!dialog->rememberInProfile());

    QSignalSpy applied(dialog, &BulkFixDialog::fixApplied);
    QTest::mouseClick(child<QPushButton>(*dialog, "bulkFixApply"), Qt::LeftButton);
    QCOMPARE(errors("quote_status"), 2);
    QCOMPARE(m_session->undoStack()->undoText(),
             QStringLiteral("Write quote_status in lower case"));
    QCOMPARE(applied.count(), 1);
    QCOMPARE(applied.at(0).at(0).toBool(), false);
}

void TestBulkFixDialog::excludeTheRows()
{
    QVERIFY(open(Quotes, "QP.QUOTE_LINE"));
    BulkFixDialog *dialog = openDialog("quote_status", IssueCode::Enum);
    if (!dialog)
        QFAIL("no quote_status group");
    pick(*dialog, BulkFix::Kind::ExcludeRows);
    auto *editors = child<QStackedWidget>(*dialog, "bulkFixEditors");
    auto *sentence
        = editors->currentWidget()->findChild<QLabel *>(QStringLiteral("bulkFixSentence"));
    if (!sentence)
        QFAIL("no sentence");
    QVERIFY2(sentence->text().startsWith(
                 QStringLiteral("Leave the 5 rows of this issue out of the upload.")),
             qPrintable(sentence->text()));
    QVERIFY(!child<QCheckBox>(*dialog, "bulkFixRemember")->isVisible());
    QVERIFY(!dialog->rememberInProfile());
    QCOMPARE(preview(*dialog), QStringLiteral("5 rows will not be sent."));
    QVERIFY(test::saveScreenshot(*dialog, QStringLiteral("bulkfix-exclude")));

    QSignalSpy applied(dialog, &BulkFixDialog::fixApplied);
    QTest::mouseClick(child<QPushButton>(*dialog, "bulkFixApply"), Qt::LeftButton);
    QCOMPARE(errors("quote_status"), 0);
    QCOMPARE(m_session->undoStack()->count(), 1);
    for (const qsizetype row : {0, 1, 2, 3, 5})
        QVERIFY(m_session->isExcluded(row));
    QVERIFY(!m_session->isExcluded(4));
    QCOMPARE(applied.count(), 1);
    QCOMPARE(applied.at(0).at(0).toBool(), false);
    m_session->undoStack()->undo();
    QCOMPARE(errors("quote_status"), 5);
}

void TestBulkFixDialog::reformatTheDates()
{
    QVERIFY(open(Orders, "INV.CUSTOMER_ORDERS"));
    QCOMPARE(errors("order_date"), 4);
    BulkFixDialog *dialog = openDialog("order_date", IssueCode::Format);
    if (!dialog)
        QFAIL("no order_date group");
    QCOMPARE(dialog->kind(), BulkFix::Kind::ReformatDates);
    auto *order = child<QComboBox>(*dialog, "dateOrder");
    auto *pattern = child<QLineEdit>(*dialog, "datePattern");
    auto *apply = child<QPushButton>(*dialog, "bulkFixApply");
    QCOMPARE(order->currentData().toInt(), int(DayOrder::DayMonthYear)); // fixes the most
    QCOMPARE(preview(*dialog), QStringLiteral("✓ Fixes 4 of 4 cells (3 values)"));

    order->setFocus();
    QTest::keyClick(order, Qt::Key_End); // "Unambiguous dates only": as the mapping is now
    QCOMPARE(order->currentData().toInt(), int(DayOrder::Unspecified));
    QCOMPARE(preview(*dialog), QStringLiteral("Nothing would change."));
    QVERIFY(!apply->isEnabled());

    pattern->setFocus();
    QTest::keyClicks(pattern, QStringLiteral("dd.MM.yyyy HH:mm"));
    QVERIFY2(preview(*dialog).contains(QStringLiteral("Fixes 1 of 4 cells")),
             qPrintable(preview(*dialog)));
    QVERIFY2(preview(*dialog).contains(QStringLiteral("'05/02/2025 10:00' (2 cells)")),
             qPrintable(preview(*dialog)));
    QVERIFY(apply->isEnabled());
    QVERIFY(test::saveScreenshot(*dialog, QStringLiteral("bulkfix-dates")));

    pattern->clear();
    order->setFocus();
    QTest::keyClick(order, Qt::Key_Home);
    QCOMPARE(preview(*dialog), QStringLiteral("✓ Fixes 4 of 4 cells (3 values)"));
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(errors("order_date"), 0);
    QCOMPARE(m_session->undoStack()->undoText(),
             QStringLiteral("Read order_date as day/month/year"));
    QCOMPARE(test::attributeOf(m_session->mapping(), u"order_date").transforms.dayOrder,
             DayOrder::DayMonthYear);
    m_session->undoStack()->undo();
    QCOMPARE(errors("order_date"), 4);
}

void TestBulkFixDialog::fillTheEmptyCells()
{
    QVERIFY(open(Orders, "INV.CUSTOMER_ORDERS"));
    QCOMPARE(errors("ordered_units"), 2);
    BulkFixDialog *dialog = openDialog("ordered_units", IssueCode::Required);
    if (!dialog)
        QFAIL("no ordered_units group");
    QCOMPARE(dialog->kind(), BulkFix::Kind::FillEmpty);
    auto *apply = child<QPushButton>(*dialog, "bulkFixApply");
    QVERIFY(!apply->isEnabled()); // an empty value changes nothing
    auto *fill = child<QLineEdit>(*dialog, "fillValue");
    fill->setFocus();
    QTest::keyClicks(fill, QStringLiteral("none"));
    QVERIFY2(preview(*dialog).contains(QStringLiteral("Fixes none")), qPrintable(preview(*dialog)));
    fill->clear();
    QTest::keyClicks(fill, QStringLiteral("0"));
    QCOMPARE(preview(*dialog), QStringLiteral("✓ Fixes 2 of 2 cells (1 value)"));
    QVERIFY(apply->isEnabled());
    QTest::keyClick(fill, Qt::Key_Return); // Apply is the default button
    QCOMPARE(errors("ordered_units"), 0);
    QCOMPARE(m_session->undoStack()->undoText(),
             QStringLiteral("Fill empty ordered_units cells with '0'"));
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
}

void TestBulkFixDialog::applyWaitsForAFinishedCheck()
{
    QVERIFY(open(Quotes, "QP.QUOTE_LINE"));
    BulkFixDialog *dialog = openDialog("quote_status", IssueCode::Enum);
    if (!dialog)
        QFAIL("no quote_status group");
    auto *apply = child<QPushButton>(*dialog, "bulkFixApply");
    QVERIFY(apply->isEnabled());
    QSignalSpy validated(m_session.get(), &ImportSession::validated);
    m_session->validate();
    QVERIFY(!m_session->canCorrect());
    QVERIFY(!dialog->apply()); // refused while the rows are checked again
    QCOMPARE(m_session->undoStack()->count(), 0);
    QVERIFY(validated.wait(20000));
    QTRY_VERIFY(apply->isEnabled());
    QVERIFY(dialog->apply());
    QCOMPARE(errors("quote_status"), 1);
}

void TestBulkFixDialog::aNewFileClosesTheDialog()
{
    QVERIFY(open(Quotes, "QP.QUOTE_LINE"));
    BulkFixDialog *dialog = openDialog("quote_status", IssueCode::Enum);
    if (!dialog)
        QFAIL("no quote_status group");
    QSignalSpy rejected(dialog, &QDialog::rejected);
    QVERIFY(open(Orders, "INV.CUSTOMER_ORDERS"));
    QVERIFY(rejected.count() >= 1);
    QVERIFY(!dialog->isVisible());
}

QTEST_MAIN(TestBulkFixDialog)
#include "tst_bulkfixdialog.moc"
