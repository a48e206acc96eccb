// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"
#include "models/source/sheetinfo.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace sluice {

// The outline of a legacy Excel workbook, read from the file's own workbook globals: each
// sheet's state and kind (BOUNDSHEET records), and whether the workbook is encrypted (FILEPASS,
// so the reader can say "password-protected").
//
// Only the OLE compound file's directory and the globals substream up to its EOF record are read;
// the cells are BiffWorkbook's job, from the workbook stream kept here.
struct XlsWorkbookInfo
{
    // 2, 3 or 4 for a bare BIFF stream (no OLE container); 5 or 8 for a Book/Workbook stream.
    int biffVersion = 0;
    bool encrypted = false;
    bool date1904 = false;
    // In BOUNDSHEET order; a BIFF2 file holds one sheet. Names are left empty: BiffWorkbook
    // decodes them (BIFF5 names are in the workbook's code page), and a BIFF2 sheet is named
    // after the file.
    QList<SheetInfo> sheets;
    // The Workbook (BIFF8) or Book (BIFF5) stream, or the whole of a bare BIFF2 file; empty for
    // bare BIFF3–4 files, which are not read.
    QByteArray stream;

    // The reason is a sentence without the file name ("the file is truncated …").
    static Result<XlsWorkbookInfo> read(QByteArrayView file);
};

} // namespace sluice
