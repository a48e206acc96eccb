// SPDX-License-Identifier: MIT
#include "models/commands/editcellscommand.h"

namespace sluice {

EditCellsCommand::EditCellsCommand(CorrectionTarget &target, std::vector<CellText> before,
                                   std::vector<CellText> after, const QString &text, bool typed)
    : QUndoCommand(text)
    , m_target(target)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_typed(typed && m_after.size() == 1)
{}

void EditCellsCommand::redo()
{
    m_target.applyCellTexts(m_after);
}

void EditCellsCommand::undo()
{
    m_target.applyCellTexts(m_before);
}

bool EditCellsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const EditCellsCommand *>(other);
    if (!m_typed || !next->m_typed)
        return false;
    const CellText &mine = m_after.front();
    const CellText &theirs = next->m_after.front();
    if (mine.tableRow != theirs.tableRow || mine.column != theirs.column)
        return false;
    m_after = next->m_after;
    // Typed back to what it was: the step does nothing and leaves the stack.
    setObsolete(m_after == m_before);
    return true;
}

} // namespace sluice
