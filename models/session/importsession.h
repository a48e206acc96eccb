// SPDX-License-Identifier: MIT
#pragma once

#include "models/commands/correctiontarget.h"
#include "models/mapping/mappingproposer.h"
#include "models/schema/catalogue.h"
#include "models/source/csvoptions.h"
#include "models/source/headerdetector.h"
#include "models/source/readerfactory.h"
#include "models/source/sheetcorrections.h"
#include "models/source/sheetinfo.h"
#include "models/source/sheetloadjob.h"
#include "models/source/sheettable.h"
#include "models/upload/runhistorystore.h"
#include "models/upload/uploadrun.h"
#include "models/validation/mappedrowsource.h"
#include "models/validation/validator.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QUndoStack;

namespace sluice {

// The import flow without widgets (ARCHITECTURE.md §1): a file is opened and one sheet read on
// a worker thread, mapped onto a resource, validated on worker threads, and uploaded. The pages
// of the app observe it and pass the user's intent to it; tests drive it directly. Each long
// step reports progress, can be cancelled, and a newer request supersedes an older one: results
// of a superseded load or validation are dropped, never applied.
//
// Corrections (cell edits, bulk fixes, excluded rows, mapping changes) are undo commands on the
// session's stack; each re-checks only the rows it changed, on the GUI thread when they are few
// and on workers otherwise. A new file, header row or resource empties the stack.
class ImportSession : public QObject, public CorrectionTarget
{
    Q_OBJECT

public:
    ImportSession(std::shared_ptr<const Catalogue> catalogue, QNetworkAccessManager &network,
                  QObject *parent = nullptr);
    ~ImportSession() override;

    // Open: reads the file's sheet list at once, then the chosen sheet in the background. A text
    // file is read with csvOptions (their unset parts detected); a workbook ignores them.
    void openFile(const QString &path, int sheetIndex = 0, const CsvOptions &csvOptions = {});
    // Reads the open file again: another sheet, or a text file under other options.
    void reopen(int sheetIndex, const CsvOptions &csvOptions);
    void cancelLoading();
    bool isLoading() const { return m_opening || m_loadJob != nullptr; }
    const QString &filePath() const { return m_path; }
    const QList<SheetInfo> &sheets() const { return m_sheets; }
    int sheetIndex() const { return m_sheetIndex; }
    // What the open file is, by its bytes (valid once its sheets are listed).
    FileFormat fileFormat() const { return m_fileFormat; }
    const CsvOptions &csvOptions() const { return m_csvOptions; }
    // What a text file turned out to be under csvOptions(); empty for a workbook.
    const std::optional<CsvDialect> &csvDialect() const { return m_csvDialect; }
    const SheetTable &table() const { return *m_table; }
    // For a job that reads the table on a worker: it stays alive while the job holds it, even
    // when another file is opened meanwhile.
    std::shared_ptr<const SheetTable> sharedTable() const { return m_table; }
    const SheetLayout &layout() const { return m_layout; }
    void setHeaderRow(qsizetype row);

    // Target and mapping: choosing a resource proposes a mapping (a saved one first).
    bool setResource(const QString &resourceId, const std::optional<Mapping> &saved = {});
    // Another catalogue (File ▸ Open Catalogue): the resource is looked up again by its id and
    // the mapping proposed anew; a resource the new catalogue lacks is unset.
    void setCatalogue(std::shared_ptr<const Catalogue> catalogue);
    // How a proposed (not a saved) mapping writes timestamps: the Settings' choice.
    void setDefaultTimestampForm(TimestampForm form) { m_defaultTimestampForm = form; }
    const Resource *resource() const { return m_resource; }
    const MappingProposal &proposal() const { return m_proposal; }
    const Mapping &mapping() const { return m_proposal.automap.mapping; }
    // A change on the mapping step: an undo command ("Change mapping").
    void setMapping(const Mapping &mapping);

    // Review: every row checked on worker threads.
    void validate();
    bool isValidating() const { return m_validation != nullptr; }
    const MappedRowSource *rows() const { return m_rows.get(); }
    const IssueIndex *issues() const { return m_validator ? &m_validator->issues() : nullptr; }
    // The data rows without errors: what an upload sends.
    std::vector<qsizetype> rowsToSend() const;
    // How many: without building the list.
    qsizetype rowsToSendCount() const;

