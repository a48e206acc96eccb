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
    void set(qsizetype row, RowOutcome outcome);
    void reject(qsizetype row, QList<ServerRowError> errors);
    // The server's errors for a rejected row; empty for other rows.
    QList<ServerRowError> errors(qsizetype row) const { return m_errors.value(row); }
    qsizetype count(RowOutcome outcome) const { return m_counts[size_t(outcome)]; }

private:
    std::vector<RowOutcome> m_outcomes;
    QHash<qsizetype, QList<ServerRowError>> m_errors;
    std::array<qsizetype, 5> m_counts {};
};

} // namespace sluice
