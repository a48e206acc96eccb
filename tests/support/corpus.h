// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/readsink.h"
#include "models/source/spreadsheetreader.h"

#include <QString>

namespace sluice::test {

// ../shared/corpus beside the source tree (ctest sets SLUICE_SOURCE_DIR).
inline QString corpusDir()
{
    return qEnvironmentVariable("SLUICE_SOURCE_DIR") + QStringLiteral("/../shared/corpus");
}

// Opens the file and reads every sheet: the first error, or an empty string when all read.
// rows, when given, counts the rows read.
inline QString readAllSheets(SpreadsheetReader &reader, const QString &path,
                             qsizetype *rows = nullptr)
{
    const auto sheets = reader.open(path);
    if (!sheets)
        return sheets.error().message;
    for (int i = 0; i < sheets->size(); ++i) {
        CollectingSink sink;
        const auto end = reader.readSheet(i, sink);
        if (!end)
            return end.error().message;
        if (rows)
            *rows += sink.table().rowCount();
    }
    return {};
}

} // namespace sluice::test
