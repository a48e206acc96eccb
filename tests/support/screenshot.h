// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QPainter>
#include <QPixmap>
#include <QWidget>

namespace sluice::test {

// Saves a picture of a widget when SLUICE_SCREENSHOT_DIR is set, so people can look at what the
// tests drove (README: "Screenshots"). Returns true when there was nothing to do or it worked.
inline bool saveScreenshot(QWidget &widget, const QString &name)
{
    const QString directory = qEnvironmentVariable("SLUICE_SCREENSHOT_DIR");
    if (directory.isEmpty())
        return true;
    QDir().mkpath(directory);
    // Text set just before is laid out by a posted event: lay out first, as the screen would.
    for (int pass = 0; pass < 3; ++pass)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    return widget.grab().save(QDir(directory).filePath(name + QStringLiteral(".png")));
}

// The window with a dialog over it, where the dialog is on the screen (centred when it lies
// outside): a window's grab leaves its top-level dialogs out.
inline bool saveScreenshot(QWidget &window, const QString &name, QWidget *dialog)
{
    const QString directory = qEnvironmentVariable("SLUICE_SCREENSHOT_DIR");
    if (directory.isEmpty() || !dialog)
        return true;
    QDir().mkpath(directory);
    for (int pass = 0; pass < 3; ++pass)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QPixmap picture = window.grab();
    const QPixmap over = dialog->grab();
    QPoint at = dialog->frameGeometry().topLeft() - window.frameGeometry().topLeft();
    if (!picture.rect().contains(QRect(at, over.size())))
        at = picture.rect().center() - over.rect().center();
    QPainter painter(&picture);
    painter.setPen(window.palette().color(QPalette::Mid));
    painter.drawPixmap(at, over);
    painter.drawRect(QRect(at, over.size()).adjusted(-1, -1, 0, 0));
    painter.end();
    return picture.save(QDir(directory).filePath(name + QStringLiteral(".png")));
}

} // namespace sluice::test
