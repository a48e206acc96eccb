// SPDX-License-Identifier: MIT
#include "ui/pages/uploadpage.h"

#include "models/itemmodels/batchresultmodel.h"
#include "models/session/importsession.h"
#include "models/session/preferences.h"
#include "models/session/targetsession.h"
#include "ui/prompter.h"
#include "ui/widgets/banner.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace sluice {

namespace {

// Plurals spelled out: without a loaded English translation, tr()'s %n gives "row(s)".
QString rowsText(qsizetype rows)
{
    return rows == 1 ? UploadPage::tr("1 row") : UploadPage::tr("%1 rows").arg(rows);
}

QString durationText(qint64 ms)
{
    const qint64 seconds = (ms + 999) / 1000;
    if (seconds < 60)
        return UploadPage::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return UploadPage::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return UploadPage::tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
}

QString secondsText(qint64 ms)
{
    return UploadPage::tr("%1 s").arg(
        QLocale().toString(double(ms) / 1000.0, 'f', ms < 1000 ? 2 : 1));
}

QLabel *countLabel(const char *name, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setAccessibleName(accessibleName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QPushButton *button(const QString &text, const char *name, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(QLatin1String(name));
    button->setAccessibleName(QString(text).remove(u'&'));
    return button;
}

} // namespace

UploadPage::UploadPage(ImportSession &session, TargetSession &target,
                       const Preferences &preferences, Prompter &prompter, QWidget *parent)
    : StepPage(parent)
    , m_session(session)
    , m_target(target)
    , m_preferences(preferences)
    , m_prompter(prompter)
    , m_summary(new Banner(this))
    , m_check(button(tr("&Check on server"), "uploadCheckButton", this))
    , m_start(button(tr("&Upload"), "uploadStartButton", this))
    , m_resend(button(tr("Re&send Fixed Rows"), "uploadResendButton", this))
    , m_pause(button(tr("&Pause"), "uploadPauseButton", this))
    , m_resume(button(tr("&Resume"), "uploadResumeButton", this))
    , m_cancel(button(tr("Cance&l"), "uploadCancelButton", this))
    , m_progress(new QProgressBar(this))
    , m_rate(countLabel("uploadRate", tr("Rate"), this))
    , m_timeLeft(countLabel("uploadTimeLeft", tr("Time left"), this))
    , m_accepted(countLabel("uploadAccepted", tr("Accepted rows"), this))
    , m_rejected(countLabel("uploadRejected", tr("Rejected rows"), this))
    , m_pending(countLabel("uploadPending", tr("Pending rows"), this))
    , m_uncertain(countLabel("uploadUncertain", tr("Uncertain rows"), this))
    , m_result(countLabel("uploadResult", tr("Result"), this))
    , m_error(countLabel("uploadError", tr("Error"), this))
    , m_batches(new BatchResultModel(this))
    , m_batchTable(new QTableView(this))
    , m_rawLabel(new QLabel(tr("Raw &response: double-click a batch"), this))
    , m_raw(new QPlainTextEdit(this))
{
    m_summary->setObjectName(QStringLiteral("uploadTargetSummary"));
    m_check->setToolTip(tr("Send every row as a dry run: the server checks them and stores "
                           "nothing"));
    m_progress->setObjectName(QStringLiteral("uploadProgress"));
    m_progress->setAccessibleName(tr("Upload progress"));
    m_progress->setFormat(tr("%v of %m rows"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_batchTable->setObjectName(QStringLiteral("uploadBatchTable"));
    m_batchTable->setAccessibleName(tr("Batches"));
    m_batchTable->setModel(m_batches);
    m_batchTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_batchTable->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    m_batchTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_batchTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_batchTable->setAlternatingRowColors(true);
    m_batchTable->setWordWrap(false);
    m_batchTable->verticalHeader()->hide();
    sizeColumns();
    m_raw->setObjectName(QStringLiteral("uploadRawResponse"));
    m_raw->setAccessibleName(tr("Raw response"));
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_rawLabel->setBuddy(m_raw);
    m_result->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->hide();
    buildLayout();
    connectSignals();
    showProgress({});
    refreshSummary();
    updateButtons();
}

UploadPage::~UploadPage() = default;

// Widths from samples of the longest usual text: resizing to contents on every batch would visit
// every row each time.
void UploadPage::sizeColumns()
{
    QHeaderView *header = m_batchTable->horizontalHeader();
    header->setStretchLastSection(true);
    const QFontMetrics metrics = m_batchTable->fontMetrics();
    const QList<QPair<int, QString>> samples {
        {BatchResultModel::BatchColumn, tr("Batch")},
        {BatchResultModel::RowsColumn, QStringLiteral("100,004-100,503")},
        {BatchResultModel::RowCountColumn, tr("Rows")},
        {BatchResultModel::StatusColumn, tr("accepted (HTTP 200)")},
        {BatchResultModel::AttemptsColumn, tr("Attempts")},
        {BatchResultModel::DurationColumn, tr("Duration")},
        {BatchResultModel::RequestIdColumn, QStringLiteral("6738e40d-4192")}};
    for (const auto &[column, sample] : samples)
        header->resizeSection(column, metrics.horizontalAdvance(sample) + metrics.height());
}

void UploadPage::buildLayout()
{
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_check);
    actions->addWidget(m_start);
    actions->addWidget(m_resend);
    m_resend->hide(); // until a run had rejected rows
    actions->addStretch(1);
    actions->addWidget(m_pause);
    actions->addWidget(m_resume);
    actions->addWidget(m_cancel);

    auto *counts = new QHBoxLayout;
    counts->setSpacing(3 * fontMetrics().height());
    for (QLabel *label : {m_rate, m_timeLeft, m_accepted, m_rejected, m_pending, m_uncertain})
        counts->addWidget(label);
    counts->addStretch(1);

    auto *rawPane = new QWidget(this);
    auto *rawLayout = new QVBoxLayout(rawPane);
    rawLayout->setContentsMargins(0, 0, 0, 0);
    rawLayout->addWidget(m_rawLabel);
    rawLayout->addWidget(m_raw, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_batchTable);
    splitter->addWidget(rawPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(actions);
    layout->addWidget(m_progress);
    layout->addLayout(counts);
    layout->addWidget(m_result);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);
    // The tab order is the order of creation: actions, then the batch table, then its response.
}

void UploadPage::connectSignals()
{
    connect(m_check, &QPushButton::clicked, this, &UploadPage::checkOnServer);
    connect(m_start, &QPushButton::clicked, this, &UploadPage::upload);
    connect(m_resend, &QPushButton::clicked, this, [this] { start(false, true); });
    connect(&m_session, &ImportSession::issuesChanged, this, &UploadPage::updateButtons);
    const auto onUploader = [this](void (BatchUploader::*action)()) {
        return [this, action] {
            if (m_run)
                (m_run->uploader().*action)();
        };
    };
    connect(m_pause, &QPushButton::clicked, this, onUploader(&BatchUploader::pause));
    connect(m_resume, &QPushButton::clicked, this, onUploader(&BatchUploader::resume));
    connect(m_cancel, &QPushButton::clicked, this, onUploader(&BatchUploader::cancel));
    // Double-click and Enter both activate a batch; the response shows beside the table.
    connect(m_batchTable, &QAbstractItemView::activated, this, &UploadPage::showRawResponse);
    connect(&m_session, &ImportSession::uploadFinished, this, &UploadPage::onFinished);
    connect(&m_session, &ImportSession::loaded, this, [this] {
        m_uploaded = false;
        Q_EMIT completeChanged();
    });
    for (const auto signal : {&ImportSession::validated, &ImportSession::mappingChanged}) {
        connect(&m_session, signal, this, [this] {
            refreshSummary();
            updateButtons();
        });
    }
    connect(&m_session, &ImportSession::issuesChanged, this, &UploadPage::refreshSummary);
    connect(&m_target, &TargetSession::changed, this, &UploadPage::refreshSummary);
}

bool UploadPage::isComplete() const
{
    return m_uploaded;
}

QString UploadPage::incompleteReason() const
{
    return m_uploaded ? QString() : tr("Upload the rows, or check them on the server first");
}

void UploadPage::enter()
{
    refreshSummary();
    updateButtons();
}

void UploadPage::checkOnServer()
{
    start(true);
}

void UploadPage::upload()
{
    start(false);
}

void UploadPage::start(bool dryRun, bool resend)
{
    if (m_running)
        return;
    showError({});
    const Resource *resource = m_session.resource();
    if (!resource || !m_session.issues()) {
        showError(tr("Check the rows on the Review page first."));
        return;
    }
    const auto rows
        = resend ? qsizetype(m_session.rowsToResend().size()) : m_session.rowsToSendCount();
    if (rows == 0) {
        showError(resend ? tr("No rejected row has been fixed since the last upload.")
                         : tr("There is nothing to send: every row has errors."));
        return;
    }
    if (m_target.token().isEmpty()) {
        showError(tr("There is no token for %1: enter one on the Target page.").arg(hostText()));
        return;
    }
    const Result<UploadTarget> target = m_target.target(*resource, dryRun);
    if (!target) {
        showError(target.error().message);
        return;
    }
    if (!dryRun && !confirmUpload(*target, rows)) {
        Q_EMIT statusMessage(tr("Upload not started: nothing was sent"));
        return;
    }
    m_dryRun = dryRun;
    m_running = true;
    m_result->clear();
    m_raw->clear();
    m_batches->clear(m_session.rows());
    m_clock.start();
    // The run may end inside startUpload (onFinished then clears m_running).
    const std::optional<Error> error = resend
        ? m_session.startResend(*target, m_preferences.upload, m_target.token())
        : m_session.startUpload(*target, m_preferences.upload, m_target.token());
    if (error) {
        m_running = false;
        showError(tr("The upload could not start: %1").arg(error->message));
        updateButtons();
        return;
    }
    attachRun(m_session.upload());
    Q_EMIT statusMessage(dryRun ? tr("Checking %1 on the server…").arg(rowsText(rows))
                                : tr("Uploading %1…").arg(rowsText(rows)));
}

bool UploadPage::confirmUpload(const UploadTarget &target, qsizetype rows)
{
    const Resource &resource = *m_session.resource();
    const QString operation = operationTypeName(target.operation);
    QString text = m_target.isSandbox() ? tr("Send %1 of %2 to %3 in the local sandbox (%4) as %5?")
                                        : tr("Send %1 of %2 to %3 on %4 as %5?");
    text = text.arg(rowsText(rows), resource.displayName, target.table, hostText(), operation);
    if (!m_target.isSandbox())
        text += QStringLiteral("\n\n")
            + tr("%1 is not the local sandbox: the rows are stored on that platform.")
                  .arg(hostText());
    return m_prompter.confirm(this, tr("Upload to %1").arg(hostText()), text,
                              rows == 1 ? tr("Upload 1 row") : tr("Upload %1 rows").arg(rows));
}

void UploadPage::attachRun(UploadRun *run)
{
    m_run = run;
    if (!run)
        return;
    m_skipped = run->outcomes().count(RowOutcome::Skipped);
    connect(run, &UploadRun::progressed, this, &UploadPage::showProgress);
    connect(run, &UploadRun::batchFinished, m_batches, &BatchResultModel::append);
    connect(&run->uploader(), &BatchUploader::stateChanged, this, &UploadPage::updateButtons);
    showProgress(run->uploader().progress());
    updateButtons();
}

void UploadPage::showProgress(const UploadProgress &progress)
{
    // The uploader counts the rows left out as done from the start; the bar shows sent rows.
    const qsizetype skipped = m_run ? m_skipped : 0;
    const qsizetype total = std::max<qsizetype>(0, progress.rowsTotal - skipped);
    const qsizetype done = std::max<qsizetype>(0, progress.rowsDone - skipped);
    m_progress->setRange(0, int(std::max<qsizetype>(1, total)));
    m_progress->setValue(int(done));
    m_rate->setText(progress.rowsPerSecond > 0
                        ? tr("Rate: %1 rows/s").arg(qRound64(progress.rowsPerSecond))
                        : tr("Rate: –"));
    m_timeLeft->setText(progress.msLeft >= 0 && done < total
                            ? tr("Time left: about %1").arg(durationText(progress.msLeft))
                            : tr("Time left: –"));
    m_accepted->setText(tr("✔ %1 accepted").arg(progress.accepted));
    m_rejected->setText(tr("✖ %1 rejected").arg(progress.rejected));
    m_pending->setText(tr("… %1 pending").arg(total - done));
    m_uncertain->setText(tr("? %1 uncertain").arg(progress.uncertain));
}

void UploadPage::onFinished(BatchUploader::StopReason reason)
{
    if (!m_running)
        return;
    m_running = false;
    UploadRun *run = m_session.upload();
    m_run = run;
    m_skipped = run->outcomes().count(RowOutcome::Skipped);
    showProgress(run->uploader().progress());
    const QString result = resultText(*run, reason);
    m_result->setText(result);
    reportProblems(*run, reason);
    if (!m_dryRun)
        m_uploaded = true;
    refreshSummary();
    updateButtons();
    Q_EMIT statusMessage(result);
    Q_EMIT completeChanged();
}

void UploadPage::reportProblems(UploadRun &run, BatchUploader::StopReason reason)
{
    if (reason == BatchUploader::StopReason::AuthenticationFailed)
        showError(tr("The server refused the token for %1 (%2). Check the token on the Target "
                     "page; no further rows were sent.")
                      .arg(hostText(), run.uploader().stopMessage()));
    else if (!run.journalError().isEmpty())
        showError(tr("The upload journal could not be written, so the upload was stopped: %1")
                      .arg(run.journalError()));
    else if (run.gaveUp())
        showError(tr("Some batches were given up after retries: the network or the server kept "
                     "failing. Their rows were not stored; upload again to send them."));
}

QString UploadPage::resultText(UploadRun &run, BatchUploader::StopReason reason) const
{
    const RowOutcomes &outcomes = run.outcomes();
    const qsizetype accepted = outcomes.count(RowOutcome::Accepted);
    const qsizetype rejected = outcomes.count(RowOutcome::Rejected);
    const qsizetype uncertain = outcomes.count(RowOutcome::Uncertain);
    const qsizetype notSent = outcomes.count(RowOutcome::NotSent);
    const QString elapsed = secondsText(m_clock.elapsed());
    QString text;
    if (m_dryRun) {
        text = rejected == 0 ? tr("Check on server: no row would be rejected (%1 checked in %2)")
                                   .arg(rowsText(accepted), elapsed)
            : rejected == 1
            ? tr("Check on server: 1 row would be rejected; it is marked on the Review page")
            : tr("Check on server: %1 rows would be rejected; they are marked on the Review page")
                  .arg(rejected);
    } else {
        text = tr("Uploaded %1: %2 accepted, %3 rejected in %4")
                   .arg(rowsText(accepted + rejected + uncertain))
                   .arg(accepted)
                   .arg(rejected)
                   .arg(elapsed);
        if (uncertain > 0)
            text += tr("; %1 uncertain (the reply was lost)").arg(uncertain);
    }
    if (reason != BatchUploader::StopReason::Completed && notSent > 0)
        text += QStringLiteral(". ")
            + (reason == BatchUploader::StopReason::Cancelled ? tr("Cancelled: %1 not sent")
                                                              : tr("Stopped: %1 not sent"))
                  .arg(rowsText(notSent));
    return text;
}

void UploadPage::showRawResponse(const QModelIndex &index)
{
    const QModelIndex batch = index.siblingAtColumn(BatchResultModel::BatchColumn);
    const QByteArray raw = batch.data(BatchResultModel::RawResponseRole).toByteArray();
    const QJsonDocument json = QJsonDocument::fromJson(raw);
    m_rawLabel->setText(tr("Raw &response of batch %1").arg(batch.data().toString()));
    m_raw->setPlainText(raw.isEmpty() ? tr("(no response body)")
                            : json.isNull()
                            ? QString::fromUtf8(raw)
                            : QString::fromUtf8(json.toJson(QJsonDocument::Indented)));
}

void UploadPage::refreshSummary()
{
    const Resource *resource = m_session.resource();
    if (!resource || !m_session.issues()) {
        m_summary->showMessage(Banner::Kind::Info, tr("Check the rows on the Review page first."));
        return;
    }
    const auto rows = m_session.rowsToSendCount();
    const qsizetype leftOut = m_session.rows()->rowCount() - rows;
    const QString host = hostText();
    const QString where = host.isEmpty() ? tr("(no host yet)")
        : m_target.isSandbox()           ? tr("the local sandbox (%1)").arg(host)
                                         : host;
    const QString table = m_target.tableName(*resource);
    const QString operation = operationTypeName(m_target.operation());
    QString text = rows == 0
        ? tr("No row of %1 (%2) can go to %3 on %4 as %5.")
              .arg(resource->displayName, resource->id, table, where, operation)
        : tr("%1 of %2 (%3) go to %4 on %5 as %6.")
              .arg(rowsText(rows), resource->displayName, resource->id, table, where, operation);
    if (leftOut > 0)
        text += u' '
            + (leftOut == 1 ? tr("1 row with errors is left out.")
                            : tr("%1 rows with errors are left out.").arg(leftOut));
    // Rows to the real platform are stored for good: say so louder than for the sandbox.
    m_summary->showMessage(m_target.isSandbox() ? Banner::Kind::Info : Banner::Kind::Warning, text);
}

void UploadPage::updateButtons()
{
    const BatchUploader::State state
        = m_running && m_run ? m_run->uploader().state() : BatchUploader::State::Finished;
    const bool idle = !m_running;
    const bool ready = m_session.resource() && m_session.issues() && !m_session.isValidating();
    m_check->setEnabled(idle && ready);
    m_start->setEnabled(idle && ready);
    // After a run the server rejected rows in: resend those the user has fixed since, alone.
    const qsizetype rejected = idle ? m_session.rejectedInLastRun() : 0;
    const qsizetype fixed = rejected > 0 ? qsizetype(m_session.rowsToResend().size()) : 0;
    m_resend->setVisible(rejected > 0);
    m_resend->setEnabled(idle && ready && fixed > 0);
    m_resend->setText(tr("Re&send %1 of %2 Rejected Rows").arg(fixed).arg(rejected));
    m_resend->setToolTip(
        fixed > 0 ? tr("Send only the rejected rows you have fixed since; the run is recorded as a "
                       "resend of the last one")
                  : tr("Fix the rejected rows on the Review page first (Only rows with issues "
                       "lists them with the server's messages)"));
    m_pause->setEnabled(m_running && state == BatchUploader::State::Running);
    m_resume->setEnabled(m_running && state == BatchUploader::State::Paused);
    m_cancel->setEnabled(
        m_running
        && (state == BatchUploader::State::Running || state == BatchUploader::State::Paused));
}

void UploadPage::showError(const QString &message)
{
    m_error->setText(message.isEmpty() ? QString() : tr("⛔ Error: %1").arg(message));
    m_error->setVisible(!message.isEmpty());
}

QString UploadPage::hostText() const
{
    const QUrl host = m_target.host();
    return host.port() < 0 ? host.host()
                           : QStringLiteral("%1:%2").arg(host.host()).arg(host.port());
}

} // namespace sluice
