// SPDX-License-Identifier: MIT
#pragma once

#include "models/upload/rowoutcomes.h"
#include "models/upload/uploadjournal.h"

#include <QHash>
#include <QSet>

namespace sluice {

// A journal read back: what the run was, and what became of each sheet row so far.
struct JournalState
{
    JournalRunInfo run;
    QHash<qsizetype, RowOutcome> settled; // by sheet row: accepted, rejected or uncertain
    QHash<qsizetype, QList<ServerRowError>> errors;
    QSet<qsizetype> unanswered; // sent, and no settled line followed (the run was cut short)
    QSet<qsizetype> resendable; // settled as gave-up or cancelled: nothing stored, send again
    int lastBatchId = 0;
    bool ended = false;
    int damagedLines = 0; // a line cut short by a crash, skipped
};

// How a resumed run goes on: which rows to send, and what the earlier part settled.
struct ResumePlan
{
    RowOutcomes outcomes;
    std::vector<qsizetype> rowsToSend;
    QSet<qsizetype> maybeStored; // data rows resent although an earlier attempt may be stored
    qsizetype heldBack = 0;      // uncertain APPEND rows not resent
};

class JournalReader
{
    Q_DECLARE_TR_FUNCTIONS(JournalReader)

public:
    static Result<JournalState> read(const QString &path);

    // candidates: the data rows this run would send (no local errors, not excluded). Rows the
    // journal settled keep their outcome; rows sent without an answer are resent on UPSERT,
    // which is idempotent, and held back on APPEND unless resendUncertain. Sheet rows must grow
    // with data rows (every RowSource here does).
    static ResumePlan planResume(const JournalState &state, const RowSource &source,
                                 const std::vector<qsizetype> &candidates, bool resendUncertain);

    // "2-5,9" → {2,3,4,5,9}; nothing for malformed text.
    static std::optional<std::vector<qsizetype>> parseRanges(const QString &text);
};

} // namespace sluice
