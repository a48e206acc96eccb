// SPDX-License-Identifier: MIT
#pragma once

#include "models/commands/correctiontarget.h"

#include <QUndoCommand>

namespace sluice {

// Sets the text of cells: one typed edit, a find-and-replace, a revert. Undo puts back what each
// cell held before (an earlier edit, or the file's own text). Typing into the same cell again
// right away merges into one step, as a text editor merges keystrokes; a revert or a replace
// is always a step of its own.
class EditCellsCommand : public QUndoCommand
{
public:
    static constexpr int Id = 0x5e01;

    // before and after: one entry per cell, in the same order.
    // typed: one cell typed into the grid, which merges with the next typing into it.
    EditCellsCommand(CorrectionTarget &target, std::vector<CellText> before,
                     std::vector<CellText> after, const QString &text, bool typed = false);

    void redo() override;
    void undo() override;
    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand *other) override;

    qsizetype cellCount() const { return qsizetype(m_after.size()); }

private:
    CorrectionTarget &m_target;
    std::vector<CellText> m_before;
    std::vector<CellText> m_after;
    bool m_typed;
};

} // namespace sluice
