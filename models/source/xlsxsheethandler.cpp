// SPDX-License-Identifier: MIT
#include "models/source/xlsxsheethandler.h"

#include "models/source/sharedstringtable.h"
#include "models/source/xlsxstyles.h"

#include <algorithm>
#include <charconv>
#include <cstring>

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

} // namespace

XlsxSheetHandler::XlsxSheetHandler(ReadSink &sink, const Context &context)
    : m_context(context)
    , m_delivery(sink)
    , m_block(m_delivery.rows())
{
    m_value.reserve(64);
}

void XlsxSheetHandler::fail(const QString &reason)
{
    if (m_row >= 0)
        stop(QStringLiteral("%1, row %2: %3").arg(m_context.where).arg(m_row + 1).arg(reason));
    else
        stop(QStringLiteral("%1: %2").arg(m_context.where, reason));
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
    qint64 gap = m_row - m_delivery.rowsSoFar();
    while (gap > 0) {
        const qint64 room = SheetTable::RowsPerBlock - m_block.rowCount();
        const qint64 count = std::min(gap, room);
        m_block.appendEmptyRows(count);
        gap -= count;
        if (m_block.rowCount() == SheetTable::RowsPerBlock && !deliver())
            return false;
    }
    m_block.beginRow();
    m_rowStarted = true;
    return true;
}

bool XlsxSheetHandler::deliver()
{
    if (m_delivery.isCancelled())
        return false;
    if (!m_delivery.deliver())
        stop();
    return !m_delivery.isCancelled();
}

bool XlsxSheetHandler::progressed(qint64 inflated, qint64 declared)
{
    if (m_delivery.isCancelled())
        return false;
    if (!m_delivery.progressed(inflated, declared))
        stop();
    return !m_delivery.isCancelled();
}

bool XlsxSheetHandler::finish()
{
    if (m_rowStarted) {
        m_block.endRow();
        m_rowStarted = false;
    }
    if (m_block.rowCount() == 0)
        return !m_delivery.isCancelled();
    return deliver();
}

} // namespace sluice
