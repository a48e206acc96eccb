// SPDX-License-Identifier: MIT
#include "models/upload/uploadreport.h"

#include "models/validation/rowsource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace sluice {

UploadReport::UploadReport(JournalRunInfo run, const RowSource &rows, const RowOutcomes &outcomes)
    : m_run(std::move(run))
    , m_rows(rows)
    , m_outcomes(outcomes)
{}

void UploadReport::addBatch(const BatchResult &result)
{
    m_batches.append(
        QJsonObject {{QStringLiteral("batch"), result.id},
                     {QStringLiteral("rows"), UploadJournal::sheetRowRanges(result.rows, m_rows)},
                     {QStringLiteral("rowCount"), qint64(result.rows.size())},
                     {QStringLiteral("status"), batchStatusName(result.status)},
                     {QStringLiteral("httpStatus"), result.httpStatus},
                     {QStringLiteral("attempts"), result.attempts},
                     {QStringLiteral("durationMs"), result.durationMs},
                     {QStringLiteral("requestId"), result.requestId},
                     {QStringLiteral("accepted"), qint64(result.accepted)},
                     {QStringLiteral("message"), result.message}});
}

void UploadReport::setFinished(const QDateTime &when, const QString &stopReason)
{
    m_finished = when;
    m_stopReason = stopReason;
}

QJsonObject UploadReport::toJson() const
{
    QJsonArray rows;
    for (qsizetype row = 0; row < m_outcomes.rowCount(); ++row) {
        const RowOutcome outcome = m_outcomes.outcome(row);
        if (outcome == RowOutcome::Accepted)
            continue;
        QJsonObject entry {{QStringLiteral("row"), qint64(m_rows.sheetRow(row))},
                           {QStringLiteral("status"), rowOutcomeName(outcome)}};
        if (outcome == RowOutcome::Rejected)
            entry.insert(QStringLiteral("errors"), ServerRowError::toJson(m_outcomes.errors(row)));
        rows.append(entry);
    }
    const QJsonObject counts {
        {QStringLiteral("dataRows"), qint64(m_outcomes.rowCount())},
        {QStringLiteral("accepted"), qint64(m_outcomes.count(RowOutcome::Accepted))},
        {QStringLiteral("rejected"), qint64(m_outcomes.count(RowOutcome::Rejected))},
        {QStringLiteral("uncertain"), qint64(m_outcomes.count(RowOutcome::Uncertain))},
        {QStringLiteral("notSent"), qint64(m_outcomes.count(RowOutcome::NotSent))},
        {QStringLiteral("skipped"), qint64(m_outcomes.count(RowOutcome::Skipped))}};
    return {{QStringLiteral("runId"), m_run.runId},
            {QStringLiteral("started"), m_run.started.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("finished"), m_finished.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("stopReason"), m_stopReason},
            {QStringLiteral("file"),
             QJsonObject {{QStringLiteral("path"), m_run.filePath},
                          {QStringLiteral("size"), m_run.fileSize},
                          {QStringLiteral("sha256"), QString::fromLatin1(m_run.fileSha256)},
                          {QStringLiteral("sheet"), m_run.sheet}}},
            {QStringLiteral("target"),
             QJsonObject {{QStringLiteral("url"), m_run.url},
                          {QStringLiteral("table"), m_run.table},
                          {QStringLiteral("solutionName"), m_run.solutionName},
                          {QStringLiteral("operationType"), operationTypeName(m_run.operation)},
                          {QStringLiteral("dryRun"), m_run.dryRun}}},
            {QStringLiteral("profile"), m_run.profile},
            {QStringLiteral("counts"), counts},
            {QStringLiteral("batches"), m_batches},
            {QStringLiteral("rows"), rows}};
}

std::optional<Error> UploadReport::write(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented)) < 0
        || !file.commit())
        return Error {tr("cannot write the report %1: %2").arg(path, file.errorString())};
    return std::nullopt;
}

} // namespace sluice
