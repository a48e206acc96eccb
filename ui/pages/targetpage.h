// SPDX-License-Identifier: MIT
#pragma once

#include "ui/pages/steppage.h"

class QSplitter;

namespace sluice {

class ImportSession;
class MappingPanel;
class ProfileStore;
class Prompter;
class TargetPanel;
class TargetSession;

// Step 2, Target & mapping: where the rows go (TargetPanel) above how the file's columns map onto
// the resource's attributes (MappingPanel), in a splitter whose state the window remembers.
class TargetPage : public StepPage
{
    Q_OBJECT

public:
    TargetPage(TargetSession &target, ImportSession &session, ProfileStore &profiles,
               Prompter &prompter, QWidget *parent = nullptr);

    bool isComplete() const override;
    QString incompleteReason() const override;

    TargetPanel *targetPanel() const { return m_targetPanel; }
    MappingPanel *mappingPanel() const { return m_mappingPanel; }
    QSplitter *splitter() const { return m_splitter; }

private:
    TargetPanel *m_targetPanel;
    MappingPanel *m_mappingPanel;
    QSplitter *m_splitter;
};

} // namespace sluice
