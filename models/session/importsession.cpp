// SPDX-License-Identifier: MIT
#include "models/session/importsession.h"

#include "models/commands/changemappingcommand.h"
#include "models/common/backgroundpool.h"
#include "models/common/logging.h"
#include "models/source/csvreader.h"
#include "models/source/readerfactory.h"
#include "models/source/sheetloadjob.h"
#include "models/upload/serverissues.h"
#include "models/upload/uploadresults.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

namespace sluice {

namespace {

// A run's journal when the caller names none: the data folder keeps one per run, so that an
// interrupted upload can be resumed from it later.
Result<QString> defaultJournalPath(const QString &runId)
{
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        + QStringLiteral("/journals");
    if (!QDir().mkpath(directory))
        return Error {ImportSession::tr("cannot create the folder %1 for the upload journal")
                          .arg(QDir::toNativeSeparators(directory))};
    return directory + u'/' + runId + QStringLiteral(".jsonl");
}

} // namespace

// One validation on worker threads. It owns what the workers read, so that a newer request can
// replace the session's table or mapping while this one is still winding down.
struct ImportSession::Validation
{
    std::shared_ptr<const SheetTable> table;
    std::shared_ptr<const MappedRowSource> rows;
    std::shared_ptr<Validator> validator; // null for a re-check: it copies the session's
    std::shared_ptr<std::atomic_bool> cancel = std::make_shared<std::atomic_bool>(false);
    QFutureWatcher<std::shared_ptr<Validator>> watcher; // the finished validator
    QTimer progress;
};

ImportSession::ImportSession(std::shared_ptr<const Catalogue> catalogue,
                             QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_catalogue(std::move(catalogue))
    , m_network(network)
    , m_table(std::make_shared<SheetTable>())
    , m_corrections(std::make_shared<SheetCorrections>())
    , m_undoStack(new QUndoStack(this))
{}

ImportSession::~ImportSession()
{
    cancelLoading();
    dropValidation();
}

// What opening a file found out, on a worker thread.
struct ImportSession::OpenedFile
{
    std::unique_ptr<SpreadsheetReader> reader;
    QList<SheetInfo> sheets;
    FileFormat format = FileFormat::Text;
    std::optional<CsvDialect> dialect;
    QString error;
};

void ImportSession::openFile(const QString &path, int sheetIndex, const CsvOptions &csvOptions)
{
    cancelLoading();
    dropValidation();
    resetCorrections(false);
    m_path = path;
    m_sheetIndex = sheetIndex;
    m_csvOptions = csvOptions;
    m_csvDialect.reset();
    m_fileSha256
        = QtConcurrent::run(&backgroundPool(), [path] { return UploadJournal::fileSha256(path); });
    m_opening = true;
    const int generation = ++m_openGeneration;
    auto *watcher = new QFutureWatcher<std::shared_ptr<OpenedFile>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_openGeneration)
            return; // cancelled, or another file was asked for meanwhile
        m_opening = false;
        finishOpening(*watcher->result());
    });
    watcher->setFuture(
        QtConcurrent::run(&backgroundPool(), &ImportSession::openInBackground, path, csvOptions));
}

// A CSV reader checks the whole file's encoding and dialect when it opens it (a second for a
// few hundred MB): never on the GUI thread.
std::shared_ptr<ImportSession::OpenedFile>
ImportSession::openInBackground(const QString &path, const CsvOptions &csvOptions)
{
    auto opened = std::make_shared<OpenedFile>();
    Result<std::unique_ptr<SpreadsheetReader>> reader = ReaderFactory::create(path, csvOptions);
    if (!reader) {
        opened->error = reader.error().message;
        return opened;
    }
    Result<QList<SheetInfo>> sheets = reader.value()->open(path);
    if (!sheets) {
        opened->error = sheets.error().message;
        return opened;
    }
    opened->sheets = *sheets;
    // The factory sniffed the same bytes a moment ago; a text file's reader knows its dialect.
    const Result<FileFormat> format = ReaderFactory::sniff(path);
    opened->format = format ? *format : FileFormat::Text;
    if (const auto *csv = dynamic_cast<const CsvReader *>(reader.value().get()))
        opened->dialect = csv->dialect();
    opened->reader = std::move(reader).value();
    return opened;
}

