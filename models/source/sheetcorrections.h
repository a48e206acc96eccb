// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

#include <set>
#include <unordered_map>
#include <vector>

namespace sluice {

// The user's corrections to a read sheet, laid over its SheetTable without changing it: cell
// texts typed or replaced in Sluice, and rows left out of the upload. Both are kept by table row
// and column (0-based), the file's own coordinates, so they survive a new mapping (a column
// mapped to another attribute still shows its corrected text) and say plainly which cell of the
// file they correct.
//
// The table stays as read: the original of an edited cell is always at hand, for the tooltip,
// "revert" and the Changes page. Read from worker threads (validation, upload) while nothing
// writes; the session changes it only while no job reads it.
class SheetCorrections
{
public:
    struct CellEdit
    {
        qsizetype tableRow = 0;
        int column = 0;
        QString text;   // what the cell holds now
        QDateTime when; // UTC, of the last change
    };

    bool isEmpty() const { return m_edits.empty() && m_excluded.empty(); }
    void clear();

    // Edited cells. editedText is null for a cell as read; it is asked for every cell a check
    // reads, so a column without edits answers without a lookup.
    const QString *editedText(qsizetype tableRow, int column) const
    {
        if (size_t(column) >= m_editsPerColumn.size() || m_editsPerColumn[size_t(column)] == 0)
            return nullptr;
        const auto found = m_edits.find(key(tableRow, column));
        return found == m_edits.end() ? nullptr : &found->second.text;
    }
    const QDateTime *editTime(qsizetype tableRow, int column) const;
    void setText(qsizetype tableRow, int column, const QString &text, const QDateTime &when);
    void revert(qsizetype tableRow, int column);
    qsizetype editCount() const { return qsizetype(m_edits.size()); }
    bool columnHasEdits(int column) const
    {
        return size_t(column) < m_editsPerColumn.size() && m_editsPerColumn[size_t(column)] > 0;
    }
    // Every edited cell, by row then column.
    std::vector<CellEdit> edits() const;

    // Rows left out of the upload.
    bool isExcluded(qsizetype tableRow) const
    {
        return !m_excluded.empty() && m_excluded.count(tableRow) > 0;
    }
    void setExcluded(qsizetype tableRow, bool excluded);
    qsizetype excludedCount() const { return qsizetype(m_excluded.size()); }
    const std::set<qsizetype> &excludedRows() const { return m_excluded; }

private:
    struct Entry
    {
        QString text;
        QDateTime when;
    };

    // Columns of a sheet are far fewer than 2^20 (XLSX's limit is 16,384).
    static quint64 key(qsizetype tableRow, int column)
    {
        return (quint64(tableRow) << 20) | quint64(column);
    }

    std::unordered_map<quint64, Entry> m_edits;
    std::vector<qsizetype> m_editsPerColumn;
    std::set<qsizetype> m_excluded;
};

} // namespace sluice
