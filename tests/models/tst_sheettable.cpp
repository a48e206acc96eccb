// SPDX-License-Identifier: MIT
#include "models/source/sheettable.h"

#include <QTest>

using namespace sluice;

namespace {

void appendTextRow(SheetTable &table, const QList<QByteArray> &cells)
{
    table.beginRow();
    for (int column = 0; column < cells.size(); ++column) {
        if (!cells[column].isNull())
            QVERIFY(table.setCell(column, CellKind::Text, cells[column]));
    }
    table.endRow();
}

// Rows of "r<row>c<column>" with every third cell left empty.
SheetTable numberedTable(qsizetype rows, int columns, qsizetype firstRow = 0)
{
    SheetTable table;
    for (qsizetype row = firstRow; row < firstRow + rows; ++row) {
        table.beginRow();
        for (int column = 0; column < columns; ++column) {
            if ((row + column) % 3 != 0) {
                const QByteArray text
                    = "r" + QByteArray::number(row) + "c" + QByteArray::number(column);
                if (!table.setCell(column, CellKind::Text, text))
                    qFatal("setCell refused");
            }
        }
        table.endRow();
    }
    return table;
}

bool isNumbered(const SheetTable &table, qsizetype row, int column)
{
    if ((row + column) % 3 == 0)
        return table.isEmpty(row, column) && table.utf8(row, column).isEmpty();
    return table.text(row, column) == QStringLiteral("r%1c%2").arg(row).arg(column);
}

// Every cell of area but the top-left is empty and has no text; the top-left and the cells
// around the area read as numberedTable wrote them.
bool isClearedAsMerged(const SheetTable &table, const CellRange &area)
{
    for (qsizetype row = area.firstRow - 1; row <= area.lastRow + 1; ++row) {
        for (int column = area.firstColumn - 1; column <= area.lastColumn + 1; ++column) {
            const bool inside = row >= area.firstRow && row <= area.lastRow
                && column >= area.firstColumn && column <= area.lastColumn;
            const bool topLeft = row == area.firstRow && column == area.firstColumn;
            const bool ok = inside && !topLeft
                ? table.isEmpty(row, column) && table.utf8(row, column).isEmpty()
                : isNumbered(table, row, column);
            if (!ok) {
                qWarning("cell at row %lld, column %d", qint64(row), column);
                return false;
            }
        }
    }
    return true;
}

} // namespace

class TestSheetTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyTable();
    void keepsKindsAndExactText();
    void raggedRowsWidenTheTable();
    void cellsInAnyOrderAndReplaced();
    void manyBlocksReadBack();
    void appendingBlocksMovesOrCopies();
    void nonBlankRowsSkipsEmptyAndWhiteSpaceAcrossBlocks();
    void truncateDropsTrailingRows();
    void memoryStaysNearTheText();
    void takeRowsLeavesAnEmptyTableThatFillsAgain();
    void mergedAreaKeepsOnlyItsTopLeftCell();
    void clearingPastTheDataIsHarmless();
};

void TestSheetTable::emptyTable()
{
    SheetTable table;
    QCOMPARE(table.rowCount(), 0);
    QCOMPARE(table.columnCount(), 0);
    QCOMPARE(table.kind(0, 0), CellKind::Empty);
    QVERIFY(table.text(5, 5).isEmpty());
    table.appendEmptyRows(3);
    QCOMPARE(table.rowCount(), 3);
    QCOMPARE(table.columnCount(), 0);
}

