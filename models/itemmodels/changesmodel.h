// SPDX-License-Identifier: MIT
#pragma once

#include "models/schema/resource.h"
#include "models/source/sheetcorrections.h"
#include "models/validation/mappedrowsource.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QStringList>

#include <optional>
#include <vector>

namespace sluice {

// The Changes page: the user's one-off corrections of the file, an entry per edited cell (by row,
// then column) followed by an entry per row left out of the upload. Each says where (the row
// number the spreadsheet shows, the file's column header), which attributes read that cell, the
// file's text, the text now, and when it changed.
//
// A replace over a column can leave 100k edits: reset() builds one small entry per correction
// and nothing more, and the file's text is read from the table only when asked for. So the table
// behind the rows must outlive the model, or its next reset() or clear(). The model sorts itself
// (rows as numbers, times as times) by comparing entries directly: a proxy asking data() for
// QVariants took a large part of a second on 100k entries, again after each change.
class ChangesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        RowColumn,       // "14": the sheet's row number
        ColumnColumn,    // "price": the file's column header
        AttributeColumn, // "ordered_value": the attributes reading the column, may be empty
        OldValueColumn,  // the file's text
        NewValueColumn,  // the text now; for an excluded row, that it is excluded
        WhenColumn,      // local time, short format; empty for an excluded row
        ColumnCount
    };
    enum Kind { EditedCell, ExcludedRow };
    enum Role {
        KindRole = Qt::UserRole, // int: a Kind
        DataRowRole,             // qsizetype: the Review grid's row; -1 when not a data row
        AttributeRole,           // int: the first attribute reading the cell; -1 for none
        TableRowRole,            // qsizetype: 0-based row of the file's table
        TableColumnRole,         // int: 0-based column of the table; -1 for an excluded row
        WhenRole,                // QDateTime (UTC) of the last change; null for an excluded row
    };

    struct Entry
    {
        qsizetype tableRow = 0;
        qsizetype dataRow = -1;
        int column = -1; // -1: the row is excluded
        QString text;    // the text now
        QDateTime when;  // UTC
    };
    // One line of an export: plain texts that point into nothing, so that a worker can write them
    // while the session goes on changing.
    struct ExportRow
    {
        qsizetype sheetRow = 0;
        QString column;
        QString attributes;
        QString oldText;
        QString newText;
        QDateTime when; // UTC; null for an excluded row
    };

    explicit ChangesModel(QObject *parent = nullptr);

    // Lists corrections as they read through rows and resource (either may be null: nothing
    // mapped yet). columnNames are the file's column headers (the layout's); without them columns
    // are named by their letters.
    void reset(const MappedRowSource *rows, const Resource *resource,
               const SheetCorrections *corrections, const QStringList &columnNames = {});
    void clear();

    qsizetype editCount() const { return m_editCount; }
    qsizetype excludedCount() const { return qsizetype(m_entries.size()) - m_editCount; }
    const Entry &entry(int row) const { return m_entries.at(size_t(row)); }
    // The file's column header, and the attributes (", " between them) reading the column.
    QString columnName(int column) const;
    QString attributeNames(int column) const;
    QString oldText(const Entry &entry) const;

    // Every entry, in the model's order, as texts for writeCsv.
    std::vector<ExportRow> exportRows() const;
    // Writes rows as CSV for Excel (UTF-8 with a byte order mark, CRLF, RFC 4180 quoting) with a
    // header line; the time in ISO 8601, UTC. Replaces path only when all was written. The reason
    // on failure. Safe on any thread.
    static std::optional<QString> writeCsv(const QString &path, const std::vector<ExportRow> &rows);
    // "Row excluded from the upload": the new value of an excluded row.
    static QString excludedText();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // Column -1: the order of reset(), edits by row and column, then excluded rows. Ties keep
    // that order. A later reset() sorts the same way.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    QVariant displayText(const Entry &entry, int column) const;
    QString toolTip(const Entry &entry) const;
    // The entries' indices in the order of the current sort.
    std::vector<size_t> sortedOrder() const;

    std::vector<Entry> m_entries; // edited cells by row and column, then excluded rows by row
    qsizetype m_editCount = 0;
    const SheetTable *m_table = nullptr;
    QStringList m_columnNames;
    std::vector<QString> m_columnAttributes; // per table column: names joined
    std::vector<int> m_columnAttribute;      // per table column: the first attribute, or -1
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace sluice
