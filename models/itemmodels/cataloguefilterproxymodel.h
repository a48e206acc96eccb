// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace sluice {

// Filters the catalogue tree by words. An item stays when its own words and its ancestors' names
// together contain every search word, so "orders date" finds Customer Orders › order_date, and a
// matching resource keeps all its attributes; ancestors of a match stay too.
class CatalogueFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit CatalogueFilterProxyModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_terms.join(u' '); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_terms;
};

} // namespace sluice