void TestSheetTable::keepsKindsAndExactText()
{
    SheetTable table;
    table.beginRow();
    QVERIFY(table.setCell(0, CellKind::Text, "007"));
    QVERIFY(table.setCell(1, CellKind::Number, "45658.5"));
    QVERIFY(table.setCell(2, CellKind::DateTime, "2025-01-01T12:00:00"));
    QVERIFY(table.setCell(3, CellKind::Boolean, "true"));
    QVERIFY(table.setCell(4, CellKind::Error, "#N/A"));
    QVERIFY(table.setCell(5, CellKind::Text, "  Zürich\r\n東京 "));
    table.endRow();
    QCOMPARE(table.kind(0, 0), CellKind::Text);
    QCOMPARE(table.text(0, 0), QStringLiteral("007"));
    QCOMPARE(table.kind(0, 1), CellKind::Number);
    QCOMPARE(table.kind(0, 2), CellKind::DateTime);
    QCOMPARE(table.kind(0, 3), CellKind::Boolean);
    QCOMPARE(table.text(0, 4), QStringLiteral("#N/A"));
    QCOMPARE(table.text(0, 5), QStringLiteral("  Zürich\r\n東京 "));
    QCOMPARE(table.kind(0, 6), CellKind::Empty);
    QCOMPARE(cellKindName(CellKind::DateTime), QStringLiteral("datetime"));
}

void TestSheetTable::raggedRowsWidenTheTable()
{
    SheetTable table;
    appendTextRow(table, {"a", "b"});
    appendTextRow(table, {"c", "d", "e", "f"});
    appendTextRow(table, {"g"});
    appendTextRow(table, {});
    QCOMPARE(table.rowCount(), 4);
    QCOMPARE(table.columnCount(), 4);
    QCOMPARE(table.kind(0, 3), CellKind::Empty);
    QCOMPARE(table.text(1, 3), QStringLiteral("f"));
    QCOMPARE(table.kind(2, 1), CellKind::Empty);
    QCOMPARE(table.kind(3, 0), CellKind::Empty);
}

void TestSheetTable::cellsInAnyOrderAndReplaced()
{
    SheetTable table;
    table.beginRow();
    QVERIFY(table.setCell(3, CellKind::Text, "d"));
    QVERIFY(table.setCell(0, CellKind::Text, "a"));
    QVERIFY(table.setCell(3, CellKind::Number, "4"));
    table.endRow();
    appendTextRow(table, {"x", "y", "z", "w"});
    QCOMPARE(table.text(0, 0), QStringLiteral("a"));
    QCOMPARE(table.kind(0, 3), CellKind::Number);
    QCOMPARE(table.text(0, 3), QStringLiteral("4"));
    QCOMPARE(table.text(1, 3), QStringLiteral("w"));
    QCOMPARE(table.kind(0, 1), CellKind::Empty);
}

void TestSheetTable::manyBlocksReadBack()
{
    const qsizetype rows = SheetTable::RowsPerBlock * 2 + 17;
    const SheetTable table = numberedTable(rows, 5);
    QCOMPARE(table.rowCount(), rows);
    QCOMPARE(table.columnCount(), 5);
    for (qsizetype row : {qsizetype(0), qsizetype(1), SheetTable::RowsPerBlock - 1,
                          SheetTable::RowsPerBlock, SheetTable::RowsPerBlock + 1, rows - 1}) {
        for (int column = 0; column < 5; ++column)
            QVERIFY2(isNumbered(table, row, column), qPrintable(QString::number(row)));
    }
}

void TestSheetTable::appendingBlocksMovesOrCopies()
{
    // Blocks move whole, also when the table does not end on a block boundary.
    SheetTable aligned = numberedTable(SheetTable::RowsPerBlock, 3);
    aligned.appendTable(numberedTable(10, 4, SheetTable::RowsPerBlock));
    QCOMPARE(aligned.rowCount(), SheetTable::RowsPerBlock + 10);
    QCOMPARE(aligned.columnCount(), 4);
    QVERIFY(isNumbered(aligned, SheetTable::RowsPerBlock + 9, 3));

    SheetTable unaligned = numberedTable(7, 2);
    SheetTable more = numberedTable(5, 3, 7);
    unaligned.appendTable(std::move(more));
    QCOMPARE(more.rowCount(), 0);
    QCOMPARE(unaligned.rowCount(), 12);
    for (qsizetype row = 0; row < 12; ++row) {
        for (int column = 0; column < 2; ++column)
            QVERIFY(isNumbered(unaligned, row, column));
    }
    QVERIFY(isNumbered(unaligned, 11, 2));
    QCOMPARE(unaligned.kind(3, 2), CellKind::Empty);
    appendTextRow(unaligned, {"after", "the", "join"});
    QCOMPARE(unaligned.text(12, 2), QStringLiteral("join"));

    // Tables of uneven sizes, joined: every row is found in its block.
    SheetTable joined = numberedTable(70000, 3);
    joined.appendTable(numberedTable(30000, 3, 70000));
    joined.appendTable(numberedTable(SheetTable::RowsPerBlock, 3, 100000));
    QCOMPARE(joined.rowCount(), 100000 + SheetTable::RowsPerBlock);
    for (qsizetype row :
         {qsizetype(0), qsizetype(65535), qsizetype(65536), qsizetype(69999), qsizetype(70000),
          qsizetype(99999), qsizetype(100000), joined.rowCount() - 1}) {
        for (int column = 0; column < 3; ++column)
            QVERIFY2(isNumbered(joined, row, column), qPrintable(QString::number(row)));
    }
    joined.truncateRows(70001);
    QVERIFY(isNumbered(joined, 70000, 1));
    QCOMPARE(joined.kind(70001, 1), CellKind::Empty);
}

