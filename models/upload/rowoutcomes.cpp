// SPDX-License-Identifier: MIT
#include "models/upload/rowoutcomes.h"

namespace sluice {

RowOutcomes::RowOutcomes(qsizetype rowCount)
    : m_outcomes(size_t(rowCount), RowOutcome::NotSent)
{
    m_counts[size_t(RowOutcome::NotSent)] = rowCount;
}

void RowOutcomes::set(qsizetype row, RowOutcome outcome, QList<ServerRowError> errors)
{
    RowOutcome &slot = m_outcomes[size_t(row)];
    --m_counts[size_t(slot)];
    ++m_counts[size_t(outcome)];
    slot = outcome;
    if (errors.isEmpty())
        m_errors.remove(row);
    else
        m_errors.insert(row, std::move(errors));
}

} // namespace sluice
