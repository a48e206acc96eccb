// SPDX-License-Identifier: MIT
#include "models/source/xlsreader.h"

#include "models/source/spreadsheetdate.h"
#include "models/source/xlsworkbookinfo.h"

#include <QFile>
#include <QFileInfo>

#include <cmath>
#include <cstring>
#include <freexl.h>

namespace sluice {

namespace {

// Rows scanned between two progress calls: a sparse sheet delivers few blocks, and cancel must
// still answer quickly.
constexpr unsigned ProgressEveryRows = 4096;

QString freexlReason(int code)
{
    switch (code) {
    case FREEXL_FILE_NOT_FOUND:
        return XlsReader::tr("cannot open it: no such file");
    case FREEXL_INSUFFICIENT_MEMORY:
        return XlsReader::tr("the sheet is too large for FreeXL, which keeps at most 256 MiB of "
                             "cells in memory");
    case FREEXL_CFBF_READ_ERROR:
    case FREEXL_CFBF_SEEK_ERROR:
    case FREEXL_CFBF_ILLEGAL_FAT_ENTRY:
    case FREEXL_CFBF_EMPTY_FAT_CHAIN:
        return XlsReader::tr("the file is truncated or damaged (FreeXL error %1)").arg(code);
    case FREEXL_INVALID_CFBF_HEADER:
    case FREEXL_CFBF_INVALID_SIGNATURE:
    case FREEXL_BIFF_INVALID_BOF:
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
        return XlsReader::tr("the file is not an Excel 97–2003 workbook (FreeXL error %1)")
            .arg(code);
    default:
        return XlsReader::tr("FreeXL cannot read it (error %1)").arg(code);
    }
}

// Shortest text that reads back as the same double; integral values without ".0".
QByteArray numberText(double value)
{
    if (std::isfinite(value) && value == std::trunc(value) && std::abs(value) < 1e15)
        return QByteArray::number(static_cast<qint64>(value));
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

// Digits at text[pos, pos + count) as a number, or -1.
int digitsAt(QByteArrayView text, qsizetype pos, qsizetype count)
{
    if (pos < 0 || pos + count > text.size())
        return -1;
    int value = 0;
    for (qsizetype i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

// Seconds of "HH:MM:SS" at pos, or -1. FreeXL writes 24:00:00 when a time rounds up to midnight.
int secondsAt(QByteArrayView text, qsizetype pos)
{
    const int hours = digitsAt(text, pos, 2);
    const int minutes = digitsAt(text, pos + 3, 2);
    const int seconds = digitsAt(text, pos + 6, 2);
    if (text.size() != pos + 8 || text[pos + 2] != ':' || text[pos + 5] != ':' || hours < 0
        || hours > 24 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59)
        return -1;
    return (hours * 60 + minutes) * 60 + seconds;
}

// Days from 1900-01-01 in FreeXL's calendar, where every year divisible by 4 is a leap year.
qint64 freexlDayNumber(int year, int month, int day)
{
    static constexpr int DaysBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    const int years = year - 1900;
    qint64 days = qint64(years) * 365 + (years + 3) / 4;
    days += DaysBefore[month - 1] + (month > 2 && year % 4 == 0 ? 1 : 0);
    return days + day - 1;
}

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

XlsReader::~XlsReader()
{
    close();
}

void XlsReader::close()
{
    if (m_handle)
        freexl_close(m_handle);
    m_handle = nullptr;
}

Error XlsReader::fileError(const QString &reason) const
{
    return Error {QStringLiteral("%1: %2").arg(m_fileName, reason)};
}

Error XlsReader::sheetError(int sheetIndex, qsizetype row, const QString &reason) const
{
    const QString sheet = m_sheets.value(sheetIndex).name;
    if (row < 0)
        return fileError(tr("sheet '%1': %2").arg(sheet, reason));
    return fileError(tr("sheet '%1', row %2: %3").arg(sheet).arg(row + 1).arg(reason));
}

Result<QList<SheetInfo>> XlsReader::open(const QString &path, const ReadLimits &limits)
{
    close();
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
    const auto info
        = XlsWorkbookInfo::read(QByteArrayView(reinterpret_cast<const char *>(map), file.size()));
    file.close();
    if (!info)
        return fileError(info.error().message);
    if (info->biffVersion < 5)
        return fileError(tr("it is an Excel %1.x worksheet (BIFF%1), which FreeXL cannot read; "
                            "save it as .xls (Excel 97–2003) or .xlsx first")
                             .arg(info->biffVersion));
    if (info->encrypted)
        return fileError(tr("the workbook is password-protected (encrypted); remove the password "
                            "in Excel and try again"));
    m_dateSystem = info->date1904 ? 1904 : 1900;
    return openWithFreexl(path, info->sheets);
}

Result<QList<SheetInfo>> XlsReader::openWithFreexl(const QString &path, QList<SheetInfo> sheets)
{
    const int code = freexl_open(QFile::encodeName(path).constData(), &m_handle);
    if (code != FREEXL_OK || !m_handle) {
        close();
        // FreeXL 1.0.6 answers OK without a handle when it gives up inside the workbook stream
        // (no CODEPAGE record, an empty LABEL, some BIFF5 records).
        return fileError(code != FREEXL_OK
                             ? freexlReason(code)
                             : tr("FreeXL cannot read this workbook: it stops on a record it "
                                  "does not understand"));
    }
    unsigned int count = 0;
    freexl_get_info(m_handle, FREEXL_BIFF_SHEET_COUNT, &count);
    // FreeXL lists one sheet per BOUNDSHEET record; should it ever disagree, its own list wins.
    if (static_cast<qsizetype>(count) != sheets.size())
        sheets = QList<SheetInfo>(static_cast<qsizetype>(count));
    for (unsigned int i = 0; i < count; ++i) {
        const char *name = nullptr;
        if (freexl_get_worksheet_name(m_handle, static_cast<unsigned short>(i), &name) == FREEXL_OK
            && name)
            sheets[static_cast<qsizetype>(i)].name = QString::fromUtf8(name);
    }
    m_sheets = sheets;
    return sheets;
}

QByteArray XlsReader::dateTimeText(QByteArrayView text, int dateSystem)
{
    if (text.size() == 8) {
        const int seconds = secondsAt(text, 0);
        if (seconds < 0)
            return {};
        return SpreadsheetDate::fromSerial((seconds % 86400) / 86400.0,
                                           SpreadsheetDate::Epoch::Excel1900);
    }
    const int year = digitsAt(text, 0, 4);
    const int month = digitsAt(text, 5, 2);
    const int day = digitsAt(text, 8, 2);
    if (year < 1900 || month < 1 || month > 12 || day < 1 || day > 31 || text[4] != '-'
        || text[7] != '-')
        return {};
    int seconds = 0;
    if (text.size() != 10) {
        seconds = text.size() == 19 && text[10] == ' ' ? secondsAt(text, 11) : -1;
        if (seconds < 0)
            return {};
    }
    // FreeXL renders serial n as its day 1 plus n - 1 days: 1900-01-01 in the 1900 system,
    // 1904-01-02 in the 1904 one.
    const bool is1904 = dateSystem == 1904;
    const qint64 serial
        = freexlDayNumber(year, month, day) - (is1904 ? freexlDayNumber(1904, 1, 2) : 0) + 1;
    return SpreadsheetDate::fromSerial(double(serial) + seconds / 86400.0,
                                       is1904 ? SpreadsheetDate::Epoch::Excel1904
                                              : SpreadsheetDate::Epoch::Excel1900);
}

Result<ReadEnd> XlsReader::readSheet(int sheetIndex, ReadSink &sink)
{
    if (!m_handle)
        return fileError(tr("the file is not open"));
    if (sheetIndex < 0 || sheetIndex >= m_sheets.size())
        return fileError(tr("there is no sheet %1").arg(sheetIndex + 1));
    // Chart sheets, macro sheets and modules have no cells; FreeXL would show a chart's cached
    // series data as if it were a worksheet.
    if (m_sheets[sheetIndex].kind != SheetKind::Worksheet)
        return ReadEnd::Finished;
    int code = freexl_select_active_worksheet(m_handle, static_cast<unsigned short>(sheetIndex));
    unsigned int rows = 0;
    unsigned short columns = 0;
    if (code == FREEXL_OK)
        code = freexl_worksheet_dimensions(m_handle, &rows, &columns);
    if (code != FREEXL_OK)
        return sheetError(sheetIndex, -1, freexlReason(code));
    if (qint64(rows) > m_limits.maxRows)
        return sheetError(
            sheetIndex, -1,
            tr("it has %1 rows, more than the limit of %2").arg(rows).arg(m_limits.maxRows));
    if (int(columns) > m_limits.maxColumns)
        return sheetError(sheetIndex, -1,
                          tr("it has %1 columns, more than the limit of %2")
                              .arg(columns)
                              .arg(m_limits.maxColumns));
    BlockWriter writer(sink);
    for (unsigned int row = 0; row < rows; ++row) {
        bool started = false;
        for (unsigned short column = 0; column < columns; ++column) {
            FreeXL_CellValue value;
            code = freexl_get_cell_value(m_handle, row, column, &value);
            if (code != FREEXL_OK)
                return sheetError(sheetIndex, row, freexlReason(code));
            CellKind kind = CellKind::Empty;
            const QByteArray text = cellText(value, &kind);
            if (kind == CellKind::Empty)
                continue;
            if (text.size() > m_limits.maxCellBytes)
                return sheetError(sheetIndex, row,
                                  tr("the text in column %1 is longer than %2 bytes")
                                      .arg(column + 1)
                                      .arg(m_limits.maxCellBytes));
            if (!started && !writer.startRow())
                return ReadEnd::Cancelled;
            started = true;
            if (!writer.setCell(column, kind, text))
                return sheetError(sheetIndex, row, tr("the sheet holds too much text"));
        }
        if (!started)
            writer.skipRow();
        else if (!writer.endRow())
            return ReadEnd::Cancelled;
        if ((row + 1) % ProgressEveryRows == 0 && !writer.progressed(row + 1))
            return ReadEnd::Cancelled;
    }
    if (!writer.finish())
        return ReadEnd::Cancelled;
    return ReadEnd::Finished;
}

QByteArray XlsReader::cellText(const FreeXL_CellValue &value, CellKind *kind) const
{
    switch (value.type) {
    case FREEXL_CELL_INT:
        *kind = CellKind::Number;
        return QByteArray::number(value.value.int_value);
    case FREEXL_CELL_DOUBLE:
        *kind = CellKind::Number;
        return numberText(value.value.double_value);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
        // An empty text is an empty cell (corpus README, "Empty text").
        if (value.value.text_value && *value.value.text_value)
            *kind = CellKind::Text;
        return QByteArray(value.value.text_value);
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
        if (value.value.text_value) {
            const QByteArray text = dateTimeText(value.value.text_value, m_dateSystem);
            *kind = text.isEmpty() ? CellKind::Text : CellKind::DateTime;
            return text.isEmpty() ? QByteArray(value.value.text_value) : text;
        }
        return {};
    default:
        return {};
    }
}

} // namespace sluice
