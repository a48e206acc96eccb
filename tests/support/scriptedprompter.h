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
    QStringList filesToOpen;   // answers to fileToOpen, first first; empty list: the user cancels
    QStringList filesToSave;   // answers to fileToSave, likewise
    QList<bool> confirmations; // answers to confirm; empty list: the user declines
    QStringList textInputs;    // answers to textInput; empty list: the user cancels
    QStringList errors;        // "title: text" of every error shown
    QStringList abouts;
    QStringList questions; // "title: text" of every confirm asked
    QStringList suggestedSavePaths;

    QString fileToOpen(QWidget *, const QString &, const QString &) override
    {
        return filesToOpen.isEmpty() ? QString() : filesToOpen.takeFirst();
    }
    QString fileToSave(QWidget *, const QString &, const QString &,
                       const QString &suggestedPath) override
    {
        suggestedSavePaths.append(suggestedPath);
        return filesToSave.isEmpty() ? QString() : filesToSave.takeFirst();
    }
    bool confirm(QWidget *, const QString &title, const QString &text, const QString &) override
    {
        questions.append(title + QStringLiteral(": ") + text);
        return confirmations.isEmpty() ? false : confirmations.takeFirst();
    }
    QString textInput(QWidget *, const QString &, const QString &, const QString &) override
    {
        return textInputs.isEmpty() ? QString() : textInputs.takeFirst();
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
