// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/headerdetector.h"
#include "models/source/sheettable.h"

#include <QAbstractTableModel>

namespace sluice {

// The Open page's preview: the first rows of a sheet as it was read, every column, each row
// marked by what the layout makes of it, so the user sees which row is the header and which rows
// are left out. The vertical header says it in words ("3 · Header", "1 · skipped"), never by
// styling alone; the view adds bold and grey from RowKindRole (this library has no fonts).
//
// The columns are the sheet's own (A, B, …), as many as it has, so there is no fixed Column
// enum: a column number is the sheet's 0-based column.
class SheetPreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // What the layout makes of a row.
    enum class RowKind {
        Skipped, // above the header (a title, blank rows) or blank after the data: not read
        Header,  // the column labels
        Data,    // a row that is imported
        Footer,  // under the data, not data (a totals row): shown, not imported
    };
    Q_ENUM(RowKind)

    enum Role {
        RowKindRole = Qt::UserRole, // int (RowKind), on cells and on the vertical header
        SheetRowRole,               // int: the row's number as a spreadsheet shows it (1-based)
        CellKindRole,               // int (CellKind) of the cell
    };

    // Enough to see where the table starts and what its values look like; a preview of a
    // million rows would cost the view, not help the user.
    static constexpr int DefaultRowLimit = 200;

    explicit SheetPreviewModel(QObject *parent = nullptr);

    // table must outlive the model or the next setTable/clear.
    void setTable(const SheetTable *table, const SheetLayout &layout);
    // The same table under another header row: repaints the marks, keeps the view's place.
    void setLayout(const SheetLayout &layout);
    void clear();
    void setRowLimit(int limit);
    int rowLimit() const { return m_rowLimit; }

    const SheetTable *table() const { return m_table; }
    const SheetLayout &layout() const { return m_layout; }
    RowKind rowKind(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant verticalHeaderData(int row, int role) const;

    const SheetTable *m_table = nullptr;
    SheetLayout m_layout;
    int m_rowLimit = DefaultRowLimit;
};

} // namespace sluice