void ImportSession::finishOpening(OpenedFile &file)
{
    if (!file.error.isEmpty()) {
        Q_EMIT loadFailed(file.error);
        return;
    }
    m_sheets = file.sheets;
    m_fileFormat = file.format;
    m_csvDialect = file.dialect;
    if (m_sheetIndex < 0 || m_sheetIndex >= m_sheets.size()) {
        Q_EMIT loadFailed(
            tr("%1 has no sheet %2").arg(QFileInfo(m_path).fileName()).arg(m_sheetIndex + 1));
        return;
    }
    startLoad(std::move(file.reader));
    Q_EMIT opened();
}

void ImportSession::reopen(int sheetIndex, const CsvOptions &csvOptions)
{
    if (!m_path.isEmpty())
        openFile(m_path, sheetIndex, csvOptions);
}

void ImportSession::startLoad(std::unique_ptr<SpreadsheetReader> reader)
{
    auto *job = new SheetLoadJob(std::move(reader), m_sheetIndex, this);
    m_loadJob = job;
    connect(job, &SheetLoadJob::progressed, this, &ImportSession::loadProgressed);
    connect(job, &SheetLoadJob::finished, this, [this, job] {
        if (job == m_loadJob) {
            // A new table object: validations and an upload still reading the old one keep it.
            m_table = std::make_shared<SheetTable>(job->takeTable());
            m_loadJob = nullptr;
            finishLoad();
        }
        job->deleteLater();
    });
    connect(job, &SheetLoadJob::failed, this, [this, job](const QString &message) {
        if (job == m_loadJob) {
            m_loadJob = nullptr;
            Q_EMIT loadFailed(message);
        }
        job->deleteLater();
    });
    connect(job, &SheetLoadJob::cancelled, job, &QObject::deleteLater);
    job->start();
}

void ImportSession::cancelLoading()
{
    if (m_opening) {
        m_opening = false;
        ++m_openGeneration;
    }
    if (SheetLoadJob *job = m_loadJob) {
        m_loadJob = nullptr;
        job->cancel();
    }
}

void ImportSession::finishLoad()
{
    m_layout = HeaderDetector::detect(*m_table);
    if (m_resource)
        setResource(m_resource->id);
    Q_EMIT loaded();
    Q_EMIT layoutChanged();
}

void ImportSession::setHeaderRow(qsizetype row)
{
    m_layout = HeaderDetector::detect(*m_table, row);
    if (m_resource)
        setResource(m_resource->id);
    Q_EMIT layoutChanged();
}

bool ImportSession::setResource(const QString &resourceId, const std::optional<Mapping> &saved)
{
    const Resource *resource = m_catalogue->resource(resourceId);
    if (!resource)
        return false;
    m_resource = resource;
    // The stack's mapping steps were made for another resource or header.
    m_undoStack->clear();
    m_proposal = MappingProposer::propose(*resource, *m_table, m_layout, saved);
    if (!saved) {
        for (AttributeMapping &attribute : m_proposal.automap.mapping.attributes) {
            const Attribute *known = resource->attribute(attribute.attribute);
            if (known && known->type == AttributeType::Timestamp)
                attribute.transforms.timestampForm = m_defaultTimestampForm;
        }
    }
    rebuildRows();
    return true;
}

void ImportSession::setCatalogue(std::shared_ptr<const Catalogue> catalogue)
{
    const QString resourceId = m_resource ? m_resource->id : QString();
    m_catalogue = std::move(catalogue);
    m_resource = nullptr;
    if (resourceId.isEmpty() || !setResource(resourceId)) {
        dropValidation();
        m_validator.reset();
        m_rows.reset();
        m_proposal = {};
        Q_EMIT mappingChanged();
    }
}

void ImportSession::setMapping(const Mapping &mapping)
{
    if (!m_resource || mapping.resourceId != m_resource->id || mapping == this->mapping())
        return;
    m_undoStack->push(
        new ChangeMappingCommand(*this, this->mapping(), mapping, tr("Change mapping")));
}

void ImportSession::rebuildRows()
{
    dropValidation();
    m_rememberedChecks.clear();
    m_validator.reset();
    m_rows = std::make_shared<MappedRowSource>(*m_table, m_layout, *m_resource,
                                               m_proposal.automap.mapping, ParseOptions {},
                                               m_corrections);
    Q_EMIT mappingChanged();
}

