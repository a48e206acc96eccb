// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QWidget;

namespace sluice {

// Every modal question the UI asks goes through here, so tests can script the answers and nothing
// blocks in exec() (ARCHITECTURE.md §6).
class Prompter
{
public:
    virtual ~Prompter() = default;

    // Empty when the user cancels.
    virtual QString fileToOpen(QWidget *parent, const QString &title, const QString &filter) = 0;
    virtual void showError(QWidget *parent, const QString &title, const QString &text) = 0;
    virtual void showAbout(QWidget *parent, const QString &title, const QString &text) = 0;
};

// The real dialogs.
class WidgetPrompter : public Prompter
{
public:
    QString fileToOpen(QWidget *parent, const QString &title, const QString &filter) override;
    void showError(QWidget *parent, const QString &title, const QString &text) override;
    void showAbout(QWidget *parent, const QString &title, const QString &text) override;
};

} // namespace sluice
