// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/readerfactory.h"
#include "models/source/readsink.h"

#include <QFile>

namespace sluice::test {

// Writes bytes to path and reads its first sheet into sink, as the app would; false when any
// step fails.
inline bool writeAndReadSheet(const QString &path, const QByteArray &bytes, CollectingSink &sink)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return false;
    file.close();
    auto reader = ReaderFactory::create(path, {});
    return reader.isOk() && reader.value()->open(path) && reader.value()->readSheet(0, sink);
}

} // namespace sluice::test
