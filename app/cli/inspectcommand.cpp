// SPDX-License-Identifier: MIT
#include "app/cli/inspectcommand.h"

#include "app/cli/sheetloading.h"
#include "app/cli/workbookdump.h"
#include "models/source/columnprofile.h"
#include "models/source/readerfactory.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace sluice::cli {

namespace {

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
    QElapsedTimer timer;
    timer.start();
    const bool dump = parser.isSet(options.dump);
    auto loaded = loadSheet(path, parser, options.sheetOptions, !dump);
    if (!loaded) {
        err << "sluice-cli: " << loaded.error().message << "\n";
        return loaded.error().exitCode;
    }
    if (dump)
        return dumpWorkbook(*loaded->reader, path, loaded->sheets, out, err);

    Inspection inspection;
    inspection.fileName = QFileInfo(path).fileName();
    inspection.bytes = QFileInfo(path).size();
    inspection.format = fileFormatName(ReaderFactory::sniff(path).value());
    inspection.sheets = loaded->sheets;
    inspection.sheetIndex = loaded->sheetIndex;
    inspection.layout = loaded->layout;
    inspection.columns = ColumnProfiler::profile(loaded->table, inspection.layout);
    inspection.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    if (json)
        out << QJsonDocument(toJson(inspection)).toJson(QJsonDocument::Indented);
    else
        printText(inspection, out);
    return 0;
}

} // namespace sluice::cli
