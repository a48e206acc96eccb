// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
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

} // namespace sluice::test
