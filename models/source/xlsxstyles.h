// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/numberformat.h"

#include <QString>

#include <vector>

namespace sluice {

class XlsxPackage;

// From xl/styles.xml, only what reading values needs: for each cell format (cellXfs entry, the
// cell's s attribute) whether its number format makes a number a date, a duration or a number.
class XlsxStyles
{
public:
    // Empty on success, else the reason (without the file name).
    QString load(XlsxPackage &package, const QString &partName);

    // Number for an index the styles do not have (a missing or broken s attribute).
    NumberFormat::Kind kind(qsizetype styleIndex) const
    {
        if (styleIndex < 0 || static_cast<std::size_t>(styleIndex) >= m_kinds.size())
            return NumberFormat::Kind::Number;
        return m_kinds[static_cast<std::size_t>(styleIndex)];
    }

    void setKinds(std::vector<NumberFormat::Kind> kinds) { m_kinds = std::move(kinds); }

private:
    std::vector<NumberFormat::Kind> m_kinds;
};

} // namespace sluice
