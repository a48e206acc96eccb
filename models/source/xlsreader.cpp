// SPDX-License-Identifier: MIT
#include "models/source/xlsreader.h"

#include "models/source/biffworkbook.h"
#include "models/source/xlsworkbookinfo.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <optional>
#include <vector>

namespace sluice {

namespace {

// Rows scanned between two progress calls: a sparse sheet delivers few blocks, and cancel must
// still answer quickly.
constexpr qint64 ProgressEveryRows = 4096;

// One sheet's rows on their way to the sink: blocks of RowsPerBlock rows, empty rows held back
// until a later row has a value, so trailing empty rows are never delivered.
class BlockWriter
{
public:
    explicit BlockWriter(ReadSink &sink)
        : m_sink(sink)
    {}

    bool startRow()
    {
        while (m_pendingEmpty > 0) {
            const qsizetype room = SheetTable::RowsPerBlock - m_block.rowCount();
            const qsizetype count = std::min(room, m_pendingEmpty);
            m_block.appendEmptyRows(count);
            m_pendingEmpty -= count;
            if (m_block.rowCount() == SheetTable::RowsPerBlock && !deliver())
                return false;
        }
        m_block.beginRow();
        return true;
    }
    [[nodiscard]] bool setCell(int column, CellKind kind, QByteArrayView text)
    {
        return m_block.setCell(column, kind, text);
    }
    bool endRow()
    {
        m_block.endRow();
        return m_block.rowCount() < SheetTable::RowsPerBlock || deliver();
    }
    void skipRow() { ++m_pendingEmpty; }
    bool progressed(qsizetype rowsScanned)
    {
        return m_sink.progressed({0, 0, std::max(m_delivered, rowsScanned)});
    }
    bool finish() { return m_block.rowCount() == 0 || deliver(); }

private:
    bool deliver()
    {
        m_delivered += m_block.rowCount();
        m_block.squeeze();
        const bool carryOn = m_sink.rowsRead(std::move(m_block));
        m_block = SheetTable();
        return carryOn && m_sink.progressed({0, 0, m_delivered});
    }

