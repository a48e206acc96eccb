// SPDX-License-Identifier: MIT
#include "models/source/readerfactory.h"

#include "models/source/csvreader.h"
#include "models/source/odsreader.h"
#include "models/source/xlsreader.h"
#include "models/source/xlsxreader.h"

#include <QFile>
#include <QFileInfo>
#include <QtEndian>

namespace sluice {

namespace {

// An ODS package stores its MIME type uncompressed as the first zip entry.
bool isOdsPackage(const QByteArray &head)
{
    return head.mid(30, 8) == "mimetype"
        && head.mid(38).startsWith("application/vnd.oasis.opendocument.spreadsheet");
}

// A bare BIFF2–4 worksheet (Excel 2.x–4.x, no OLE container) starts with its BOF record: the
// record type, a short length and, after the BIFF version, the document type (worksheet, chart,
// macro sheet, BIFF4 workbook). Checked this closely because the first two bytes alone could
// also start UTF-16 text (a tab).
bool isBareBiff(const QByteArray &head)
{
    if (head.size() < 8 || head[0] != 0x09)
        return false;
    const auto high = static_cast<uchar>(head[1]); // 0x00 BIFF2, 0x02 BIFF3, 0x04 BIFF4
    if (high != 0x00 && high != 0x02 && high != 0x04)
        return false;
    const auto length = qFromLittleEndian<quint16>(head.constData() + 2);
    const auto type = qFromLittleEndian<quint16>(head.constData() + 6);
    return length >= 4 && length <= 16
        && (type == 0x0010 || type == 0x0020 || type == 0x0040 || type == 0x0100);
}

} // namespace

QString fileFormatName(FileFormat format)
{
    switch (format) {
    case FileFormat::Text:
        return QStringLiteral("csv");
    case FileFormat::Xlsx:
        return QStringLiteral("xlsx");
    case FileFormat::Ods:
        return QStringLiteral("ods");
    case FileFormat::Xls:
        return QStringLiteral("xls");
    }
    return {};
}

Result<FileFormat> ReaderFactory::sniff(const QString &path)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly))
        return Error {tr("%1: cannot open it: %2").arg(name, file.errorString())};
    const QByteArray head = file.read(128);
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (head.startsWith("PK\x03\x04") || head.startsWith("PK\x05\x06"))
        return isOdsPackage(head) || suffix == u"ods" ? FileFormat::Ods : FileFormat::Xlsx;
    if (head.startsWith("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        // An OLE compound file is a legacy workbook, or an encrypted OOXML one; the XLSX reader
        // recognises the latter and says so.
        return suffix == u"xlsx" || suffix == u"xlsm" ? FileFormat::Xlsx : FileFormat::Xls;
    }
    // XlsReader reads BIFF2 and names the version it cannot read.
    if (isBareBiff(head))
        return FileFormat::Xls;
    return FileFormat::Text;
}

Result<std::unique_ptr<SpreadsheetReader>> ReaderFactory::create(const QString &path,
                                                                 const CsvOptions &csvOptions)
{
    const Result<FileFormat> format = sniff(path);
    if (!format)
        return format.error();
    if (*format == FileFormat::Text)
        return std::unique_ptr<SpreadsheetReader>(std::make_unique<CsvReader>(csvOptions));
    if (*format == FileFormat::Xlsx)
        return std::unique_ptr<SpreadsheetReader>(std::make_unique<XlsxReader>());
    if (*format == FileFormat::Xls)
        return std::unique_ptr<SpreadsheetReader>(std::make_unique<XlsReader>());
    return std::unique_ptr<SpreadsheetReader>(std::make_unique<OdsReader>());
}

} // namespace sluice
