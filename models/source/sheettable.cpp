// SPDX-License-Identifier: MIT
#include "models/source/sheettable.h"

#include <algorithm>

#if __has_include(<sys/mman.h>)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace sluice {

namespace {

// A block's arenas are written from start to end, and the first write to each 4 KiB page of a new
// allocation is a page fault: for a 1M-row table over 40,000 faults, a third of the read's CPU
// time on this machine. One madvise call maps a whole reserved arena at once, several times
// cheaper than faulting it in page by page. Where the kernel lacks it, the call simply fails.
// Only the first `count` elements are mapped: room reserved beyond a forecast stays unmapped until
// it is written.
template<typename T>
void prefault(const std::vector<T> &arena, std::size_t count)
{
#if defined(MADV_POPULATE_WRITE)
    constexpr std::size_t MinBytes = std::size_t(64) << 10;
    static const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    const std::size_t bytes = std::min(count, arena.capacity()) * sizeof(T);
    if (bytes < MinBytes || page == 0)
        return;
    const auto start = reinterpret_cast<std::uintptr_t>(arena.data());
    const std::uintptr_t begin = (start + page - 1) & ~(page - 1);
    const std::uintptr_t end = (start + bytes) & ~(page - 1);
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_POPULATE_WRITE);
#else
    Q_UNUSED(arena)
    Q_UNUSED(count)
#endif
}

// Moves an arena into a new one of the given capacity, pre-faulted before the copy writes to it.
template<typename T>
void reallocateArena(std::vector<T> &arena, std::size_t capacity)
{
    std::vector<T> moved;
    moved.reserve(capacity);
    prefault(moved, capacity);
    moved.insert(moved.end(), arena.begin(), arena.end());
    arena.swap(moved);
}

template<typename T>
void growArena(std::vector<T> &arena, std::size_t more)
{
    reallocateArena(arena, std::max({arena.size() + more, 2 * arena.capacity(), std::size_t(64)}));
}

} // namespace

// One column of one block. It only grows as far as its last non-empty cell: rows past its end,
// and columns a block has never seen, read as empty. Sparse and ragged sheets cost nothing there.
struct ColumnBlock
{
    std::vector<CellKind> kinds;
    std::vector<quint32> ends; // end of each cell's text in `text`
    std::vector<char> text;    // a plain arena: QByteArray's append costs twice as much

    quint32 endBefore(qsizetype rowInBlock) const
    {
        return rowInBlock == 0 ? 0 : ends[static_cast<std::size_t>(rowInBlock - 1)];
    }

    void padTo(qsizetype rowInBlock)
    {
        const auto size = static_cast<std::size_t>(rowInBlock);
        if (kinds.size() >= size)
            return;
        const auto end = static_cast<quint32>(text.size());
        kinds.resize(size, CellKind::Empty);
        ends.resize(size, end);
    }

    // Rows from `begin` to before `end`. A cell's end offset stays, so the cells after it keep
    // their text; cells past the column's end are already empty.
    void clear(qsizetype begin, qsizetype end)
    {
        const auto last = std::min(static_cast<std::size_t>(end), kinds.size());
        for (auto row = static_cast<std::size_t>(begin); row < last; ++row)
            kinds[row] = CellKind::Empty;
    }
};

struct SheetTable::Block
{
    qsizetype firstRow = 0;
    qsizetype rows = 0; // at most RowsPerBlock; fewer where tables were joined
    std::vector<ColumnBlock> columns;
};

// Blocks are full except where whole tables were appended, so finding a row's block is a binary
// search over a few dozen start rows: no shared cache, so readers on several threads are safe.
std::pair<const SheetTable::Block *, qsizetype> SheetTable::locate(qsizetype row) const
{
    const auto after = std::upper_bound(m_blocks.begin(), m_blocks.end(), row,
                                        [](qsizetype wanted, const std::unique_ptr<Block> &block) {
                                            return wanted < block->firstRow;
                                        });
    const Block *block = std::prev(after)->get();
    return {block, row - block->firstRow};
}

// Index of the block holding row, which must be a row of the table.
std::size_t SheetTable::blockIndexOf(qsizetype row) const
{
    const auto after = std::upper_bound(m_blocks.begin(), m_blocks.end(), row,
                                        [](qsizetype wanted, const std::unique_ptr<Block> &block) {
                                            return wanted < block->firstRow;
                                        });
    return static_cast<std::size_t>(std::distance(m_blocks.begin(), after)) - 1;
}

SheetTable::SheetTable() = default;
SheetTable::~SheetTable() = default;
SheetTable::SheetTable(SheetTable &&) noexcept = default;
SheetTable &SheetTable::operator=(SheetTable &&) noexcept = default;

CellKind SheetTable::kind(qsizetype row, int column) const
{
    if (row < 0 || row >= m_rowCount || column < 0 || column >= m_columnCount)
        return CellKind::Empty;
    const auto [block, rowInBlock] = locate(row);
    if (static_cast<std::size_t>(column) >= block->columns.size())
        return CellKind::Empty;
    const ColumnBlock &cells = block->columns[static_cast<std::size_t>(column)];
    const auto index = static_cast<std::size_t>(rowInBlock);
    return index < cells.kinds.size() ? cells.kinds[index] : CellKind::Empty;
}

