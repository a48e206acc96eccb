// SPDX-License-Identifier: MIT
#pragma once

#include "models/session/bulkfix.h"

#include <QAbstractTableModel>

namespace sluice {

// The value-map editor of a bulk fix: one row per distinct bad value of an issue group, with its
// cells, the allowed value to send instead (editable; suggested at first) and what the value
// would be then, checked with the attribute's own CellValueBuilder under the proposed mapping.
// An empty target leaves the value as it is.
class ValueMapModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ValueColumn,  // "Won": the value as the file writes it
        CellsColumn,  // 212: the group's cells holding it
        TargetColumn, // "won": what to send instead (editable); empty: leave it
        ResultColumn, // "✓ valid" or "✖ still invalid: …"
        ColumnCount
    };
    enum Role {
        ValidRole = Qt::UserRole, // bool: valid under the proposed mapping
        AllowedValuesRole,        // QStringList: the attribute's enum values (may be empty)
        SuggestionRole,           // QString: the suggested target, or empty
    };

    explicit ValueMapModel(QObject *parent = nullptr);

    // values: the group's distinct values with their cells (IssueIndex::valuesOf()); current:
    // the attribute's mapping now, whose transforms the proposed mapping starts from.
    void reset(const Attribute &attribute, const AttributeMapping &current,
               const QList<QPair<QString, qsizetype>> &values);
    // Source text → target, for the rows with a target: BulkFix::withValueMap()'s input.
    QHash<QString, QString> valueMap() const;
    QString target(int row) const { return m_rows.at(row).target; }
    bool setTarget(int row, const QString &target);
    const QStringList &allowedValues() const { return m_attribute.enumValues; }
    const QList<QPair<QString, qsizetype>> &values() const { return m_values; }
    // The attribute's mapping with valueMap() merged in.
    AttributeMapping proposedMapping() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // A target changed: the value map, the results and the preview with them.
    void valueMapChanged();

private:
    struct Row
    {
        QString suggestion;
        QString target;
        std::optional<QString> problem; // under the proposed mapping; nullopt: valid
    };

    void recheck();
    QVariant displayData(int row, int column) const;

    Attribute m_attribute;
    AttributeMapping m_current;
    QList<QPair<QString, qsizetype>> m_values;
    QList<Row> m_rows; // per value
};

} // namespace sluice
