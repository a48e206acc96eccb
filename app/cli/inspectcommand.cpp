// SPDX-License-Identifier: MIT
#include "app/cli/inspectcommand.h"

#include "app/cli/workbookdump.h"
#include "models/source/columnprofile.h"
#include "models/source/csvreader.h"
#include "models/source/readerfactory.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace sluice::cli {

namespace {

struct UsageError
{
    QString message;
};

Result<CsvOptions, UsageError> csvOptionsFrom(const QCommandLineParser &parser,
                                              const InspectOptions &options)
{
    CsvOptions csv;
    if (parser.isSet(options.encoding)) {
        const QString name = parser.value(options.encoding).toLower();
        if (name == u"utf-8" || name == u"utf8")
            csv.encoding = TextEncoding::Utf8;
        else if (name == u"utf-16-le" || name == u"utf-16le" || name == u"utf-16")
            csv.encoding = TextEncoding::Utf16LE;
        else if (name == u"utf-16-be" || name == u"utf-16be")
            csv.encoding = TextEncoding::Utf16BE;
        else if (name == u"cp1252" || name == u"windows-1252")
            csv.encoding = TextEncoding::Windows1252;
        else
            return UsageError {QStringLiteral("unknown encoding '%1'").arg(name)};
    }
    if (parser.isSet(options.delimiter)) {
        const QString value = parser.value(options.delimiter);
        if (value == u"tab" || value == u"\\t")
            csv.delimiter = u'\t';
        else if (value.size() == 1 && value[0].unicode() < 0x80)
            csv.delimiter = value[0];
        else
            return UsageError {QStringLiteral("the delimiter is one ASCII character or 'tab'")};
    }
    return csv;
}

// The sheet the user named, or the first visible worksheet.
Result<int, UsageError> chooseSheet(const QList<SheetInfo> &sheets, const QString &wanted)
{
    if (wanted.isEmpty()) {
        for (int i = 0; i < sheets.size(); ++i) {
            if (sheets[i].kind == SheetKind::Worksheet && sheets[i].state == SheetState::Visible)
                return i;
        }
        return 0;
    }
    bool isNumber = false;
    const int number = wanted.toInt(&isNumber);
    if (isNumber && number >= 1 && number <= sheets.size())
        return number - 1;
    for (int i = 0; i < sheets.size(); ++i) {
        if (sheets[i].name == wanted)
            return i;
    }
    return UsageError {QStringLiteral("no sheet '%1'").arg(wanted)};
}

QString stateName(SheetState state)
{
    switch (state) {
    case SheetState::Visible:
        return QStringLiteral("visible");
    case SheetState::Hidden:
        return QStringLiteral("hidden");
    case SheetState::VeryHidden:
        return QStringLiteral("veryHidden");
    }
    return {};
}

struct Inspection
{
    QString fileName;
    qint64 bytes = 0;
    QString format;
    QList<SheetInfo> sheets;
    int sheetIndex = 0;
    SheetLayout layout;
    QList<ColumnProfile> columns;
    double seconds = 0;
};

QJsonObject toJson(const Inspection &inspection)
{
    QJsonArray sheets;
    for (const SheetInfo &sheet : inspection.sheets)
        sheets.append(QJsonObject {{QStringLiteral("name"), sheet.name},
                                   {QStringLiteral("state"), stateName(sheet.state)}});
    QJsonArray columns;
    for (int i = 0; i < inspection.columns.size(); ++i) {
        const ColumnProfile &column = inspection.columns[i];
        columns.append(
            QJsonObject {{QStringLiteral("column"), HeaderDetector::columnLetters(i)},
                         {QStringLiteral("name"), column.name},
                         {QStringLiteral("kind"), column.kind},
                         {QStringLiteral("samples"), QJsonArray::fromStringList(column.samples)}});
    }
    QJsonArray footer;
    for (const qsizetype row : inspection.layout.footerRows)
        footer.append(row + 1);
    return {{QStringLiteral("file"), inspection.fileName},
            {QStringLiteral("bytes"), inspection.bytes},
            {QStringLiteral("format"), inspection.format},
            {QStringLiteral("sheets"), sheets},
            {QStringLiteral("sheet"), inspection.sheets.value(inspection.sheetIndex).name},
            {QStringLiteral("headerRow"), inspection.layout.headerRow + 1},
            {QStringLiteral("headerReason"), inspection.layout.reason},
            {QStringLiteral("dataRows"), inspection.layout.dataRowCount()},
            {QStringLiteral("footerRows"), footer},
            {QStringLiteral("columns"), columns},
            {QStringLiteral("seconds"), inspection.seconds}};
}

void printText(const Inspection &inspection, QTextStream &out)
{
    const QLocale c = QLocale::c();
    out << "file:    " << inspection.fileName << " (" << inspection.format << ", "
        << c.toString(inspection.bytes) << " bytes)\n";
    out << "sheets:  ";
    for (int i = 0; i < inspection.sheets.size(); ++i) {
        const SheetInfo &sheet = inspection.sheets[i];
        out << (i ? ", " : "") << i + 1 << ' ' << sheet.name;
        if (sheet.state != SheetState::Visible)
            out << " (" << stateName(sheet.state) << ')';
    }
    const SheetLayout &layout = inspection.layout;
    out << "\nsheet:   " << inspection.sheets.value(inspection.sheetIndex).name << "\nheader:  row "
        << layout.headerRow + 1 << " (" << layout.reason
        << ")\nrows:    " << c.toString(layout.dataRowCount()) << " data rows";
    if (layout.dataRowCount() > 0)
        out << " (rows " << layout.firstDataRow + 1 << "–" << layout.dataEndRow << ")";
    for (const qsizetype row : layout.footerRows)
        out << "; footer row " << row + 1 << " is not data";
    out << "\ncolumns:\n";
    for (int i = 0; i < inspection.columns.size(); ++i) {
        const ColumnProfile &column = inspection.columns[i];
        out << "  " << HeaderDetector::columnLetters(i).leftJustified(4)
            << column.name.leftJustified(24) << ' ' << column.kind.leftJustified(16) << ' '
            << column.samples.join(QStringLiteral(", ")) << '\n';
    }
    out << "read in " << QString::number(inspection.seconds, 'f', 3) << " s\n";
}

} // namespace

