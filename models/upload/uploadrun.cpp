// SPDX-License-Identifier: MIT
#include "models/upload/uploadrun.h"

#include <QFileInfo>
#include <QUuid>

namespace sluice {

UploadRun::UploadRun(QNetworkAccessManager &network, const Resource &resource,
                     const RowSource &rows, UploadTarget target, UploadSettings settings,
                     const QString &token, JournalRunInfo info,
                     std::unique_ptr<UploadJournal> journal, ResumePlan plan, int firstBatchId,
                     QObject *parent)
    : QObject(parent)
    , m_rows(rows)
    , m_syncSending(target.operation == OperationType::Append && !target.dryRun)
    , m_writer(std::make_unique<PayloadWriter>(resource, target.solutionName, target.operation,
                                               target.dryRun))
    , m_planner(std::make_unique<BatchPlanner>(rows, *m_writer, std::move(plan.rowsToSend),
                                               settings.batchRows, settings.batchBytes))
    , m_uploader(std::make_unique<BatchUploader>(network, std::move(target), settings, *m_planner,
                                                 rows, token, std::move(plan.outcomes)))
    , m_journal(std::move(journal))
    , m_report(info, rows, m_uploader->outcomes())
{
    m_uploader->setRunId(info.runId);
    m_uploader->setFirstBatchId(firstBatchId);
    m_uploader->setMaybeStored(std::move(plan.maybeStored));
    connect(m_uploader.get(), &BatchUploader::batchSending, this,
            [this](int id, const std::vector<qsizetype> &batchRows, int attempt) {
                m_journal->recordSending(id, UploadJournal::sheetRowRanges(batchRows, m_rows),
                                         attempt, m_syncSending);
            });
    connect(m_uploader.get(), &BatchUploader::batchFinished, this, &UploadRun::onBatchFinished);
    connect(m_uploader.get(), &BatchUploader::progressed, this, &UploadRun::progressed);
    connect(m_uploader.get(), &BatchUploader::finished, this,
            [this](BatchUploader::StopReason reason) {
                m_reason = reason;
                Q_EMIT finished(reason);
            });
}

UploadRun::~UploadRun() = default;

void UploadRun::onBatchFinished(const BatchResult &result)
{
    m_journal->recordResult(result, m_rows);
    m_report.addBatch(result);
    m_gaveUp |= result.gaveUp;
    if (!m_journal->errorString().isEmpty() && m_journalError.isEmpty()) {
        m_journalError = m_journal->errorString();
        m_uploader->cancel();
    }
    Q_EMIT batchFinished(result);
}

void UploadRun::close()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_journal->recordEnd(now, stopReasonName(m_reason));
    m_report.setFinished(now, stopReasonName(m_reason));
}

QString UploadRun::stopReasonName(BatchUploader::StopReason reason)
{
    switch (reason) {
    case BatchUploader::StopReason::Completed:
        return QStringLiteral("completed");
    case BatchUploader::StopReason::Cancelled:
        return QStringLiteral("cancelled");
    case BatchUploader::StopReason::AuthenticationFailed:
        return QStringLiteral("authentication-failed");
    }
    return {};
}

JournalRunInfo UploadRun::describeRun(const QString &filePath, const QByteArray &fileSha256,
                                      const QString &sheet, const UploadTarget &target,
                                      const Mapping &mapping, const QString &profile,
                                      qsizetype dataRows)
{
    JournalRunInfo run;
    run.runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    run.started = QDateTime::currentDateTimeUtc();
    run.filePath = QFileInfo(filePath).absoluteFilePath();
    run.fileSize = QFileInfo(filePath).size();
    run.fileSha256 = fileSha256;
    run.sheet = sheet;
    run.url = target.ingestUrl.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    run.table = target.table;
    run.solutionName = target.solutionName;
    run.operation = target.operation;
    run.dryRun = target.dryRun;
    run.profile = profile;
    run.mappingSha256 = UploadJournal::mappingSha256(mapping);
    run.dataRows = dataRows;
    return run;
}

} // namespace sluice
