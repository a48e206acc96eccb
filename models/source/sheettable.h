// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/cellkind.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>
#include <utility>
#include <vector>

namespace sluice {

// A rectangle of cells, 0-based with both ends included: a merged area, for one.
struct CellRange
{
    qsizetype firstRow = 0;
    qsizetype lastRow = 0;
    int firstColumn = 0;
    int lastColumn = 0;

    bool operator==(const CellRange &other) const = default;
};

// The cells of one sheet, stored by column in blocks of rows: per cell one kind byte and one
// 32-bit end offset into the block's UTF-8 text, so a cell costs 5 bytes plus its text. A QString
// per cell would cost over 50 bytes; a 1M-row, 14-column sheet must fit in twice its CSV size.
//
// Readers append rows; blocks of complete rows can be moved from one table to another without
// copying, so a reader on a worker thread hands finished blocks to the GUI's table.
class SheetTable
{
public:
    static constexpr qsizetype RowsPerBlock = 65536;
    // Text one column may hold within one block: offsets are 32-bit. Readers cap a cell's length
    // far below this, so only a hostile file reaches it, and setCell refuses rather than wraps.
    static constexpr qsizetype MaxTextPerBlockColumn = qsizetype(1) << 32;

    SheetTable();
    ~SheetTable();
    SheetTable(SheetTable &&) noexcept;
    SheetTable &operator=(SheetTable &&) noexcept;
    SheetTable(const SheetTable &) = delete;
    SheetTable &operator=(const SheetTable &) = delete;

    qsizetype rowCount() const { return m_rowCount; }
    int columnCount() const { return m_columnCount; }

    CellKind kind(qsizetype row, int column) const;
    QByteArrayView utf8(qsizetype row, int column) const;
    QString text(qsizetype row, int column) const { return QString::fromUtf8(utf8(row, column)); }
    bool isEmpty(qsizetype row, int column) const { return kind(row, column) == CellKind::Empty; }
    // The rows in [first, end) where a cell among the first columns holds more than white space.
    // Walks the blocks in order rather than looking each row up: mapping a 1M-row sheet asks
    // this on the GUI thread (60 ms per call, row by row).
    std::vector<qsizetype> nonBlankRows(qsizetype first, qsizetype end, int columns) const;

    // Appending. Cells of a row are set in any column order; unset ones stay empty. A column
    // index beyond the current count widens the table (earlier rows read empty there).
    void beginRow();
    // False when the column's text in this block would pass MaxTextPerBlockColumn.
    [[nodiscard]] bool setCell(int column, CellKind kind, QByteArrayView utf8);
    void endRow();
    void appendEmptyRows(qsizetype count);

    // Moves every row of other to the end of this table without copying cells; other is left
    // empty. Blocks may then hold fewer rows than RowsPerBlock.
    void appendTable(SheetTable &&other);

    // Empties the cells of range in rows already ended; the parts of it past the table are
    // ignored. Their text stays in the block until it is dropped: merged areas, the reason to
    // clear, are few and small, and compacting a column's text would cost a copy of it.
    void clearCells(const CellRange &range);
    // Empties every cell of a merged area but its top-left one, which holds the area's value.
    void clearCoveredCells(const CellRange &area);

    // Removes rows at the end, e.g. trailing empty rows.
    void truncateRows(qsizetype rowCount);

    // Gives back the growth room of the last block where much is unused (more than an eighth:
    // shrinking copies the arena): readers call it before handing rows over.
    void squeeze();
    // Moves every row out, squeezed, leaving this table empty but remembering how large its
    // blocks grew, so the next rows are appended without reallocations. Readers hand blocks over
    // this way.
    SheetTable takeRows();

    // Bytes held for cells, for the memory budget and the benchmark.
    qsizetype memoryUse() const;

private:
    struct Block;

    Block &lastBlock();
    std::size_t blockIndexOf(qsizetype row) const;
    std::pair<const Block *, qsizetype> locate(qsizetype row) const;
    static bool isBlank(const Block &block, qsizetype rowInBlock, std::size_t columns);

    struct ColumnForecast
    {
        std::size_t cells;
        std::size_t textBytes;
    };

    std::vector<std::unique_ptr<Block>> m_blocks;
    std::vector<ColumnForecast> m_forecast; // sizes of the last full block's columns
    qsizetype m_rowCount = 0;
    int m_columnCount = 0;
    bool m_inRow = false;
};

} // namespace sluice