QByteArrayView SheetTable::utf8(qsizetype row, int column) const
{
    if (kind(row, column) == CellKind::Empty)
        return {};
    const auto [block, rowInBlock] = locate(row);
    const ColumnBlock &cells = block->columns[static_cast<std::size_t>(column)];
    const quint32 begin = cells.endBefore(rowInBlock);
    const quint32 end = cells.ends[static_cast<std::size_t>(rowInBlock)];
    return QByteArrayView(cells.text.data() + begin, end - begin);
}

std::vector<qsizetype> SheetTable::nonBlankRows(qsizetype first, qsizetype end, int columns) const
{
    std::vector<qsizetype> rows;
    first = std::max<qsizetype>(first, 0);
    end = std::min(end, m_rowCount);
    if (first >= end)
        return rows;
    rows.reserve(static_cast<std::size_t>(end - first));
    const auto wanted = static_cast<std::size_t>(std::max(columns, 0));
    for (std::size_t b = blockIndexOf(first); b < m_blocks.size(); ++b) {
        const Block &block = *m_blocks[b];
        const qsizetype from = std::max(first, block.firstRow) - block.firstRow;
        const qsizetype to = std::min(end, block.firstRow + block.rows) - block.firstRow;
        const std::size_t last = std::min(wanted, block.columns.size());
        for (qsizetype rowInBlock = from; rowInBlock < to; ++rowInBlock) {
            if (!isBlank(block, rowInBlock, last))
                rows.push_back(block.firstRow + rowInBlock);
        }
        if (block.firstRow + block.rows >= end)
            break;
    }
    return rows;
}

bool SheetTable::isBlank(const Block &block, qsizetype rowInBlock, std::size_t columns)
{
    const auto index = static_cast<std::size_t>(rowInBlock);
    for (std::size_t column = 0; column < columns; ++column) {
        const ColumnBlock &cells = block.columns[column];
        if (index >= cells.kinds.size() || cells.kinds[index] == CellKind::Empty)
            continue;
        const quint32 begin = cells.endBefore(rowInBlock);
        const QByteArrayView text(cells.text.data() + begin, cells.ends[index] - begin);
        if (!text.trimmed().isEmpty())
            return false;
    }
    return true;
}

SheetTable::Block &SheetTable::lastBlock()
{
    if (m_blocks.empty() || m_blocks.back()->rows == RowsPerBlock) {
        squeeze();
        auto block = std::make_unique<Block>();
        block->firstRow = m_rowCount;
        // The last full block is a good forecast of the next one: reserving its sizes spares
        // the arenas a dozen doublings and copies each.
        block->columns.resize(m_forecast.size());
        for (std::size_t column = 0; column < m_forecast.size(); ++column) {
            ColumnBlock &cells = block->columns[column];
            cells.kinds.reserve(m_forecast[column].cells);
            cells.ends.reserve(m_forecast[column].cells);
            cells.text.reserve(m_forecast[column].textBytes + m_forecast[column].textBytes / 16);
            prefault(cells.kinds, m_forecast[column].cells);
            prefault(cells.ends, m_forecast[column].cells);
            prefault(cells.text, m_forecast[column].textBytes);
        }
        m_blocks.push_back(std::move(block));
    }
    return *m_blocks.back();
}

void SheetTable::squeeze()
{
    if (m_blocks.empty())
        return;
    const Block &last = *m_blocks.back();
    if (last.rows == RowsPerBlock)
        m_forecast.clear();
    for (const ColumnBlock &cells : last.columns) {
        if (last.rows == RowsPerBlock)
            m_forecast.push_back({cells.kinds.size(), cells.text.size()});
    }
    // Shrinking copies the whole arena into fresh pages (for a 1M-row table, 120 MB copied and
    // 12,000 page faults), so it is done only where much room is left: a block reserved from the
    // forecast ends a few percent short of its capacity.
    const auto shrink = [](auto &arena) {
        if (arena.capacity() - arena.size() > arena.size() / 8)
            reallocateArena(arena, arena.size());
    };
    for (ColumnBlock &cells : m_blocks.back()->columns) {
        shrink(cells.kinds);
        shrink(cells.ends);
        shrink(cells.text);
    }
}

SheetTable SheetTable::takeRows()
{
    Q_ASSERT(!m_inRow);
    squeeze();
    SheetTable taken;
    taken.m_blocks = std::move(m_blocks);
    taken.m_rowCount = m_rowCount;
    taken.m_columnCount = m_columnCount;
    m_blocks.clear();
    m_rowCount = 0;
    m_columnCount = 0;
    return taken;
}

void SheetTable::beginRow()
{
    Q_ASSERT(!m_inRow);
    lastBlock();
    m_inRow = true;
}

