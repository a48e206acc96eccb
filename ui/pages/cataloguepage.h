// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QSplitter;
class QTextBrowser;
class QTreeView;

namespace sluice {

class Catalogue;
class CatalogueFilterProxyModel;
class CatalogueModel;

// Browse the catalogue: solutions → resources → attributes, with a search field and a details
// pane for the selected item.
class CataloguePage : public QWidget
{
    Q_OBJECT

public:
    explicit CataloguePage(QWidget *parent = nullptr);
    ~CataloguePage() override;

    void setCatalogue(std::shared_ptr<const Catalogue> catalogue);
    void focusSearch();
    void selectResource(const QString &resourceId);

    QSplitter *splitter() const { return m_splitter; }

private:
    void applySearch(const QString &text);
    void showCurrentDetails();
    void updateMatchCount();

    CatalogueModel *m_model;
    CatalogueFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QLabel *m_matchCount;
    QTreeView *m_tree;
    QTextBrowser *m_details;
    QSplitter *m_splitter;
};

} // namespace sluice
