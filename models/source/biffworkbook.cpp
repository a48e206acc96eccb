// SPDX-License-Identifier: MIT
#include "models/source/biffworkbook.h"

#include "models/source/biffrecords.h"
#include "models/source/spreadsheetdate.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QStringDecoder>
#include <QtEndian>

#include <cmath>
#include <cstring>

namespace sluice {

namespace {

using namespace biff;

QString tr(const char *text)
{
    return QCoreApplication::translate("BiffWorkbook", text);
}

double rkValue(quint32 rk)
{
    double value = 0;
    if (rk & 0x02) {
        value = double(static_cast<qint32>(rk) >> 2);
    } else {
        const quint64 bits = quint64(rk & 0xFFFFFFFCu) << 32;
        std::memcpy(&value, &bits, sizeof value);
    }
    return (rk & 0x01) ? value / 100 : value;
}

// Shortest text that reads back as the same double; integral values without ".0".
QByteArray numberText(double value)
{
    if (std::isfinite(value) && value == std::trunc(value) && std::abs(value) < 1e15)
        return QByteArray::number(static_cast<qint64>(value));
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

QByteArray errorText(quint8 code)
{
    switch (code) {
    case 0x00:
        return QByteArrayLiteral("#NULL!");
    case 0x07:
        return QByteArrayLiteral("#DIV/0!");
    case 0x0F:
        return QByteArrayLiteral("#VALUE!");
    case 0x17:
        return QByteArrayLiteral("#REF!");
    case 0x1D:
        return QByteArrayLiteral("#NAME?");
    case 0x24:
        return QByteArrayLiteral("#NUM!");
    case 0x2A:
        return QByteArrayLiteral("#N/A");
    case 0x2B:
        return QByteArrayLiteral("#GETTING_DATA");
    default:
        return QByteArrayLiteral("#ERR") + QByteArray::number(code);
    }
}

// A BOOLERR value (or a formula's boolean or error result): a boolean, or with isError an
// error code.
void boolErrCell(quint8 value, bool isError, CellKind *kind, QByteArray *text)
{
    if (isError) {
        *kind = CellKind::Error;
        *text = errorText(value);
    } else {
        *kind = CellKind::Boolean;
        *text = value != 0 ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
    }
}

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

QByteArray utf16Text(QByteArrayView bytes)
{
    QString text(bytes.size() / 2, Qt::Uninitialized);
    for (qsizetype i = 0; i < text.size(); ++i)
        text[i] = QChar(u16(bytes, i * 2));
    return text.toUtf8();
}

QByteArray latin1Text(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes).toUtf8();
}

// One record: its type and its bytes, checked against the stream.
struct Record
{
    quint16 type = 0;
    QByteArrayView data;
};

class RecordCursor
{
public:
    RecordCursor(QByteArrayView stream, qsizetype at)
        : m_stream(stream)
        , m_at(at)
    {}
    // The next record; false at the end of the stream. Sets damaged when its length runs past
    // the end.
    bool next(Record *record)
    {
        if (m_at + 4 > m_stream.size()) {
            m_damaged = m_at != m_stream.size();
            return false;
        }
        record->type = u16(m_stream, m_at);
        const qsizetype length = u16(m_stream, m_at + 2);
        if (m_at + 4 + length > m_stream.size()) {
            m_damaged = true;
            return false;
        }
        record->data = m_stream.sliced(m_at + 4, length);
        m_at += 4 + length;
        return true;
    }
    // The following record without moving past it.
    bool peek(Record *record) const
    {
        RecordCursor copy = *this;
        return copy.next(record);
    }
    bool damaged() const { return m_damaged; }

private:
    QByteArrayView m_stream;
    qsizetype m_at;
    bool m_damaged = false;
};

// The bytes of an SST and its CONTINUE records, read across the record boundaries: in a string's
// characters each CONTINUE starts with a new flag byte (compressed or UTF-16).
class SegmentReader
{
public:
    explicit SegmentReader(const std::vector<QByteArrayView> &segments)
        : m_segments(segments)
    {}

