// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/spreadsheetreader.h"

#include <QCoreApplication>

#include <memory>

namespace sluice {

class BiffWorkbook;

// Reads legacy Excel workbooks (.xls, BIFF5/8 in an OLE compound file, or a bare BIFF2 worksheet
// from Excel 2.x) record by record: XlsWorkbookInfo finds the workbook stream, its sheets' states
// and kinds, and encryption; BiffWorkbook reads the shared strings, formats and each sheet's
// cells (stored formula results included). Bare BIFF3–4 worksheets are refused with a hint to
// save them as .xls or .xlsx.
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

private:
    Error fileError(const QString &reason) const;
    Error sheetError(int sheetIndex, qint64 row, const QString &reason) const;

    ReadLimits m_limits;
    QString m_fileName;
    std::unique_ptr<BiffWorkbook> m_book;
    QList<SheetInfo> m_sheets;
    int m_dateSystem = 1900;
};

} // namespace sluice
