// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"
#include "models/schema/attributetype.h"
#include "models/upload/uploadoutcome.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>

#include <memory>

namespace sluice {

class RowSource;

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
// is sent and as it settles, and the end. A batch's settled line is on disk (fsync) before the
// engine moves on, so after a crash, a kill or a power cut the journal never claims less than
// the server acknowledged. Rows are written as the sheet's row numbers, which the user can
// look up.
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

    // sync: force the line to disk before the request goes out. An APPEND run needs it so that
    // a crash right after sending still leaves the batch marked as possibly stored.
    void recordSending(int batchId, const QString &sheetRows, int attempt, bool sync);
    void recordResult(const BatchResult &result, const RowSource &rows);
    void recordResumed(const QDateTime &when);
    void recordEnd(const QDateTime &when, const QString &reason);

    // "2-501,503,510-520": consecutive sheet rows as ranges.
    static QString sheetRowRanges(const std::vector<qsizetype> &rows, const RowSource &source);

private:
    explicit UploadJournal(QString path);
    bool open(QIODevice::OpenMode mode);
    void writeLine(const QJsonObject &line, bool sync);

    QString m_path;
    QFile m_file;
    QString m_error;
};

} // namespace sluice
