// SPDX-License-Identifier: MIT
// BiffWorkbook's BIFF2 (Excel 2.x) path: one bare worksheet stream, globals and cells together.
#include "models/source/biffcells.h"
#include "models/source/biffworkbook.h"

#include <QCoreApplication>

namespace sluice {

namespace {

using namespace biff;

// The smallest BIFF2 cell record of the type that holds its value: row, column and the 3
// attribute bytes, then the value (a FORMULA's 8-byte result; its tokens are not read); 0 for
// other records.
qsizetype biff2CellSize(quint16 type)
{
    switch (type) {
    case RecInteger2:
    case RecBoolErr2:
        return 9;
    case RecLabel2:
        return 8;
    case RecNumber2:
    case RecFormula:
        return 15;
    default:
        return 0;
    }
}

} // namespace

std::optional<QString> BiffWorkbook::parseBiff2Globals()
{
    RecordCursor cursor(m_stream, 0);
    Record record;
    if (!cursor.next(&record)) {
        if (cursor.damaged())
            return tr("the file is truncated: a record runs past the end");
        return tr("the file is not an Excel 2.x worksheet: it does not start with a BOF record");
    }
    if (record.type != RecBof2)
        return tr("the file is not an Excel 2.x worksheet: it does not start with a BOF record");
    // Decoded once the whole stream is read: a CODEPAGE record may follow the formats.
    std::vector<QByteArrayView> formats;
    bool ended = false;
    while (!ended && cursor.next(&record)) {
        const QByteArrayView data = record.data;
        switch (record.type) {
        case RecEof:
            ended = true;
            break;
        case RecCodePage:
        case RecDateMode:
            readSharedGlobal(record.type, data);
            break;
        case RecFormat2:
            formats.push_back(data);
            break;
        default:
            break;
        }
    }
    if (cursor.damaged())
        return tr("the file is truncated: a record runs past the end");
    if (!ended)
        return tr("the file is truncated: it ends before its EOF record");
    // BIFF2 cells name a FORMAT by its position in this list, not by a format id.
    m_xfKinds.reserve(formats.size());
    for (const QByteArrayView format : formats) {
        const auto code = unicodeString(format, 0, true);
        if (!code)
            return tr("a number format record (FORMAT) is truncated");
        m_xfKinds.push_back(NumberFormat::codeKind(QString::fromUtf8(*code)));
    }
    m_sheets.append(Sheet {QString(), 0});
    return std::nullopt;
}

BiffWorkbook::Biff2Cell BiffWorkbook::biff2Cell(quint16 type, QByteArrayView data, CellKind *kind,
                                                QByteArray *text) const
{
    const qsizetype size = biff2CellSize(type);
    if (size == 0)
        return Biff2Cell::NoValue; // not a cell record: skipped, whatever it is
    if (data.size() < size)
        return Biff2Cell::Truncated;
    // The low 6 bits of the second attribute byte: the FORMAT record's index.
    const quint16 format = static_cast<uchar>(data[5]) & 0x3F;
    switch (type) {
    case RecInteger2:
        *text = numberCell(u16(data, 7), format, kind);
        break;
    case RecNumber2:
        *text = numberCell(f64(data, 7), format, kind);
        break;
    case RecLabel2: {
        const auto label = unicodeString(data, 7, true);
        if (!label)
            return Biff2Cell::Truncated;
        *text = *label;
        *kind = CellKind::Text;
        break;
    }
    case RecBoolErr2:
        boolErrCell(static_cast<quint8>(data[7]), data[8] != 0, kind, text);
        break;
    default: // RecFormula
        if (formulaResult(data, 7, format, kind, text))
            return Biff2Cell::StringFollows;
        break;
    }
    if (*kind == CellKind::Text && text->isEmpty())
        return Biff2Cell::NoValue; // an empty text is an empty cell
    return *kind == CellKind::Empty ? Biff2Cell::NoValue : Biff2Cell::Value;
}

std::optional<BiffWorkbook::Failure> BiffWorkbook::readBiff2Records(const CellFn &cell,
                                                                    Dimension *dimension) const
{
    RecordCursor cursor(m_stream, 0);
    Record record;
    if (!cursor.next(&record) || record.type != RecBof2)
        return Failure {tr("the worksheet does not start with a BOF record"), -1};
    while (cursor.next(&record)) {
        const QByteArrayView data = record.data;
        if (record.type == RecEof)
            return std::nullopt;
        if (dimension) {
            if (record.type != RecDimension2)
                continue;
            if (data.size() < 8)
                return Failure {tr("the sheet's DIMENSION record is truncated"), -1};
            dimension->rows = u16(data, 2);
            dimension->columns = u16(data, 6);
            return std::nullopt;
        }
        CellKind kind = CellKind::Empty;
        QByteArray text;
        const quint32 row = data.size() >= 2 ? u16(data, 0) : 0;
        const Biff2Cell parsed = biff2Cell(record.type, data, &kind, &text);
        if (parsed == Biff2Cell::NoValue)
            continue;
        if (parsed == Biff2Cell::Truncated)
            return Failure {tr("a cell record is truncated"), qint64(row)};
        if (parsed == Biff2Cell::StringFollows) {
            Record next;
            if (!cursor.peek(&next) || next.type != RecString2)
                continue; // no stored text: the cell stays empty
            cursor.next(&next);
            const auto value = unicodeString(next.data, 0, true);
            if (!value)
                return Failure {tr("a cell record is truncated"), qint64(row)};
            if (value->isEmpty())
                continue;
            text = *value;
            kind = CellKind::Text;
        }
        if (!cell(row, u16(data, 2), kind, text))
            return std::nullopt;
    }
    return sheetEnd(cursor, dimension != nullptr);
}

} // namespace sluice
