// SPDX-License-Identifier: MIT
#include "models/commands/excluderowscommand.h"

namespace sluice {

ExcludeRowsCommand::ExcludeRowsCommand(CorrectionTarget &target, std::vector<qsizetype> tableRows,
                                       bool exclude, const QString &text)
    : QUndoCommand(text)
    , m_target(target)
    , m_rows(std::move(tableRows))
    , m_exclude(exclude)
{}

void ExcludeRowsCommand::redo()
{
    m_target.applyExclusion(m_rows, m_exclude);
}

void ExcludeRowsCommand::undo()
{
    m_target.applyExclusion(m_rows, !m_exclude);
}

} // namespace sluice