bool SheetTable::setCell(int column, CellKind kind, QByteArrayView utf8)
{
    Q_ASSERT(m_inRow && column >= 0);
    if (kind == CellKind::Empty)
        return true;
    Block &block = *m_blocks.back();
    const auto index = static_cast<std::size_t>(column);
    if (index >= block.columns.size()) [[unlikely]]
        block.columns.resize(index + 1);
    if (column >= m_columnCount) [[unlikely]]
        m_columnCount = column + 1;
    ColumnBlock &cells = block.columns[index];
    const qsizetype rowInBlock = block.rows;
    if (cells.kinds.size() != static_cast<std::size_t>(rowInBlock)) [[unlikely]] {
        // Setting a cell twice in one row replaces it; its text is always the column's last.
        if (cells.kinds.size() == static_cast<std::size_t>(rowInBlock) + 1) {
            cells.text.resize(cells.endBefore(rowInBlock));
            cells.kinds.pop_back();
            cells.ends.pop_back();
        }
        cells.padTo(rowInBlock);
    }
    const std::size_t used = cells.text.size();
    const auto length = static_cast<std::size_t>(utf8.size());
    if (used + length >= static_cast<std::size_t>(MaxTextPerBlockColumn)) [[unlikely]]
        return false;
    // Arenas without a forecast (a table's first block) grow here, pre-faulted like reserved ones.
    if (cells.text.capacity() - used < length) [[unlikely]]
        growArena(cells.text, length);
    if (cells.kinds.size() == cells.kinds.capacity()) [[unlikely]] {
        growArena(cells.kinds, 1);
        growArena(cells.ends, 1);
    }
    cells.text.insert(cells.text.end(), utf8.begin(), utf8.end());
    cells.kinds.push_back(kind);
    cells.ends.push_back(static_cast<quint32>(used + length));
    return true;
}

void SheetTable::endRow()
{
    Q_ASSERT(m_inRow);
    m_inRow = false;
    ++m_blocks.back()->rows;
    ++m_rowCount;
}

void SheetTable::appendEmptyRows(qsizetype count)
{
    for (qsizetype i = 0; i < count; ++i) {
        beginRow();
        endRow();
    }
}

void SheetTable::appendTable(SheetTable &&other)
{
    Q_ASSERT(!m_inRow && !other.m_inRow);
    squeeze();
    for (auto &block : other.m_blocks) {
        block->firstRow += m_rowCount;
        m_blocks.push_back(std::move(block));
    }
    m_rowCount += other.m_rowCount;
    m_columnCount = std::max(m_columnCount, other.m_columnCount);
    other = SheetTable();
}

void SheetTable::truncateRows(qsizetype rowCount)
{
    Q_ASSERT(!m_inRow);
    if (rowCount >= m_rowCount)
        return;
    while (!m_blocks.empty() && m_blocks.back()->firstRow >= rowCount)
        m_blocks.pop_back();
    m_rowCount = rowCount;
    if (m_blocks.empty())
        return;
    Block &last = *m_blocks.back();
    last.rows = rowCount - last.firstRow;
    for (ColumnBlock &cells : last.columns) {
        const auto keep = std::min(cells.kinds.size(), static_cast<std::size_t>(last.rows));
        cells.text.resize(cells.endBefore(static_cast<qsizetype>(keep)));
        cells.kinds.resize(keep);
        cells.ends.resize(keep);
    }
}

void SheetTable::clearCells(const CellRange &range)
{
    // Clipped to the rows ended so far: a row being appended is not the table's yet.
    const qsizetype firstRow = std::max<qsizetype>(range.firstRow, 0);
    const qsizetype lastRow = std::min(range.lastRow, m_rowCount - 1);
    const int firstColumn = std::max(range.firstColumn, 0);
    const int lastColumn = std::min(range.lastColumn, m_columnCount - 1);
    if (firstRow > lastRow || firstColumn > lastColumn)
        return;
    for (std::size_t index = blockIndexOf(firstRow);
         index < m_blocks.size() && m_blocks[index]->firstRow <= lastRow; ++index) {
        Block &block = *m_blocks[index];
        const qsizetype begin = std::max<qsizetype>(firstRow - block.firstRow, 0);
        const qsizetype end = std::min(lastRow - block.firstRow + 1, block.rows);
        const auto columns
            = std::min(static_cast<std::size_t>(lastColumn) + 1, block.columns.size());
        for (auto column = static_cast<std::size_t>(firstColumn); column < columns; ++column)
            block.columns[column].clear(begin, end);
    }
}

void SheetTable::clearCoveredCells(const CellRange &area)
{
    // The rest of the top row, then every row below it.
    clearCells({area.firstRow, area.firstRow, area.firstColumn + 1, area.lastColumn});
    clearCells({area.firstRow + 1, area.lastRow, area.firstColumn, area.lastColumn});
}

qsizetype SheetTable::memoryUse() const
{
    qsizetype bytes = 0;
    for (const auto &block : m_blocks) {
        bytes += static_cast<qsizetype>(sizeof(Block));
        for (const ColumnBlock &cells : block->columns) {
            bytes += static_cast<qsizetype>(sizeof(ColumnBlock) + cells.kinds.capacity()
                                            + cells.ends.capacity() * sizeof(quint32));
            bytes += static_cast<qsizetype>(cells.text.capacity());
        }
    }
    return bytes;
}

} // namespace sluice
