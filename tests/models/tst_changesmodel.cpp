// SPDX-License-Identifier: MIT
// The Changes page's list: every edited cell (row, column, attribute, old and new text, when)
// and every excluded row of a session, as edits, undo and revert leave them.
#include "models/itemmodels/changesmodel.h"
#include "models/session/importsession.h"
#include "tests/support/catalogues.h"
#include "tests/support/checkedsession.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace sluice;
using namespace sluice::test;

namespace {

// Four orders; the last column is read by no attribute.
const QByteArray Orders = "order_id,order_line_id,order_date,product_id,location_id,"
                          "ordered_units,ordered_value,updated_at,status,note\n"
                          "O-1,1,2026-01-05,P-1,L-1,5,10.5,2026-01-05T10:00:00Z,open,first\n"
                          "O-2,1,2026-01-06,P-2,L-1,3,6.0,2026-01-06T10:00:00Z,open,\n"
                          "O-3,1,2026-01-07,P-1,L-2,ten,20.0,2026-01-07T10:00:00Z,open,\n"
                          "O-4,1,2026-01-08,P-3,L-2,8,16.0,2026-01-08T10:00:00Z,shipped,last\n";

} // namespace

class TestChangesModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void anEditShowsWhereWhatAndWhen();
    void editsAreListedByRowThenColumn();
    void sortingKeepsTiesAndSelectionInPlace();
    void excludedRowsFollowTheEdits();
    void undoAndRevertTakeEntriesAway();
    void aColumnReadByTwoAttributesNamesBoth();
    void withoutHeadersColumnsAreLetters();
    void exportRowsAreTexts();
    void theCsvIsQuotedForExcel();
    void emptyWithoutASession();

private:
    int attribute(const char *name) const
    {
        return int(m_session->resource()->attributeIndex(QString::fromLatin1(name)));
    }
    void refresh()
    {
        m_model->reset(m_session->rows(), m_session->resource(), &m_session->corrections(),
                       m_session->layout().columnNames);
    }
    QString text(int row, int column) const
    {
        return m_model->index(row, column).data().toString();
    }

    std::shared_ptr<const Catalogue> m_catalogue;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    std::unique_ptr<ImportSession> m_session;
    std::unique_ptr<ChangesModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestChangesModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_catalogue = builtInCatalogue();
    QVERIFY(m_dir.isValid());
}

void TestChangesModel::init()
{
    m_session = std::make_unique<ImportSession>(m_catalogue, m_network);
    QVERIFY(openCheckedCsv(*m_session, m_dir.filePath(QStringLiteral("orders.csv")), Orders,
                           QStringLiteral("INV.CUSTOMER_ORDERS")));
    m_model = std::make_unique<ChangesModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    refresh();
    QCOMPARE(m_model->rowCount(), 0);
}

void TestChangesModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_session.reset();
}

void TestChangesModel::anEditShowsWhereWhatAndWhen()
{
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    QVERIFY(m_session->editCell(2, attribute("ordered_units"), QStringLiteral("10")));
    refresh();
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->editCount(), 1);
    QCOMPARE(m_model->excludedCount(), 0);
    QCOMPARE(text(0, ChangesModel::RowColumn), QStringLiteral("4")); // header is row 1
    QCOMPARE(text(0, ChangesModel::ColumnColumn), QStringLiteral("ordered_units"));
    QCOMPARE(text(0, ChangesModel::AttributeColumn), QStringLiteral("ordered_units"));
    QCOMPARE(text(0, ChangesModel::OldValueColumn), QStringLiteral("ten"));
    QCOMPARE(text(0, ChangesModel::NewValueColumn), QStringLiteral("10"));
    QVERIFY(!text(0, ChangesModel::WhenColumn).isEmpty());
    const QModelIndex cell = m_model->index(0, 0);
    QCOMPARE(cell.data(ChangesModel::KindRole).toInt(), int(ChangesModel::EditedCell));
    QCOMPARE(cell.data(ChangesModel::DataRowRole).toLongLong(), 2);
    QCOMPARE(cell.data(ChangesModel::AttributeRole).toInt(), attribute("ordered_units"));
    QCOMPARE(cell.data(ChangesModel::TableRowRole).toLongLong(), 3);
    QCOMPARE(cell.data(ChangesModel::TableColumnRole).toInt(), 5);
    const QDateTime when = cell.data(ChangesModel::WhenRole).toDateTime();
    QVERIFY(when >= before && when <= QDateTime::currentDateTimeUtc());
    QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("\"ten\"")));
}

