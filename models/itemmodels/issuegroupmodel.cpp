// SPDX-License-Identifier: MIT
#include "models/itemmodels/issuegroupmodel.h"

namespace sluice {

namespace {

QString causeKey(int attribute, IssueCode code, const QString &cause)
{
    return QString::number(attribute) + u'|' + QString::number(int(code)) + u'|' + cause;
}

} // namespace

IssueGroupModel::IssueGroupModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QString IssueGroupModel::severitySymbol(Severity severity)
{
    // ✖ rather than ⛔: it is in the common interface fonts (DejaVu Sans, Segoe UI Symbol),
    // where ⛔ needs an emoji font and shows as an empty box without one.
    return severity == Severity::Error ? QStringLiteral("✖") : QStringLiteral("⚠");
}

void IssueGroupModel::reset(const IssueIndex *issues, const QStringList &attributeNames)
{
    beginResetModel();
    m_attributeNames = attributeNames;
    m_groups = issues ? issues->groups(attributeNames) : QList<IssueGroup>();
    m_firstRows = QList<qsizetype>(m_groups.size(), -1);
    // Rows in order until every cause has been seen: usually a few rows, never more than all.
    QHash<QString, int> pending;
    for (int row = 0; row < m_groups.size(); ++row) {
        const IssueGroup &group = m_groups.at(row);
        pending.insert(causeKey(group.attribute, group.code, group.cause), row);
    }
    for (std::optional<qsizetype> row = issues ? issues->nextRow(-1) : std::nullopt;
         row && !pending.isEmpty(); row = issues->nextRow(*row)) {
        for (const CellIssue &issue : *issues->issuesOfRow(*row)) {
            const auto found
                = pending.constFind(causeKey(issue.attribute, issue.code, issue.cause));
            if (found == pending.constEnd())
                continue;
            m_firstRows[found.value()] = *row;
            pending.erase(found);
        }
    }
    endResetModel();
}

int IssueGroupModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int IssueGroupModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString IssueGroupModel::severityWord(Severity severity)
{
    return severity == Severity::Error ? tr("Error") : tr("Warning");
}

QString IssueGroupModel::issueText(const IssueGroup &group) const
{
    // The cause reads on from the attribute's name: "ordered_units is not a valid integer". The
    // count is a column of its own, so a long cause cut short in a narrow panel never hides it.
    return tr("%1 %2 %3")
        .arg(severitySymbol(group.severity), m_attributeNames.value(group.attribute), group.cause);
}

QVariant IssueGroupModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IssueGroup &group = m_groups.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case IssueColumn:
            return issueText(group);
        case AttributeColumn:
            return m_attributeNames.value(group.attribute);
        case RowsColumn:
            return group.cells;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        return tr("%1 %2: %3\n%4")
            .arg(severityWord(group.severity), issueCodeName(group.code), group.message,
                 group.summary);
    case Qt::AccessibleTextRole:
        return tr("%1: %2").arg(severityWord(group.severity), group.summary);
    case Qt::TextAlignmentRole:
        return index.column() == RowsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                            : QVariant();
    case SeverityRole:
        return int(group.severity);
    case AttributeRole:
        return group.attribute;
    case CodeRole:
        return issueCodeName(group.code);
    case CellCountRole:
        return group.cells;
    case FirstRowRole:
        return m_firstRows.at(index.row());
    case MessageRole:
        return group.message;
    case SummaryRole:
        return group.summary;
    default:
        return {};
    }
}

QVariant IssueGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case IssueColumn:
        return tr("Issue");
    case AttributeColumn:
        return tr("Attribute");
    case RowsColumn:
        return tr("Rows");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace sluice
