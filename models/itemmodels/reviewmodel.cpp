// SPDX-License-Identifier: MIT
#include "models/itemmodels/reviewmodel.h"

#include <algorithm>
#include <limits>

namespace sluice {

namespace {
// A view's rows are ints: a file beyond that is shown up to it (2,147,483,647 rows).
constexpr qsizetype MaxViewRows = std::numeric_limits<int>::max();
} // namespace

ReviewModel::ReviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ReviewModel::reset(const Resource *resource, const RowSource *rows, const IssueIndex *issues)
{
    beginResetModel();
    m_resource = resource;
    m_rows = rows;
    m_issues = issues;
    m_cachedRow = -1;
    rebuildFilter();
    endResetModel();
}

void ReviewModel::rebuildFilter()
{
    m_visible.clear();
    if (!m_onlyIssues || !m_issues)
        return;
    for (std::optional<qsizetype> row = m_issues->nextRow(-1); row; row = m_issues->nextRow(*row))
        m_visible.push_back(*row);
}

void ReviewModel::setOnlyRowsWithIssues(bool only)
{
    if (only == m_onlyIssues)
        return;
    beginResetModel();
    m_onlyIssues = only;
    rebuildFilter();
    endResetModel();
}

void ReviewModel::issuesChanged(qsizetype firstRow, qsizetype lastRow)
{
    m_cachedRow = -1;
    if (m_onlyIssues) {
        // Rows may have joined or left the filter: the cheap, honest answer is a reset.
        beginResetModel();
        rebuildFilter();
        endResetModel();
        return;
    }
    if (rowCount() == 0)
        return;
    const int first = int(std::clamp<qsizetype>(firstRow, 0, rowCount() - 1));
    const int last = int(std::clamp<qsizetype>(lastRow, first, rowCount() - 1));
    Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

void ReviewModel::cellsChanged(qsizetype firstRow, qsizetype lastRow)
{
    m_cachedRow = -1;
    if (rowCount() == 0)
        return;
    // Filtered: the rows are somewhere in the list; repaint all of it (a view paints a screenful).
    const int first = m_onlyIssues ? 0 : int(std::clamp<qsizetype>(firstRow, 0, rowCount() - 1));
    const int last = m_onlyIssues ? rowCount() - 1
                                  : int(std::clamp<qsizetype>(lastRow, first, rowCount() - 1));
    Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1));
    Q_EMIT headerDataChanged(Qt::Vertical, first, last);
}

qsizetype ReviewModel::dataRow(int viewRow) const
{
    if (viewRow < 0 || viewRow >= rowCount())
        return -1;
    return m_onlyIssues ? m_visible[size_t(viewRow)] : viewRow;
}

int ReviewModel::viewRow(qsizetype dataRow) const
{
    if (!m_onlyIssues)
        return dataRow >= 0 && dataRow < rowCount() ? int(dataRow) : -1;
    const auto found = std::lower_bound(m_visible.begin(), m_visible.end(), dataRow);
    return found != m_visible.end() && *found == dataRow ? int(found - m_visible.begin()) : -1;
}

int ReviewModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_rows)
        return 0;
    const qsizetype rows = m_onlyIssues ? qsizetype(m_visible.size()) : m_rows->rowCount();
    return int(std::min(rows, MaxViewRows));
}

int ReviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_resource ? 0 : int(m_resource->attributes.size());
}

const std::vector<NormalisedCell> &ReviewModel::cellsOf(qsizetype dataRow) const
{
    if (dataRow != m_cachedRow) {
        m_rows->normalise(dataRow, m_cachedCells);
        m_cachedRow = dataRow;
    }
    return m_cachedCells;
}

const CellIssue *ReviewModel::worstIssue(qsizetype dataRow, int attribute,
                                         QStringList *messages) const
{
    if (!m_issues)
        return nullptr;
    const std::vector<CellIssue> *issues = m_issues->issuesOfRow(dataRow);
    if (!issues)
        return nullptr;
    const CellIssue *worst = nullptr;
    for (const CellIssue &issue : *issues) {
        if (issue.attribute != attribute)
            continue;
        if (messages)
            messages->append(issue.message);
        if (!worst || issue.severity < worst->severity)
            worst = &issue;
    }
    return worst;
}

QVariant ReviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qsizetype row = dataRow(index.row());
    const int attribute = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return cellsOf(row).at(size_t(attribute)).source;
    case ValueRole: {
        const NormalisedCell &cell = cellsOf(row).at(size_t(attribute));
        return cell.error || cell.value.isNull() ? QStringLiteral("null") : cell.value.text();
    }
    case Qt::EditRole:
        return cellsOf(row).at(size_t(attribute)).source;
    case Qt::ToolTipRole: {
        const QString tip = toolTip(row, attribute);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case EditedRole:
        return m_rows->isEdited(row, attribute);
    case OriginalRole:
        return m_rows->isEdited(row, attribute) ? QVariant(m_rows->originalText(row, attribute))
                                                : QVariant();
    case ExcludedRole:
        return m_rows->isExcluded(row);
    case SeverityRole: {
        const CellIssue *issue = worstIssue(row, attribute, nullptr);
        return issue ? int(issue->severity) : -1;
    }
    case DataRowRole:
        return row;
    default:
        return {};
    }
}

QString ReviewModel::toolTip(qsizetype row, int attribute) const
{
    QStringList lines;
    if (m_rows->isExcluded(row))
        lines.append(tr("Row excluded: it will not be sent"));
    worstIssue(row, attribute, &lines);
    if (m_rows->isEdited(row, attribute)) {
        const QString original = m_rows->originalText(row, attribute);
        lines.append(original.isEmpty() ? tr("Changed by you; the file has this cell empty")
                                        : tr("Changed by you; the file has “%1”").arg(original));
    }
    return lines.join(u'\n');
}

Qt::ItemFlags ReviewModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && m_editHandler && m_rows && m_rows->isEditable(index.column()))
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool ReviewModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !m_editHandler
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    // The handler changes the session, which then tells this model (cellsChanged) what to
    // repaint: dataChanged comes from there, once, for every kind of change.
    return m_editHandler(dataRow(index.row()), index.column(), value.toString());
}

QVariant ReviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical) {
        // The row number the user's spreadsheet shows; an excluded row says so in a symbol.
        const qsizetype row = dataRow(section);
        if (row < 0)
            return {};
        if (m_rows->isExcluded(row))
            return role == Qt::ToolTipRole
                ? QVariant(tr("Excluded: this row will not be sent"))
                : QVariant(QStringLiteral("⊘ %1").arg(m_rows->sheetRow(row)));
        return role == Qt::ToolTipRole ? QVariant() : QVariant(m_rows->sheetRow(row));
    }
    if (!m_resource || section < 0 || section >= columnCount())
        return {};
    const QString name = m_resource->attributes.at(section).name;
    if (!m_issues)
        return name;
    const qsizetype errors = m_issues->count(section, Severity::Error);
    const qsizetype warnings = m_issues->count(section, Severity::Warning);
    if (errors == 0 && warnings == 0)
        return name;
    QStringList counts;
    if (errors > 0)
        counts.append(errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
    if (warnings > 0)
        counts.append(warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
    return role == Qt::ToolTipRole ? counts.join(QStringLiteral(", "))
                                   : tr("%1 (%2)").arg(name, counts.join(QStringLiteral(", ")));
}

} // namespace sluice
