// SPDX-License-Identifier: MIT
#include "models/upload/journalreader.h"

#include "models/upload/journalformat_p.h"
#include "models/validation/rowsource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sluice {

namespace {

constexpr qsizetype MaxRangeRows = 100'000'000; // a damaged "1-9999999999" must not eat memory

JournalRunInfo runInfo(const QJsonObject &line)
{
    JournalRunInfo run;
    run.runId = line.value(journal::RunId).toString();
    run.started = QDateTime::fromString(line.value(journal::Started).toString(), Qt::ISODate);
    const QJsonObject file = line.value(journal::File).toObject();
    run.filePath = file.value(journal::Path).toString();
    run.fileSize = qint64(file.value(journal::Size).toDouble());
    run.fileSha256 = file.value(journal::Sha256).toString().toLatin1();
    run.sheet = file.value(journal::Sheet).toString();
    const QJsonObject target = line.value(journal::Target).toObject();
    run.url = target.value(journal::Url).toString();
    run.table = target.value(journal::Table).toString();
    run.solutionName = target.value(journal::Solution).toString();
    run.operation = operationTypeFromName(target.value(journal::Operation).toString())
                        .value_or(OperationType::Upsert);
    run.dryRun = target.value(journal::DryRun).toBool();
    run.profile = line.value(journal::Profile).toString();
    run.mappingSha256 = line.value(journal::MappingSha256).toString().toLatin1();
    run.dataRows = qsizetype(line.value(journal::DataRows).toDouble());
    return run;
}

void readResult(const QJsonObject &line, const std::vector<qsizetype> &rows, JournalState &state)
{
    for (const qsizetype row : rows)
        state.unanswered.remove(row);
    const QString status = line.value(journal::Status).toString();
    const bool resend = status == batchStatusName(BatchStatus::GaveUp)
        || status == batchStatusName(BatchStatus::Cancelled);
    const RowOutcome outcome = status == batchStatusName(BatchStatus::Uncertain)
        ? RowOutcome::Uncertain
        : status == batchStatusName(BatchStatus::Failed) ? RowOutcome::Rejected
                                                         : RowOutcome::Accepted;
    for (const qsizetype row : rows) {
        state.errors.remove(row);
        if (resend) {
            state.settled.remove(row);
            state.resendable.insert(row);
        } else {
            state.resendable.remove(row);
            state.settled.insert(row, outcome);
        }
    }
    for (const QJsonValue &value : line.value(journal::Rejected).toArray()) {
        const QJsonObject rejected = value.toObject();
        const auto row = qsizetype(rejected.value(journal::Row).toDouble());
        if (resend)
            continue;
        state.settled.insert(row, RowOutcome::Rejected);
        state.errors.insert(
            row, ServerRowError::listFromJson(rejected.value(journal::Errors).toArray()));
    }
}

} // namespace

std::optional<std::vector<qsizetype>> JournalReader::parseRanges(const QString &text)
{
    std::vector<qsizetype> rows;
    if (text.isEmpty())
        return rows;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const qsizetype dash = part.indexOf(QLatin1Char('-'));
        bool okFirst = false;
        bool okLast = true;
        const qsizetype first = (dash < 0 ? part : part.left(dash)).toLongLong(&okFirst);
        const qsizetype last = dash < 0 ? first : part.mid(dash + 1).toLongLong(&okLast);
        if (!okFirst || !okLast || first < 1 || last < first
            || last - first + qsizetype(rows.size()) > MaxRangeRows)
            return std::nullopt;
        for (qsizetype row = first; row <= last; ++row)
            rows.push_back(row);
    }
    return rows;
}

Result<JournalState> JournalReader::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error {tr("cannot read the journal %1: %2").arg(path, file.errorString())};
    JournalState state;
    bool sawRun = false;
    qsizetype lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray bytes = file.readLine();
        ++lineNumber;
        const QJsonObject line = QJsonDocument::fromJson(bytes).object();
        const QString type = line.value(journal::Type).toString();
        if (line.isEmpty() || type.isEmpty()) {
            ++state.damagedLines; // cut short by a crash; its batch counts as unanswered
            continue;
        }
        if (type == journal::TypeRun) {
            if (line.value(journal::Format).toInt() != journal::FormatVersion)
                return Error {tr("%1, line %2: journal format %3 is not one this version of "
                                 "Sluice reads")
                                  .arg(path)
                                  .arg(lineNumber)
                                  .arg(line.value(journal::Format).toInt())};
            state.run = runInfo(line);
            sawRun = true;
            continue;
        }
        if (!sawRun)
            return Error {
                tr("%1 is not a Sluice journal: it does not start with a run line").arg(path)};
        if (type == journal::TypeEnd) {
            state.ended = true;
            continue;
        }
        if (type != journal::TypeSending && type != journal::TypeResult)
            continue;
        const auto rows = parseRanges(line.value(journal::Rows).toString());
        if (!rows)
            return Error {tr("%1, line %2: the rows \"%3\" cannot be read")
                              .arg(path)
                              .arg(lineNumber)
                              .arg(line.value(journal::Rows).toString())};
        state.lastBatchId = std::max(state.lastBatchId, line.value(journal::Batch).toInt());
        if (type == journal::TypeSending) {
            for (const qsizetype row : *rows)
                state.unanswered.insert(row);
            state.ended = false;
        } else {
            readResult(line, *rows, state);
        }
    }
    if (!sawRun)
        return Error {tr("%1 is not a Sluice journal: it has no run line").arg(path)};
    return state;
}

ResumePlan JournalReader::planResume(const JournalState &state, const RowSource &source,
                                     const std::vector<qsizetype> &candidates, bool resendUncertain)
{
    ResumePlan plan {RowOutcomes(source.rowCount()), {}, {}, 0};
    const bool append = state.run.operation == OperationType::Append && !state.run.dryRun;
    for (const qsizetype row : candidates) {
        const qsizetype sheetRow = source.sheetRow(row);
        const RowOutcome settled = state.settled.value(sheetRow, RowOutcome::NotSent);
        const bool unanswered = state.unanswered.contains(sheetRow);
        const bool uncertain = settled == RowOutcome::Uncertain || (append && unanswered);
        if (settled == RowOutcome::Accepted) {
            plan.outcomes.set(row, RowOutcome::Accepted);
        } else if (settled == RowOutcome::Rejected) {
            plan.outcomes.reject(row, state.errors.value(sheetRow));
        } else if (uncertain && append && !resendUncertain) {
            plan.outcomes.set(row, RowOutcome::Uncertain);
            ++plan.heldBack;
        } else {
            if (uncertain || unanswered)
                plan.maybeStored.insert(row);
            plan.rowsToSend.push_back(row);
        }
    }
    return plan;
}

} // namespace sluice
