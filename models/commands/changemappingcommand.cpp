// SPDX-License-Identifier: MIT
#include "models/commands/changemappingcommand.h"

namespace sluice {

ChangeMappingCommand::ChangeMappingCommand(CorrectionTarget &target, Mapping before, Mapping after,
                                           const QString &text)
    : QUndoCommand(text)
    , m_target(target)
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

void ChangeMappingCommand::redo()
{
    m_target.applyMapping(m_after);
}

void ChangeMappingCommand::undo()
{
    m_target.applyMapping(m_before);
}

} // namespace sluice
