// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QWidget>

class QToolButton;

namespace sluice {

// The row of steps across the top of the window: "1 Open › 2 Target & mapping › …". The current
// step is checked and bold, finished steps carry a ✓ and the steps not reachable yet are
// disabled, so the state reads without colour. A reachable step can be clicked to go back (or
// forward again) without losing any work.
class StepBar : public QWidget
{
    Q_OBJECT

public:
    explicit StepBar(const QStringList &titles, QWidget *parent = nullptr);

    // current: the step shown; reachable: the last step the user may jump to.
    void setState(int current, int reachable);
    int current() const { return m_current; }
    int reachable() const { return m_reachable; }
    QToolButton *button(int step) const { return m_buttons.value(step); }

Q_SIGNALS:
    void stepClicked(int step);

private:
    void updateButtons();

    QStringList m_titles;
    QList<QToolButton *> m_buttons;
    int m_current = 0;
    int m_reachable = 0;
};

} // namespace sluice
