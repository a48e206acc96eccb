// SPDX-License-Identifier: MIT
#include "models/itemmodels/cataloguefilterproxymodel.h"
#include "models/itemmodels/cataloguemodel.h"
#include "tests/support/catalogues.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace sluice;

namespace {

QStringList names(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList list;
    for (int row = 0; row < model.rowCount(parent); ++row)
        list.append(model.index(row, 0, parent).data(CatalogueModel::IdRole).toString());
    return list;
}

} // namespace

class TestCatalogueModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void treeFollowsTheCatalogue();
    void passesTheModelTester();
    void attributeRowsShowTypeAndFlags();
    void indexOfResourceFindsItsRow();
    void searchKeepsMatchesAndTheirAncestors();
    void searchMatchingAResourceKeepsItsAttributes();
    void searchWordsMayComeFromAncestors();
};

void TestCatalogueModel::treeFollowsTheCatalogue()
{
    CatalogueModel model;
    QCOMPARE(model.rowCount(), 0);
    model.setCatalogue(test::builtInCatalogue());
    QCOMPARE(names(model), (QStringList {"INV", "QP", "MP", "RR"}));
    const QModelIndex inv = model.index(0, 0);
    QCOMPARE(model.rowCount(inv), 17);
    const QModelIndex orders = model.indexOfResource(u"INV.CUSTOMER_ORDERS");
    QCOMPARE(orders.parent(), inv);
    QCOMPARE(model.rowCount(orders), 14);
    QCOMPARE(names(model, orders).first(), QStringLiteral("order_id"));
    QCOMPARE(model.index(3, 0, orders).parent(), orders);
    QCOMPARE(model.index(3, 0, orders).data(CatalogueModel::ResourceIdRole).toString(),
             QStringLiteral("INV.CUSTOMER_ORDERS"));
}

void TestCatalogueModel::passesTheModelTester()
{
    CatalogueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCatalogue(test::builtInCatalogue());
    CatalogueFilterProxyModel proxy;
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setSearchText(QStringLiteral("order"));
    proxy.setSearchText(QString());
    model.setCatalogue(test::builtInCatalogue());
}

void TestCatalogueModel::attributeRowsShowTypeAndFlags()
{
    CatalogueModel model;
    model.setCatalogue(test::builtInCatalogue());
    const QModelIndex orders = model.indexOfResource(u"INV.CUSTOMER_ORDERS");
    const QModelIndex orderId = model.index(0, 0, orders);
    QCOMPARE(orderId.siblingAtColumn(CatalogueModel::TypeColumn).data().toString(),
             QStringLiteral("string"));
    QCOMPARE(orderId.siblingAtColumn(CatalogueModel::FlagsColumn).data().toString(),
             QStringLiteral("key · required"));
    const QModelIndex product = model.index(6, 0, orders);
    QCOMPARE(product.data().toString(), QStringLiteral("product_id"));
    QCOMPARE(product.siblingAtColumn(CatalogueModel::FlagsColumn).data().toString(),
             QStringLiteral("required · → INV.PRODUCTS.product_id"));
    const QModelIndex source = model.index(6, 0, model.indexOfResource(u"QP.CUSTOMER"));
    QCOMPARE(source.siblingAtColumn(CatalogueModel::FlagsColumn).data().toString(),
             QStringLiteral("one of: peak, customer"));
    QCOMPARE(orders.siblingAtColumn(CatalogueModel::FlagsColumn).data().toString(),
             QStringLiteral("UPSERT"));
    QCOMPARE(model.index(0, 0).data().toString(),
             QStringLiteral("Inventory Management (INV_OOTB)"));
}

void TestCatalogueModel::indexOfResourceFindsItsRow()
{
    CatalogueModel model;
    model.setCatalogue(test::builtInCatalogue());
    const QModelIndex quote = model.indexOfResource(u"qp.quote_line");
    QVERIFY(quote.isValid());
    QCOMPARE(quote.data().toString(), QStringLiteral("Quote Line"));
    QCOMPARE(quote.parent().data(CatalogueModel::IdRole).toString(), QStringLiteral("QP"));
    QVERIFY(!model.indexOfResource(u"QP.NOTHING").isValid());
}

void TestCatalogueModel::searchKeepsMatchesAndTheirAncestors()
{
    CatalogueModel model;
    model.setCatalogue(test::builtInCatalogue());
    CatalogueFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSearchText(QStringLiteral("price_list"));
    QCOMPARE(names(proxy), (QStringList {"QP"}));
    const QModelIndex qp = proxy.index(0, 0);
    QCOMPARE(names(proxy, qp),
             (QStringList {"QP.CUSTOMER", "QP.LIST_PRICE", "QP.QUOTE_LINE", "QP.SALE"}));
    QCOMPARE(names(proxy, proxy.index(0, 0, qp)), QStringList {"customer_price_list_id"});
    QCOMPARE(names(proxy, proxy.index(1, 0, qp)), QStringList {"price_list_id"});
    // A resource whose own name matches keeps every attribute.
    proxy.setSearchText(QStringLiteral("qp.list_price"));
    QCOMPARE(names(proxy, proxy.index(0, 0)), QStringList {"QP.LIST_PRICE"});
    QCOMPARE(proxy.rowCount(proxy.index(0, 0, proxy.index(0, 0))), 5);
}

void TestCatalogueModel::searchMatchingAResourceKeepsItsAttributes()
{
    CatalogueModel model;
    model.setCatalogue(test::builtInCatalogue());
    CatalogueFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSearchText(QStringLiteral("Customer Orders"));
    QCOMPARE(names(proxy), (QStringList {"INV"}));
    const QModelIndex orders = proxy.index(0, 0, proxy.index(0, 0));
    QCOMPARE(orders.data(CatalogueModel::IdRole).toString(), QStringLiteral("INV.CUSTOMER_ORDERS"));
    QCOMPARE(proxy.rowCount(orders), 14);
}

void TestCatalogueModel::searchWordsMayComeFromAncestors()
{
    CatalogueModel model;
    model.setCatalogue(test::builtInCatalogue());
    CatalogueFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSearchText(QStringLiteral("customer_orders SHIP units"));
    const QModelIndex orders = proxy.index(0, 0, proxy.index(0, 0));
    // "ship" appears in the resource's description too, but ancestors lend only their names.
    QCOMPARE(names(proxy, orders), (QStringList {"shipped_units", "shipped_value"}));
    proxy.setSearchText(QStringLiteral("no-such-word"));
    QCOMPARE(proxy.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestCatalogueModel)
#include "tst_cataloguemodel.moc"
