// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"
#include "models/schema/attributetype.h"
#include "models/upload/disksyncer.h"
#include "models/upload/uploadoutcome.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>

#include <memory>

namespace sluice {

class MappedRowSource;
class RowSource;
class SheetCorrections;
struct Mapping;

// What a run is: enough to refuse resuming it against another file, target or mapping. Never
// holds a token.
struct JournalRunInfo
{
    QString runId;
    QDateTime started;
    QString filePath;
    qint64 fileSize = 0;
    QByteArray fileSha256; // hex
    QString sheet;
    QString url; // the ingest URL, without user info or query
    QString table;
    QString solutionName;
    OperationType operation = OperationType::Upsert;
    bool dryRun = false;
    QString profile;          // the profile's name or file, when one was used
    QByteArray mappingSha256; // hex of the mapping as JSON: another mapping, another run
    qsizetype dataRows = 0;
};

// The run's journal, one JSON object per line (ARCHITECTURE.md §7): the run, each batch as it
// is sent and as it settles, and the end. Rows are written as the sheet's row numbers, which
// the user can look up.
//
// Every line reaches the operating system before the call returns, so a crashed or killed
// process loses nothing. What a power cut may lose decides when lines are synced to the disk:
// - an APPEND batch's "sending" line is synced before the request goes out: a batch the
//   journal does not know was sent would be sent again on resume, and could duplicate rows;
// - a settled line is synced by a background thread within milliseconds, not before the engine
//   moves on (a sync costs ~15 ms here, which would cap a run at ~60 batches a second). Losing
//   one to a power cut errs on the safe side: an UPSERT batch is resent (idempotent), an APPEND
//   batch, whose "sending" line is on disk, is held back as uncertain.
class UploadJournal
{
    Q_DECLARE_TR_FUNCTIONS(UploadJournal)

public:
    // A new journal; refuses to overwrite an existing file.
    static Result<std::unique_ptr<UploadJournal>> create(const QString &path,
                                                         const JournalRunInfo &run);
    // An existing journal continued by a resumed run.
    static Result<std::unique_ptr<UploadJournal>> reopen(const QString &path);

    const QString &path() const { return m_path; }
    // Problems writing are kept (the first one) rather than stopping the upload mid-batch; the
    // caller checks after each call and stops the run.
    const QString &errorString() const { return m_error; }

    // sync: force the line to disk before returning (an APPEND run: see above).
    void recordSending(int batchId, const QString &sheetRows, int attempt, bool sync);
    void recordResult(const BatchResult &result, const RowSource &rows);
    void recordResumed(const QDateTime &when);
    // The cells the user changed and the rows left out (sheet rows, column headers, old and
    // new text, when), and the run this one resends; nothing when there is nothing to say.
    void recordCorrections(const SheetCorrections &corrections, const MappedRowSource &rows,
                           const QString &resendOf);
    void recordEnd(const QDateTime &when, const QString &reason);

    // What identifies a run's input: the file's bytes (SHA-256, hex; reads the whole file, so
    // call it off the GUI thread for big files) and the mapping (its saved form, hashed).
    static QByteArray fileSha256(const QString &path);
    static QByteArray mappingSha256(const Mapping &mapping);

    // "2-501,503,510-520": consecutive sheet rows as ranges.
    static QString sheetRowRanges(const std::vector<qsizetype> &rows, const RowSource &source);

private:
    explicit UploadJournal(QString path);
    bool open(QIODevice::OpenMode mode);
    enum class Durability { Flushed, SyncedSoon, SyncedNow };
    void writeLine(const QJsonObject &line, Durability durability);

    QString m_path;
    QFile m_file;
    QString m_error;
    std::unique_ptr<DiskSyncer> m_syncer;
};

} // namespace sluice