void TestChangesModel::editsAreListedByRowThenColumn()
{
    const int units = attribute("ordered_units");
    const int status = attribute("status");
    QVERIFY(m_session->changeCells({{3, units, QStringLiteral("9")},
                                    {0, status, QStringLiteral("closed")},
                                    {0, units, QString()}},
                                   QStringLiteral("Three")));
    refresh();
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(text(0, ChangesModel::RowColumn), QStringLiteral("2"));
    QCOMPARE(text(0, ChangesModel::ColumnColumn), QStringLiteral("ordered_units"));
    // Emptied: said in words, the export keeps the empty text.
    QCOMPARE(text(0, ChangesModel::NewValueColumn), QStringLiteral("(empty)"));
    QVERIFY(
        m_model->index(0, ChangesModel::NewValueColumn).data(Qt::FontRole).value<QFont>().italic());
    QCOMPARE(m_model->exportRows().front().newText, QString());
    QCOMPARE(text(1, ChangesModel::RowColumn), QStringLiteral("2"));
    QCOMPARE(text(1, ChangesModel::ColumnColumn), QStringLiteral("status"));
    QCOMPARE(text(1, ChangesModel::OldValueColumn), QStringLiteral("open"));
    QCOMPARE(text(1, ChangesModel::NewValueColumn), QStringLiteral("closed"));
    QCOMPARE(text(2, ChangesModel::RowColumn), QStringLiteral("5"));
    QCOMPARE(text(2, ChangesModel::OldValueColumn), QStringLiteral("8"));
}

void TestChangesModel::sortingKeepsTiesAndSelectionInPlace()
{
    const int units = attribute("ordered_units");
    const int status = attribute("status");
    QVERIFY(m_session->changeCells({{0, units, QStringLiteral("50")},
                                    {2, units, QStringLiteral("7")},
                                    {3, status, QStringLiteral("done")}},
                                   QStringLiteral("Three")));
    QVERIFY(m_session->setRowsExcluded({1}, true));
    refresh();
    const auto texts = [this](int column) {
        QStringList list;
        for (int row = 0; row < m_model->rowCount(); ++row)
            list.append(text(row, column));
        return list;
    };
    // As built: edits by row, then the excluded row.
    QCOMPARE(texts(ChangesModel::RowColumn), QStringList({"2", "4", "5", "3"}));
    const QPersistentModelIndex seven = m_model->index(1, ChangesModel::NewValueColumn);
    m_model->sort(ChangesModel::RowColumn);
    QCOMPARE(texts(ChangesModel::RowColumn), QStringList({"2", "3", "4", "5"}));
    QCOMPARE(seven.row(), 2);
    QCOMPARE(seven.data().toString(), QStringLiteral("7"));
    // Old texts as texts: "5" < "8" < "ten"; the excluded row has none and comes first.
    m_model->sort(ChangesModel::OldValueColumn, Qt::DescendingOrder);
    QCOMPARE(texts(ChangesModel::OldValueColumn), QStringList({"ten", "shipped", "5", ""}));
    QCOMPARE(seven.data().toString(), QStringLiteral("7"));
    // A rebuild keeps the order; no column is the built order again. (The next edit comes a
    // millisecond later at least, so that its time sorts after the others'.)
    const QDateTime last = m_session->corrections().edits().front().when;
    QTRY_VERIFY(QDateTime::currentDateTimeUtc() > last);
    QVERIFY(m_session->editCell(1, units, QStringLiteral("33")));
    refresh();
    QCOMPARE(texts(ChangesModel::OldValueColumn), QStringList({"ten", "shipped", "5", "3", ""}));
    m_model->sort(-1);
    QCOMPARE(texts(ChangesModel::RowColumn), QStringList({"2", "3", "4", "5", "3"}));
    m_model->sort(ChangesModel::WhenColumn, Qt::DescendingOrder);
    QCOMPARE(text(0, ChangesModel::NewValueColumn), QStringLiteral("33")); // the latest
    QCOMPARE(text(4, ChangesModel::NewValueColumn), ChangesModel::excludedText());
}

