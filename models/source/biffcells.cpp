// SPDX-License-Identifier: MIT
#include "models/source/biffcells.h"

#include "models/source/biffworkbook.h"
#include "models/source/spreadsheetdate.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringDecoder>

#include <cmath>
#include <cstring>

namespace sluice::biff {

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

} // namespace sluice::biff

namespace sluice {

namespace {

using namespace biff;

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

QString biff::tr(const char *text)
{
    return QCoreApplication::translate("BiffWorkbook", text);
}

std::optional<BiffWorkbook::Failure> biff::sheetEnd(const RecordCursor &cursor, bool dimensionOnly)
{
    if (cursor.damaged())
        return BiffWorkbook::Failure {
            tr("the file is truncated: a record in the sheet runs past the end"), -1};
    // Looking for the dimension only, the walk may stop early: that is no error.
    if (dimensionOnly)
        return std::nullopt;
    return BiffWorkbook::Failure {tr("the file is truncated: the sheet has no EOF record"), -1};
}

} // namespace sluice
