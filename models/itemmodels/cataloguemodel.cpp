// SPDX-License-Identifier: MIT
#include "models/itemmodels/cataloguemodel.h"

namespace sluice {

namespace {

// internalId() names the parent of an item: 0 for solutions (top level), 1 + solution for
// resources, ResourceParentBase + resource for attributes. Ids never point into freed memory.
constexpr quintptr ResourceParentBase = quintptr(1) << 24;

QString attributeFlags(const Attribute &attribute)
{
    QStringList flags;
    if (attribute.primaryKey)
        flags.append(CatalogueModel::tr("key"));
    if (attribute.isRequired())
        flags.append(CatalogueModel::tr("required"));
    else if (!attribute.required.has_value())
        flags.append(CatalogueModel::tr("required?"));
    if (attribute.nullable == true)
        flags.append(CatalogueModel::tr("nullable"));
    if (attribute.hasEnum())
        flags.append(CatalogueModel::tr("one of: %1").arg(attribute.enumValues.join(u", ")));
    if (!attribute.references.isEmpty())
        flags.append(CatalogueModel::tr("→ %1").arg(attribute.references));
    return flags.join(QStringLiteral(" · "));
}

// The words a search matches against: lower-case, so the proxy compares without folding each time.
QString searchWords(const QStringList &words)
{
    return words.join(u' ').toLower();
}

} // namespace

CatalogueModel::CatalogueModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void CatalogueModel::setCatalogue(std::shared_ptr<const Catalogue> catalogue)
{
    beginResetModel();
    m_catalogue = std::move(catalogue);
    rebuildIndex();
    endResetModel();
}

void CatalogueModel::rebuildIndex()
{
    m_resourcesBySolution.clear();
    m_solutionOfResource.clear();
    m_rowOfResource.clear();
    if (!m_catalogue)
        return;
    const QList<Solution> &solutions = m_catalogue->solutions();
    m_resourcesBySolution.resize(solutions.size());
    for (const Resource &resource : m_catalogue->resources()) {
        int solution = 0;
        while (solution < solutions.size() && solutions[solution].id != resource.solutionId)
            ++solution;
        const int resourceIndex = static_cast<int>(m_solutionOfResource.size());
        m_solutionOfResource.append(solution);
        m_rowOfResource.append(static_cast<int>(m_resourcesBySolution[solution].size()));
        m_resourcesBySolution[solution].append(resourceIndex);
    }
}

CatalogueModel::Node CatalogueModel::nodeAt(const QModelIndex &index) const
{
    const quintptr parentId = index.internalId();
    if (parentId == 0)
        return {NodeKind::Solution, index.row()};
    if (parentId < ResourceParentBase) {
        const int solution = static_cast<int>(parentId - 1);
        return {NodeKind::Resource, solution, m_resourcesBySolution[solution][index.row()]};
    }
    const int resource = static_cast<int>(parentId - ResourceParentBase);
    return {NodeKind::Attribute, m_solutionOfResource[resource], resource, index.row()};
}

QModelIndex CatalogueModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    const Node node = nodeAt(parent);
    if (node.kind == NodeKind::Solution)
        return createIndex(row, column, quintptr(1) + quintptr(node.solution));
    return createIndex(row, column, ResourceParentBase + quintptr(node.resource));
}

QModelIndex CatalogueModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node node = nodeAt(child);
    switch (node.kind) {
    case NodeKind::Solution:
        return {};
    case NodeKind::Resource:
        return createIndex(node.solution, 0, quintptr(0));
    case NodeKind::Attribute:
        return createIndex(m_rowOfResource[node.resource], 0,
                           quintptr(1) + quintptr(node.solution));
    }
    return {};
}

