// SPDX-License-Identifier: MIT
#include "models/upload/xlsxtablewriter.h"

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

using namespace Qt::StringLiterals;

namespace sluice {

namespace {

// Sheet XML gathers here before it goes to the compressor: large enough to keep zlib busy,
// small enough not to matter.
constexpr qsizetype FlushThreshold = 256 * 1024;
// Without Zip64 an entry must stay under 4 GiB, and Excel refuses several Zip64 layouts, so a
// sheet that would grow past this is an error rather than a file Excel cannot open.
constexpr qint64 MaxSheetBytes = 0xFFFFFFFFLL - 1024;
constexpr char XmlHeader[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr char MainNs[] = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr char RelNs[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

QByteArray contentTypes()
{
    const QByteArray type = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
    return QByteArray(XmlHeader)
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          "<Default Extension=\"rels\" "
          "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          "<Override PartName=\"/xl/workbook.xml\" ContentType=\""
        + type + "sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\""
        + type + "worksheet+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"" + type
        + "styles+xml\"/></Types>";
}

QByteArray relationships(const QList<std::pair<QByteArray, QByteArray>> &typeAndTarget)
{
    QByteArray xml = XmlHeader
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"_ba;
    int id = 0;
    for (const auto &[type, target] : typeAndTarget) {
        xml += "<Relationship Id=\"rId" + QByteArray::number(++id) + "\" Type=\"" + RelNs + '/'
            + type + "\" Target=\"" + target + "\"/>";
    }
    return xml + "</Relationships>";
}

QByteArray workbook(const QString &sheetName)
{
    QString name = sheetName.toHtmlEscaped(); // escapes & < > " for the attribute
    return XmlHeader + "<workbook xmlns=\""_ba + MainNs + "\" xmlns:r=\"" + RelNs
        + "\"><bookViews><workbookView/></bookViews><sheets><sheet name=\"" + name.toUtf8()
        + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
}

// Style 0 is Excel's default; style 1 the same with a bold font, for the header row. Excel
// requires the two fills (none, gray125) even when no cell uses them.
QByteArray styles()
{
    const QByteArray font = "<sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>";
    return XmlHeader + "<styleSheet xmlns=\""_ba + MainNs + "\"><fonts count=\"2\"><font>" + font
        + "<font><b/>" + font
        + "</fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
          "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
          "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border>"
          "</borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" "
          "borderId=\"0\"/></cellStyleXfs><cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" "
          "fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" "
          "borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs><cellStyles count=\"1\">"
          "<cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";
}

// Column widths would have to precede the cells, which are not known yet: Excel's defaults stay.
QByteArray sheetStart(bool frozenHeader)
{
    const QByteArray view = frozenHeader
        ? "<sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" "
          "activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" "
          "activeCell=\"A2\" sqref=\"A2\"/></sheetView>"
        : "<sheetView workbookViewId=\"0\"/>";
    return XmlHeader + "<worksheet xmlns=\""_ba + MainNs + "\" xmlns:r=\"" + RelNs
        + "\"><sheetViews>" + view + "</sheetViews><sheetData>";
}

bool isAllowedInXml(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// Excel reads "_xHHHH_" in a string as the escaped character U+HHHH, so a literal one must have
// its underscore escaped in turn ("_x005F_") to come back as written.
bool startsExcelEscape(const QString &text, qsizetype pos)
{
    if (pos + 7 > text.size() || text[pos + 1] != u'x' || text[pos + 6] != u'_')
        return false;
    for (qsizetype i = pos + 2; i < pos + 6; ++i) {
        if (!isHexDigit(text[i]))
            return false;
    }
    return true;
}

// Element content: & and < must be escaped, > is for "]]>"; a raw CR would be turned into LF by
// every XML parser (line-end normalisation), so it goes as a character reference.
QString escapeText(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'&')
            out += u"&amp;"_s;
        else if (c == u'<')
            out += u"&lt;"_s;
        else if (c == u'>')
            out += u"&gt;"_s;
        else if (c == u'\r')
            out += u"&#13;"_s;
        else if (c == u'_' && startsExcelEscape(text, i))
            out += u"_x005F_"_s;
        else
            out += c;
    }
    return out;
}

bool needsEscaping(const QString &text)
{
    for (const QChar c : text) {
        if (c == u'&' || c == u'<' || c == u'>' || c == u'\r' || c == u'_')
            return true;
    }
    return false;
}

bool isXmlSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

void appendColumnName(QByteArray &out, qsizetype column)
{
    char letters[4];
    int count = 0;
    for (qsizetype n = column + 1; n > 0; n = (n - 1) / 26)
        letters[count++] = static_cast<char>('A' + (n - 1) % 26);
    while (count > 0)
        out.append(letters[--count]);
}

} // namespace

XlsxTableWriter::XlsxTableWriter(QString path, Options options)
    : TableWriter(std::move(path), std::move(options))
    , m_file(this->path())
{}

XlsxTableWriter::~XlsxTableWriter() = default;

QString XlsxTableWriter::excelSheetName(const QString &wanted)
{
    static const QString forbidden = u":\\/?*[]"_s;
    QString name;
    for (const QChar c : wanted)
        name += (forbidden.contains(c) || c.unicode() < 0x20 || c.isSurrogate()) ? u'_' : c;
    name = name.trimmed();
    while (name.startsWith(u'\''))
        name.remove(0, 1);
    name.truncate(31);
    while (name.endsWith(u'\'') || name.endsWith(u' '))
        name.chop(1);
    // "History" is reserved for Excel's change tracking.
    if (name.isEmpty() || name.compare(u"History"_s, Qt::CaseInsensitive) == 0)
        return u"Results"_s;
    return name;
}

QString XlsxTableWriter::truncationMarker()
{
    return tr("… [cut at Excel's cell limit]");
}

QString XlsxTableWriter::cellText(const QString &cell)
{
    QString text = cell;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            ++i; // a pair: a character beyond the BMP, which XML allows
            continue;
        }
        if (c.isSurrogate() || !isAllowedInXml(c.unicode()))
            text[i] = QChar::ReplacementCharacter;
    }
    // Excel refuses to open a workbook with a longer cell; cutting keeps the rest of the file
    // usable, and the marker tells the reader that the value is incomplete.
    if (text.size() > MaxXlsxCellLength) {
        const QString marker = truncationMarker();
        qsizetype keep = MaxXlsxCellLength - marker.size();
        if (text[keep - 1].isHighSurrogate())
            --keep; // never split a pair
        text = text.left(keep) + marker;
    }
    return text;
}

