// SPDX-License-Identifier: MIT
#include "models/source/odsreader.h"

#include "models/source/odssheethandler.h"
#include "models/source/xlsxpackage.h"
#include "models/source/zippartstream.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <quazip/quazip.h>

namespace sluice {

namespace {

const QByteArray SpreadsheetMimetype
    = QByteArrayLiteral("application/vnd.oasis.opendocument.spreadsheet");
const QString ContentPart = QStringLiteral("content.xml");

// Whether META-INF/manifest.xml lists encryption data for content.xml.
class ManifestHandler : public XmlSaxHandler
{
public:
    void startElement(const char *localName, const XmlAttributes &attributes) override
    {
        if (isName(localName, "file-entry"))
            m_path = attributes.text("full-path");
        else if (isName(localName, "encryption-data") && m_path == "content.xml")
            m_encrypted = true;
    }
    void endElement(const char *localName) override
    {
        if (isName(localName, "file-entry"))
            m_path.clear();
    }

    bool m_encrypted = false;

private:
    QByteArray m_path;
};

// The top-level tables of content.xml with their states, and the null date.
class CatalogHandler : public XmlSaxHandler
{
public:
    void startElement(const char *localName, const XmlAttributes &attributes) override
    {
        if (isName(localName, "table")) {
            if (m_tableDepth++ == 0) {
                m_tables.append(
                    {QString::fromUtf8(attributes.text("name")), attributes.text("style-name")});
            }
        } else if (m_tableDepth > 0) {
            return; // cells: nothing to see here
        } else if (isName(localName, "style")) {
            m_style = attributes.value("family") == QByteArrayView("table")
                ? attributes.text("name")
                : QByteArray();
        } else if (isName(localName, "table-properties")) {
            if (!m_style.isEmpty() && attributes.value("display") == QByteArrayView("false"))
                m_hiddenStyles.insert(m_style);
        } else if (isName(localName, "null-date")) {
            m_date1904 = attributes.value("date-value").startsWith("1904-01-01");
        }
    }
    void endElement(const char *localName) override
    {
        if (isName(localName, "table"))
            --m_tableDepth;
        else if (m_tableDepth == 0 && isName(localName, "style"))
            m_style.clear();
    }

    QList<SheetInfo> sheets() const
    {
        QList<SheetInfo> sheets;
        for (const auto &[name, style] : m_tables) {
            SheetInfo info;
            info.name = name;
            info.state = m_hiddenStyles.contains(style) ? SheetState::Hidden : SheetState::Visible;
            sheets.append(info);
        }
        return sheets;
    }
    bool isDate1904() const { return m_date1904; }

private:
    QList<std::pair<QString, QByteArray>> m_tables;
    QSet<QByteArray> m_hiddenStyles;
    QByteArray m_style;
    int m_tableDepth = 0;
    bool m_date1904 = false;
};

} // namespace

OdsReader::OdsReader() = default;
OdsReader::~OdsReader() = default;

Error OdsReader::error(const QString &reason) const
{
    return Error {QStringLiteral("%1: %2").arg(m_fileName, reason)};
}

// Empty when the file is a zip whose mimetype (if any) is an OpenDocument spreadsheet's.
QString OdsReader::checkPackage(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot be opened: %1").arg(file.errorString());
    const QByteArray head = file.peek(8);
    if (head.isEmpty())
        return QStringLiteral("is empty (0 bytes)");
    if (!head.startsWith("PK"))
        return QStringLiteral("is not an OpenDocument spreadsheet (not a zip archive)");
    file.close();

    m_package = std::make_unique<XlsxPackage>();
    if (const QString reason = m_package->open(path, m_limits); !reason.isEmpty())
        return reason;
    const QString mimetypeEntry = m_package->entryName(QStringLiteral("mimetype"));
    if (!mimetypeEntry.isEmpty()) {
        QuaZip zip(path);
        if (!zip.open(QuaZip::mdUnzip))
            return QStringLiteral("is not a valid zip archive (zip error %1)")
                .arg(zip.getZipError());
        ZipPartStream stream(zip, mimetypeEntry, m_limits, QFileInfo(path).size());
        if (!stream.open())
            return stream.errorString();
        QByteArray mimetype(256, Qt::Uninitialized);
        const qint64 got = stream.read(mimetype.data(), mimetype.size());
        if (got < 0)
            return stream.errorString();
        mimetype.truncate(static_cast<qsizetype>(got));
        mimetype = mimetype.trimmed();
        if (mimetype != SpreadsheetMimetype) {
            return QStringLiteral("is not an OpenDocument spreadsheet (its mimetype is '%1')")
                .arg(QString::fromUtf8(mimetype.left(80)));
        }
    }
    const QString manifest = QStringLiteral("META-INF/manifest.xml");
    if (m_package->contains(manifest)) {
        ManifestHandler handler;
        if (const QString reason = m_package->parsePart(manifest, handler); !reason.isEmpty())
            return reason;
        if (handler.m_encrypted)
            return QStringLiteral("is password-protected (encrypted); save it without a password "
                                  "and open it again");
    }
    if (!m_package->contains(ContentPart)) {
        return mimetypeEntry.isEmpty()
            ? QStringLiteral("is not an OpenDocument spreadsheet (no mimetype, no content.xml)")
            : QStringLiteral("part 'content.xml' is missing from the package");
    }
    return {};
}

Result<QList<SheetInfo>> OdsReader::open(const QString &path, const ReadLimits &limits)
{
    m_fileName = QFileInfo(path).fileName();
    m_limits = limits;
    m_open = false;
    m_sheets.clear();
    m_dateSystem = 1900;
    if (const QString reason = checkPackage(path); !reason.isEmpty())
        return error(reason);
    CatalogHandler catalog;
    if (const QString reason = m_package->parsePart(ContentPart, catalog); !reason.isEmpty())
        return error(reason);
    m_sheets = catalog.sheets();
    m_dateSystem = catalog.isDate1904() ? 1904 : 1900;
    m_open = true;
    return m_sheets;
}

Result<ReadEnd> OdsReader::readSheet(int sheetIndex, ReadSink &sink)
{
    if (!m_open)
        return Error {QStringLiteral("no workbook is open")};
    if (sheetIndex < 0 || sheetIndex >= m_sheets.size())
        return error(QStringLiteral("there is no sheet %1").arg(sheetIndex + 1));
    const QString where
        = QStringLiteral("%1: sheet '%2'").arg(m_fileName, m_sheets.at(sheetIndex).name);
    OdsSheetHandler handler(sink, {sheetIndex, m_limits, where});
    return handler.read(*m_package, ContentPart);
}

} // namespace sluice
