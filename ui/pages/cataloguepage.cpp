// SPDX-License-Identifier: MIT
#include "ui/pages/cataloguepage.h"

#include "models/itemmodels/cataloguefilterproxymodel.h"
#include "models/itemmodels/cataloguemodel.h"
#include "ui/pages/cataloguedetails.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace sluice {

CataloguePage::CataloguePage(QWidget *parent)
    : QWidget(parent)
    , m_model(new CatalogueModel(this))
    , m_proxy(new CatalogueFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_matchCount(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_details(new QTextBrowser(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    m_proxy->setSourceModel(m_model);

    m_search->setObjectName(QStringLiteral("catalogueSearch"));
    m_search->setPlaceholderText(tr("Search solutions, resources and attributes"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the catalogue"));
    m_matchCount->setObjectName(QStringLiteral("catalogueMatchCount"));

    m_tree->setObjectName(QStringLiteral("catalogueTree"));
    m_tree->setAccessibleName(tr("Catalogue"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(CatalogueModel::NameColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(CatalogueModel::TypeColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->setColumnHidden(CatalogueModel::DescriptionColumn, true);

    m_details->setObjectName(QStringLiteral("catalogueDetails"));
    m_details->setAccessibleName(tr("Details"));
    m_details->setOpenLinks(false);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_tree, 1);
    leftLayout->addWidget(m_matchCount);
    m_splitter->setObjectName(QStringLiteral("catalogueSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({520, 560});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter);
    setTabOrder(m_search, m_tree);
    setFocusProxy(m_search); // typing right away searches
    setTabOrder(m_tree, m_details);

    connect(m_search, &QLineEdit::textChanged, this, &CataloguePage::applySearch);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CataloguePage::showCurrentDetails);
}

CataloguePage::~CataloguePage() = default;

void CataloguePage::setCatalogue(std::shared_ptr<const Catalogue> catalogue)
{
    m_model->setCatalogue(std::move(catalogue));
    m_tree->expandToDepth(0);
    m_details->setHtml(CatalogueDetails::overviewHtml());
    updateMatchCount();
}

void CataloguePage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void CataloguePage::selectResource(const QString &resourceId)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOfResource(resourceId));
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    m_tree->expand(index);
    m_tree->scrollTo(index);
}

void CataloguePage::applySearch(const QString &text)
{
    m_proxy->setSearchText(text);
    // A search shows where its matches are; an empty one goes back to the solutions overview.
    if (text.trimmed().isEmpty()) {
        m_tree->collapseAll();
        m_tree->expandToDepth(0);
    } else {
        m_tree->expandToDepth(1);
    }
    updateMatchCount();
}

void CataloguePage::updateMatchCount()
{
    const Catalogue *catalogue = m_model->catalogue();
    const qsizetype total = catalogue ? catalogue->resources().size() : 0;
    qsizetype shown = 0;
    for (int solution = 0; solution < m_proxy->rowCount(); ++solution)
        shown += m_proxy->rowCount(m_proxy->index(solution, 0));
    m_matchCount->setText(m_proxy->searchText().isEmpty()
                              ? tr("%1 resources").arg(total)
                              : tr("%1 of %2 resources match").arg(shown).arg(total));
}

void CataloguePage::showCurrentDetails()
{
    const Catalogue *catalogue = m_model->catalogue();
    const QModelIndex current = m_tree->currentIndex();
    if (!catalogue || !current.isValid()) {
        m_details->setHtml(CatalogueDetails::overviewHtml());
        return;
    }
    const auto kind = current.data(CatalogueModel::KindRole).value<CatalogueModel::NodeKind>();
    if (kind == CatalogueModel::NodeKind::Solution) {
        const Solution *solution
            = catalogue->solution(current.data(CatalogueModel::IdRole).toString());
        m_details->setHtml(solution ? CatalogueDetails::solutionHtml(*catalogue, *solution)
                                    : QString());
        return;
    }
    const Resource *resource
        = catalogue->resource(current.data(CatalogueModel::ResourceIdRole).toString());
    const QString attribute = kind == CatalogueModel::NodeKind::Attribute
        ? current.data(CatalogueModel::IdRole).toString()
        : QString();
    m_details->setHtml(resource ? CatalogueDetails::resourceHtml(*catalogue, *resource, attribute)
                                : QString());
}

} // namespace sluice
