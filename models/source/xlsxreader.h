// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/spreadsheetreader.h"

#include <memory>

namespace sluice {

class SharedStringTable;
class XlsxPackage;
class XlsxStyles;
class XlsxWorkbook;

// Reads Office Open XML workbooks (.xlsx, .xlsm; transitional and Strict). Each part is inflated
// in chunks and fed to a SAX parser, so a sheet's XML is never held whole; shared strings and
// styles are read once, on the first readSheet().
class XlsxReader : public SpreadsheetReader
{
public:
    XlsxReader();
    ~XlsxReader() override;

    Result<QList<SheetInfo>> open(const QString &path, const ReadLimits &limits = {}) override;
    int dateSystem() const override;
    Result<ReadEnd> readSheet(int sheetIndex, ReadSink &sink) override;

private:
    QString loadSharedParts();
    Error error(const QString &reason) const;

    QString m_fileName;
    ReadLimits m_limits;
    std::unique_ptr<XlsxPackage> m_package;
    std::unique_ptr<XlsxWorkbook> m_workbook;
    std::unique_ptr<SharedStringTable> m_strings;
    std::unique_ptr<XlsxStyles> m_styles;
};

} // namespace sluice
