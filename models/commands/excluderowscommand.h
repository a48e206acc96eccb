// SPDX-License-Identifier: MIT
#pragma once

#include "models/commands/correctiontarget.h"

#include <QUndoCommand>

namespace sluice {

// Leaves rows out of the upload, or takes them back in.
class ExcludeRowsCommand : public QUndoCommand
{
public:
    // tableRows: only those whose state changes, so that undo restores exactly what was.
    ExcludeRowsCommand(CorrectionTarget &target, std::vector<qsizetype> tableRows, bool exclude,
                       const QString &text);

    void redo() override;
    void undo() override;

private:
    CorrectionTarget &m_target;
    std::vector<qsizetype> m_rows;
    bool m_exclude;
};

} // namespace sluice