void ImportSession::dropValidation()
{
    if (!m_validation)
        return;
    m_validation->cancel->store(true);
    m_validation->progress.stop();
    // The workers keep their own references; the watcher must not report to us any more.
    m_validation->watcher.disconnect(this);
    Validation *leaving = m_validation.release();
    // Freed once the workers are done, from the event loop: not inside the watcher's own signal.
    const auto free = [leaving] {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [leaving] { delete leaving; }, Qt::QueuedConnection);
    };
    if (leaving->watcher.isFinished())
        free();
    else
        QObject::connect(&leaving->watcher, &QFutureWatcherBase::finished, &leaving->watcher, free);
}

void ImportSession::validate()
{
    if (!m_rows)
        return;
    dropValidation();
    m_rememberedChecks.clear();
    startJob(std::make_shared<Validator>(*m_resource),
             [](Validator &validator, const MappedRowSource &rows, const std::atomic_bool &cancel) {
                 return validator.validateAll(rows, &cancel);
             });
}

// work runs on a worker with the job's own references to the rows and the table; validator is
// the one it fills and hands back, with progress read from it meanwhile.
void ImportSession::startJob(std::shared_ptr<Validator> validator, JobWork work)
{
    dropValidation();
    auto job = std::make_unique<Validation>();
    job->table = m_table;
    job->rows = m_rows;
    job->validator = validator;
    Validation *raw = job.get();
    connect(&raw->progress, &QTimer::timeout, this, [this, raw] {
        Q_EMIT validationProgressed(raw->validator->rowsChecked(), raw->rows->rowCount());
    });
    connect(&raw->watcher, &QFutureWatcherBase::finished, this, [this, raw] {
        raw->progress.stop();
        if (std::shared_ptr<Validator> finished = raw->watcher.result())
            m_validator = std::move(finished);
        m_validation.reset();
        Q_EMIT validated();
    });
    m_validation = std::move(job);
    raw->progress.start(100);
    Q_EMIT validationProgressed(0, m_rows->rowCount());
    raw->watcher.setFuture(
        QtConcurrent::run(&backgroundPool(),
                          [validator, rows = raw->rows, table = raw->table, cancel = raw->cancel,
                           work = std::move(work)]() -> std::shared_ptr<Validator> {
                              return work(*validator, *rows, *cancel) ? validator : nullptr;
                          }));
}

// Visits the rows with issues only, in order: asking every row of a 1M-row file whether it has
// errors took 60 ms of the GUI thread each time.
std::vector<qsizetype> ImportSession::rowsWithErrors() const
{
    std::vector<qsizetype> rows;
    if (!m_validator)
        return rows;
    const IssueIndex &issues = m_validator->issues();
    for (std::optional<qsizetype> row = issues.nextRow(-1); row; row = issues.nextRow(*row)) {
        if (issues.rowHasErrors(*row))
            rows.push_back(*row);
    }
    return rows;
}

std::vector<qsizetype> ImportSession::rowsToSend() const
{
    std::vector<qsizetype> rows;
    if (!m_rows || !m_validator)
        return rows;
    const std::vector<qsizetype> held = rowsHeldBack();
    rows.reserve(size_t(m_rows->rowCount()) - std::min(held.size(), size_t(m_rows->rowCount())));
    auto next = held.begin();
    for (qsizetype row = 0; row < m_rows->rowCount(); ++row) {
        if (next != held.end() && *next == row)
            ++next;
        else
            rows.push_back(row);
    }
    return rows;
}

qsizetype ImportSession::rowsToSendCount() const
{
    if (!m_rows || !m_validator)
        return 0;
    return m_rows->rowCount() - qsizetype(rowsHeldBack().size());
}

