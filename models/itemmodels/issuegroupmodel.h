// SPDX-License-Identifier: MIT
#pragma once

#include "models/validation/issueindex.h"

#include <QAbstractTableModel>

namespace sluice {

// The issue panel of the Review page: the issues grouped by cause (IssueIndex::groups()),
// largest first, each with its severity (a symbol and a word, never colour alone), how many rows
// it touches, an example message and the first affected cell, where activating the group goes.
// Holds copies, not the index: a re-check hands it the new index with reset().
class IssueGroupModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        IssueColumn,     // "✖ ordered_units is not a valid integer"
        AttributeColumn, // "ordered_units"
        RowsColumn,      // 1: the rows (cells) with this cause
        ColumnCount
    };
    enum Role {
        SeverityRole = Qt::UserRole, // int: a Severity
        AttributeRole,               // int: the attribute's index in the resource
        CodeRole,                    // QString: "DI_E_10002"
        CellCountRole,               // qsizetype: the cells (one per row) with this cause
        FirstRowRole,                // qsizetype: the first data row with this cause
        MessageRole,                 // QString: one issue's message, as an example
        SummaryRole,                 // QString: IssueGroup::summary, with the distinct values
    };

    explicit IssueGroupModel(QObject *parent = nullptr);

    // issues may be null (not checked yet): the model is then empty. attributeNames label the
    // groups (the resource's attributes, in order).
    void reset(const IssueIndex *issues, const QStringList &attributeNames);
    const IssueGroup &group(int row) const { return m_groups.at(row); }
    qsizetype firstRow(int row) const { return m_firstRows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "✖" for errors, "⚠" for warnings.
    static QString severitySymbol(Severity severity);
    // "Error", "Warning": what the symbol says, for tooltips and screen readers.
    static QString severityWord(Severity severity);

private:
    QString issueText(const IssueGroup &group) const;

    QStringList m_attributeNames;
    QList<IssueGroup> m_groups;
    QList<qsizetype> m_firstRows; // per group
};

} // namespace sluice