    ReadSink &m_sink;
    SheetTable m_block;
    qsizetype m_pendingEmpty = 0;
    qsizetype m_delivered = 0;
};

} // namespace

XlsReader::XlsReader() = default;

XlsReader::~XlsReader() = default;

Error XlsReader::fileError(const QString &reason) const
{
    return Error {QStringLiteral("%1: %2").arg(m_fileName, reason)};
}

Error XlsReader::sheetError(int sheetIndex, qint64 row, const QString &reason) const
{
    const QString sheet = m_sheets.value(sheetIndex).name;
    if (row < 0)
        return fileError(tr("sheet '%1': %2").arg(sheet, reason));
    return fileError(tr("sheet '%1', row %2: %3").arg(sheet).arg(row + 1).arg(reason));
}

Result<QList<SheetInfo>> XlsReader::open(const QString &path, const ReadLimits &limits)
{
    m_book.reset();
    m_limits = limits;
    m_sheets.clear();
    m_dateSystem = 1900;
    m_fileName = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fileError(tr("cannot open it: %1").arg(file.errorString()));
    if (file.size() == 0)
        return fileError(tr("the file is empty (0 bytes)"));
    const uchar *map = file.map(0, file.size());
    if (!map)
        return fileError(tr("cannot read it: %1").arg(file.errorString()));
    auto info
        = XlsWorkbookInfo::read(QByteArrayView(reinterpret_cast<const char *>(map), file.size()));
    file.close();
    if (!info)
        return fileError(info.error().message);
    if (info->biffVersion == 3 || info->biffVersion == 4)
        return fileError(tr("it is an Excel %1.x worksheet (BIFF%1), which this reader cannot "
                            "read; save it as .xls (Excel 97–2003) or .xlsx first")
                             .arg(info->biffVersion));
    if (info->encrypted)
        return fileError(tr("the workbook is password-protected (encrypted); remove the password "
                            "in Excel and try again"));
    const int biff = info->biffVersion;
    auto book = BiffWorkbook::parse(std::move(info.value().stream), biff);
    if (!book)
        return fileError(book.error().message);
    QList<SheetInfo> sheets = info->sheets;
    const QList<BiffWorkbook::Sheet> &names = book->sheets();
    // Both come from the BOUNDSHEET records, so they agree; the cells' list wins should they not.
    if (names.size() != sheets.size())
        sheets = QList<SheetInfo>(names.size());
    for (qsizetype i = 0; i < names.size(); ++i)
        sheets[i].name = names[i].name;
    // A BIFF2 file is a single sheet without a name; Excel and LibreOffice show the file's.
    if (biff == 2 && sheets.size() == 1)
        sheets[0].name = QFileInfo(path).completeBaseName();
    m_book = std::make_unique<BiffWorkbook>(std::move(book).value());
    m_dateSystem = m_book->date1904() ? 1904 : 1900;
    m_sheets = sheets;
    return sheets;
}

Result<ReadEnd> XlsReader::readSheet(int sheetIndex, ReadSink &sink)
{
    if (!m_book)
        return fileError(tr("the file is not open"));
    if (sheetIndex < 0 || sheetIndex >= m_sheets.size())
        return fileError(tr("there is no sheet %1").arg(sheetIndex + 1));
    // Chart sheets, macro sheets and modules have no cells.
    if (m_sheets[sheetIndex].kind != SheetKind::Worksheet)
        return ReadEnd::Finished;
    const auto dimension = m_book->dimension(sheetIndex);
    if (!dimension)
        return sheetError(sheetIndex, -1, dimension.error().message);
    if (dimension->rows > m_limits.maxRows)
        return sheetError(sheetIndex, -1,
                          tr("it has %1 rows, more than the limit of %2")
                              .arg(dimension->rows)
                              .arg(m_limits.maxRows));
    if (dimension->columns > m_limits.maxColumns)
        return sheetError(sheetIndex, -1,
                          tr("it has %1 columns, more than the limit of %2")
                              .arg(dimension->columns)
                              .arg(m_limits.maxColumns));

    // The cells in file order; Excel writes them row by row, but nothing in the format says so,
    // so they are sorted before rows are built.
    struct Cell
    {
        quint32 row;
        quint16 column;
        CellKind kind;
        qsizetype offset;
        qsizetype size;
    };
    std::vector<Cell> cells;
    QByteArray texts;
    std::optional<Error> limitError;
    const auto failure = m_book->readCells(
        sheetIndex, [&](quint32 row, quint16 column, CellKind kind, QByteArrayView text) {
            if (qint64(row) >= m_limits.maxRows || int(column) >= m_limits.maxColumns) {
                limitError
                    = sheetError(sheetIndex, row,
                                 qint64(row) >= m_limits.maxRows
                                     ? tr("the sheet has more than %1 rows").arg(m_limits.maxRows)
                                     : tr("column %1 is beyond the limit of %2 columns")
                                           .arg(column + 1)
                                           .arg(m_limits.maxColumns));
                return false;
            }
            if (text.size() > m_limits.maxCellBytes) {
                limitError = sheetError(sheetIndex, row,
                                        tr("the text in column %1 is longer than %2 bytes")
                                            .arg(column + 1)
                                            .arg(m_limits.maxCellBytes));
                return false;
            }
            cells.push_back({row, column, kind, texts.size(), text.size()});
            texts.append(text);
            return true;
        });
    if (limitError)
        return *limitError;
    if (failure)
        return sheetError(sheetIndex, failure->row, failure->reason);
    const auto before = [](const Cell &a, const Cell &b) {
        return a.row != b.row ? a.row < b.row : a.column < b.column;
    };
    if (!std::is_sorted(cells.begin(), cells.end(), before))
        std::stable_sort(cells.begin(), cells.end(), before);

    BlockWriter writer(sink);
    qint64 nextRow = 0; // the first row not yet written or skipped
    qint64 lastProgress = 0;
    for (std::size_t i = 0; i < cells.size();) {
        const quint32 row = cells[i].row;
        for (; nextRow < row; ++nextRow)
            writer.skipRow();
        if (!writer.startRow())
            return ReadEnd::Cancelled;
        for (; i < cells.size() && cells[i].row == row; ++i) {
            // A cell written twice keeps its last value.
            if (i + 1 < cells.size() && cells[i + 1].row == row
                && cells[i + 1].column == cells[i].column)
                continue;
            const Cell &cell = cells[i];
            const QByteArrayView text = QByteArrayView(texts).sliced(cell.offset, cell.size);
            if (!writer.setCell(cell.column, cell.kind, text))
                return sheetError(sheetIndex, row, tr("the sheet holds too much text"));
        }
        if (!writer.endRow())
            return ReadEnd::Cancelled;
        nextRow = qint64(row) + 1;
        if (nextRow - lastProgress >= ProgressEveryRows) {
            lastProgress = nextRow;
            if (!writer.progressed(nextRow))
                return ReadEnd::Cancelled;
        }
    }
    if (!writer.finish())
        return ReadEnd::Cancelled;
    return ReadEnd::Finished;
}

} // namespace sluice
