// SPDX-License-Identifier: MIT
#include "models/source/odssheethandler.h"

#include <algorithm>
#include <charconv>

namespace sluice {

namespace {

// Far beyond any limit, so sums of repeats cannot overflow.
constexpr qint64 MaxRepeat = qint64(1) << 40;

// A repeat count attribute: 1 when absent or not a positive number.
qint64 repeatOf(QByteArrayView text)
{
    text = text.trimmed();
    qint64 value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc::result_out_of_range)
        return MaxRepeat;
    if (error != std::errc() || end != text.data() + text.size() || value < 1)
        return 1;
    return std::min(value, MaxRepeat);
}

// A number at the start of text; advances pos past it. -1 when there is none.
double numberAt(QByteArrayView text, qsizetype *pos)
{
    double value = 0;
    const char *begin = text.data() + *pos;
    const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
    if (error != std::errc() || end == begin)
        return -1;
    *pos += end - begin;
    return value;
}

// Seconds of an ISO 8601 duration as ODS writes a time ("PT10H10M10.123S", "P1DT2H"); false when
// it is not one.
bool durationSeconds(QByteArrayView text, double *seconds)
{
    text = text.trimmed();
    qsizetype pos = 0;
    double sign = 1;
    if (pos < text.size() && text[pos] == '-') {
        sign = -1;
        ++pos;
    }
    if (pos >= text.size() || text[pos] != 'P')
        return false;
    ++pos;
    double total = 0;
    bool inTime = false;
    bool any = false;
    while (pos < text.size()) {
        if (text[pos] == 'T') {
            inTime = true;
            ++pos;
            continue;
        }
        const double value = numberAt(text, &pos);
        if (value < 0 || pos >= text.size())
            return false;
        const char unit = text[pos++];
        if (unit == 'D' && !inTime)
            total += value * 86400;
        else if (unit == 'H' && inTime)
            total += value * 3600;
        else if (unit == 'M' && inTime)
            total += value * 60;
        else if (unit == 'S' && inTime)
            total += value;
        else
            return false;
        any = true;
    }
    *seconds = sign * total;
    return any;
}

// What LibreOffice shows in a formula cell whose result is an error.
bool isErrorText(QByteArrayView text)
{
    static constexpr const char *errors[]
        = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"};
    for (const char *error : errors) {
        if (text == QByteArrayView(error))
            return true;
    }
    return text.startsWith("Err:");
}

} // namespace

OdsSheetHandler::OdsSheetHandler(ReadSink &sink, const Context &context)
    : SheetPartHandler(sink, context.where)
    , m_context(context)
{
    m_value.reserve(64);
    m_text.reserve(64);
}

void OdsSheetHandler::startElement(const char *localName, const XmlAttributes &attributes)
{
    if (isName(localName, "table")) {
        if (m_tableDepth++ == 0) {
            m_inTable = m_tablesSeen++ == m_context.tableIndex;
        }
        return;
    }
    if (!m_inTable || m_tableDepth != 1)
        return;
    if (m_inCell) {
        if (isName(localName, "annotation")) {
            ++m_annotationDepth;
        } else if (!m_collectText || m_annotationDepth > 0) {
            return;
        } else if (isName(localName, "p") || isName(localName, "h")) {
            if (m_paragraphDepth++ == 0 && m_paragraphs++ > 0)
                appendText("\n");
        } else if (m_paragraphDepth == 0) {
            return;
        } else if (isName(localName, "s")) {
            appendRepeated(' ', repeatOf(attributes.value("c")));
        } else if (isName(localName, "tab")) {
            appendText("\t");
        } else if (isName(localName, "line-break")) {
            appendText("\n");
        }
        return;
    }
    if (isName(localName, "table-row"))
        startRow(attributes);
    else if (m_inRow && isName(localName, "table-cell"))
        startCell(attributes, false);
    else if (m_inRow && isName(localName, "covered-table-cell"))
        startCell(attributes, true);
}

void OdsSheetHandler::endElement(const char *localName)
{
    if (isName(localName, "table")) {
        if (--m_tableDepth == 0 && m_inTable) {
            m_inTable = false;
            m_tableDone = true;
            stop(); // the rest of the document holds other tables only
        }
        return;
    }
    if (!m_inTable || m_tableDepth != 1)
        return;
    if (m_inCell) {
        if (isName(localName, "annotation"))
            --m_annotationDepth;
        else if (m_annotationDepth == 0 && (isName(localName, "p") || isName(localName, "h")))
            m_paragraphDepth = std::max(0, m_paragraphDepth - 1);
        else if (isName(localName, "table-cell") || isName(localName, "covered-table-cell"))
            finishCell();
        return;
    }
    if (isName(localName, "table-row") && m_inRow)
        finishRow();
}