    bool byte(quint8 *value)
    {
        if (!settle())
            return false;
        *value = static_cast<quint8>(m_segments[m_index][m_pos++]);
        return true;
    }
    bool word(quint16 *value)
    {
        quint8 low = 0;
        quint8 high = 0;
        if (!byte(&low) || !byte(&high))
            return false;
        *value = static_cast<quint16>(low | (high << 8));
        return true;
    }
    bool dword(quint32 *value)
    {
        quint16 low = 0;
        quint16 high = 0;
        if (!word(&low) || !word(&high))
            return false;
        *value = quint32(low) | (quint32(high) << 16);
        return true;
    }
    bool skip(qint64 count)
    {
        while (count > 0) {
            if (!settle())
                return false;
            const qint64 take = std::min<qint64>(count, m_segments[m_index].size() - m_pos);
            m_pos += static_cast<qsizetype>(take);
            count -= take;
        }
        return true;
    }
    // count characters, starting with the given width; as UTF-16 code units.
    bool chars(qsizetype count, bool wide, QString *out)
    {
        out->reserve(count);
        while (count > 0) {
            if (m_index >= m_segments.size())
                return false;
            if (m_pos == m_segments[m_index].size()) {
                if (++m_index >= m_segments.size() || m_segments[m_index].isEmpty())
                    return false;
                wide = (m_segments[m_index][0] & 0x01) != 0;
                m_pos = 1;
            }
            const QByteArrayView seg = m_segments[m_index];
            const qsizetype avail = (seg.size() - m_pos) / (wide ? 2 : 1);
            if (avail == 0)
                return false; // half a UTF-16 character before a boundary
            const qsizetype take = std::min(avail, count);
            for (qsizetype i = 0; i < take; ++i) {
                out->append(wide
                                ? QChar(u16(seg, m_pos + i * 2))
                                : QChar(static_cast<char16_t>(static_cast<uchar>(seg[m_pos + i]))));
            }
            m_pos += take * (wide ? 2 : 1);
            count -= take;
        }
        return true;
    }

private:
    bool settle()
    {
        while (m_index < m_segments.size() && m_pos == m_segments[m_index].size()) {
            ++m_index;
            m_pos = 0;
        }
        return m_index < m_segments.size();
    }

