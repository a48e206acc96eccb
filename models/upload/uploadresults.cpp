// SPDX-License-Identifier: MIT
#include "models/upload/uploadresults.h"

#include "models/upload/tablewriter.h"
#include "models/validation/issueindex.h"
#include "models/validation/mappedrowsource.h"

namespace sluice {

namespace {

std::optional<Error> finishOrError(TableWriter &writer, std::optional<Error> error)
{
    return error ? error : writer.finish();
}

} // namespace

UploadResults::UploadResults(const SheetTable &table, const SheetLayout &layout,
                             const MappedRowSource &rows, const Resource &resource,
                             const RowOutcomes &outcomes, const IssueIndex *localIssues)
    : m_table(table)
    , m_layout(layout)
    , m_rows(rows)
    , m_resource(resource)
    , m_outcomes(outcomes)
    , m_localIssues(localIssues)
{}

QStringList UploadResults::header() const
{
    QStringList cells = m_layout.columnNames;
    cells << tr("Sluice row") << tr("Sluice status") << tr("Sluice errors");
    return cells;
}

QStringList UploadResults::originalCells(qsizetype tableRow) const
{
    QStringList cells;
    cells.reserve(m_layout.columnCount + 3);
    for (int column = 0; column < m_layout.columnCount; ++column)
        cells.append(column < m_table.columnCount() ? m_table.text(tableRow, column) : QString());
    return cells;
}

QString UploadResults::statusText(qsizetype dataRow) const
{
    const RowOutcome outcome = m_outcomes.outcome(dataRow);
    if (outcome == RowOutcome::Skipped && m_localIssues && m_localIssues->rowHasErrors(dataRow))
        return tr("not sent: errors found before sending");
    switch (outcome) {
    case RowOutcome::NotSent:
        return m_outcomes.errors(dataRow).isEmpty()
            ? tr("not sent")
            : tr("not sent: the server could not be reached");
    case RowOutcome::Accepted:
        return tr("accepted");
    case RowOutcome::Rejected:
        return tr("rejected");
    case RowOutcome::Uncertain:
        return tr("uncertain: sent, reply lost");
    case RowOutcome::Skipped:
        return tr("not sent: excluded");
    }
    return {};
}

QString UploadResults::errorText(qsizetype dataRow) const
{
    QStringList parts;
    for (const ServerRowError &error : m_outcomes.errors(dataRow)) {
        QString part = error.column.isEmpty() ? QString() : error.column + QStringLiteral(": ");
        part += error.code.isEmpty() ? error.message : error.code + u' ' + error.message;
        parts.append(part);
    }
    if (m_localIssues && m_outcomes.outcome(dataRow) == RowOutcome::Skipped) {
        if (const std::vector<CellIssue> *issues = m_localIssues->issuesOfRow(dataRow)) {
            for (const CellIssue &issue : *issues) {
                if (issue.severity != Severity::Error)
                    continue;
                parts.append(m_resource.attributes.at(issue.attribute).name + QStringLiteral(": ")
                             + issueCodeName(issue.code) + u' ' + issue.message);
            }
        }
    }
    return parts.join(QStringLiteral("; "));
}

std::optional<Error> UploadResults::writeFailedRows(const QString &path) const
{
    auto writer = TableWriter::create(path);
    if (!writer)
        return writer.error();
    std::optional<Error> error = writer.value()->writeRow(header());
    for (qsizetype row = 0; !error && row < m_rows.rowCount(); ++row) {
        if (m_outcomes.outcome(row) == RowOutcome::Accepted)
            continue;
        QStringList cells = originalCells(m_rows.tableRow(row));
        cells << QString::number(m_rows.sheetRow(row)) << statusText(row) << errorText(row);
        error = writer.value()->writeRow(cells);
    }
    return finishOrError(*writer.value(), error);
}

std::optional<Error> UploadResults::writeAllRows(const QString &path) const
{
    auto writer = TableWriter::create(path);
    if (!writer)
        return writer.error();
    std::optional<Error> error = writer.value()->writeRow(header());
    qsizetype dataRow = 0;
    for (qsizetype tableRow = m_layout.headerRow + 1; !error && tableRow < m_table.rowCount();
         ++tableRow) {
        QStringList cells = originalCells(tableRow);
        cells << QString::number(tableRow + 1);
        if (dataRow < m_rows.rowCount() && m_rows.tableRow(dataRow) == tableRow) {
            cells << statusText(dataRow) << errorText(dataRow);
            ++dataRow;
        } else {
            cells << tr("not a data row (blank or a total)") << QString();
        }
        error = writer.value()->writeRow(cells);
    }
    return finishOrError(*writer.value(), error);
}

} // namespace sluice