void TestSheetTable::truncateDropsTrailingRows()
{
    SheetTable table = numberedTable(SheetTable::RowsPerBlock + 5, 3);
    table.truncateRows(SheetTable::RowsPerBlock + 2);
    QCOMPARE(table.rowCount(), SheetTable::RowsPerBlock + 2);
    QVERIFY(isNumbered(table, SheetTable::RowsPerBlock + 1, 1));
    QCOMPARE(table.kind(SheetTable::RowsPerBlock + 3, 1), CellKind::Empty);
    table.truncateRows(2);
    QCOMPARE(table.rowCount(), 2);
    QVERIFY(isNumbered(table, 1, 2));
    appendTextRow(table, {"new"});
    QCOMPARE(table.text(2, 0), QStringLiteral("new"));
    QCOMPARE(table.kind(2, 1), CellKind::Empty);
}

void TestSheetTable::memoryStaysNearTheText()
{
    // 200k rows of 10 cells of 8 bytes: 16 MB of text. Kinds and offsets add 5 bytes a cell.
    SheetTable table;
    const QByteArray cell = "ABCDEFGH";
    for (int row = 0; row < 200000; ++row) {
        table.beginRow();
        for (int column = 0; column < 10; ++column)
            QVERIFY(table.setCell(column, CellKind::Text, cell));
        table.endRow();
    }
    table.squeeze(); // as readers do before handing rows over (takeRows)
    const qsizetype text = 200000LL * 10 * cell.size();
    const qsizetype bookkeeping = 200000LL * 10 * 5;
    QVERIFY2(table.memoryUse() < (text + bookkeeping) * 13 / 10,
             qPrintable(QString::number(table.memoryUse())));
}

void TestSheetTable::takeRowsLeavesAnEmptyTableThatFillsAgain()
{
    SheetTable table = numberedTable(SheetTable::RowsPerBlock, 4);
    SheetTable first = table.takeRows();
    QCOMPARE(table.rowCount(), 0);
    QCOMPARE(table.columnCount(), 0);
    QCOMPARE(first.rowCount(), SheetTable::RowsPerBlock);
    QVERIFY(isNumbered(first, SheetTable::RowsPerBlock - 1, 3));
    // The next block is reserved from the last one's sizes and reads back the same.
    for (qsizetype row = 0; row < 10; ++row) {
        table.beginRow();
        QVERIFY(table.setCell(2, CellKind::Text, QByteArray::number(row)));
        table.endRow();
    }
    const SheetTable second = table.takeRows();
    QCOMPARE(second.rowCount(), 10);
    QCOMPARE(second.text(9, 2), QStringLiteral("9"));
    QCOMPARE(second.kind(9, 0), CellKind::Empty);
    QVERIFY(second.memoryUse() < 4096);
}