void OdsSheetHandler::characters(QByteArrayView text)
{
    if (m_inCell && m_collectText && m_paragraphDepth > 0 && m_annotationDepth == 0)
        appendText(text);
}

bool OdsSheetHandler::appendText(QByteArrayView text)
{
    if (isStopped())
        return false;
    if (m_text.size() + text.size() > m_context.limits.maxCellBytes) {
        fail(QStringLiteral("a cell's text is longer than the limit of %1 bytes")
                 .arg(m_context.limits.maxCellBytes));
        return false;
    }
    m_text.append(text);
    return true;
}

bool OdsSheetHandler::appendRepeated(char c, qint64 count)
{
    if (isStopped())
        return false;
    if (count > m_context.limits.maxCellBytes - m_text.size()) {
        fail(QStringLiteral("a cell's text is longer than the limit of %1 bytes")
                 .arg(m_context.limits.maxCellBytes));
        return false;
    }
    m_text.append(static_cast<qsizetype>(count), c);
    return true;
}

void OdsSheetHandler::startRow(const XmlAttributes &attributes)
{
    if (m_inRow)
        finishRow(); // a row inside a row: only a broken file does this
    m_row = m_nextRow;
    m_rowRepeat = repeatOf(attributes.value("number-rows-repeated"));
    m_column = 0;
    m_cells.clear();
    m_rowText.resize(0);
    m_inRow = true;
}

void OdsSheetHandler::startCell(const XmlAttributes &attributes, bool covered)
{
    m_cellRepeat = repeatOf(attributes.value("number-columns-repeated"));
    m_covered = covered;
    m_hasFormula = !attributes.value("formula").isNull();
    m_value.resize(0);
    m_text.resize(0);
    m_paragraphs = 0;
    m_paragraphDepth = 0;
    m_annotationDepth = 0;
    m_type = ValueType::None;
    m_inCell = true;
    m_collectText = false;
    if (covered)
        return;
    // The office:value-type; LibreOffice writes it before its own calcext:value-type, and both
    // use the same words, so the first one is the one to read.
    const QByteArrayView type = attributes.value("value-type");
    if (type == QByteArrayView("float") || type == QByteArrayView("percentage")
        || type == QByteArrayView("currency")) {
        m_type = ValueType::Number;
        m_value = attributes.value("value").toByteArray();
    } else if (type == QByteArrayView("date")) {
        m_type = ValueType::Date;
        m_value = attributes.value("date-value").toByteArray();
    } else if (type == QByteArrayView("time")) {
        m_type = ValueType::Time;
        m_value = attributes.value("time-value").toByteArray();
    } else if (type == QByteArrayView("boolean")) {
        m_type = ValueType::Boolean;
        m_value = attributes.value("boolean-value").toByteArray();
    } else if (type == QByteArrayView("string")) {
        m_type = ValueType::String;
        if (!attributes.value("string-value").isNull()) {
            m_value = attributes.text("string-value");
            if (m_value.size() > m_context.limits.maxCellBytes) {
                fail(QStringLiteral("a cell's text is longer than the limit of %1 bytes")
                         .arg(m_context.limits.maxCellBytes));
                return;
            }
        }
    } else if (type == QByteArrayView("error")) {
        m_type = ValueType::Error;
    }
    // The paragraphs are the value of a text cell without a string-value; for a formula cell they
    // show whether its result is an error.
    m_collectText = m_type == ValueType::None || m_type == ValueType::Error
        || (m_type == ValueType::String && m_value.isEmpty()) || m_hasFormula;
    if (m_type == ValueType::String && m_value.isEmpty())
        m_value = QByteArray(); // null: take the paragraphs
}

