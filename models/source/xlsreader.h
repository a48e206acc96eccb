// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/spreadsheetreader.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>

struct FreeXL_CellValue_str; // <freexl.h> stays out of this header

namespace sluice {

// Reads legacy Excel workbooks (.xls, BIFF5/8 in an OLE compound file) through FreeXL. Sheet
// states and kinds, and encryption, come from the file's own BOUNDSHEET and FILEPASS records
// (XlsWorkbookInfo), which FreeXL does not expose.
//
// FreeXL 1.0.6 limits what this reader can give (tests/models/tst_xlscorpus.cpp lists each file
// it affects): formula cells read as empty; booleans and error cells read as the numbers 1/0; a
// date-formatted number comes as text rounded to the second, without its time for date-only
// formats and without its date for time formats; BIFF2–4 files and some BIFF5/8 files (no
// CODEPAGE record, an empty LABEL) are refused.
class XlsReader : public SpreadsheetReader
{
    Q_DECLARE_TR_FUNCTIONS(XlsReader)

public:
    XlsReader();
    ~XlsReader() override;
    XlsReader(const XlsReader &) = delete;
    XlsReader &operator=(const XlsReader &) = delete;

    Result<QList<SheetInfo>> open(const QString &path, const ReadLimits &limits = {}) override;
    int dateSystem() const override { return m_dateSystem; }
    Result<ReadEnd> readSheet(int sheetIndex, ReadSink &sink) override;

    // FreeXL's date text ("YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS", "HH:MM:SS") in the corpus ISO form
    // of CellKind::DateTime. FreeXL counts 1900 (and 2100 …) as leap years and starts the 1904
    // system a day late; its text is turned back into the serial and converted again. Empty
    // when the text is not FreeXL's.
    static QByteArray dateTimeText(QByteArrayView freexlText, int dateSystem);

private:
    Error fileError(const QString &reason) const;
    Error sheetError(int sheetIndex, qsizetype row, const QString &reason) const;
    Result<QList<SheetInfo>> openWithFreexl(const QString &path, QList<SheetInfo> sheets);
    // The cell's text; kind stays Empty for an empty cell or an empty text.
    QByteArray cellText(const FreeXL_CellValue_str &value, CellKind *kind) const;
    void close();

    ReadLimits m_limits;
    QString m_fileName;
    const void *m_handle = nullptr; // FreeXL's workbook handle
    QList<SheetInfo> m_sheets;
    int m_dateSystem = 1900;
};

} // namespace sluice
