// SPDX-License-Identifier: MIT
#pragma once

#include "models/upload/uploadoutcome.h"

#include <QHash>

#include <array>
#include <vector>

namespace sluice {

// The outcome of every data row of a run, with the server's errors for rejected rows: what the
// results files, the report and the Review grid show. One byte per row.
class RowOutcomes
{
public:
    explicit RowOutcomes(qsizetype rowCount = 0);

    qsizetype rowCount() const { return qsizetype(m_outcomes.size()); }
    RowOutcome outcome(qsizetype row) const { return m_outcomes[size_t(row)]; }
    // errors: why, for a rejected row or one given up (kept with the row for the results files).
    void set(qsizetype row, RowOutcome outcome, QList<ServerRowError> errors = {});
    void reject(qsizetype row, QList<ServerRowError> errors)
    {
        set(row, RowOutcome::Rejected, std::move(errors));
    }
    // The errors that came with the row's outcome; empty for accepted rows.
    QList<ServerRowError> errors(qsizetype row) const { return m_errors.value(row); }
    qsizetype count(RowOutcome outcome) const { return m_counts[size_t(outcome)]; }

private:
    std::vector<RowOutcome> m_outcomes;
    QHash<qsizetype, QList<ServerRowError>> m_errors;
    std::array<qsizetype, 5> m_counts {};
};

} // namespace sluice
