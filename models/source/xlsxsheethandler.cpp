// SPDX-License-Identifier: MIT
#include "models/source/xlsxsheethandler.h"

#include "models/source/sharedstringtable.h"
#include "models/source/xlsxstyles.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <tuple>

namespace sluice {

namespace {

// Column index of a reference such as "AB12" (A = 0); -1 when it has no letters, -2 when the
// letters pass limit.
int columnOf(QByteArrayView reference, int limit)
{
    int column = 0;
    qsizetype i = 0;
    for (; i < reference.size(); ++i) {
        char c = reference[i];
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
        if (c < 'A' || c > 'Z')
            break;
        column = column * 26 + (c - 'A' + 1);
        if (column > limit)
            return -2;
    }
    return i == 0 ? -1 : column - 1;
}

qint64 toInt64(QByteArrayView text, bool *ok)
{
    text = text.trimmed();
    qint64 value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    *ok = error == std::errc() && end == text.data() + text.size() && !text.isEmpty();
    return value;
}

bool isLetter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// A corner of a merged area, such as "B2", 0-based; false when it is no cell reference. A corner
// past the column or row limit gives the limit, just beyond every cell read: an area reaching
// past the limits is cut there, not refused.
bool cornerOf(QByteArrayView reference, const ReadLimits &limits, qint64 *row, int *column)
{
    qsizetype letters = 0;
    while (letters < reference.size() && isLetter(reference[letters]))
        ++letters;
    const int columnIndex = columnOf(reference.first(letters), limits.maxColumns);
    bool ok = false;
    const qint64 rowNumber = toInt64(reference.sliced(letters), &ok);
    if (columnIndex == -1 || !ok || rowNumber < 1)
        return false;
    *column = columnIndex == -2 ? limits.maxColumns : columnIndex;
    *row = std::min(rowNumber - 1, limits.maxRows);
    return true;
}

// The ref of a merged area: "B2:C3", or one cell; corners in either order.
bool areaOf(QByteArrayView reference, const ReadLimits &limits, CellRange *area)
{
    const qsizetype colon = reference.indexOf(':');
    const QByteArrayView first = colon < 0 ? reference : reference.first(colon);
    const QByteArrayView last = colon < 0 ? reference : reference.sliced(colon + 1);
    qint64 firstRow = 0;
    qint64 lastRow = 0;
    int firstColumn = 0;
    int lastColumn = 0;
    if (!cornerOf(first, limits, &firstRow, &firstColumn)
        || !cornerOf(last, limits, &lastRow, &lastColumn))
        return false;
    *area = {std::min(firstRow, lastRow), std::max(firstRow, lastRow),
             std::min(firstColumn, lastColumn), std::max(firstColumn, lastColumn)};
    return true;
}

bool isBefore(const CellRange &a, const CellRange &b)
{
    return std::tie(a.firstRow, a.firstColumn, a.lastRow, a.lastColumn)
        < std::tie(b.firstRow, b.firstColumn, b.lastRow, b.lastColumn);
}

} // namespace

XlsxSheetHandler::XlsxSheetHandler(ReadSink &sink, const Context &context)
    : SheetPartHandler(sink, context.where)
    , m_context(context)
    , m_sink(sink)
{
    m_value.reserve(64);
}

// Compared by first letter: this runs for every element of a sheet that may have 10^8 of them.
void XlsxSheetHandler::startElement(const char *localName, const XmlAttributes &attributes)
{
    switch (localName[0]) {
    case 'c':
        if (localName[1] == '\0' && m_row >= 0)
            startCell(attributes);
        break;
    case 'v':
        m_inValue = m_inCell && localName[1] == '\0';
        break;
    case 'r':
        if (m_inSheetData && isName(localName, "row"))
            startRow(attributes);
        else if (isName(localName, "rPh"))
            ++m_phoneticDepth;
        break;
    case 't':
        m_inInlineText = m_hasInline && m_phoneticDepth == 0 && localName[1] == '\0';
        break;
    case 'i':
        if (m_inCell && isName(localName, "is"))
            m_hasInline = true;
        break;
    case 's':
        if (isName(localName, "sheetData"))
            m_inSheetData = true;
        break;
    case 'm':
        if (m_inMergeCells && isName(localName, "mergeCell"))
            addMergedArea(attributes.value("ref"));
        else if (isName(localName, "mergeCells"))
            m_inMergeCells = true;
        break;
    default:
        break;
    }
}

void XlsxSheetHandler::endElement(const char *localName)
{
    switch (localName[0]) {
    case 'c':
        if (localName[1] == '\0' && m_inCell)
            finishCell();
        break;
    case 'v':
        m_inValue = false;
        break;
    case 't':
        m_inInlineText = false;
        break;
    case 'r':
        if (isName(localName, "row"))
            finishRow();
        else if (isName(localName, "rPh"))
            --m_phoneticDepth;
        break;
    case 's':
        if (isName(localName, "sheetData"))
            m_inSheetData = false;
        break;
    case 'm':
        if (isName(localName, "mergeCells"))
            m_inMergeCells = false;
        break;
    default:
        break;
    }
}

void XlsxSheetHandler::characters(QByteArrayView text)
{
    QByteArray *target = m_inValue ? &m_value : m_inInlineText ? &m_inline : nullptr;
    if (target == nullptr || text.isEmpty())
        return;
    if (target->size() + text.size() > m_context.limits.maxCellBytes) {
        fail(QStringLiteral("a cell's text is longer than the limit of %1 bytes")
                 .arg(m_context.limits.maxCellBytes));
        return;
    }
    // resize() and a copy: append() goes through the general insert().
    const qsizetype size = target->size();
    target->resize(size + text.size());
    std::memcpy(target->data() + size, text.data(), static_cast<size_t>(text.size()));
}

void XlsxSheetHandler::startRow(const XmlAttributes &attributes)
{
    if (m_rowStarted)
        finishRow(); // a row inside a row: only a broken file does this
    const QByteArrayView reference = attributes.value("r");
    qint64 row = m_row + 1;
    if (!reference.isNull()) {
        bool ok = false;
        row = toInt64(reference, &ok) - 1;
        if (!ok || row < 0) {
            fail(QStringLiteral("row number '%1' is not valid").arg(QString::fromUtf8(reference)));
            return;
        }
    }
    if (row <= m_row) {
        fail(QStringLiteral("row %1 comes after row %2: rows are out of order")
                 .arg(row + 1)
                 .arg(m_row + 1));
        return;
    }
    if (row >= m_context.limits.maxRows) {
        fail(QStringLiteral("row %1 is past the limit of %2 rows")
                 .arg(row + 1)
                 .arg(m_context.limits.maxRows));
        return;
    }
    m_row = row;
    m_lastColumn = -1;
}

void XlsxSheetHandler::startCell(const XmlAttributes &attributes)
{
    // One pass over the attributes rather than a look-up per name; the first of a name wins,
    // as with XmlAttributes::value().
    QByteArrayView reference;
    QByteArrayView type;
    QByteArrayView style;
    for (int i = 0; i < attributes.count(); ++i) {
        const char *name = attributes.localName(i);
        if (name[0] == '\0' || name[1] != '\0')
            continue;
        if (name[0] == 'r' && reference.isNull())
            reference = attributes.valueAt(i);
        else if (name[0] == 't' && type.isNull())
            type = attributes.valueAt(i);
        else if (name[0] == 's' && style.isNull())
            style = attributes.valueAt(i);
    }
    int column = m_lastColumn + 1;
    if (!reference.isNull()) {
        column = columnOf(reference, m_context.limits.maxColumns);
        if (column == -1) {
            fail(QStringLiteral("cell reference '%1' is not valid")
                     .arg(QString::fromUtf8(reference)));
            return;
        }
    }
    if (column < 0 || column >= m_context.limits.maxColumns) {
        fail(QStringLiteral("cell '%1' is past the last column allowed (%2 columns)")
                 .arg(QString::fromUtf8(reference))
                 .arg(m_context.limits.maxColumns));
        return;
    }
    m_column = column;
    m_type = CellType::Number;
    // By length and letter: a QByteArrayView comparison is a memcmp call per candidate.
    if (type.size() == 1) {
        switch (type[0]) {
        case 's':
            m_type = CellType::SharedString;
            break;
        case 'b':
            m_type = CellType::Boolean;
            break;
        case 'e':
            m_type = CellType::Error;
            break;
        case 'd':
            m_type = CellType::Date;
            break;
        default:
            break;
        }
    } else if (type == QByteArrayView("str")) {
        m_type = CellType::FormulaString;
    } else if (type == QByteArrayView("inlineStr")) {
        m_type = CellType::InlineString;
    }
    bool ok = false;
    m_style = style.isEmpty() ? 0 : static_cast<int>(toInt64(style, &ok));
    // resize(0), not clear(): the buffers keep their capacity from cell to cell.
    m_value.resize(0);
    m_inline.resize(0);
    m_hasInline = false;
    m_inCell = true;
}

void XlsxSheetHandler::finishCell()
{
    m_inCell = false;
    m_inValue = false;
    m_lastColumn = m_column;
    CellKind kind = CellKind::Empty;
    QByteArrayView text;
    const bool ok = cellValue(&kind, &text);
    m_hasInline = false;
    if (!ok || kind == CellKind::Empty || text.isEmpty())
        return;
    if (!ensureRowStarted())
        return;
    if (!m_block.setCell(m_column, kind, text))
        fail(QStringLiteral("a column holds more text than one block of rows can"));
    else
        m_columnCount = std::max(m_columnCount, m_column + 1);
}

// Escapes are rare: only text that has one is copied.
QByteArrayView XlsxSheetHandler::decoded(QByteArrayView text)
{
    if (!SharedStringTable::mayHaveEscapes(text))
        return text;
    m_scratch = SharedStringTable::decodeEscapes(text);
    return m_scratch;
}

// The cell's kind and text from its type, value and style, without copying where it can: text
// views the value, the shared string or a member buffer. False after an error.
bool XlsxSheetHandler::cellValue(CellKind *kind, QByteArrayView *text)
{
    const QByteArrayView value = QByteArrayView(m_value).trimmed();
    switch (m_type) {
    case CellType::Number:
        return numberValue(value, kind, text);
    case CellType::SharedString: {
        if (value.isEmpty())
            return true;
        bool ok = false;
        const qint64 index = toInt64(value, &ok);
        if (!ok || index < 0 || index >= m_context.strings.size()) {
            fail(QStringLiteral("the cell refers to shared string '%1', which does not exist")
                     .arg(QString::fromUtf8(value)));
            return false;
        }
        *kind = CellKind::Text;
        *text = m_context.strings.at(index);
        return true;
    }
    case CellType::InlineString:
        *kind = CellKind::Text;
        *text = decoded(m_hasInline ? m_inline : m_value);
        return true;
    case CellType::FormulaString:
        *kind = CellKind::Text;
        *text = decoded(m_value);
        return true;
    case CellType::Boolean:
        if (value.isEmpty())
            return true;
        *kind = CellKind::Boolean;
        *text = value == QByteArrayView("0") || value == QByteArrayView("false")
                || value == QByteArrayView("FALSE")
            ? QByteArrayView("false")
            : QByteArrayView("true");
        return true;
    case CellType::Error:
        *kind = CellKind::Error;
        *text = value;
        return true;
    case CellType::Date:
        m_scratch = SpreadsheetDate::fromIsoText(value);
        *kind = m_scratch.isEmpty() ? CellKind::Text : CellKind::DateTime;
        *text = m_scratch.isEmpty() ? QByteArrayView(m_value) : QByteArrayView(m_scratch);
        return true;
    }
    return true;
}

bool XlsxSheetHandler::numberValue(QByteArrayView value, CellKind *kind, QByteArrayView *text)
{
    if (value.isEmpty())
        return true;
    *kind = CellKind::Number;
    *text = value;
    if (m_context.styles.kind(m_style) != NumberFormat::Kind::DateTime)
        return true;
    double serial = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), serial);
    if (error != std::errc() || end != value.data() + value.size())
        return true;
    const qsizetype length = SpreadsheetDate::writeSerial(serial, m_context.epoch, m_dateBuffer);
    if (length > 0) {
        *kind = CellKind::DateTime;
        *text = QByteArrayView(m_dateBuffer, length);
    }
    return true;
}

