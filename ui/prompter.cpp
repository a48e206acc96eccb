// SPDX-License-Identifier: MIT
#include "ui/prompter.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

namespace sluice {

QString WidgetPrompter::fileToOpen(QWidget *parent, const QString &title, const QString &filter)
{
    return QFileDialog::getOpenFileName(parent, title, QString(), filter);
}

QString WidgetPrompter::fileToSave(QWidget *parent, const QString &title, const QString &filter,
                                   const QString &suggestedPath)
{
    return QFileDialog::getSaveFileName(parent, title, suggestedPath, filter);
}

bool WidgetPrompter::confirm(QWidget *parent, const QString &title, const QString &text,
                             const QString &acceptLabel)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    QPushButton *accept = box.addButton(acceptLabel, QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    // A real upload is the one thing that cannot be undone: Enter must not start it by accident.
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == accept;
}

QString WidgetPrompter::textInput(QWidget *parent, const QString &title, const QString &label,
                                  const QString &initialText)
{
    bool ok = false;
    const QString text
        = QInputDialog::getText(parent, title, label, QLineEdit::Normal, initialText, &ok);
    return ok ? text.trimmed() : QString();
}

void WidgetPrompter::showError(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::warning(parent, title, text);
}

void WidgetPrompter::showAbout(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::about(parent, title, text);
}

} // namespace sluice
