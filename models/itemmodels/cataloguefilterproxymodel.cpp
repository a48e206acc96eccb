// SPDX-License-Identifier: MIT
#include "models/itemmodels/cataloguefilterproxymodel.h"

#include "models/itemmodels/cataloguemodel.h"

namespace sluice {

CatalogueFilterProxyModel::CatalogueFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
}

void CatalogueFilterProxyModel::setSearchText(const QString &text)
{
    QStringList terms = text.toLower().split(u' ', Qt::SkipEmptyParts);
    if (terms == m_terms)
        return;
    m_terms = std::move(terms);
    invalidateFilter();
}

bool CatalogueFilterProxyModel::filterAcceptsRow(int sourceRow,
                                                 const QModelIndex &sourceParent) const
{
    if (m_terms.isEmpty())
        return true;
    // Ancestors lend their names, not their descriptions: a long resource description would
    // otherwise make half its attributes match any word in it.
    const QModelIndex item = sourceModel()->index(sourceRow, 0, sourceParent);
    QString words = item.data(CatalogueModel::SearchTextRole).toString();
    for (QModelIndex index = item.parent(); index.isValid(); index = index.parent()) {
        words += u' ';
        words += index.data(CatalogueModel::NameSearchTextRole).toString();
    }
    for (const QString &term : m_terms) {
        if (!words.contains(term))
            return false;
    }
    return true;
}

} // namespace sluice
