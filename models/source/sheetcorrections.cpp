// SPDX-License-Identifier: MIT
#include "models/source/sheetcorrections.h"

#include <algorithm>

namespace sluice {

void SheetCorrections::clear()
{
    m_edits.clear();
    m_editsPerColumn.clear();
    m_excluded.clear();
}

const QDateTime *SheetCorrections::editTime(qsizetype tableRow, int column) const
{
    if (!columnHasEdits(column))
        return nullptr;
    const auto found = m_edits.find(key(tableRow, column));
    return found == m_edits.end() ? nullptr : &found->second.when;
}

void SheetCorrections::setText(qsizetype tableRow, int column, const QString &text,
                               const QDateTime &when)
{
    auto [at, added] = m_edits.try_emplace(key(tableRow, column));
    at->second = Entry {text, when};
    if (!added)
        return;
    if (m_editsPerColumn.size() <= size_t(column))
        m_editsPerColumn.resize(size_t(column) + 1, 0);
    ++m_editsPerColumn[size_t(column)];
}

void SheetCorrections::revert(qsizetype tableRow, int column)
{
    if (!columnHasEdits(column) || m_edits.erase(key(tableRow, column)) == 0)
        return;
    --m_editsPerColumn[size_t(column)];
}

std::vector<SheetCorrections::CellEdit> SheetCorrections::edits() const
{
    std::vector<CellEdit> list;
    list.reserve(m_edits.size());
    for (const auto &[cell, entry] : m_edits)
        list.push_back({qsizetype(cell >> 20), int(cell & 0xfffff), entry.text, entry.when});
    std::sort(list.begin(), list.end(), [](const CellEdit &a, const CellEdit &b) {
        return a.tableRow != b.tableRow ? a.tableRow < b.tableRow : a.column < b.column;
    });
    return list;
}

void SheetCorrections::setExcluded(qsizetype tableRow, bool excluded)
{
    if (excluded)
        m_excluded.insert(tableRow);
    else
        m_excluded.erase(tableRow);
}

} // namespace sluice
