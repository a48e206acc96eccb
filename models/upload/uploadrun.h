// SPDX-License-Identifier: MIT
#pragma once

#include "models/upload/batchuploader.h"
#include "models/upload/journalreader.h"
#include "models/upload/uploadreport.h"

#include <QObject>

#include <memory>

namespace sluice {

// One upload run, whole: the body writer, the planner, the uploader, the journal it writes to
// and the report it fills, wired together the same way for the command line and the app. A
// journal that cannot be written stops the run (without it a crash could resend acknowledged
// rows), and the reason is kept.
class UploadRun : public QObject
{
    Q_OBJECT

public:
    // rows and resource must outlive the run; the network manager too. plan: what to send, and
    // what an earlier part of the run settled (a fresh run: every row NotSent).
    UploadRun(QNetworkAccessManager &network, const Resource &resource, const RowSource &rows,
              UploadTarget target, UploadSettings settings, const QString &token,
              JournalRunInfo info, std::unique_ptr<UploadJournal> journal, ResumePlan plan,
              int firstBatchId = 1, QObject *parent = nullptr);
    ~UploadRun() override;

    BatchUploader &uploader() { return *m_uploader; }
    const RowOutcomes &outcomes() const { return m_uploader->outcomes(); }
    UploadReport &report() { return m_report; }
    UploadJournal &journal() { return *m_journal; }

    void start() { m_uploader->start(); }
    // Ends the journal and the report; call once, after finished().
    void close();

    // Some batch ran out of retries: the network or the server kept failing.
    bool gaveUp() const { return m_gaveUp; }
    // Why the journal could not be written, when it could not (the run was then stopped).
    const QString &journalError() const { return m_journalError; }
    static QString stopReasonName(BatchUploader::StopReason reason);
    // A new run's identity for its journal: a fresh id, the file (fileSha256: see
    // UploadJournal::fileSha256), the target without user info or query, and the mapping's hash.
    static JournalRunInfo describeRun(const QString &filePath, const QByteArray &fileSha256,
                                      const QString &sheet, const UploadTarget &target,
                                      const Mapping &mapping, const QString &profile,
                                      qsizetype dataRows);

Q_SIGNALS:
    void batchFinished(const sluice::BatchResult &result);
    void progressed(const sluice::UploadProgress &progress);
    void finished(sluice::BatchUploader::StopReason reason);

private:
    void onBatchFinished(const BatchResult &result);

    const RowSource &m_rows;
    // An APPEND batch's "sending" line must be on disk before the request (uploadjournal.h).
    bool m_syncSending;
    std::unique_ptr<PayloadWriter> m_writer;
    std::unique_ptr<BatchPlanner> m_planner;
    std::unique_ptr<BatchUploader> m_uploader;
    std::unique_ptr<UploadJournal> m_journal;
    UploadReport m_report;
    BatchUploader::StopReason m_reason = BatchUploader::StopReason::Completed;
    bool m_gaveUp = false;
    QString m_journalError;
};

} // namespace sluice
