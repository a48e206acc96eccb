// SPDX-License-Identifier: MIT
#include "app/cli/workbookdump.h"

#include "models/source/csvreader.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sluice::cli {

namespace {

QJsonValue cellJson(const SheetTable &table, qsizetype row, int column)
{
    const QString text = table.text(row, column);
    switch (table.kind(row, column)) {
    case CellKind::Empty:
        return QJsonValue(QJsonValue::Null);
    case CellKind::Text:
        return QJsonObject {{QStringLiteral("t"), QStringLiteral("s")},
                            {QStringLiteral("v"), text}};
    case CellKind::Number:
        return QJsonObject {{QStringLiteral("t"), QStringLiteral("n")},
                            {QStringLiteral("v"), text.toDouble()}};
    case CellKind::Boolean:
        return QJsonObject {{QStringLiteral("t"), QStringLiteral("b")},
                            {QStringLiteral("v"), text == u"true"}};
    case CellKind::DateTime:
        return QJsonObject {{QStringLiteral("t"), QStringLiteral("d")},
                            {QStringLiteral("v"), text}};
    case CellKind::Error:
        return QJsonObject {{QStringLiteral("t"), QStringLiteral("e")},
                            {QStringLiteral("v"), text}};
    }
    return QJsonValue(QJsonValue::Null);
}

// Rows end at their last non-empty cell; empty rows after the last non-empty row are left out.
QJsonArray rowsJson(const SheetTable &table, bool asText)
{
    QJsonArray rows;
    qsizetype pendingEmpty = 0;
    for (qsizetype row = 0; row < table.rowCount(); ++row) {
        int last = table.columnCount() - 1;
        while (last >= 0 && table.isEmpty(row, last))
            --last;
        if (last < 0 && !asText) {
            ++pendingEmpty;
            continue;
        }
        for (; pendingEmpty > 0; --pendingEmpty)
            rows.append(QJsonArray());
        QJsonArray cells;
        for (int column = 0; column <= last; ++column)
            cells.append(asText ? QJsonValue(table.text(row, column))
                                : cellJson(table, row, column));
        rows.append(cells);
    }
    return rows;
}

QString stateName(SheetState state)
{
    return state == SheetState::Visible ? QStringLiteral("visible")
        : state == SheetState::Hidden   ? QStringLiteral("hidden")
                                        : QStringLiteral("veryHidden");
}

QString kindName(SheetKind kind)
{
    switch (kind) {
    case SheetKind::Worksheet:
        return QStringLiteral("worksheet");
    case SheetKind::Chartsheet:
        return QStringLiteral("chartsheet");
    case SheetKind::Macrosheet:
        return QStringLiteral("macrosheet");
    case SheetKind::Module:
        return QStringLiteral("module");
    }
    return {};
}

QJsonObject csvJson(const CsvReader &reader, const QString &file, const SheetTable &table)
{
    const CsvDialect &dialect = reader.dialect();
    return {
        {QStringLiteral("file"), file},
        {QStringLiteral("encoding"), textEncodingName(dialect.encoding)},
        {QStringLiteral("bom"), dialect.bom},
        {QStringLiteral("delimiter"), QString(QLatin1Char(dialect.delimiter))},
        {QStringLiteral("quote"), dialect.quote ? QString(QLatin1Char(dialect.quote)) : QString()},
        {QStringLiteral("line_terminator"), lineTerminatorName(dialect.lineTerminator)},
        {QStringLiteral("skip_lines"), dialect.skipLines},
        {QStringLiteral("rows"), rowsJson(table, true)}};
}

} // namespace

int dumpWorkbook(SpreadsheetReader &reader, const QString &path, const QList<SheetInfo> &sheets,
                 QTextStream &out, QTextStream &err)
{
    const QString file = QFileInfo(path).fileName();
    QJsonArray sheetsJson;
    for (int index = 0; index < sheets.size(); ++index) {
        CollectingSink sink;
        if (sheets[index].kind == SheetKind::Worksheet) {
            const auto end = reader.readSheet(index, sink);
            if (!end) {
                err << "sluice-cli: " << end.error().message << "\n";
                return 1;
            }
        }
        if (const auto *csv = dynamic_cast<const CsvReader *>(&reader)) {
            out << QJsonDocument(csvJson(*csv, file, sink.table())).toJson(QJsonDocument::Indented);
            return 0;
        }
        sheetsJson.append(QJsonObject {{QStringLiteral("name"), sheets[index].name},
                                       {QStringLiteral("state"), stateName(sheets[index].state)},
                                       {QStringLiteral("kind"), kindName(sheets[index].kind)},
                                       {QStringLiteral("rows"), rowsJson(sink.table(), false)}});
    }
    const QJsonObject workbook {{QStringLiteral("file"), file},
                                {QStringLiteral("date_system"), reader.dateSystem()},
                                {QStringLiteral("sheets"), sheetsJson}};
    out << QJsonDocument(workbook).toJson(QJsonDocument::Indented);
    return 0;
}

} // namespace sluice::cli
