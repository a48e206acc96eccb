// SPDX-License-Identifier: MIT
#pragma once

#include "models/mapping/mapping.h"
#include "models/schema/resource.h"
#include "models/validation/rowsource.h"

#include <QAbstractTableModel>
#include <QCoreApplication>

namespace sluice {

// The mapping table of the Target & mapping page: one row per attribute of the resource, with
// its type, whether it is required, the source it reads (editable: a column of the file, or
// nothing), sample values after the transforms, the transforms, and how sure the automapper was
// and why. It edits a copy of the mapping and announces each change (mappingEdited); the owner
// (the session) decides what follows, e.g. re-validating and handing the model the new rows.
class MappingModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        AttributeColumn,
        TypeColumn,
        RequiredColumn,
        SourceColumn,
        SampleColumn,
        TransformColumn,
        ConfidenceColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role {
        ConfidenceRole = Qt::UserRole, // double, 0 to 1
        NeedsAttentionRole,            // bool: required and not mapped
        ChoicesRole,                   // QStringList: the columns a source may be (Source column)
    };

    explicit MappingModel(QObject *parent = nullptr);

    // resource must outlive the model; rows (may be null) gives the sample values and must stay
    // valid until the next reset.
    void reset(const Resource *resource, const Mapping &mapping, const QStringList &columns,
               const RowSource *rows);
    const Mapping &mapping() const { return m_mapping; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Source column: a column name maps the attribute to it; an empty string unmaps it (and is
    // the edit value of an unmapped attribute).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    static constexpr int SampleRows = 3;

Q_SIGNALS:
    void mappingEdited(const sluice::Mapping &mapping);

private:
    QString sourceText(const AttributeMapping &mapping) const;
    QString samples(int attribute) const;
    static QString transformText(const Transforms &transforms);
    QVariant displayData(int row, int column) const;

    const Resource *m_resource = nullptr;
    Mapping m_mapping;
    QStringList m_columns;
    const RowSource *m_rows = nullptr;
    QStringList m_samples; // per attribute, computed at reset
};

} // namespace sluice