void TestChangesModel::excludedRowsFollowTheEdits()
{
    QVERIFY(m_session->setRowsExcluded({3, 1}, true));
    QVERIFY(m_session->editCell(2, attribute("status"), QStringLiteral("held")));
    refresh();
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->editCount(), 1);
    QCOMPARE(m_model->excludedCount(), 2);
    QCOMPARE(text(0, ChangesModel::NewValueColumn), QStringLiteral("held"));
    for (const auto &[row, sheetRow, dataRow] : {std::tuple {1, "3", 1}, {2, "5", 3}}) {
        const QModelIndex entry = m_model->index(row, ChangesModel::RowColumn);
        QCOMPARE(entry.data(ChangesModel::KindRole).toInt(), int(ChangesModel::ExcludedRow));
        QCOMPARE(entry.data().toString(), QString::fromLatin1(sheetRow));
        QCOMPARE(entry.data(ChangesModel::DataRowRole).toLongLong(), dataRow);
        QCOMPARE(entry.data(ChangesModel::AttributeRole).toInt(), -1);
        QCOMPARE(text(row, ChangesModel::NewValueColumn), ChangesModel::excludedText());
        QCOMPARE(text(row, ChangesModel::OldValueColumn), QString());
        QCOMPARE(text(row, ChangesModel::WhenColumn), QString());
    }
    QVERIFY(m_session->setRowsExcluded({3}, false));
    refresh();
    QCOMPARE(m_model->excludedCount(), 1);
}

void TestChangesModel::undoAndRevertTakeEntriesAway()
{
    const int units = attribute("ordered_units");
    QVERIFY(m_session->editCell(0, units, QStringLiteral("6")));
    QVERIFY(m_session->editCell(1, units, QStringLiteral("4")));
    refresh();
    QCOMPARE(m_model->rowCount(), 2);
    m_session->undoStack()->undo();
    refresh();
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(text(0, ChangesModel::NewValueColumn), QStringLiteral("6"));
    m_session->undoStack()->redo();
    refresh();
    QCOMPARE(m_model->rowCount(), 2);
    QVERIFY(m_session->changeCells({{0, units, std::nullopt}}, QStringLiteral("Revert")));
    refresh();
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(text(0, ChangesModel::RowColumn), QStringLiteral("3"));
    QVERIFY(m_session->revertRows({1}));
    refresh();
    QCOMPARE(m_model->rowCount(), 0);
}

void TestChangesModel::aColumnReadByTwoAttributesNamesBoth()
{
    QVERIFY(m_session->editCell(0, attribute("ordered_units"), QStringLiteral("7")));
    Mapping mapping = m_session->mapping();
    AttributeMapping *shipped = mapping.find(u"shipped_units");
    if (!shipped)
        QFAIL("no shipped_units in the mapping");
    shipped->source = AttributeMapping::Source::Column;
    shipped->columns = {QStringLiteral("ordered_units")};
    QVERIFY(m_session->changeMapping(mapping, QStringLiteral("Map shipped_units")));
    refresh();
    QCOMPARE(text(0, ChangesModel::AttributeColumn),
             QStringLiteral("ordered_units, shipped_units"));
    QCOMPARE(m_model->index(0, 0).data(ChangesModel::AttributeRole).toInt(),
             attribute("ordered_units"));
    // Unmapped: the edit stays, read by no attribute. (Found again: the session shares the list.)
    for (const char16_t *name : {u"ordered_units", u"shipped_units"}) {
        AttributeMapping *unmapped = mapping.find(QStringView(name));
        if (!unmapped)
            QFAIL("an attribute is missing from the mapping");
        unmapped->source = AttributeMapping::Source::Unmapped;
    }
    m_session->setMapping(mapping);
    refresh();
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(text(0, ChangesModel::ColumnColumn), QStringLiteral("ordered_units"));
    QCOMPARE(text(0, ChangesModel::AttributeColumn), QString());
    QCOMPARE(m_model->index(0, 0).data(ChangesModel::AttributeRole).toInt(), -1);
    QCOMPARE(text(0, ChangesModel::NewValueColumn), QStringLiteral("7"));
}