    const std::vector<QByteArrayView> &m_segments;
    std::size_t m_index = 0;
    qsizetype m_pos = 0;
};

const char *codePageName(int codePage)
{
    switch (codePage) {
    case 367:
        return "US-ASCII";
    case 437:
        return "IBM437";
    case 850:
        return "IBM850";
    case 874:
        return "windows-874";
    case 932:
        return "Shift_JIS";
    case 936:
        return "GBK";
    case 949:
        return "windows-949";
    case 950:
        return "Big5";
    case 1250:
        return "windows-1250";
    case 1251:
        return "windows-1251";
    case 1253:
        return "windows-1253";
    case 1254:
        return "windows-1254";
    case 1255:
        return "windows-1255";
    case 1256:
        return "windows-1256";
    case 1257:
        return "windows-1257";
    case 1258:
        return "windows-1258";
    case 10000:
    case 32768:
        return "macintosh";
    case 65001:
        return "UTF-8";
    default:
        return "windows-1252";
    }
}

} // namespace

QByteArray BiffWorkbook::decodeBytes(QByteArrayView bytes) const
{
    if (m_biff == 8 || m_codePage == 1200)
        return latin1Text(bytes);
    QStringDecoder decoder(codePageName(m_codePage));
    if (!decoder.isValid())
        return latin1Text(bytes);
    const QString text = decoder.decode(bytes);
    return text.toUtf8();
}

std::optional<QByteArray> BiffWorkbook::unicodeString(QByteArrayView data, qsizetype at,
                                                      bool shortLength) const
{
    const qsizetype lengthBytes = shortLength ? 1 : 2;
    if (at + lengthBytes > data.size())
        return std::nullopt;
    const qsizetype count = shortLength ? static_cast<uchar>(data[at]) : u16(data, at);
    at += lengthBytes;
    if (m_biff < 8) {
        if (at + count > data.size())
            return std::nullopt;
        return decodeBytes(data.sliced(at, count));
    }
    if (at + 1 > data.size())
        return std::nullopt;
    const bool wide = (data[at] & 0x01) != 0;
    ++at;
    const qsizetype bytes = count * (wide ? 2 : 1);
    if (at + bytes > data.size())
        return std::nullopt;
    return wide ? utf16Text(data.sliced(at, bytes)) : latin1Text(data.sliced(at, bytes));
}

QByteArray BiffWorkbook::numberCell(double value, quint16 xf, CellKind *kind) const
{
    const NumberFormat::Kind format
        = xf < m_xfKinds.size() ? m_xfKinds[xf] : NumberFormat::Kind::Number;
    if (format == NumberFormat::Kind::DateTime) {
        QByteArray date = SpreadsheetDate::fromSerial(
            value,
            m_date1904 ? SpreadsheetDate::Epoch::Excel1904 : SpreadsheetDate::Epoch::Excel1900);
        if (!date.isEmpty()) {
            *kind = CellKind::DateTime;
            return date;
        }
    }
    *kind = CellKind::Number;
    return numberText(value);
}

bool BiffWorkbook::formulaResult(QByteArrayView data, qsizetype at, quint16 xf, CellKind *kind,
                                 QByteArray *text) const
{
    // Not a number when the top two bytes are 0xFFFF: then the first byte says what it is.
    if (u16(data, at + 6) != 0xFFFF) {
        *text = numberCell(f64(data, at), xf, kind);
        return false;
    }
    switch (static_cast<quint8>(data[at])) {
    case 0:
        return true;
    case 1:
        boolErrCell(static_cast<quint8>(data[at + 2]), false, kind, text);
        return false;
    case 2:
        boolErrCell(static_cast<quint8>(data[at + 2]), true, kind, text);
        return false;
    default: // 3: an empty string
        return false;
    }
}

std::optional<QString> BiffWorkbook::parseSst(const std::vector<QByteArrayView> &segments)
{
    SegmentReader reader(segments);
    quint32 total = 0;
    quint32 unique = 0;
    if (!reader.dword(&total) || !reader.dword(&unique))
        return tr("the shared-string table (SST) is truncated");
    // Each string takes at least 3 bytes: a count beyond that is damage, not a reason to
    // reserve memory.
    qint64 bytes = 0;
    for (const QByteArrayView segment : segments)
        bytes += segment.size();
    if (qint64(unique) * 3 > bytes)
        return tr("the shared-string table (SST) is damaged: it lists more strings than it holds");
    m_strings.reserve(unique);
    for (quint32 i = 0; i < unique; ++i) {
        quint16 count = 0;
        quint8 flags = 0;
        if (!reader.word(&count) || !reader.byte(&flags))
            return tr("the shared-string table (SST) is truncated");
        quint16 runs = 0;
        quint32 phonetic = 0;
        if ((flags & 0x08) && !reader.word(&runs))
            return tr("the shared-string table (SST) is truncated");
        if ((flags & 0x04) && !reader.dword(&phonetic))
            return tr("the shared-string table (SST) is truncated");
        QString text;
        if (!reader.chars(count, (flags & 0x01) != 0, &text)
            || !reader.skip(qint64(runs) * 4 + phonetic))
            return tr("the shared-string table (SST) is truncated");
        m_strings.append(text.toUtf8());
    }
    return std::nullopt;
}

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
    if (cursor.damaged())
        return Failure {tr("the file is truncated: a record in the sheet runs past the end"), -1};
    if (dimension)
        return std::nullopt;
    return Failure {tr("the file is truncated: the sheet has no EOF record"), -1};
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
    if (cursor.damaged())
        return Failure {tr("the file is truncated: a record in the sheet runs past the end"), -1};
    if (dimension)
        return std::nullopt;
    return Failure {tr("the file is truncated: the sheet has no EOF record"), -1};
}

} // namespace sluice
