// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/spreadsheetreader.h"

#include <memory>

namespace sluice {

class XlsxPackage;

// Reads OpenDocument spreadsheets (.ods). The sheets and their cells are all in content.xml:
// open() streams it once for the sheet names and states (hidden through a table style with
// table:display="false") and the null date; readSheet() streams it again, skipping the other
// tables and stopping after the wanted one. The zip and XML handling (size and ratio caps, no
// DTDs) is the XLSX reader's.
class OdsReader : public SpreadsheetReader
{
public:
    OdsReader();
    ~OdsReader() override;

    Result<QList<SheetInfo>> open(const QString &path, const ReadLimits &limits = {}) override;
    int dateSystem() const override { return m_dateSystem; }
    Result<ReadEnd> readSheet(int sheetIndex, ReadSink &sink) override;

private:
    QString checkPackage(const QString &path);
    Error error(const QString &reason) const;

    QString m_fileName;
    ReadLimits m_limits;
    std::unique_ptr<XlsxPackage> m_package;
    QList<SheetInfo> m_sheets;
    int m_dateSystem = 1900;
    bool m_open = false;
};

} // namespace sluice
