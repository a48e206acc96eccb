// SPDX-License-Identifier: MIT
#include "models/source/biffworkbook.h"

#include "models/source/biffcells.h"
#include "models/source/biffrecords.h"

#include <QCoreApplication>
#include <QHash>

namespace sluice {

namespace {

using namespace biff;

} // namespace

// The globals every BIFF version has: the code page of 8-bit text and the date system.
void BiffWorkbook::readSharedGlobal(quint16 type, QByteArrayView data)
{
    if (data.size() < 2)
        return;
    if (type == RecCodePage)
        m_codePage = u16(data, 0);
    else if (type == RecDateMode)
        m_date1904 = u16(data, 0) != 0;
}

std::optional<QString> BiffWorkbook::parseGlobals()
{
    RecordCursor cursor(m_stream, 0);
    Record record;
    if (!cursor.next(&record) || record.type != RecBof)
        return tr("the file is not an Excel workbook: its Workbook stream has no BOF");
    std::vector<quint16> xfFormats;
    QHash<quint16, QString> formats;
    bool ended = false;
    while (cursor.next(&record)) {
        const QByteArrayView data = record.data;
        switch (record.type) {
        case RecEof:
            ended = true;
            break;
        case RecCodePage:
        case RecDateMode:
            readSharedGlobal(record.type, data);
            break;
        case RecBoundSheet: {
            if (data.size() < 6)
                return tr("a sheet record (BOUNDSHEET) is truncated");
            Sheet sheet;
            sheet.offset = u32(data, 0);
            std::optional<QByteArray> name;
            if (m_biff >= 8) {
                // ShortXLUnicodeString: cch u8, flags, chars.
                if (data.size() >= 8) {
                    const qsizetype count = static_cast<uchar>(data[6]);
                    const bool wide = (data[7] & 0x01) != 0;
                    if (8 + count * (wide ? 2 : 1) <= data.size())
                        name = wide ? utf16Text(data.sliced(8, count * 2))
                                    : latin1Text(data.sliced(8, count));
                }
            } else {
                name = unicodeString(data, 6, true);
            }
            if (!name)
                return tr("a sheet record (BOUNDSHEET) is truncated");
            sheet.name = QString::fromUtf8(*name);
            m_sheets.append(sheet);
            break;
        }
        case RecXf:
            if (data.size() < 4)
                return tr("a cell format record (XF) is truncated");
            xfFormats.push_back(u16(data, 2));
            break;
        case RecFormat: {
            if (data.size() < 2)
                return tr("a number format record (FORMAT) is truncated");
            const auto code = unicodeString(data, 2, m_biff < 8);
            if (!code)
                return tr("a number format record (FORMAT) is truncated");
            formats.insert(u16(data, 0), QString::fromUtf8(*code));
            break;
        }
        case RecSst: {
            std::vector<QByteArrayView> segments {data};
            Record more;
            while (cursor.peek(&more) && more.type == RecContinue) {
                cursor.next(&more);
                segments.push_back(more.data);
            }
            if (auto error = parseSst(segments))
                return error;
            break;
        }
        default:
            break;
        }
        if (ended)
            break;
    }
    if (cursor.damaged())
        return tr("the file is truncated: a record in the workbook globals runs past the end");
    m_xfKinds.reserve(xfFormats.size());
    for (const quint16 id : xfFormats) {
        NumberFormat::Kind kind = NumberFormat::builtInKind(id);
        if (kind == NumberFormat::Kind::Number) {
            const auto code = formats.constFind(id);
            if (code != formats.constEnd())
                kind = NumberFormat::codeKind(*code);
        }
        m_xfKinds.push_back(kind);
    }
    return std::nullopt;
}

Result<BiffWorkbook> BiffWorkbook::parse(QByteArray stream, int biffVersion)
{
    BiffWorkbook book;
    book.m_stream = std::move(stream);
    book.m_biff = biffVersion;
    if (auto error = biffVersion == 2 ? book.parseBiff2Globals() : book.parseGlobals())
        return Error {*error};
    return book;
}

Result<BiffWorkbook::Dimension> BiffWorkbook::dimension(int sheet) const
{
    Dimension result;
    const auto failure = readRecords(sheet, {}, &result);
    if (failure)
        return Error {failure->reason};
    return result;
}

std::optional<BiffWorkbook::Failure> BiffWorkbook::readCells(int sheet, const CellFn &cell) const
{
    return readRecords(sheet, cell, nullptr);
}

std::optional<BiffWorkbook::Failure> BiffWorkbook::readRecords(int sheet, const CellFn &cell,
                                                               Dimension *dimension) const
{
    if (sheet < 0 || sheet >= m_sheets.size())
        return Failure {tr("there is no such sheet"), -1};
    if (m_biff == 2)
        return readBiff2Records(cell, dimension);
    RecordCursor cursor(m_stream, m_sheets[sheet].offset);
    Record record;
    if (!cursor.next(&record) || record.type != RecBof)
        return Failure {tr("the sheet's records are missing (no BOF where the workbook says)"), -1};
    const auto truncated = [](quint32 row) {
        return Failure {tr("a cell record is truncated"), qint64(row)};
    };
    int depth = 0; // embedded charts bring their own BOF … EOF
    while (cursor.next(&record)) {
        const QByteArrayView data = record.data;
        if (record.type == RecBof) {
            ++depth;
            continue;
        }
        if (record.type == RecEof) {
            if (depth-- == 0)
                return std::nullopt;
            continue;
        }
        if (depth > 0)
            continue;
        if (dimension) {
            if (record.type == RecDimension) {
                if (m_biff >= 8 && data.size() >= 12) {
                    dimension->rows = u32(data, 4);
                    dimension->columns = u16(data, 10);
                } else if (data.size() >= 8) {
                    dimension->rows = u16(data, 2);
                    dimension->columns = u16(data, 6);
                } else {
                    return Failure {tr("the sheet's DIMENSION record is truncated"), -1};
                }
                return std::nullopt;
            }
            continue;
        }
        if (record.type != RecMulRk && data.size() < 6
            && (record.type == RecNumber || record.type == RecRk || record.type == RecLabel
                || record.type == RecLabelSst || record.type == RecBoolErr
                || record.type == RecFormula || record.type == RecRString))
            return truncated(data.size() >= 2 ? u16(data, 0) : 0);
        const quint32 row = data.size() >= 2 ? u16(data, 0) : 0;
        const quint16 column = data.size() >= 4 ? u16(data, 2) : 0;
        const quint16 xf = data.size() >= 6 ? u16(data, 4) : 0;
        CellKind kind = CellKind::Empty;
        QByteArray text;
        switch (record.type) {
        case RecNumber:
            if (data.size() < 14)
                return truncated(row);
            text = numberCell(f64(data, 6), xf, &kind);
            break;
        case RecRk:
            if (data.size() < 10)
                return truncated(row);
            text = numberCell(rkValue(u32(data, 6)), xf, &kind);
            break;
        case RecMulRk: {
            if (data.size() < 6 || (data.size() - 6) % 6 != 0)
                return truncated(row);
            const qsizetype count = (data.size() - 6) / 6;
            for (qsizetype i = 0; i < count; ++i) {
                CellKind itemKind = CellKind::Empty;
                const QByteArray itemText = numberCell(rkValue(u32(data, 4 + i * 6 + 2)),
                                                       u16(data, 4 + i * 6), &itemKind);
                const auto itemColumn = static_cast<quint16>(column + i);
                if (!cell(row, itemColumn, itemKind, itemText))
                    return std::nullopt;
            }
            continue;
        }
        case RecLabelSst: {
            if (data.size() < 10)
                return truncated(row);
            const quint32 index = u32(data, 6);
            if (index >= quint32(m_strings.size()))
                return Failure {tr("a cell refers to shared string %1, but the table has only %2")
                                    .arg(index)
                                    .arg(m_strings.size()),
                                qint64(row)};
            text = m_strings[index];
            kind = CellKind::Text;
            break;
        }
        case RecLabel:
        case RecRString: {
            const auto label = unicodeString(data, 6, false);
            if (!label)
                return truncated(row);
            text = *label;
            kind = CellKind::Text;
            break;
        }
        case RecBoolErr:
            if (data.size() < 8)
                return truncated(row);
            boolErrCell(static_cast<quint8>(data[6]), data[7] != 0, &kind, &text);
            break;
        case RecFormula: {
            if (data.size() < 14)
                return truncated(row);
            if (!formulaResult(data, 6, xf, &kind, &text))
                break;
            // A string, in the STRING record that follows (after any SHRFMLA/ARRAY/TABLE).
            Record next;
            while (cursor.peek(&next) && next.type != RecString && next.type != RecFormula
                   && next.type != RecEof
                   && (next.type == 0x04BC || next.type == 0x0221 || next.type == 0x0236))
                cursor.next(&next);
            if (cursor.peek(&next) && next.type == RecString) {
                cursor.next(&next);
                const auto value = unicodeString(next.data, 0, false);
                if (!value)
                    return truncated(row);
                text = *value;
                kind = CellKind::Text;
            }
            break;
        }
        default:
            continue;
        }
        if (kind == CellKind::Text && text.isEmpty())
            kind = CellKind::Empty; // an empty text is an empty cell
        if (kind != CellKind::Empty && !cell(row, column, kind, text))
            return std::nullopt;
    }
    return sheetEnd(cursor, dimension != nullptr);
}

} // namespace sluice
