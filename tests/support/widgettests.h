// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QtGlobal>

namespace sluice::test {

// The child a widget test drives, found by its object name; a missing one ends the test at once
// with its name, rather than crashing on a null pointer later.
template<typename T>
T *child(const QObject &parent, const char *name)
{
    T *found = parent.findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child named %s of the expected type", name);
    return found;
}

} // namespace sluice::test
