// SPDX-License-Identifier: MIT
#include "ui/pages/targetpage.h"

#include "ui/pages/mappingpanel.h"
#include "ui/pages/targetpanel.h"

#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace sluice {

TargetPage::TargetPage(TargetSession &target, ImportSession &session, ProfileStore &profiles,
                       Prompter &prompter, QWidget *parent)
    : StepPage(parent)
    , m_targetPanel(new TargetPanel(target, session, this))
    , m_mappingPanel(new MappingPanel(session, profiles, prompter, this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    m_splitter->setObjectName(QStringLiteral("targetSplitter"));
    // On a small screen the target form scrolls rather than squeezing the mapping table away.
    auto *scroll = new QScrollArea(m_splitter);
    scroll->setWidget(m_targetPanel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_splitter->addWidget(scroll);
    m_splitter->addWidget(m_mappingPanel);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
    connect(m_targetPanel, &TargetPanel::completeChanged, this, &StepPage::completeChanged);
    connect(m_mappingPanel, &MappingPanel::completeChanged, this, &StepPage::completeChanged);
}

bool TargetPage::isComplete() const
{
    return m_targetPanel->isComplete() && m_mappingPanel->isComplete();
}

QString TargetPage::incompleteReason() const
{
    if (!m_targetPanel->isComplete())
        return m_targetPanel->incompleteReason();
    return m_mappingPanel->incompleteReason();
}

} // namespace sluice