    // Corrections. Refused (false) unless the rows are checked and no check or upload runs.
    QUndoStack *undoStack() const { return m_undoStack; }
    const SheetCorrections &corrections() const { return *m_corrections; }
    bool canCorrect() const;
    // A read, check or upload runs: undo and redo wait (they change what it reads).
    bool isBusy() const;
    // A cell of the Review grid (data row, attribute) and its new text; nullopt: the file's text.
    struct CellChange
    {
        qsizetype row = 0;
        int attribute = 0;
        std::optional<QString> text;
    };
    // Sets the cells' texts as one undo step named description. Cells of attributes that read
    // no single column (joined, constant, unmapped) and cells already holding that text are
    // passed over; false when none is left.
    // typed: one cell typed into the grid (merges with the next typing into the same cell).
    bool changeCells(const std::vector<CellChange> &cells, const QString &description,
                     bool typed = false);
    bool editCell(qsizetype row, int attribute, const QString &text);
    // Back to the file's text: every edited cell of the rows, or of the attributes.
    bool revertRows(const std::vector<qsizetype> &rows);
    bool revertAttribute(int attribute);
    // A bulk fix: the mapping with other transforms or defaults, as one undo step.
    bool changeMapping(const Mapping &mapping, const QString &description);
    // Leaves data rows out of the upload (excluded rows are neither checked nor sent), or back.
    bool setRowsExcluded(const std::vector<qsizetype> &rows, bool excluded);
    bool isExcluded(qsizetype row) const
    {
        return m_rows && row >= 0 && row < m_rows->rowCount() && m_rows->isExcluded(row);
    }

    // CorrectionTarget: what the commands call.
    void applyCellTexts(const std::vector<CellText> &cells) override;
    void applyMapping(const Mapping &mapping) override;
    void applyExclusion(const std::vector<qsizetype> &tableRows, bool excluded) override;

    // Upload: a run to target, journalled to journalPath (a new file; empty: <runId>.jsonl in
    // the data folder's "journals"). A dry run (target.dryRun, "Check on server") sends the same
    // requests and the server stores nothing. After each answered batch the server's row errors
    // join the local issues of those rows (issuesChanged), replacing what it said before.
    std::optional<Error> startUpload(const UploadTarget &target, const UploadSettings &settings,
                                     const QString &token, const QString &journalPath = {});
    UploadRun *upload() const { return m_upload.get(); }
    // After a run (not a dry run) in which the server rejected rows: how many it rejected, and
    // those the user has fixed since (edited or bulk-fixed, so the server's errors gave way to
    // the local check, which they pass; not excluded). Rows left as they were stay rejected.
    qsizetype rejectedInLastRun() const;
    std::vector<qsizetype> rowsToResend() const;
    // Sends rowsToResend() only, as a new run that starts from the last run's outcomes (its
    // results list every row) and is recorded in the history as a resend of it.
    std::optional<Error> startResend(const UploadTarget &target, const UploadSettings &settings,
                                     const QString &token, const QString &journalPath = {});
    // The results files of the last run (UploadResults), written on a worker: every row of the
    // sheet, or the rows not accepted. resultsSaved() follows; meanwhile the session is busy
    // (no correction or upload changes what the writer reads).
    enum class ResultsFile { AllRows, FailedRows };
    bool saveResults(const QString &path, ResultsFile which);
    bool isSavingResults() const { return m_savingResults; }
    // Where finished runs are listed (the Results page's history); default: the data folder.
    void setRunHistory(RunHistoryStore store) { m_history = std::move(store); }
    const RunHistoryStore &runHistory() const { return m_history; }

Q_SIGNALS:
    // The file was opened and its sheets are known (sheets(), fileFormat(), csvDialect()); the
    // chosen sheet is being read now.
    void opened();
    void loadProgressed(qint64 bytesDone, qint64 bytesTotal, qsizetype rowsRead);
    void loaded();
    void loadFailed(const QString &message);
    void layoutChanged();
    void mappingChanged();
    void validationProgressed(qsizetype rowsChecked, qsizetype rowCount);
    void validated();
    void uploadFinished(sluice::BatchUploader::StopReason reason);
    // The issues of these data rows changed (the server's findings arrived, a correction was
    // re-checked): repaint them.
    void issuesChanged(qsizetype firstRow, qsizetype lastRow);
    // Cells or exclusions of these data rows changed; their issues follow with issuesChanged or,
    // after a re-check on workers, validated().
    void cellsChanged(qsizetype firstRow, qsizetype lastRow);
    // The list of corrections changed (the Changes page).
    void correctionsChanged();
    // saveResults() is done: error is empty when rows rows were written to path.
    void resultsSaved(const QString &path, const QString &error, qsizetype rows);

private:
    struct Validation;
    struct OpenedFile;

