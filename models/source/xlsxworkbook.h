// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/sheetinfo.h"

#include <QList>
#include <QString>

namespace sluice {

class XlsxPackage;

// What xl/workbook.xml and its relationships say: the sheets in order with their parts, the
// date system, and where the shared strings and styles are.
class XlsxWorkbook
{
public:
    struct Sheet
    {
        SheetInfo info;
        QString part; // empty when the workbook's relationships do not name one
    };

    // Empty on success, else the reason (without the file name).
    QString load(XlsxPackage &package);

    const QList<Sheet> &sheets() const { return m_sheets; }
    bool isDate1904() const { return m_date1904; }
    QString sharedStringsPart() const { return m_sharedStringsPart; }
    QString stylesPart() const { return m_stylesPart; }

private:
    QString findWorkbookPart(XlsxPackage &package, QString *error) const;

    QList<Sheet> m_sheets;
    bool m_date1904 = false;
    QString m_sharedStringsPart;
    QString m_stylesPart;
};

} // namespace sluice
