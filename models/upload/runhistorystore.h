// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace sluice {

// One finished run as the Results page's history lists it.
struct RunHistoryEntry
{
    QString runId;
    QDateTime started; // UTC
    QDateTime finished;
    QString filePath;
    QString url; // no user info, no query
    QString table;
    QString resourceId;
    QString operation; // "UPSERT", "APPEND"
    bool dryRun = false;
    QString stopReason; // "completed", "cancelled", "authentication-failed"
    qsizetype accepted = 0;
    qsizetype rejected = 0;
    qsizetype uncertain = 0;
    qsizetype notSent = 0;
    qsizetype skipped = 0;
    QString journalPath;
    QString resendOf; // the run whose fixed rejected rows this one sent again; empty for most

    friend bool operator==(const RunHistoryEntry &, const RunHistoryEntry &) = default;
};

// The runs of this machine, newest last, in one JSON-lines file: appending never rewrites what
// is there, so a crash while saving loses at most the entry being written, and a damaged line is
// skipped when reading rather than losing the whole history. Never holds a token.
class RunHistoryStore
{
    Q_DECLARE_TR_FUNCTIONS(RunHistoryStore)

public:
    // path: the history file; empty: runs.jsonl in the app's data folder.
    explicit RunHistoryStore(QString path = {});

    const QString &path() const { return m_path; }
    std::optional<Error> append(const RunHistoryEntry &entry);
    // Newest last; at most the last `limit` entries (0: all).
    QList<RunHistoryEntry> entries(qsizetype limit = 0) const;

private:
    QString m_path;
};

} // namespace sluice