int runInspect(const QString &path, const QCommandLineParser &parser, const InspectOptions &options,
               bool json, QTextStream &out, QTextStream &err)
{
    const auto csvOptions = csvOptionsFrom(parser, options);
    if (!csvOptions) {
        err << "sluice-cli: " << csvOptions.error().message << "\n";
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    auto reader = ReaderFactory::create(path, *csvOptions);
    const auto sheets
        = reader ? reader.value()->open(path) : Result<QList<SheetInfo>>(reader.error());
    if (!sheets) {
        err << "sluice-cli: " << sheets.error().message << "\n";
        return 1;
    }
    if (parser.isSet(options.dump))
        return dumpWorkbook(*reader.value(), path, *sheets, out, err);

    Inspection inspection;
    inspection.fileName = QFileInfo(path).fileName();
    inspection.bytes = QFileInfo(path).size();
    inspection.format = fileFormatName(ReaderFactory::sniff(path).value());
    inspection.sheets = *sheets;
    const auto sheet = chooseSheet(*sheets, parser.value(options.sheet));
    if (!sheet) {
        err << "sluice-cli: " << sheet.error().message << "\n";
        return 2;
    }
    inspection.sheetIndex = *sheet;
    CollectingSink sink;
    const auto end = reader.value()->readSheet(*sheet, sink);
    if (!end) {
        err << "sluice-cli: " << end.error().message << "\n";
        return 1;
    }
    std::optional<qsizetype> headerRow;
    if (parser.isSet(options.headerRow)) {
        bool ok = false;
        const qsizetype row = parser.value(options.headerRow).toLongLong(&ok);
        if (!ok || row < 1) {
            err << "sluice-cli: --header-row takes a row number from 1\n";
            return 2;
        }
        headerRow = row - 1;
    }
    inspection.layout = HeaderDetector::detect(sink.table(), headerRow);
    inspection.columns = ColumnProfiler::profile(sink.table(), inspection.layout);
    inspection.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    if (json)
        out << QJsonDocument(toJson(inspection)).toJson(QJsonDocument::Indented);
    else
        printText(inspection, out);
    return 0;
}

} // namespace sluice::cli
