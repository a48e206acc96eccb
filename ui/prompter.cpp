// SPDX-License-Identifier: MIT
#include "ui/prompter.h"

#include <QFileDialog>
#include <QMessageBox>

namespace sluice {

QString WidgetPrompter::fileToOpen(QWidget *parent, const QString &title, const QString &filter)
{
    return QFileDialog::getOpenFileName(parent, title, QString(), filter);
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
