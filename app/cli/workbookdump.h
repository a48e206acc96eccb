// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/sheetinfo.h"
#include "models/source/spreadsheetreader.h"

#include <QTextStream>

namespace sluice::cli {

// Prints every cell of an opened file in the expected-output format of ../shared/corpus
// (README.md there): the CSV form for text files, the workbook form for the rest. A record's
// trailing empty fields are not kept by the reader, so they do not appear in the CSV form.
int dumpWorkbook(SpreadsheetReader &reader, const QString &path, const QList<SheetInfo> &sheets,
                 QTextStream &out, QTextStream &err);

} // namespace sluice::cli
