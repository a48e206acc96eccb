// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"
#include "models/source/readlimits.h"
#include "models/source/readsink.h"
#include "models/source/sheetinfo.h"

#include <QList>
#include <QString>

namespace sluice {

// Whether a read ended because the sink said stop, or ran to the end of the sheet.
enum class ReadEnd { Finished, Cancelled };

// Reads one kind of spreadsheet file. open() lists the sheets (cheap); readSheet() streams one
// sheet's cells to a sink. Errors name the file, the sheet, the row and the reason:
// "orders.xlsx: sheet 'Orders', row 12: cell text is longer than 1 MiB".
//
// A reader is used from one thread at a time; different readers may run on different threads.
class SpreadsheetReader
{
public:
    virtual ~SpreadsheetReader() = default;

    virtual Result<QList<SheetInfo>> open(const QString &path, const ReadLimits &limits = {}) = 0;
    // 1900 or 1904: the epoch of the workbook's serial dates (after open()).
    virtual int dateSystem() const { return 1900; }
    // Cells arrive typed (CellKind) with their exact text; a number whose format is a date or
    // time arrives as CellKind::DateTime in ISO form (README of ../shared/corpus, "When is a
    // number a date?").
    virtual Result<ReadEnd> readSheet(int sheetIndex, ReadSink &sink) = 0;
};

} // namespace sluice
