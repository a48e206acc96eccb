// SPDX-License-Identifier: MIT
#include "models/itemmodels/valuemapmodel.h"

namespace sluice {

namespace {

// Spaces around a value are invisible in a table: quoted, the difference between "LOST" and
// "LOST " shows.
QString shownValue(const QString &value)
{
    if (value.isEmpty())
        return ValueMapModel::tr("(empty)");
    const bool spaced = value.front().isSpace() || value.back().isSpace();
    return spaced ? ValueMapModel::tr("'%1'").arg(value) : value;
}

} // namespace

ValueMapModel::ValueMapModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ValueMapModel::reset(const Attribute &attribute, const AttributeMapping &current,
                          const QList<QPair<QString, qsizetype>> &values)
{
    beginResetModel();
    m_attribute = attribute;
    m_current = current;
    m_values = values;
    m_rows.clear();
    m_rows.reserve(values.size());
    for (const auto &[value, cells] : values) {
        Row row;
        row.suggestion = BulkFix::suggestTarget(value, attribute);
        row.target = row.suggestion;
        m_rows.append(row);
    }
    recheck();
    endResetModel();
}

QHash<QString, QString> ValueMapModel::valueMap() const
{
    QHash<QString, QString> map;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!m_rows.at(row).target.isEmpty())
            map.insert(m_values.at(row).first, m_rows.at(row).target);
    }
    return map;
}

AttributeMapping ValueMapModel::proposedMapping() const
{
    return BulkFix::withValueMap(m_current, valueMap());
}

void ValueMapModel::recheck()
{
    const CellValueBuilder builder(proposedMapping(), m_attribute.type);
    for (int row = 0; row < m_rows.size(); ++row)
        m_rows[row].problem
            = BulkFix::remainingProblem(builder, m_attribute, m_values.at(row).first);
}

bool ValueMapModel::setTarget(int row, const QString &target)
{
    if (row < 0 || row >= m_rows.size())
        return false;
    // Spaces around a typed target are never meant: the API's values have none.
    const QString trimmed = target.trimmed();
    if (m_rows.at(row).target == trimmed)
        return true;
    m_rows[row].target = trimmed;
    // Values that share a key after trim and case (e.g. "LOST" and "LOST ") change together.
    recheck();
    Q_EMIT dataChanged(index(row, TargetColumn), index(row, TargetColumn));
    Q_EMIT dataChanged(index(0, ResultColumn), index(rowCount() - 1, ResultColumn));
    Q_EMIT valueMapChanged();
    return true;
}

int ValueMapModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ValueMapModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ValueMapModel::displayData(int row, int column) const
{
    const Row &entry = m_rows.at(row);
    switch (Column(column)) {
    case ValueColumn:
        return shownValue(m_values.at(row).first);
    case CellsColumn:
        return m_values.at(row).second;
    case TargetColumn:
        return entry.target;
    case ResultColumn:
        // A symbol and words: never colour alone.
        return entry.problem ? tr("✖ still invalid: %1").arg(*entry.problem) : tr("✓ valid");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ValueMapModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &entry = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(index.row(), index.column());
    case Qt::EditRole:
        switch (Column(index.column())) {
        case ValueColumn:
            return m_values.at(index.row()).first;
        case TargetColumn:
            return entry.target;
        default:
            return displayData(index.row(), index.column());
        }
    case Qt::ToolTipRole:
        if (index.column() == TargetColumn) {
            return entry.suggestion.isEmpty()
                ? tr("Type the value to send instead; leave it empty to keep the value.")
                : tr("Suggested: '%1'. Leave it empty to keep the value.").arg(entry.suggestion);
        }
        if (index.column() == ResultColumn)
            return displayData(index.row(), index.column());
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == CellsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                             : QVariant();
    case ValidRole:
        return !entry.problem.has_value();
    case AllowedValuesRole:
        return m_attribute.enumValues;
    case SuggestionRole:
        return entry.suggestion;
    default:
        return {};
    }
}

bool ValueMapModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != TargetColumn || role != Qt::EditRole)
        return false;
    return setTarget(index.row(), value.toString());
}

Qt::ItemFlags ValueMapModel::flags(const QModelIndex &index) const
{
    // Views ask for the flags of the root (an invalid index): no warning for that.
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == TargetColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant ValueMapModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case ValueColumn:
        return tr("Value");
    case CellsColumn:
        return tr("Cells");
    case TargetColumn:
        return tr("Map to");
    case ResultColumn:
        return tr("Result");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace sluice