void XlsxSheetHandler::finishRow()
{
    if (m_inCell)
        finishCell();
    if (!m_rowStarted)
        return; // no values: materialised only if a later row has some
    m_block.endRow();
    m_rowStarted = false;
    if (m_block.rowCount() == SheetTable::RowsPerBlock)
        deliver();
}

// Materialises the empty rows before the current one, then begins it.
bool XlsxSheetHandler::ensureRowStarted()
{
    if (m_rowStarted)
        return true;
    if (!padRowsTo(m_row))
        return false;
    m_block.beginRow();
    m_rowStarted = true;
    return true;
}

bool XlsxSheetHandler::finish()
{
    if (m_rowStarted) {
        m_block.endRow();
        m_rowStarted = false;
    }
    if (m_block.rowCount() > 0 && !deliver())
        return false;
    return !m_delivery.isCancelled() && deliverMergedAreas();
}

void XlsxSheetHandler::addMergedArea(QByteArrayView reference)
{
    CellRange area;
    if (!areaOf(reference.trimmed(), m_context.limits, &area)) {
        failSheet(QStringLiteral("merged area '%1' is not a range of cells")
                      .arg(QString::fromUtf8(reference)));
        return;
    }
    if (area.firstRow == area.lastRow && area.firstColumn == area.lastColumn)
        return; // covers no cell but its own
    if (m_mergedAreas.size() == MaxMergedAreas) {
        failSheet(QStringLiteral("the sheet has more than %1 merged areas, the limit")
                      .arg(MaxMergedAreas));
        return;
    }
    m_mergedAreas.append(area);
}