void OdsSheetHandler::finishCell()
{
    m_inCell = false;
    CellKind kind = CellKind::Empty;
    QByteArrayView text;
    const qint64 column = m_column;
    m_column = std::min(m_column + m_cellRepeat, MaxRepeat);
    if (!cellValue(&kind, &text) || kind == CellKind::Empty || text.isEmpty())
        return;
    if (column + m_cellRepeat > m_context.limits.maxColumns) {
        fail(QStringLiteral("a value repeated to column %1 is past the limit of %2 columns")
                 .arg(column + m_cellRepeat)
                 .arg(m_context.limits.maxColumns));
        return;
    }
    const qsizetype begin = m_rowText.size();
    m_rowText.append(text);
    for (qint64 i = 0; i < m_cellRepeat; ++i)
        m_cells.push_back({static_cast<int>(column + i), kind, begin, text.size()});
}

bool OdsSheetHandler::cellValue(CellKind *kind, QByteArrayView *text)
{
    if (m_covered || isStopped())
        return true;
    if (m_hasFormula && (m_type != ValueType::String || m_value.isNull()) && isErrorText(m_text)) {
        *kind = CellKind::Error;
        *text = m_text;
        return true;
    }
    switch (m_type) {
    case ValueType::None:
    case ValueType::String:
        *kind = CellKind::Text;
        *text = m_value.isNull() ? m_text : m_value;
        return true;
    case ValueType::Error:
        *kind = CellKind::Error;
        *text = m_text;
        return true;
    case ValueType::Number:
        *kind = CellKind::Number;
        *text = QByteArrayView(m_value).trimmed();
        return true;
    case ValueType::Boolean: {
        const QByteArrayView value = QByteArrayView(m_value).trimmed();
        if (value.isEmpty())
            return true;
        *kind = CellKind::Boolean;
        *text = value == QByteArrayView("false") || value == QByteArrayView("0")
            ? QByteArrayView("false")
            : QByteArrayView("true");
        return true;
    }
    case ValueType::Date: {
        m_scratch = SpreadsheetDate::fromIsoText(m_value);
        if (m_scratch.isEmpty()) {
            *kind = CellKind::Text;
            *text = m_value;
            return true;
        }
        // Day 0 of the ODS epoch is a time of day only, as a serial below 1 is.
        if (m_scratch.startsWith("1899-12-30T"))
            m_scratch.remove(0, 11);
        *kind = CellKind::DateTime;
        *text = m_scratch;
        return true;
    }
    case ValueType::Time: {
        double seconds = 0;
        if (!durationSeconds(m_value, &seconds)) {
            *kind = CellKind::Text;
            *text = m_value;
            return true;
        }
        const double serial = seconds / 86400;
        const qsizetype length
            = SpreadsheetDate::writeSerial(serial, SpreadsheetDate::Epoch::Plain1899, m_dateBuffer);
        if (length > 0) {
            *kind = CellKind::DateTime;
            *text = QByteArrayView(m_dateBuffer, length);
        } else {
            m_scratch = QByteArray::number(serial, 'g', 17);
            *kind = CellKind::Number;
            *text = m_scratch;
        }
        return true;
    }
    }
    return true;
}

void OdsSheetHandler::finishRow()
{
    if (m_inCell)
        finishCell();
    m_inRow = false;
    const qint64 first = m_row;
    m_nextRow = std::min(m_row + m_rowRepeat, MaxRepeat);
    if (m_cells.empty() || isStopped())
        return; // no values: materialised only if a later row has some
    if (first + m_rowRepeat > m_context.limits.maxRows) {
        fail(QStringLiteral("a row repeated to row %1 is past the limit of %2 rows")
                 .arg(first + m_rowRepeat)
                 .arg(m_context.limits.maxRows));
        return;
    }
    for (qint64 i = 0; i < m_rowRepeat; ++i) {
        if (!emitRow(first + i))
            return;
    }
}

// Materialises the empty rows before row, then row itself from the pending cells.
bool OdsSheetHandler::emitRow(qint64 row)
{
    if (!padRowsTo(row))
        return false;
    m_block.beginRow();
    for (const PendingCell &cell : m_cells) {
        const QByteArrayView text(m_rowText.constData() + cell.begin, cell.length);
        if (!m_block.setCell(cell.column, cell.kind, text)) {
            m_block.endRow();
            fail(QStringLiteral("a column holds more text than one block of rows can"));
            return false;
        }
    }
    m_block.endRow();
    if (m_block.rowCount() == SheetTable::RowsPerBlock)
        return deliver();
    return true;
}

bool OdsSheetHandler::finish()
{
    if (m_block.rowCount() == 0)
        return !m_delivery.isCancelled();
    return deliver();
}

} // namespace sluice
