// SPDX-License-Identifier: MIT
#include "models/source/xlsxreader.h"

#include "models/source/sharedstringtable.h"
#include "models/source/xlsxpackage.h"
#include "models/source/xlsxsheethandler.h"
#include "models/source/xlsxstyles.h"
#include "models/source/xlsxworkbook.h"

#include <QFileInfo>

namespace sluice {

XlsxReader::XlsxReader() = default;
XlsxReader::~XlsxReader() = default;

Error XlsxReader::error(const QString &reason) const
{
    return Error {QStringLiteral("%1: %2").arg(m_fileName, reason)};
}

Result<QList<SheetInfo>> XlsxReader::open(const QString &path, const ReadLimits &limits)
{
    m_fileName = QFileInfo(path).fileName();
    m_limits = limits;
    m_strings.reset();
    m_styles.reset();
    m_workbook.reset();
    m_package = std::make_unique<XlsxPackage>();
    if (const QString reason = m_package->open(path, limits); !reason.isEmpty())
        return error(reason);
    auto workbook = std::make_unique<XlsxWorkbook>();
    if (const QString reason = workbook->load(*m_package); !reason.isEmpty())
        return error(reason);
    QList<SheetInfo> sheets;
    for (const XlsxWorkbook::Sheet &sheet : workbook->sheets())
        sheets.append(sheet.info);
    m_workbook = std::move(workbook);
    return sheets;
}

int XlsxReader::dateSystem() const
{
    return m_workbook && m_workbook->isDate1904() ? 1904 : 1900;
}

// Shared strings and styles serve every sheet, so they are read once, when first needed.
QString XlsxReader::loadSharedParts()
{
    if (m_strings)
        return {};
    auto strings = std::make_unique<SharedStringTable>();
    const QString stringsPart = m_workbook->sharedStringsPart();
    if (!stringsPart.isEmpty() && m_package->contains(stringsPart)) {
        if (const QString reason = strings->load(*m_package, stringsPart, m_limits.maxCellBytes);
            !reason.isEmpty())
            return reason;
    }
    auto styles = std::make_unique<XlsxStyles>();
    const QString stylesPart = m_workbook->stylesPart();
    if (!stylesPart.isEmpty() && m_package->contains(stylesPart)) {
        if (const QString reason = styles->load(*m_package, stylesPart); !reason.isEmpty())
            return reason;
    }
    m_strings = std::move(strings);
    m_styles = std::move(styles);
    return {};
}

Result<ReadEnd> XlsxReader::readSheet(int sheetIndex, ReadSink &sink)
{
    if (!m_workbook)
        return Error {QStringLiteral("no workbook is open")};
    if (sheetIndex < 0 || sheetIndex >= m_workbook->sheets().size())
        return error(QStringLiteral("there is no sheet %1").arg(sheetIndex + 1));
    const XlsxWorkbook::Sheet &sheet = m_workbook->sheets().at(sheetIndex);
    const QString where = QStringLiteral("%1: sheet '%2'").arg(m_fileName, sheet.info.name);
    if (sheet.info.kind != SheetKind::Worksheet)
        return ReadEnd::Finished; // chart sheets and macro sheets have no cells to load
    if (sheet.part.isEmpty())
        return Error {where + QStringLiteral(": the workbook names no part for it")};
    if (!m_package->contains(sheet.part))
        return Error {where
                      + QStringLiteral(": part '%1' is missing from the package").arg(sheet.part)};
    if (const QString reason = loadSharedParts(); !reason.isEmpty())
        return error(reason);

    const auto epoch = m_workbook->isDate1904() ? SpreadsheetDate::Epoch::Excel1904
                                                : SpreadsheetDate::Epoch::Excel1900;
    XlsxSheetHandler handler(sink, {*m_strings, *m_styles, epoch, m_limits, where});
    return handler.read(*m_package, sheet.part);
}

} // namespace sluice
