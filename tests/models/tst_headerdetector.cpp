// SPDX-License-Identifier: MIT
#include "models/source/headerdetector.h"

#include <QTest>

using namespace sluice;

namespace {

// Rows of cells; "#12.5" is a number cell, "" an empty cell, anything else text.
SheetTable tableOf(const QList<QStringList> &rows)
{
    SheetTable table;
    for (const QStringList &row : rows) {
        table.beginRow();
        for (int column = 0; column < row.size(); ++column) {
            const QString &cell = row[column];
            if (cell.isEmpty())
                continue;
            const bool number = cell.startsWith(u'#');
            const bool stored = table.setCell(column, number ? CellKind::Number : CellKind::Text,
                                              (number ? cell.mid(1) : cell).toUtf8());
            Q_ASSERT(stored);
        }
        table.endRow();
    }
    return table;
}

const QStringList OrdersHeader {"Order No.", "Line #", "Order Date", "Qty", "Value", "Status"};

QList<QStringList> orderRows(int count)
{
    QList<QStringList> rows;
    for (int i = 1; i <= count; ++i) {
        rows.append({QStringLiteral("ORD-%1").arg(i), QStringLiteral("L-%1").arg(i % 3),
                     QStringLiteral("2025-01-%1").arg(i % 28 + 1, 2, 10, QLatin1Char('0')),
                     QStringLiteral("#%1").arg(i * 2), QStringLiteral("#%1.5").arg(i),
                     i % 2 ? QStringLiteral("open") : QStringLiteral("shipped")});
    }
    return rows;
}

} // namespace

class TestHeaderDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerOnTheFirstRow();
    void titleRowsAboveTheHeader();
    void csvTextCellsThatLookLikeValues();
    void allTextTableKeepsTheFirstRow();
    void overrideWins();
    void totalsRowIsAFooter();
    void unlabelledSumsRowIsAFooter();
    void sparseFirstColumnIsNotAFooter();
    void trailingEmptyRowsAreNotData();
    void namesAreRepaired();
    void columnLetters();
};

void TestHeaderDetector::headerOnTheFirstRow()
{
    const SheetTable table = tableOf(QList<QStringList> {OrdersHeader} + orderRows(20));
    const SheetLayout layout = HeaderDetector::detect(table);
    QCOMPARE(layout.headerRow, 0);
    QCOMPARE(layout.firstDataRow, 1);
    QCOMPARE(layout.dataEndRow, 21);
    QCOMPARE(layout.dataRowCount(), 20);
    QCOMPARE(layout.columnNames, OrdersHeader);
    QCOMPARE(layout.reason, QStringLiteral("row 1 holds 6 labels"));
    QVERIFY(layout.footerRows.isEmpty());
}

void TestHeaderDetector::titleRowsAboveTheHeader()
{
    // A workbook whose header sits on row 3 under a title and a blank row.
    const SheetTable table = tableOf(
        QList<QStringList> {{"Customer orders, March 2025"}, {}, OrdersHeader} + orderRows(30));
    const SheetLayout layout = HeaderDetector::detect(table);
    QCOMPARE(layout.headerRow, 2);
    QCOMPARE(layout.firstDataRow, 3);
    QCOMPARE(layout.dataRowCount(), 30);
    QCOMPARE(layout.reason,
             QStringLiteral("row 3 holds 6 labels; the rows above it look like a title"));

    const SheetTable twoCellTitle = tableOf(
        QList<QStringList> {{"Report", "Printed 2025-03-01"}, OrdersHeader} + orderRows(5));
    QCOMPARE(HeaderDetector::detect(twoCellTitle).headerRow, 1);
}

void TestHeaderDetector::csvTextCellsThatLookLikeValues()
{
    // In a CSV every cell is text; numbers and dates written as text still count as values.
    const SheetTable table = tableOf({{"Exported by ERP"},
                                      {"sku", "qty", "price", "date"},
                                      {"A-1", "10", "1,234.50", "31/01/2025"},
                                      {"A-2", "3", "9.99", "01/02/2025"}});
    QCOMPARE(HeaderDetector::detect(table).headerRow, 1);
}

