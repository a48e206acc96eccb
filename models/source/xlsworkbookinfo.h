// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"
#include "models/source/sheetinfo.h"

#include <QByteArrayView>
#include <QList>

namespace sluice {

// What FreeXL keeps to itself about a legacy Excel workbook, read from the file's own workbook
// globals: each sheet's state and kind (BOUNDSHEET records: FreeXL lists chart sheets as
// worksheets and has no hidden state), and whether the workbook is encrypted (FILEPASS: FreeXL
// 1.0.6 then returns no handle at all, so it could not say "password-protected").
//
// Only the OLE compound file's directory and the globals substream up to its EOF record are read;
// the cells stay FreeXL's job.
struct XlsWorkbookInfo
{
    // 2, 3 or 4 for a bare BIFF stream (no OLE container); 5 or 8 for a Book/Workbook stream.
    int biffVersion = 0;
    bool encrypted = false;
    bool date1904 = false;
    // In BOUNDSHEET order, which is FreeXL's sheet order too. Names are left empty: FreeXL
    // decodes them (BIFF5 names are in the workbook's code page).
    QList<SheetInfo> sheets;

    // The reason is a sentence without the file name ("the file is truncated …").
    static Result<XlsWorkbookInfo> read(QByteArrayView file);
};

} // namespace sluice
