// SPDX-License-Identifier: MIT
#pragma once

#include "models/commands/correctiontarget.h"

#include <QUndoCommand>

namespace sluice {

// Replaces the mapping: a bulk fix (a value map, a date order, trim, case, a default for empty
// cells) or a change on the mapping step. The session re-checks only the rows whose values the
// change moved when the columns stayed the same.
class ChangeMappingCommand : public QUndoCommand
{
public:
    ChangeMappingCommand(CorrectionTarget &target, Mapping before, Mapping after,
                         const QString &text);

    void redo() override;
    void undo() override;

private:
    CorrectionTarget &m_target;
    Mapping m_before;
    Mapping m_after;
};

} // namespace sluice