void TestChangesModel::withoutHeadersColumnsAreLetters()
{
    QVERIFY(m_session->editCell(0, attribute("status"), QStringLiteral("closed")));
    m_model->reset(m_session->rows(), m_session->resource(), &m_session->corrections());
    QCOMPARE(text(0, ChangesModel::ColumnColumn), QStringLiteral("Column I"));
}

void TestChangesModel::exportRowsAreTexts()
{
    QVERIFY(m_session->editCell(1, attribute("ordered_value"), QStringLiteral("6.5")));
    QVERIFY(m_session->setRowsExcluded({0}, true));
    refresh();
    const std::vector<ChangesModel::ExportRow> rows = m_model->exportRows();
    QCOMPARE(rows.size(), size_t(2));
    QCOMPARE(rows[0].sheetRow, 3);
    QCOMPARE(rows[0].column, QStringLiteral("ordered_value"));
    QCOMPARE(rows[0].attributes, QStringLiteral("ordered_value"));
    QCOMPARE(rows[0].oldText, QStringLiteral("6.0"));
    QCOMPARE(rows[0].newText, QStringLiteral("6.5"));
    QVERIFY(rows[0].when.isValid());
    QCOMPARE(rows[1].sheetRow, 2);
    QCOMPARE(rows[1].newText, ChangesModel::excludedText());
    QVERIFY(!rows[1].when.isValid());
}

void TestChangesModel::theCsvIsQuotedForExcel()
{
    const QDateTime when(QDate(2026, 11, 23), QTime(7, 5, 9), Qt::UTC);
    const std::vector<ChangesModel::ExportRow> rows = {
        {4, QStringLiteral("note"), QString(), QStringLiteral("a, b"),
         QStringLiteral("say \"hi\"\nthere"), when},
        {7, {}, {}, {}, ChangesModel::excludedText(), {}},
    };
    const QString path = m_dir.filePath(QStringLiteral("changes.csv"));
    QCOMPARE(ChangesModel::writeCsv(path, rows), std::nullopt);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(),
             QByteArray("\xEF\xBB\xBFRow,Column,Attribute,Old value,New value,When\r\n"
                        "4,note,,\"a, b\",\"say \"\"hi\"\"\nthere\",2026-11-23T07:05:09Z\r\n"
                        "7,,,,Row excluded from the upload,\r\n"));
    // A folder that does not exist: the reason comes back.
    const std::optional<QString> failed
        = ChangesModel::writeCsv(m_dir.filePath(QStringLiteral("missing/changes.csv")), rows);
    QVERIFY(failed.has_value() && !failed->isEmpty());
}

void TestChangesModel::emptyWithoutASession()
{
    QVERIFY(m_session->editCell(0, attribute("status"), QStringLiteral("closed")));
    refresh();
    QCOMPARE(m_model->rowCount(), 1);
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->editCount(), 0);
    m_model->reset(nullptr, nullptr, &m_session->corrections());
    QCOMPARE(m_model->rowCount(), 1); // listed, though nothing says which attribute reads it
    QCOMPARE(text(0, ChangesModel::OldValueColumn), QStringLiteral("(empty)"));
    QCOMPARE(m_model->index(0, 0).data(ChangesModel::DataRowRole).toLongLong(), -1);
}

QTEST_MAIN(TestChangesModel)
#include "tst_changesmodel.moc"
