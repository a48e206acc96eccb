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
    // suggestedPath: the folder and name offered first. Empty when the user cancels.
    virtual QString fileToSave(QWidget *parent, const QString &title, const QString &filter,
                               const QString &suggestedPath)
        = 0;
    // A yes/no question; acceptLabel names the action ("Upload 36 rows"), so the answer is never
    // a bare "OK". True when the user accepts.
    virtual bool confirm(QWidget *parent, const QString &title, const QString &text,
                         const QString &acceptLabel)
        = 0;
    // One line of text (a profile name); empty when the user cancels.
    virtual QString textInput(QWidget *parent, const QString &title, const QString &label,
                              const QString &initialText)
        = 0;
    virtual void showError(QWidget *parent, const QString &title, const QString &text) = 0;
    virtual void showAbout(QWidget *parent, const QString &title, const QString &text) = 0;
};

// The real dialogs.
class WidgetPrompter : public Prompter
{
public:
    QString fileToOpen(QWidget *parent, const QString &title, const QString &filter) override;
    QString fileToSave(QWidget *parent, const QString &title, const QString &filter,
                       const QString &suggestedPath) override;
    bool confirm(QWidget *parent, const QString &title, const QString &text,
                 const QString &acceptLabel) override;
    QString textInput(QWidget *parent, const QString &title, const QString &label,
                      const QString &initialText) override;
    void showError(QWidget *parent, const QString &title, const QString &text) override;
    void showAbout(QWidget *parent, const QString &title, const QString &text) override;
};

} // namespace sluice
