// SPDX-License-Identifier: MIT
#pragma once

#include "models/upload/batchuploader.h"
#include "ui/pages/steppage.h"

#include <QElapsedTimer>
#include <QPointer>

class QLabel;
class QModelIndex;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace sluice {

class Banner;
class BatchResultModel;
class ImportSession;
class Prompter;
class TargetSession;
class UploadRun;
struct Preferences;
struct UploadTarget;

// Step 4, Upload: "Check on server" (a dry run) and "Upload" (after a confirmation naming target,
// resource, operation and row count); overall progress, rows/s, time left, counts (accepted,
// rejected, pending, uncertain); a per-batch table (BatchResultModel; double-click shows the raw
// response); pause, resume, cancel. Server row errors land on the Review grid (ImportSession).
class UploadPage : public StepPage
{
    Q_OBJECT

public:
    UploadPage(ImportSession &session, TargetSession &target, const Preferences &preferences,
               Prompter &prompter, QWidget *parent = nullptr);
    ~UploadPage() override;

    bool isComplete() const override; // a real (not dry) run finished
    QString incompleteReason() const override;
    void enter() override;

    void checkOnServer();
    void upload();
    // A run of this page is under way (running, paused or stopping).
    bool isRunning() const { return m_running; }

private:
    void buildLayout();
    void sizeColumns();
    void connectSignals();
    // resend: only the rows the last run's server rejected and the user has fixed since.
    void start(bool dryRun, bool resend = false);
    bool confirmUpload(const UploadTarget &target, qsizetype rows);
    void attachRun(UploadRun *run);
    void showProgress(const UploadProgress &progress);
    void onFinished(BatchUploader::StopReason reason);
    void reportProblems(UploadRun &run, BatchUploader::StopReason reason);
    QString resultText(UploadRun &run, BatchUploader::StopReason reason) const;
    void showRawResponse(const QModelIndex &index);
    void refreshSummary();
    void updateButtons();
    void showError(const QString &message);
    QString hostText() const;

    ImportSession &m_session;
    TargetSession &m_target;
    const Preferences &m_preferences;
    Prompter &m_prompter;

    Banner *m_summary;
    QPushButton *m_check;
    QPushButton *m_start;
    QPushButton *m_resend;
    QPushButton *m_pause;
    QPushButton *m_resume;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_rate;
    QLabel *m_timeLeft;
    QLabel *m_accepted;
    QLabel *m_rejected;
    QLabel *m_pending;
    QLabel *m_uncertain;
    QLabel *m_result;
    QLabel *m_error;
    BatchResultModel *m_batches;
    QTableView *m_batchTable;
    QLabel *m_rawLabel;
    QPlainTextEdit *m_raw;

    // The run this page started; the session keeps it until this page starts the next one. Not a
    // QPointer: GCC -O2 reads its checks as possible null dereferences (-Wnull-dereference).
    UploadRun *m_run = nullptr;
    QElapsedTimer m_clock;
    qsizetype m_skipped = 0; // rows left out of the current run (not sent, not progress)
    bool m_running = false;
    bool m_dryRun = false;
    bool m_uploaded = false; // a real run finished since the file was opened
};

} // namespace sluice
