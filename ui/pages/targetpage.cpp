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
    scroll->setFocusPolicy(Qt::NoFocus); // Tab goes to the form's fields, not their frame
    // The form narrows with the window instead of scrolling sideways under its right column.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    for (QWidget *panel :
         {static_cast<QWidget *>(m_targetPanel), static_cast<QWidget *>(m_mappingPanel)}) {
        if (panel->layout())
            panel->layout()->setContentsMargins(10, 8, 10, 4);
    }
    m_splitter->addWidget(scroll);
    m_splitter->addWidget(m_mappingPanel);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({290, 480}); // until the user's own sizes are restored
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
