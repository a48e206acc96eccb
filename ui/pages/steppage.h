// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace sluice {

// One step of the guided flow (Open → Target & mapping → Review → Upload → Results). The main
// window shows one at a time and enables Next while the current one is complete; a page never
// moves the flow itself, it only says whether the user may go on and why not.
class StepPage : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    virtual bool isComplete() const = 0;
    // Why Next is not possible yet, as the status bar says it ("Choose a resource"); empty when
    // complete.
    virtual QString incompleteReason() const { return {}; }
    // The page became the current one (also after Back): refresh what may have changed meanwhile.
    virtual void enter() {}

Q_SIGNALS:
    void completeChanged();
    // A short note for the status bar ("Loaded 40 rows in 0.2 s").
    void statusMessage(const QString &message);
};

} // namespace sluice