// Rows with errors and rows the user excluded (which are never checked, so never both).
std::vector<qsizetype> ImportSession::rowsHeldBack() const
{
    std::vector<qsizetype> rows = rowsWithErrors();
    if (m_corrections->excludedCount() == 0)
        return rows;
    for (const qsizetype tableRow : m_corrections->excludedRows()) {
        if (const qsizetype row = m_rows->dataRow(tableRow); row >= 0)
            rows.push_back(row);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

std::optional<Error> ImportSession::startUpload(const UploadTarget &target,
                                                const UploadSettings &settings,
                                                const QString &token, const QString &journalPath)
{
    if (!m_rows || !m_validator)
        return Error {tr("check the rows before uploading them")};
    ResumePlan plan {RowOutcomes(m_rows->rowCount()), rowsToSend(), {}, 0};
    for (const qsizetype row : rowsHeldBack())
        plan.outcomes.set(row, RowOutcome::Skipped);
    return startRun(target, settings, token, journalPath, std::move(plan), QString());
}

qsizetype ImportSession::rejectedInLastRun() const
{
    if (!m_upload || m_lastRunId.isEmpty() || m_uploadRunId != m_lastRunId)
        return 0;
    return m_upload->outcomes().count(RowOutcome::Rejected);
}

std::vector<qsizetype> ImportSession::rowsToResend() const
{
    std::vector<qsizetype> rows;
    if (rejectedInLastRun() == 0 || !m_rows || !m_validator
        || m_upload->outcomes().rowCount() != m_rows->rowCount())
        return rows;
    const RowOutcomes &outcomes = m_upload->outcomes();
    for (qsizetype row = 0; row < outcomes.rowCount(); ++row) {
        if (outcomes.outcome(row) == RowOutcome::Rejected && !m_rows->isExcluded(row)
            && !m_validator->issues().rowHasErrors(row))
            rows.push_back(row);
    }
    return rows;
}

std::optional<Error> ImportSession::startResend(const UploadTarget &target,
                                                const UploadSettings &settings,
                                                const QString &token, const QString &journalPath)
{
    std::vector<qsizetype> rows = rowsToResend();
    if (rows.empty())
        return Error {tr("no rejected row has been fixed since the last upload")};
    // The rows of the last run keep their outcomes (accepted stays accepted); the resent ones
    // start over.
    ResumePlan plan {m_upload->outcomes(), std::move(rows), {}, 0};
    for (const qsizetype row : plan.rowsToSend)
        plan.outcomes.set(row, RowOutcome::NotSent);
    return startRun(target, settings, token, journalPath, std::move(plan), m_lastRunId);
}

std::optional<Error> ImportSession::startRun(const UploadTarget &target,
                                             const UploadSettings &settings, const QString &token,
                                             const QString &journalPath, ResumePlan plan,
                                             const QString &resendOf)
{
    if (!m_rows || !m_validator)
        return Error {tr("check the rows before uploading them")};
    if (m_upload && m_upload->uploader().state() != BatchUploader::State::Finished)
        return Error {tr("an upload is still running")};
    if (m_savingResults)
        return Error {tr("the results of the last run are being saved; try again in a moment")};
    if (!m_fileSha256.isFinished())
        return Error {tr("Sluice is still reading %1; try again in a moment").arg(m_path)};
    const JournalRunInfo info
        = UploadRun::describeRun(m_path, m_fileSha256.result(), m_sheets.value(m_sheetIndex).name,
                                 target, mapping(), QString(), m_rows->rowCount());
    const Result<QString> path
        = journalPath.isEmpty() ? defaultJournalPath(info.runId) : Result<QString>(journalPath);
    if (!path)
        return path.error();
    auto journal = UploadJournal::create(*path, info);
    if (!journal)
        return journal.error();
    journal.value()->recordCorrections(*m_corrections, *m_rows, resendOf);
    m_rememberedChecks.clear(); // the server's findings are merged into the validator in place
    m_upload = std::make_unique<UploadRun>(m_network, *m_resource, *m_rows, target, settings, token,
                                           info, std::move(journal).value(), std::move(plan));
    m_uploadRows = m_rows;
    m_uploadTable = m_table;
    m_uploadRunId = info.runId;
    // A newer check or mapping replaces the validator: the server's findings would then land
    // on rows they were not made for.
    connect(m_upload.get(), &UploadRun::batchFinished, this,
            [this, validator = std::weak_ptr<Validator>(m_validator)](const BatchResult &result) {
                if (validator.lock() == m_validator)
                    mergeServerIssues(result);
            });
    connect(m_upload.get(), &UploadRun::finished, this,
            [this, info, resendOf](BatchUploader::StopReason reason) {
                m_upload->close();
                recordRun(info, resendOf);
                if (!info.dryRun)
                    m_lastRunId = info.runId;
                Q_EMIT uploadFinished(reason);
            });
    m_upload->start();
    return std::nullopt;
}

bool ImportSession::saveResults(const QString &path, ResultsFile which)
{
    if (!m_upload || !m_rows || !m_resource || m_savingResults
        || m_upload->uploader().state() != BatchUploader::State::Finished
        || m_upload->outcomes().rowCount() != m_rows->rowCount())
        return false;
    m_savingResults = true;
    // What the writer reads, owned by the job: the table, rows (with their corrections) and
    // findings are shared and left unchanged while it runs (the session is busy); the outcomes
    // are copied, as a new run would replace them.
    auto *watcher = new QFutureWatcher<std::pair<QString, qsizetype>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        m_savingResults = false;
        const auto [error, rows] = watcher->result();
        Q_EMIT resultsSaved(path, error, rows);
    });
    watcher->setFuture(QtConcurrent::run(
        &backgroundPool(),
        [table = m_table, layout = m_layout, rows = m_rows, catalogue = m_catalogue,
         resource = m_resource, outcomes = m_upload->outcomes(), validator = m_validator, path,
         which]() -> std::pair<QString, qsizetype> {
            const UploadResults results(*table, layout, *rows, *resource, outcomes,
                                        validator ? &validator->issues() : nullptr);
            const std::optional<Error> error = which == ResultsFile::AllRows
                ? results.writeAllRows(path)
                : results.writeFailedRows(path);
            if (error)
                return {error->message, 0};
            return {QString(),
                    which == ResultsFile::AllRows
                        ? table->rowCount() - layout.headerRow - 1
                        : outcomes.rowCount() - outcomes.count(RowOutcome::Accepted)};
        }));
    return true;
}

