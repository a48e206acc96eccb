// SPDX-License-Identifier: MIT
#include "app/cli/validatecommand.h"

#include "app/cli/preparedsheet.h"
#include "models/upload/payloadwriter.h"
#include "models/validation/mappedrowsource.h"
#include "models/validation/validator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace sluice::cli {

namespace {

constexpr int ExitIssues = 1;
constexpr int ExitUsage = 2;

QString sourceText(const AttributeMapping &mapping)
{
    switch (mapping.source) {
    case AttributeMapping::Source::Unmapped:
        return QStringLiteral("—");
    case AttributeMapping::Source::Column:
        return mapping.columns.value(0);
    case AttributeMapping::Source::Joined:
        return mapping.columns.join(QStringLiteral(" + "));
    case AttributeMapping::Source::Constant:
        return QStringLiteral("= \"%1\"").arg(mapping.constant);
    }
    return {};
}

QJsonObject mappingJson(const Prepared &prepared)
{
    QJsonArray attributes;
    for (const AttributeMapping &mapping : prepared.proposal.automap.mapping.attributes) {
        attributes.append(
            QJsonObject {{QStringLiteral("attribute"), mapping.attribute},
                         {QStringLiteral("mapped"), mapping.isMapped()},
                         {QStringLiteral("columns"), QJsonArray::fromStringList(mapping.columns)},
                         {QStringLiteral("confidence"), mapping.confidence},
                         {QStringLiteral("reason"), mapping.reason}});
    }
    QJsonArray formats;
    for (const ColumnFormatNote &note : prepared.proposal.formats) {
        formats.append(QJsonObject {{QStringLiteral("attribute"), note.attribute},
                                    {QStringLiteral("column"), note.column},
                                    {QStringLiteral("ambiguous"), note.format.ambiguous},
                                    {QStringLiteral("reason"), note.format.reason}});
    }
    const AutomapResult &automap = prepared.proposal.automap;
    return {
        {QStringLiteral("resource"), prepared.resource->id},
        {QStringLiteral("sheet"), prepared.sheet.sheets.value(prepared.sheet.sheetIndex).name},
        {QStringLiteral("headerRow"), prepared.sheet.layout.headerRow + 1},
        {QStringLiteral("attributes"), attributes},
        {QStringLiteral("formats"), formats},
        {QStringLiteral("unmappedRequired"), QJsonArray::fromStringList(automap.unmappedRequired)},
        {QStringLiteral("unusedColumns"), QJsonArray::fromStringList(automap.unusedColumns)}};
}

void printMapping(const Prepared &prepared, QTextStream &out)
{
    out << "resource: " << prepared.resource->id << " (" << prepared.resource->displayName
        << ")\nsheet:    " << prepared.sheet.sheets.value(prepared.sheet.sheetIndex).name
        << ", header on row " << prepared.sheet.layout.headerRow + 1 << "\n\n";
    for (const AttributeMapping &mapping : prepared.proposal.automap.mapping.attributes) {
        out << "  " << mapping.attribute.leftJustified(24) << ' '
            << sourceText(mapping).leftJustified(24) << ' '
            << (mapping.isMapped() ? QString::number(mapping.confidence, 'f', 2) : QString())
                   .leftJustified(5)
            << ' ' << mapping.reason << '\n';
    }
    for (const ColumnFormatNote &note : prepared.proposal.formats)
        out << (note.format.ambiguous ? "\nambiguous: " : "\nreading:   ") << note.attribute
            << " ← '" << note.column << "': " << note.format.reason;
    const AutomapResult &automap = prepared.proposal.automap;
    if (!automap.unmappedRequired.isEmpty())
        out << "\nrequired but unmapped: " << automap.unmappedRequired.join(QStringLiteral(", "));
    if (!automap.unusedColumns.isEmpty())
        out << "\ncolumns not used: " << automap.unusedColumns.join(QStringLiteral(", "));
    out << '\n';
}

QJsonObject issueJson(const CellIssue &issue, const Resource &resource, const Mapping &mapping,
                      const MappedRowSource &rows)
{
    const QString attribute = resource.attributes.at(issue.attribute).name;
    const AttributeMapping *source = mapping.find(attribute);
    return {
        {QStringLiteral("row"), rows.sheetRow(issue.row)},
        {QStringLiteral("column"), source ? sourceText(*source) : QString()},
        {QStringLiteral("attribute"), attribute},
        {QStringLiteral("code"), issueCodeName(issue.code)},
        {QStringLiteral("category"), issueCategory(issue.code)},
        {QStringLiteral("severity"),
         issue.severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning")},
        {QStringLiteral("value"), issue.value},
        {QStringLiteral("message"), issue.message},
        {QStringLiteral("suggestion"), issue.suggestion}};
}

bool writeReport(const QString &path, const Prepared &prepared, const MappedRowSource &rows,
                 const Validator &validator, const QList<IssueGroup> &groups, QString *error)
{
    QJsonArray issues;
    validator.issues().forEach([&](const CellIssue &issue) {
        issues.append(
            issueJson(issue, *prepared.resource, prepared.proposal.automap.mapping, rows));
    });
    QJsonArray causes;
    for (const IssueGroup &group : groups)
        causes.append(group.summary);
    const QJsonObject report {{QStringLiteral("resource"), prepared.resource->id},
                              {QStringLiteral("mapping"), mappingJson(prepared)},
                              {QStringLiteral("rows"), rows.rowCount()},
                              {QStringLiteral("errors"), validator.issues().errorCount()},
                              {QStringLiteral("warnings"), validator.issues().warningCount()},
                              {QStringLiteral("causes"), causes},
                              {QStringLiteral("issues"), issues}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(report).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

bool writeRecords(const QString &path, const Resource &resource, const MappedRowSource &rows,
                  const IssueIndex &issues, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    // The record exactly as an upload would send it.
    const PayloadWriter writer(resource, QString(), OperationType::Upsert, false);
    std::vector<NormalisedCell> cells;
    for (qsizetype row = 0; row < rows.rowCount(); ++row) {
        rows.normalise(row, cells);
        QByteArray line = "{\"row\":" + QByteArray::number(rows.sheetRow(row)) + ",\"record\":";
        writer.appendRecord(line, cells);
        line += ",\"issues\":[";
        if (const auto *found = issues.issuesOfRow(row)) {
            bool first = true;
            for (const CellIssue &issue : *found) {
                const QJsonObject object {
                    {QStringLiteral("attribute"), resource.attributes.at(issue.attribute).name},
                    {QStringLiteral("code"), issueCodeName(issue.code)},
                    {QStringLiteral("severity"),
                     issue.severity == Severity::Error ? QStringLiteral("error")
                                                       : QStringLiteral("warning")},
                    {QStringLiteral("message"), issue.message}};
                line += (first ? "" : ",") + QJsonDocument(object).toJson(QJsonDocument::Compact);
                first = false;
            }
        }
        line += "]}\n";
        file.write(line);
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

int runMap(const MapRequest &request, const QCommandLineParser &parser,
           const SheetOptions &sheetOptions, const ValidateOptions &options, QTextStream &out,
           QTextStream &err)
{
    auto prepared = prepare(request, parser, sheetOptions, options);
    if (!prepared) {
        err << "sluice-cli: " << prepared.error().message << "\n";
        return ExitUsage;
    }
    if (request.json)
        out << QJsonDocument(mappingJson(*prepared)).toJson(QJsonDocument::Indented);
    else
        printMapping(*prepared, out);
    return 0;
}

int runValidate(const MapRequest &request, const QCommandLineParser &parser,
                const SheetOptions &sheetOptions, const ValidateOptions &options, QTextStream &out,
                QTextStream &err)
{
    QElapsedTimer timer;
    timer.start();
    auto prepared = prepare(request, parser, sheetOptions, options);
    if (!prepared) {
        err << "sluice-cli: " << prepared.error().message << "\n";
        return ExitUsage;
    }
    const Mapping &mapping = prepared->proposal.automap.mapping;
    const MappedRowSource rows(prepared->sheet.table, prepared->sheet.layout, *prepared->resource,
                               mapping);
    Validator validator(*prepared->resource);
    validator.validateAll(rows);
    QStringList names;
    for (const Attribute &attribute : prepared->resource->attributes)
        names.append(attribute.name);
    const QList<IssueGroup> groups = validator.issues().groups(names);
    const IssueIndex &issues = validator.issues();

    out << QFileInfo(request.path).fileName() << " → " << prepared->resource->id << ": "
        << rows.rowCount() << " data rows, " << issues.errorCount() << " errors, "
        << issues.warningCount() << " warnings ("
        << QString::number(double(timer.nsecsElapsed()) / 1e9, 'f', 2) << " s)\n";
    for (const ColumnFormatNote &note : prepared->proposal.formats) {
        if (note.format.ambiguous)
            out << "  ambiguous: " << note.attribute << " ← '" << note.column
                << "': " << note.format.reason << '\n';
    }
    for (const IssueGroup &group : groups) {
        out << "  " << (group.severity == Severity::Error ? "error   " : "warning ")
            << issueCodeName(group.code) << "  " << group.summary << '\n';
    }
    QString error;
    if (parser.isSet(options.report)
        && !writeReport(parser.value(options.report), *prepared, rows, validator, groups, &error)) {
        err << "sluice-cli: cannot write " << parser.value(options.report) << ": " << error << "\n";
        return ExitUsage;
    }
    if (parser.isSet(options.emitRecords)
        && !writeRecords(parser.value(options.emitRecords), *prepared->resource, rows, issues,
                         &error)) {
        err << "sluice-cli: cannot write " << parser.value(options.emitRecords) << ": " << error
            << "\n";
        return ExitUsage;
    }
    return issues.errorCount() > 0 ? ExitIssues : 0;
}

} // namespace sluice::cli