// Overlapping areas are broken (Excel repairs them away) but a few do no harm. So many that
// clearing them would touch more cells than the sheet holds are refused: that is how a small
// file could make the sink clear a large sheet over and over.
bool XlsxSheetHandler::deliverMergedAreas()
{
    if (m_mergedAreas.isEmpty())
        return true;
    // Some writers repeat an area; once is enough.
    std::sort(m_mergedAreas.begin(), m_mergedAreas.end(), isBefore);
    m_mergedAreas.erase(std::unique(m_mergedAreas.begin(), m_mergedAreas.end()),
                        m_mergedAreas.end());
    if (coveredCellCount() > qint64(m_delivery.rowsSoFar()) * m_columnCount) {
        failSheet(QStringLiteral("its merged areas overlap so much that they cover more cells "
                                 "than the sheet has"));
        return false;
    }
    if (!m_sink.mergedAreasRead(m_mergedAreas)) {
        stop(); // no reason: cancelled
        return false;
    }
    return true;
}

// Cells of the merged areas within the rows and columns read.
qint64 XlsxSheetHandler::coveredCellCount() const
{
    const qint64 rows = m_delivery.rowsSoFar();
    qint64 count = 0;
    for (const CellRange &area : m_mergedAreas) {
        const qint64 height = std::min<qint64>(area.lastRow + 1, rows) - area.firstRow;
        const qint64 width = std::min(area.lastColumn + 1, m_columnCount) - area.firstColumn;
        if (height > 0 && width > 0)
            count += height * width;
    }
    return count;
}

} // namespace sluice
