// SPDX-License-Identifier: MIT
#include "models/itemmodels/findmatchmodel.h"

#include "models/validation/mappedrowsource.h"

#include <algorithm>

namespace sluice {

namespace {

// Whether two queries find the same cells (the replacement changes only what they become).
bool findsTheSame(const FindQuery &a, const FindQuery &b)
{
    return a.text == b.text && a.mode == b.mode && a.caseSensitive == b.caseSensitive;
}

} // namespace

FindMatchModel::FindMatchModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void FindMatchModel::reset(const MappedRowSource *rows, const QStringList &attributeNames,
                           const FindQuery &query, std::vector<FindMatch> matches)
{
    beginResetModel();
    const bool same = m_rows == rows && findsTheSame(m_query, query);
    std::vector<FindMatch> before = std::move(m_matches);
    std::vector<bool> checked = std::move(m_checked);
    m_rows = rows;
    m_attributeNames = attributeNames;
    m_query = query;
    m_regex
        = query.mode == FindQuery::Mode::Regex ? query.regularExpression() : QRegularExpression();
    m_matches = rows ? std::move(matches) : std::vector<FindMatch>();
    m_checked.assign(m_matches.size(), true);
    m_checkedCount = qsizetype(m_matches.size());
    if (same)
        keepUnchecked(before, checked);
    // A flag per attribute rather than a set: a million inserts would hold up the GUI.
    std::vector<bool> seen(size_t(attributeNames.size()));
    m_attributeCount = 0;
    for (const FindMatch &match : m_matches) {
        if (size_t(match.attribute) < seen.size() && !seen[size_t(match.attribute)]) {
            seen[size_t(match.attribute)] = true;
            ++m_attributeCount;
        }
    }
    endResetModel();
    Q_EMIT checkedCountChanged(m_checkedCount);
}

// Both lists are by row then attribute: one walk through them.
void FindMatchModel::keepUnchecked(const std::vector<FindMatch> &before,
                                   const std::vector<bool> &checked)
{
    auto old = before.begin();
    for (size_t i = 0; i < m_matches.size() && old != before.end(); ++i) {
        old = std::lower_bound(old, before.end(), m_matches[i]);
        if (old != before.end() && *old == m_matches[i] && !checked[size_t(old - before.begin())]) {
            m_checked[i] = false;
            --m_checkedCount;
        }
    }
}

void FindMatchModel::clear()
{
    reset(nullptr, {}, {}, {});
}

void FindMatchModel::setReplacement(const QString &replacement)
{
    if (m_query.replacement == replacement)
        return;
    m_query.replacement = replacement;
    if (!m_matches.empty())
        Q_EMIT dataChanged(index(0, AfterColumn), index(rowCount() - 1, AfterColumn));
}

void FindMatchModel::setChecked(int row, bool checked)
{
    if (row < 0 || size_t(row) >= m_matches.size() || m_checked[size_t(row)] == checked)
        return;
    m_checked[size_t(row)] = checked;
    m_checkedCount += checked ? 1 : -1;
    const QModelIndex changed = index(row, RowColumn);
    Q_EMIT dataChanged(changed, changed, {Qt::CheckStateRole});
    Q_EMIT checkedCountChanged(m_checkedCount);
}

void FindMatchModel::setAllChecked(bool checked)
{
    if (m_matches.empty())
        return;
    std::fill(m_checked.begin(), m_checked.end(), checked);
    m_checkedCount = checked ? qsizetype(m_matches.size()) : 0;
    Q_EMIT dataChanged(index(0, RowColumn), index(rowCount() - 1, RowColumn), {Qt::CheckStateRole});
    Q_EMIT checkedCountChanged(m_checkedCount);
}

std::vector<FindMatch> FindMatchModel::checkedMatches() const
{
    std::vector<FindMatch> checked;
    checked.reserve(size_t(m_checkedCount));
    for (size_t i = 0; i < m_matches.size(); ++i) {
        if (m_checked[i])
            checked.push_back(m_matches[i]);
    }
    return checked;
}

QString FindMatchModel::beforeText(int row) const
{
    const FindMatch &found = match(row);
    return m_rows ? m_rows->cellText(found.row, found.attribute) : QString();
}

QString FindMatchModel::afterText(int row) const
{
    return CellFinder::replaced(beforeText(row), m_query, m_regex);
}

int FindMatchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matches.size());
}

int FindMatchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindMatchModel::displayText(const QModelIndex &index) const
{
    const FindMatch &found = match(index.row());
    // An empty cell (a whole-cell find of nothing, a replace with nothing) says so.
    const auto shown = [](const QString &text) {
        return text.isEmpty() ? tr("(empty)") : text;
    };
    switch (Column(index.column())) {
    case RowColumn:
        return m_rows->sheetRow(found.row);
    case AttributeColumn:
        return m_attributeNames.value(found.attribute);
    case BeforeColumn:
        return shown(beforeText(index.row()));
    case AfterColumn:
        return shown(afterText(index.row()));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant FindMatchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FindMatch &found = match(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(index);
    case Qt::CheckStateRole:
        if (index.column() != RowColumn)
            return {};
        return isChecked(index.row()) ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return tr("Row %1, %2: “%3” becomes “%4”")
            .arg(m_rows->sheetRow(found.row))
            .arg(m_attributeNames.value(found.attribute), beforeText(index.row()),
                 afterText(index.row()));
    case Qt::TextAlignmentRole:
        return index.column() == RowColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                           : QVariant();
    case DataRowRole:
        return found.row;
    case AttributeRole:
        return found.attribute;
    case BeforeRole:
        return beforeText(index.row());
    case AfterRole:
        return afterText(index.row());
    default:
        return {};
    }
}

bool FindMatchModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != RowColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    setChecked(index.row(), value.value<Qt::CheckState>() == Qt::Checked);
    return true;
}

Qt::ItemFlags FindMatchModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == RowColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant FindMatchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case RowColumn:
        return tr("Row");
    case AttributeColumn:
        return tr("Attribute");
    case BeforeColumn:
        return tr("Before");
    case AfterColumn:
        return tr("After");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace sluice