Error XlsxTableWriter::zipError(int code) const
{
    // The file's own error (disk full, permission) says more than minizip's number.
    if (m_file.error() != QFileDevice::NoError)
        return fileError(m_file.errorString());
    return fileError(tr("the ZIP archive could not be written (error %1)").arg(code));
}

std::optional<Error> XlsxTableWriter::writePart(const QString &name, const QByteArray &data)
{
    QuaZipFile part(m_zip.get());
    if (!part.open(QIODevice::WriteOnly, QuaZipNewInfo(name)) || part.write(data) != data.size())
        return zipError(part.getZipError());
    part.close();
    if (part.getZipError() != 0)
        return zipError(part.getZipError());
    return std::nullopt;
}

std::optional<Error> XlsxTableWriter::open()
{
    if (!m_file.open(QIODevice::WriteOnly))
        return fileError(m_file.errorString());
    m_zip = std::make_unique<QuaZip>(&m_file);
    // Closing the archive must not close the QSaveFile: only commit() may end it.
    m_zip->setAutoClose(false);
    if (!m_zip->open(QuaZip::mdCreate))
        return zipError(m_zip->getZipError());
    const QList<std::pair<QString, QByteArray>> parts {
        {u"[Content_Types].xml"_s, contentTypes()},
        {u"_rels/.rels"_s, relationships({{"officeDocument", "xl/workbook.xml"}})},
        {u"xl/workbook.xml"_s, workbook(excelSheetName(options().sheetName))},
        {u"xl/_rels/workbook.xml.rels"_s,
         relationships({{"worksheet", "worksheets/sheet1.xml"}, {"styles", "styles.xml"}})},
        {u"xl/styles.xml"_s, styles()},
    };
    for (const auto &[name, data] : parts) {
        if (std::optional<Error> error = writePart(name, data))
            return error;
    }
    m_sheet = std::make_unique<QuaZipFile>(m_zip.get());
    // Deflate dominates the cost of a large sheet. For 1M rows x 20 columns, level 1 took 8 s for
    // 120 MB where the default level 6 took 15 s for 77 MB: a results file is written while the
    // user waits, so speed wins.
    if (!m_sheet->open(QIODevice::WriteOnly, QuaZipNewInfo(u"xl/worksheets/sheet1.xml"_s), nullptr,
                       0, Z_DEFLATED, Z_BEST_SPEED))
        return zipError(m_sheet->getZipError());
    m_buffer = sheetStart(options().headerRow);
    m_buffer.reserve(FlushThreshold + 64 * 1024);
    return std::nullopt;
}

