// SPDX-License-Identifier: MIT
#include "ui/widgets/recentfilesmenu.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace sluice {

namespace {

const QString RecentFilesKey = QStringLiteral("recentFiles");
constexpr int MaxRecentFiles = 8;

} // namespace

RecentFilesMenu::RecentFilesMenu(QWidget *parent)
    : QMenu(tr("Open &Recent"), parent)
{
    setObjectName(QStringLiteral("recentFilesMenu"));
    rebuild();
}

QStringList RecentFilesMenu::files() const
{
    return QSettings().value(RecentFilesKey).toStringList();
}

void RecentFilesMenu::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > MaxRecentFiles)
        list.removeLast();
    QSettings().setValue(RecentFilesKey, list);
    rebuild();
}

void RecentFilesMenu::rebuild()
{
    clear();
    const QStringList list = files();
    for (int i = 0; i < list.size(); ++i) {
        const QString &path = list[i];
        // &1 … &8: the keyboard reaches each entry with one key.
        QAction *action
            = addAction(QStringLiteral("&%1  %2").arg(i + 1).arg(QFileInfo(path).fileName()), this,
                        [this, path] { Q_EMIT fileChosen(path); });
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (list.isEmpty())
        addAction(tr("No recent files"))->setEnabled(false);
    else {
        addSeparator();
        addAction(tr("&Clear List"), this, [this] {
            QSettings().remove(RecentFilesKey);
            rebuild();
        });
    }
}

} // namespace sluice
