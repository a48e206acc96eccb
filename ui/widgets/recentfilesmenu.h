// SPDX-License-Identifier: MIT
#pragma once

#include <QMenu>

namespace sluice {

// File ▸ Open Recent: the last eight files opened, newest first, kept in QSettings. A file that
// has gone since is still listed (a network drive may be back later) and opening it reports why
// it cannot be read.
class RecentFilesMenu : public QMenu
{
    Q_OBJECT

public:
    explicit RecentFilesMenu(QWidget *parent = nullptr);

    void add(const QString &path);
    QStringList files() const;

Q_SIGNALS:
    void fileChosen(const QString &path);

private:
    void rebuild();
};

} // namespace sluice