void XlsxTableWriter::appendCell(qsizetype column, const QByteArray &rowNumber, bool bold,
                                 const QString &cell)
{
    const QString text = cellText(prepareCell(cell));
    m_buffer += "<c r=\"";
    appendColumnName(m_buffer, column);
    m_buffer += rowNumber;
    m_buffer += bold ? "\" s=\"1\" t=\"inlineStr\"><is><t" : "\" t=\"inlineStr\"><is><t";
    // Without it Excel drops the spaces at either end of the text.
    if (isXmlSpace(text.front()) || isXmlSpace(text.back()))
        m_buffer += " xml:space=\"preserve\"";
    m_buffer += '>';
    m_buffer += (needsEscaping(text) ? escapeText(text) : text).toUtf8();
    m_buffer += "</t></is></c>";
}

std::optional<Error> XlsxTableWriter::appendRow(const QStringList &cells)
{
    const qint64 row = rowCount() + 1;
    if (row > MaxXlsxRows) {
        return fileError(tr("an Excel sheet holds at most %L1 rows; write a CSV file for more")
                             .arg(MaxXlsxRows));
    }
    if (cells.size() > MaxXlsxColumns) {
        return fileError(tr("row %L1 has %L2 cells, more than the %L3 columns of an Excel sheet")
                             .arg(row)
                             .arg(cells.size())
                             .arg(MaxXlsxColumns));
    }
    const QByteArray rowNumber = QByteArray::number(row);
    const qsizetype rowStart = m_buffer.size();
    m_buffer += "<row r=\"" + rowNumber + "\">";
    const qsizetype cellsStart = m_buffer.size();
    const bool bold = row == 1 && options().headerRow;
    // An empty cell is left out, as Excel itself writes a sheet.
    for (qsizetype column = 0; column < cells.size(); ++column) {
        if (!cells[column].isEmpty())
            appendCell(column, rowNumber, bold, cells[column]);
    }
    if (m_buffer.size() == cellsStart)
        m_buffer.truncate(rowStart); // a row without cells needs no element
    else
        m_buffer += "</row>";
    return m_buffer.size() >= FlushThreshold ? flush() : std::nullopt;
}

std::optional<Error> XlsxTableWriter::flush()
{
    m_sheetBytes += m_buffer.size();
    if (m_sheetBytes > MaxSheetBytes) {
        return fileError(tr("the sheet is larger than an XLSX file can hold (4 GiB); write a "
                            "CSV file instead"));
    }
    if (m_sheet->write(m_buffer) != m_buffer.size())
        return zipError(m_sheet->getZipError());
    m_buffer.resize(0); // keeps the capacity for the next rows
    return std::nullopt;
}

std::optional<Error> XlsxTableWriter::commit()
{
    m_buffer += "</sheetData></worksheet>";
    if (std::optional<Error> error = flush())
        return error;
    m_sheet->close();
    if (m_sheet->getZipError() != 0)
        return zipError(m_sheet->getZipError());
    m_zip->close();
    if (m_zip->getZipError() != 0)
        return zipError(m_zip->getZipError());
    if (!m_file.commit())
        return fileError(m_file.errorString());
    return std::nullopt;
}

} // namespace sluice