int CatalogueModel::rowCount(const QModelIndex &parent) const
{
    if (!m_catalogue || parent.column() > 0)
        return 0;
    if (!parent.isValid())
        return static_cast<int>(m_catalogue->solutions().size());
    const Node node = nodeAt(parent);
    switch (node.kind) {
    case NodeKind::Solution:
        return static_cast<int>(m_resourcesBySolution[node.solution].size());
    case NodeKind::Resource:
        return static_cast<int>(m_catalogue->resources()[node.resource].attributes.size());
    case NodeKind::Attribute:
        return 0;
    }
    return 0;
}

int CatalogueModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant CatalogueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node node = nodeAt(index);
    if (role == KindRole)
        return QVariant::fromValue(node.kind);
    if (node.kind == NodeKind::Solution)
        return solutionData(m_catalogue->solutions()[node.solution], index.column(), role);
    const Resource &resource = m_catalogue->resources()[node.resource];
    if (role == ResourceIdRole)
        return resource.id;
    if (node.kind == NodeKind::Resource)
        return resourceData(resource, index.column(), role);
    return attributeData(resource, resource.attributes[node.attribute], index.column(), role);
}

QVariant CatalogueModel::solutionData(const Solution &solution, int column, int role) const
{
    if (role == IdRole)
        return solution.id;
    if (role == SearchTextRole || role == NameSearchTextRole)
        return searchWords({solution.id, solution.module, solution.product, solution.solutionName});
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case NameColumn:
        return tr("%1 (%2)").arg(solution.displayName(), solution.solutionName);
    case TypeColumn:
        return tr("solution");
    case FlagsColumn:
        return solution.namingDocumented ? QString() : tr("naming not documented");
    case DescriptionColumn:
        return solution.product;
    }
    return {};
}

QVariant CatalogueModel::resourceData(const Resource &resource, int column, int role) const
{
    if (role == IdRole)
        return resource.id;
    if (role == SearchTextRole || role == NameSearchTextRole) {
        QStringList words {resource.id, resource.displayName, resource.objectName};
        if (role == SearchTextRole)
            words.append(resource.description);
        return searchWords(words);
    }
    if (role == Qt::ToolTipRole)
        return resource.description.isEmpty() ? resource.id : resource.description;
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case NameColumn:
        return resource.displayName;
    case TypeColumn:
        return resource.objectName;
    case FlagsColumn: {
        QStringList flags;
        if (resource.recommendedOperation)
            flags.append(operationTypeName(*resource.recommendedOperation));
        if (!resource.attributesComplete)
            flags.append(tr("attribute list incomplete"));
        return flags.join(QStringLiteral(" · "));
    }
    case DescriptionColumn:
        return resource.description;
    }
    return {};
}

QVariant CatalogueModel::attributeData(const Resource &resource, const Attribute &attribute,
                                       int column, int role) const
{
    Q_UNUSED(resource)
    if (role == IdRole)
        return attribute.name;
    if (role == NameSearchTextRole)
        return attribute.name.toLower();
    if (role == SearchTextRole)
        return searchWords(
            {attribute.name, attributeTypeName(attribute.type), attribute.description});
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case NameColumn:
        return attribute.name;
    case TypeColumn:
        return attributeTypeName(attribute.type);
    case FlagsColumn:
        return attributeFlags(attribute);
    case DescriptionColumn:
        return attribute.description;
    }
    return {};
}

QVariant CatalogueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case FlagsColumn:
        return tr("Flags");
    case DescriptionColumn:
        return tr("Description");
    }
    return {};
}

QModelIndex CatalogueModel::indexOfResource(QStringView resourceId) const
{
    if (!m_catalogue)
        return {};
    const QList<Resource> &resources = m_catalogue->resources();
    for (int i = 0; i < resources.size(); ++i) {
        if (QStringView(resources[i].id).compare(resourceId, Qt::CaseInsensitive) == 0)
            return createIndex(m_rowOfResource[i], 0,
                               quintptr(1) + quintptr(m_solutionOfResource[i]));
    }
    return {};
}

} // namespace sluice
