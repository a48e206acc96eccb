// SPDX-License-Identifier: MIT
#include "models/itemmodels/sheetpreviewmodel.h"

#include <algorithm>

namespace sluice {

SheetPreviewModel::SheetPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SheetPreviewModel::setTable(const SheetTable *table, const SheetLayout &layout)
{
    beginResetModel();
    m_table = table;
    m_layout = layout;
    endResetModel();
}

void SheetPreviewModel::setLayout(const SheetLayout &layout)
{
    m_layout = layout;
    if (rowCount() == 0)
        return;
    // Only the marks change, never the cells' text: a reset would lose the user's selection.
    Q_EMIT headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
    if (columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void SheetPreviewModel::clear()
{
    setTable(nullptr, {});
}

void SheetPreviewModel::setRowLimit(int limit)
{
    beginResetModel();
    m_rowLimit = std::max(0, limit);
    endResetModel();
}

SheetPreviewModel::RowKind SheetPreviewModel::rowKind(int row) const
{
    if (row < m_layout.headerRow)
        return RowKind::Skipped;
    if (row == m_layout.headerRow)
        return RowKind::Header;
    if (row < m_layout.dataEndRow)
        return RowKind::Data;
    return m_layout.footerRows.contains(row) ? RowKind::Footer : RowKind::Skipped;
}

int SheetPreviewModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_table)
        return 0;
    return int(std::min<qsizetype>(m_table->rowCount(), m_rowLimit));
}

int SheetPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_table ? 0 : m_table->columnCount();
}

QVariant SheetPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return m_table->isEmpty(row, column) ? QVariant() : QVariant(m_table->text(row, column));
    case Qt::TextAlignmentRole: {
        const CellKind kind = m_table->kind(row, column);
        // Numbers line up by their last digit, as in the spreadsheet.
        const bool right = kind == CellKind::Number || kind == CellKind::DateTime;
        return QVariant::fromValue(
            Qt::Alignment((right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    case RowKindRole:
        return int(rowKind(row));
    case SheetRowRole:
        return row + 1;
    case CellKindRole:
        return int(m_table->kind(row, column));
    default:
        return {};
    }
}

QVariant SheetPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return section >= 0 && section < rowCount() ? verticalHeaderData(section, role)
                                                    : QVariant();
    if (section < 0 || section >= columnCount())
        return {};
    if (role == Qt::DisplayRole)
        return HeaderDetector::columnLetters(section);
    if (role == Qt::ToolTipRole && section < m_layout.columnNames.size())
        return tr("Column %1: %2")
            .arg(HeaderDetector::columnLetters(section), m_layout.columnNames.at(section));
    return {};
}

QVariant SheetPreviewModel::verticalHeaderData(int row, int role) const
{
    const RowKind kind = rowKind(row);
    const int number = row + 1;
    switch (role) {
    case Qt::DisplayRole:
        switch (kind) {
        case RowKind::Header:
            return tr("%1 · Header").arg(number);
        case RowKind::Skipped:
            return tr("%1 · skipped").arg(number);
        case RowKind::Footer:
            return tr("%1 · footer").arg(number);
        case RowKind::Data:
            return QString::number(number);
        }
        return {};
    case Qt::ToolTipRole:
        switch (kind) {
        case RowKind::Header:
            return tr("Row %1 is the header row: its cells name the columns").arg(number);
        case RowKind::Skipped:
            return tr("Row %1 is not imported").arg(number);
        case RowKind::Footer:
            return tr("Row %1 looks like a footer (totals): shown, not imported").arg(number);
        case RowKind::Data:
            return tr("Row %1 is imported").arg(number);
        }
        return {};
    case RowKindRole:
        return int(kind);
    case SheetRowRole:
        return number;
    default:
        return {};
    }
}

} // namespace sluice