void TestHeaderDetector::allTextTableKeepsTheFirstRow()
{
    const SheetTable table = tableOf({{"name", "city"}, {"Ann", "Oslo"}, {"Bob", "Rome"}});
    QCOMPARE(HeaderDetector::detect(table).headerRow, 0);
}

void TestHeaderDetector::overrideWins()
{
    const SheetTable table = tableOf(QList<QStringList> {OrdersHeader} + orderRows(5));
    const SheetLayout layout = HeaderDetector::detect(table, 2);
    QCOMPARE(layout.headerRow, 2);
    QCOMPARE(layout.firstDataRow, 3);
    QCOMPARE(layout.columnNames.first(), QStringLiteral("ORD-2"));
    QCOMPARE(layout.reason, QStringLiteral("row 3, as chosen"));
    QCOMPARE(HeaderDetector::detect(table, 99).headerRow, 5); // clamped to the last row
}

void TestHeaderDetector::totalsRowIsAFooter()
{
    const SheetTable table = tableOf(QList<QStringList> {OrdersHeader} + orderRows(10)
                                     + QList<QStringList> {{}, {"TOTAL:", "", "", "#110", "#60"}});
    const SheetLayout layout = HeaderDetector::detect(table);
    QCOMPARE(layout.dataEndRow, 11);
    QCOMPARE(layout.footerRows, QList<qsizetype> {12});
}

void TestHeaderDetector::unlabelledSumsRowIsAFooter()
{
    const SheetTable table = tableOf(QList<QStringList> {OrdersHeader} + orderRows(10)
                                     + QList<QStringList> {{"", "", "", "#110", "#60"}});
    const SheetLayout layout = HeaderDetector::detect(table);
    QCOMPARE(layout.footerRows, QList<qsizetype> {11});
    QCOMPARE(layout.dataRowCount(), 10);
}

void TestHeaderDetector::sparseFirstColumnIsNotAFooter()
{
    QList<QStringList> rows = orderRows(10);
    for (int i = 0; i < rows.size(); i += 3)
        rows[i][0].clear(); // the first column is often empty in this data
    const SheetTable table = tableOf(QList<QStringList> {OrdersHeader} + rows);
    const SheetLayout layout = HeaderDetector::detect(table);
    QVERIFY(layout.footerRows.isEmpty());
    QCOMPARE(layout.dataRowCount(), 10);
}

void TestHeaderDetector::trailingEmptyRowsAreNotData()
{
    SheetTable table = tableOf(QList<QStringList> {OrdersHeader} + orderRows(4));
    table.appendEmptyRows(50);
    const SheetLayout layout = HeaderDetector::detect(table);
    QCOMPARE(layout.dataEndRow, 5);
    QCOMPARE(layout.columnCount, 6);
}

void TestHeaderDetector::namesAreRepaired()
{
    QCOMPARE(HeaderDetector::repairedNames({"Qty", "", " qty ", "Ben \nAshley", "", "QTY"}),
             (QStringList {"Qty", "Column B", "qty (2)", "Ben Ashley", "Column E", "QTY (3)"}));
    const SheetTable table = tableOf({{"id", "", "id"}, {"#1", "#2", "#3"}});
    QCOMPARE(HeaderDetector::detect(table).columnNames, (QStringList {"id", "Column B", "id (2)"}));
}

void TestHeaderDetector::columnLetters()
{
    QCOMPARE(HeaderDetector::columnLetters(0), QStringLiteral("A"));
    QCOMPARE(HeaderDetector::columnLetters(25), QStringLiteral("Z"));
    QCOMPARE(HeaderDetector::columnLetters(26), QStringLiteral("AA"));
    QCOMPARE(HeaderDetector::columnLetters(701), QStringLiteral("ZZ"));
    QCOMPARE(HeaderDetector::columnLetters(702), QStringLiteral("AAA"));
    QCOMPARE(HeaderDetector::columnLetters(16383), QStringLiteral("XFD"));
}

QTEST_GUILESS_MAIN(TestHeaderDetector)
#include "tst_headerdetector.moc"