void TestSheetTable::mergedAreaKeepsOnlyItsTopLeftCell()
{
    // A full block, a short one, and a joined one: areas cross both kinds of block boundary.
    SheetTable table = numberedTable(70000, 6);
    table.appendTable(numberedTable(30, 6, 70000));
    const CellRange acrossBlocks {SheetTable::RowsPerBlock - 1, SheetTable::RowsPerBlock + 1, 1, 3};
    const CellRange acrossTables {69999, 70001, 4, 4};
    const CellRange firstRows {0, 1, 1, 2};
    for (const CellRange &area : {acrossBlocks, acrossTables, firstRows})
        table.clearCoveredCells(area);
    QVERIFY(isClearedAsMerged(table, acrossBlocks));
    QVERIFY(isClearedAsMerged(table, acrossTables));
    QCOMPARE(table.text(0, 1), QStringLiteral("r0c1"));
    QVERIFY(table.isEmpty(0, 2) && table.isEmpty(1, 1) && table.isEmpty(1, 2));
    QVERIFY(isNumbered(table, 0, 3) && isNumbered(table, 2, 2));
    QCOMPARE(table.rowCount(), 70030);
    QCOMPARE(table.columnCount(), 6);
    // Clearing leaves the offsets alone: the cells after the cleared ones keep their text.
    QVERIFY(isNumbered(table, 70029, 4));
}

void TestSheetTable::clearingPastTheDataIsHarmless()
{
    SheetTable table = numberedTable(5, 3);
    table.clearCoveredCells({3, 1048575, 1, 16383});
    QCOMPARE(table.text(3, 1), QStringLiteral("r3c1"));
    QVERIFY(table.isEmpty(3, 2) && table.isEmpty(4, 1));
    QVERIFY(isNumbered(table, 3, 0) && isNumbered(table, 4, 0));
    QCOMPARE(table.rowCount(), 5);
    QCOMPARE(table.columnCount(), 3);
    // Beyond the table, upside down, negative, one cell: nothing changes.
    table.clearCells({10, 20, 0, 2});
    table.clearCells({0, 2, 5, 9});
    table.clearCells({2, 1, 0, 2});
    table.clearCells({-5, -1, -3, -1});
    table.clearCoveredCells({0, 0, 0, 0});
    for (qsizetype row = 0; row < 3; ++row) {
        for (int column = 0; column < 3; ++column)
            QVERIFY(isNumbered(table, row, column));
    }
    // A row being appended is not the table's yet, and the table grows on as before.
    table.beginRow();
    QVERIFY(table.setCell(0, CellKind::Text, "new"));
    table.clearCells({0, 10, 0, 5});
    table.endRow();
    QCOMPARE(table.text(5, 0), QStringLiteral("new"));
    QVERIFY(table.isEmpty(0, 1) && table.isEmpty(4, 0));
    appendTextRow(table, {"a", "b"});
    QCOMPARE(table.text(6, 1), QStringLiteral("b"));
}

void TestSheetTable::nonBlankRowsSkipsEmptyAndWhiteSpaceAcrossBlocks()
{
    // Rows around the first block boundary, some empty, some only spaces, one with its only
    // text in a column past the ones asked about.
    SheetTable table;
    const qsizetype rows = SheetTable::RowsPerBlock + 10;
    std::vector<qsizetype> expected;
    for (qsizetype row = 0; row < rows; ++row) {
        table.beginRow();
        if (row % 5 == 1) {
            QVERIFY(table.setCell(1, CellKind::Text, " \t "));
        } else if (row % 5 == 2) {
            QVERIFY(table.setCell(3, CellKind::Text, "beyond"));
        } else if (row % 5 != 3) {
            QVERIFY(table.setCell(row % 2 == 0 ? 0 : 2, CellKind::Text, "x"));
            if (row >= 2 && row < rows - 3)
                expected.push_back(row);
        }
        table.endRow();
    }
    QCOMPARE(table.nonBlankRows(2, rows - 3, 3), expected);
    QCOMPARE(table.nonBlankRows(0, 0, 3), std::vector<qsizetype>());
    QCOMPARE(table.nonBlankRows(rows - 1, rows + 50, 4), std::vector<qsizetype>({rows - 1}));
}

QTEST_GUILESS_MAIN(TestSheetTable)
#include "tst_sheettable.moc"