    static std::shared_ptr<OpenedFile> openInBackground(const QString &path,
                                                        const CsvOptions &csvOptions);
    void finishOpening(OpenedFile &file);
    void startLoad(std::unique_ptr<SpreadsheetReader> reader);
    void finishLoad();
    void rebuildRows();
    void dropValidation();
    void resetCorrections(bool keepCellEdits);
    // Re-checks data rows (ascending) after a correction: at once when they are few, else on
    // workers against a copy of the validator that then replaces it.
    void recheckRows(std::vector<qsizetype> rows);
    // Re-checks the rows whose values of attributes differ between before and m_rows.
    void recheckAttributes(std::shared_ptr<const MappedRowSource> before,
                           std::vector<int> attributes);
    std::vector<CellText> currentTexts(const std::vector<CellText> &cells) const;
    bool detachCorrections();
    void afterCorrection(std::vector<qsizetype> rows, bool detached);
    void rememberCheck(const Mapping &mapping);
    std::shared_ptr<Validator> rememberedCheck(const Mapping &mapping) const;
    void recordRun(const JournalRunInfo &info, const QString &resendOf);
    std::optional<Error> startRun(const UploadTarget &target, const UploadSettings &settings,
                                  const QString &token, const QString &journalPath, ResumePlan plan,
                                  const QString &resendOf);
    void mergeServerIssues(const BatchResult &result);
    std::vector<qsizetype> rowsWithErrors() const; // ascending
    std::vector<qsizetype> rowsHeldBack() const;   // ascending
    // A check on workers: false from work when cancelled.
    using JobWork
        = std::function<bool(Validator &, const MappedRowSource &, const std::atomic_bool &cancel)>;
    void startJob(std::shared_ptr<Validator> validator, JobWork work);

    std::shared_ptr<const Catalogue> m_catalogue;
    TimestampForm m_defaultTimestampForm = TimestampForm::Api;
    QNetworkAccessManager &m_network;
    QString m_path;
    QList<SheetInfo> m_sheets;
    int m_sheetIndex = 0;
    FileFormat m_fileFormat = FileFormat::Text;
    CsvOptions m_csvOptions;
    std::optional<CsvDialect> m_csvDialect;
    // Opening reads a whole CSV file to detect its dialect: on a worker, numbered so that the
    // answer of a superseded or cancelled open is dropped.
    bool m_opening = false;
    int m_openGeneration = 0;
    QPointer<SheetLoadJob> m_loadJob;
    QFuture<QByteArray> m_fileSha256; // hashed beside the read, for the journal
    std::shared_ptr<SheetTable> m_table;
    SheetLayout m_layout;
    const Resource *m_resource = nullptr;
    MappingProposal m_proposal;
    std::shared_ptr<const MappedRowSource> m_rows;
    std::shared_ptr<Validator> m_validator; // the last finished validation's
    std::unique_ptr<Validation> m_validation;
    std::shared_ptr<const MappedRowSource> m_uploadRows; // what the run reads, kept alive
    std::shared_ptr<const SheetTable> m_uploadTable;     // and the table those rows read
    std::unique_ptr<UploadRun> m_upload;
    QString m_lastRunId;   // of the last finished run that was not a dry run
    QString m_uploadRunId; // of m_upload
    bool m_savingResults = false;
    RunHistoryStore m_history;
    // Changed in place only while no job reads it (canCorrect()); a new file gets a new one.
    std::shared_ptr<SheetCorrections> m_corrections;
    QUndoStack *m_undoStack;
    // The findings under recent mappings, for undo and redo of a bulk fix; valid while the
    // cells and exclusions are as they were (the version counts their changes).
    struct RememberedCheck
    {
        Mapping mapping;
        quint64 version = 0;
        std::shared_ptr<Validator> validator;
    };
    std::vector<RememberedCheck> m_rememberedChecks;
    quint64 m_correctionsVersion = 0;
};

} // namespace sluice
