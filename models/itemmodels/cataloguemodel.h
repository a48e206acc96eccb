// SPDX-License-Identifier: MIT
#pragma once

#include "models/schema/catalogue.h"

#include <QAbstractItemModel>

#include <memory>

namespace sluice {

// The catalogue as a tree: solutions → resources → attributes.
class CatalogueModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, TypeColumn, FlagsColumn, DescriptionColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole, // a NodeKind
        IdRole,                  // solution id, resource id, or attribute name
        ResourceIdRole,          // the resource a resource or attribute row belongs to
        SearchTextRole,          // the words a search matches against, lower-case
        NameSearchTextRole,      // the naming words only (ids, names), lower-case
    };
    enum class NodeKind { Solution, Resource, Attribute };
    Q_ENUM(NodeKind)

    explicit CatalogueModel(QObject *parent = nullptr);

    void setCatalogue(std::shared_ptr<const Catalogue> catalogue);
    const Catalogue *catalogue() const { return m_catalogue.get(); }

    // Index of a resource's row, e.g. to select it after a search.
    QModelIndex indexOfResource(QStringView resourceId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        NodeKind kind;
        int solution = -1;  // index into catalogue solutions
        int resource = -1;  // index into catalogue resources
        int attribute = -1; // index into the resource's attributes
    };

    Node nodeAt(const QModelIndex &index) const;
    QVariant solutionData(const Solution &solution, int column, int role) const;
    QVariant resourceData(const Resource &resource, int column, int role) const;
    QVariant attributeData(const Resource &resource, const Attribute &attribute, int column,
                           int role) const;
    void rebuildIndex();

    std::shared_ptr<const Catalogue> m_catalogue;
    QList<QList<int>> m_resourcesBySolution; // per solution: catalogue resource indices in order
    QList<int> m_solutionOfResource;         // per resource: its solution's index
    QList<int> m_rowOfResource;              // per resource: its row under its solution
};

} // namespace sluice
