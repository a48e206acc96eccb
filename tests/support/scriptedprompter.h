// SPDX-License-Identifier: MIT
#pragma once

#include "ui/prompter.h"

#include <QStringList>

namespace sluice::test {

// Answers the UI's questions from a script and records what it was asked, so widget tests never
// block in a modal dialog.
class ScriptedPrompter : public Prompter
{
public:
    QStringList filesToOpen; // answers to fileToOpen, first first; empty list: the user cancels
    QStringList errors;      // "title: text" of every error shown
    QStringList abouts;

    QString fileToOpen(QWidget *, const QString &, const QString &) override
    {
        return filesToOpen.isEmpty() ? QString() : filesToOpen.takeFirst();
    }
    void showError(QWidget *, const QString &title, const QString &text) override
    {
        errors.append(title + QStringLiteral(": ") + text);
    }
    void showAbout(QWidget *, const QString &title, const QString &) override
    {
        abouts.append(title);
    }
};

} // namespace sluice::test
