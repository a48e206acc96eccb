// SPDX-License-Identifier: MIT
#include "ui/widgets/stepbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace sluice {

StepBar::StepBar(const QStringList &titles, QWidget *parent)
    : QWidget(parent)
    , m_titles(titles)
{
    setObjectName(QStringLiteral("stepBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(2);
    for (int step = 0; step < titles.size(); ++step) {
        if (step > 0) {
            auto *separator = new QLabel(QStringLiteral("›"), this);
            separator->setEnabled(false);
            layout->addWidget(separator);
        }
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("step%1Button").arg(step + 1));
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setFocusPolicy(Qt::TabFocus);
        connect(button, &QToolButton::clicked, this, [this, step] {
            updateButtons(); // a click toggles the check; the window decides what is current
            Q_EMIT stepClicked(step);
        });
        layout->addWidget(button);
        m_buttons.append(button);
    }
    layout->addStretch(1);
    updateButtons();
}

void StepBar::setState(int current, int reachable)
{
    m_current = current;
    m_reachable = std::max(current, reachable);
    updateButtons();
}

void StepBar::updateButtons()
{
    for (int step = 0; step < m_buttons.size(); ++step) {
        QToolButton *button = m_buttons[step];
        const bool done = step < m_current;
        const bool isCurrent = step == m_current;
        const QString mark = done ? QStringLiteral("✓ ") : QString();
        // "&&": a title such as "Target & mapping" must not turn into a mnemonic.
        QString title = m_titles[step];
        title.replace(u'&', QStringLiteral("&&"));
        button->setText(QStringLiteral("%1%2  %3").arg(mark).arg(step + 1).arg(title));
        button->setChecked(isCurrent);
        button->setEnabled(step <= m_reachable);
        QFont font = button->font();
        font.setBold(isCurrent);
        button->setFont(font);
        const QString state = isCurrent ? tr("current step")
            : done                      ? tr("done")
            : step <= m_reachable       ? tr("available")
                                        : tr("not available yet");
        button->setAccessibleName(tr("Step %1 of %2: %3, %4")
                                      .arg(step + 1)
                                      .arg(m_buttons.size())
                                      .arg(m_titles[step], state));
    }
}

} // namespace sluice