// The server's verdict on the rows of an answered batch replaces anything it said of them before
// (a row sent again); the local checks' findings stay beside it.
void ImportSession::mergeServerIssues(const BatchResult &result)
{
    if (result.status != BatchStatus::Acknowledged && result.status != BatchStatus::Failed)
        return; // no answer about these rows: what the server said before still stands
    QHash<qsizetype, const QList<ServerRowError> *> rejected;
    for (const auto &[row, errors] : result.rejected)
        rejected.insert(row, &errors);
    // The server's findings belong in the same index as the local ones: the grid, the counts
    // and rowsToSend() see both.
    IssueIndex &issues = m_validator->issues();
    std::vector<NormalisedCell> cells;
    qsizetype first = -1;
    qsizetype last = -1;
    for (const qsizetype row : result.rows) {
        std::vector<CellIssue> kept;
        bool hadServerIssues = false;
        if (const std::vector<CellIssue> *old = issues.issuesOfRow(row)) {
            for (const CellIssue &issue : *old) {
                if (issue.isFromServer())
                    hadServerIssues = true;
                else
                    kept.push_back(issue);
            }
        }
        const auto errors = rejected.constFind(row);
        if (errors == rejected.constEnd() && !hadServerIssues)
            continue;
        if (errors != rejected.constEnd()) {
            m_rows->normalise(row, cells);
            for (CellIssue &issue : ServerIssues::forRow(row, **errors, *m_resource, cells))
                kept.push_back(std::move(issue));
            std::stable_sort(kept.begin(), kept.end(), [](const CellIssue &a, const CellIssue &b) {
                return a.attribute < b.attribute;
            });
        }
        issues.setRowIssues(row, std::move(kept));
        first = first < 0 ? row : std::min(first, row);
        last = std::max(last, row);
    }
    if (last >= 0)
        Q_EMIT issuesChanged(first, last);
}

void ImportSession::recordRun(const JournalRunInfo &info, const QString &resendOf)
{
    const RowOutcomes &outcomes = m_upload->outcomes();
    RunHistoryEntry entry;
    entry.runId = info.runId;
    entry.started = info.started;
    entry.finished = QDateTime::currentDateTimeUtc();
    entry.filePath = info.filePath;
    entry.url = info.url;
    entry.table = info.table;
    entry.resourceId = m_resource->id;
    entry.operation = operationTypeName(info.operation);
    entry.dryRun = info.dryRun;
    entry.stopReason = UploadRun::stopReasonName(m_upload->uploader().stopReason());
    entry.accepted = outcomes.count(RowOutcome::Accepted);
    entry.rejected = outcomes.count(RowOutcome::Rejected);
    entry.uncertain = outcomes.count(RowOutcome::Uncertain);
    entry.notSent = outcomes.count(RowOutcome::NotSent);
    entry.skipped = outcomes.count(RowOutcome::Skipped);
    entry.journalPath = m_upload->journal().path();
    entry.resendOf = resendOf;
    // A history that cannot be written must not hide the run's own outcome; the journal has it.
    if (const auto error = m_history.append(entry))
        qCWarning(lcIo) << error->message;
}

} // namespace sluice
