// SPDX-License-Identifier: MIT
#include "models/source/readerfactory.h"

#include "models/source/csvreader.h"
#include "models/source/odsreader.h"
#include "models/source/xlsreader.h"
#include "models/source/xlsxreader.h"

#include <QFile>
#include <QFileInfo>

namespace sluice {

namespace {

// An ODS package stores its MIME type uncompressed as the first zip entry.
bool isOdsPackage(const QByteArray &head)
{
    return head.mid(30, 8) == "mimetype"
        && head.mid(38).startsWith("application/vnd.oasis.opendocument.spreadsheet");
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
