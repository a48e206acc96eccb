// SPDX-License-Identifier: MIT
#include "models/mapping/automapper.h"
#include "models/mapping/headernormaliser.h"
#include "tests/support/catalogues.h"

#include <QTest>

using namespace sluice;

namespace {

SourceColumn column(const QString &name, const QStringList &values = {})
{
    SourceColumn result;
    result.name = name;
    result.profile.name = name;
    result.values = values;
    return result;
}

QStringList repeated(const QString &value, int count)
{
    QStringList values;
    for (int i = 0; i < count; ++i)
        values.append(value);
    return values;
}

// The attribute a column went to, or an empty string.
QString attributeOf(const Mapping &mapping, const QString &columnName)
{
    for (const AttributeMapping &entry : mapping.attributes) {
        if (entry.isMapped() && entry.columns.contains(columnName))
            return entry.attribute;
    }
    return {};
}

} // namespace

class TestAutomapper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void headerVariants_data();
    void headerVariants();
    void staysUnmappedRatherThanGuess_data();
    void staysUnmappedRatherThanGuess();
    void freeTextDoesNotFillAnEnum();
    void enumValuesAloneSupportAnAttribute();
    void positionDoesNotMatter();
    void conflictLoserFallsBackToItsNextBest();
    void conflictWithSameScoreIsDecidedByNameNotPosition();
    void datesRaiseAndNumbersLowerADateMatch();
    void valuesMoveAColumnToTheRightAttribute();
    void weakCandidateIsNamedInTheReason();
    void profileSamplesServeWhenNoValuesAreGiven();
    void savedMappingIsLookedForFirst();
    void savedMappingWithMissingColumnFallsBack();
    void reportsUnmappedRequiredAndUnusedColumns();
    void everyAttributeHasAnEntryInResourceOrder();
    void realWorldExports_data();
    void realWorldExports();
    void headerWords();

private:
    AutomapResult map(const QString &resourceId, const QList<SourceColumn> &columns,
                      const Mapping *saved = nullptr) const;

    std::shared_ptr<const Catalogue> m_catalogue;
};

void TestAutomapper::initTestCase()
{
    m_catalogue = test::builtInCatalogue();
}

AutomapResult TestAutomapper::map(const QString &resourceId, const QList<SourceColumn> &columns,
                                  const Mapping *saved) const
{
    const Resource *resource = m_catalogue->resource(resourceId);
    if (!resource)
        qFatal("no resource %s in the built-in catalogue", qPrintable(resourceId));
    Automapper mapper(*resource);
    if (saved)
        mapper.setSavedMapping(*saved);
    return mapper.propose(columns);
}

void TestAutomapper::headerVariants_data()
{
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("attribute");
    QTest::addColumn<QString>("reason");

    const auto row
        = [](const char *resource, const char *header, const char *attribute, const char *reason) {
              QTest::addRow("%s: %s", resource, header)
                  << QString::fromUtf8(resource) << QString::fromUtf8(header)
                  << QString::fromUtf8(attribute) << QString::fromUtf8(reason);
          };
    const char *orders = "INV.CUSTOMER_ORDERS";
    row(orders, "order_id", "order_id", "header 'order_id' is exactly 'order_id'");
    row(orders, "Order ID", "order_id", "matches 'order_id' after normalising");
    row(orders, "OrderID", "order_id", "after normalising");
    row(orders, "ORDER_ID", "order_id", "after normalising");
    row(orders, "Order No.", "order_id", "header 'Order No.' is a synonym of order_id");
    row(orders, "Order #", "order_id", "is a synonym of order_id");
    row(orders, "Order Number", "order_id", "is a synonym of order_id");
    row(orders, "Auftragsnummer", "order_id", "is a synonym of order_id");
    row(orders, "N° Commande", "order_id", "is a synonym of order_id");
    row(orders, "Line #", "order_line_id", "is a synonym of order_line_id");
    row(orders, "Line No", "order_line_id", "is a synonym of order_line_id");
    row(orders, "Pos.", "order_line_id", "is a synonym of order_line_id");
    row(orders, "Qty", "ordered_units", "header 'Qty' is a synonym of ordered_units");
    row(orders, "Quantity", "ordered_units", "is a synonym of ordered_units");
    row(orders, "Menge", "ordered_units", "is a synonym of ordered_units");
    row(orders, "Cantidad", "ordered_units", "is a synonym of ordered_units");
    row(orders, "Qté", "ordered_units", "is a synonym of ordered_units");
    row(orders, "Order Date", "order_date", "header 'Order Date' matches 'order_date' after");
    row(orders, "orderDate", "order_date", "after normalising");
    row(orders, "Order Dt", "order_date", "once abbreviations and word endings");
    row(orders, "Requested Ship Date", "requested_ship_date", "after normalising");
    row(orders, "Req. Ship Date", "requested_ship_date", "once abbreviations and word endings");
    row(orders, "Wunschtermin", "requested_ship_date", "is a synonym of requested_ship_date");
    row(orders, "Ship Date", "actual_ship_date", "is a synonym of actual_ship_date");
    row(orders, "Promised Date", "expected_ship_date", "is a synonym of expected_ship_date");
    row(orders, "SKU", "product_id", "header 'SKU' is a synonym of product_id");
    row(orders, "Item", "product_id", "is a synonym of product_id");
    row(orders, "Article", "product_id", "is a synonym of product_id");
    row(orders, "Artikelnummer", "product_id", "is a synonym of product_id");
    row(orders, "Prod ID", "product_id", "once abbreviations and word endings");
    row(orders, "Site", "location_id", "is a synonym of location_id");
    row(orders, "Warehouse", "location_id", "is a synonym of location_id");
    row(orders, "DC", "location_id", "is a synonym of location_id");
    row(orders, "Plant", "location_id", "is a synonym of location_id");
    row(orders, "Almacén", "location_id", "is a synonym of location_id");
    row(orders, "Warehouse Code", "location_id", "contains 'warehouse', a synonym of location_id");
    row(orders, "Loc. ID", "location_id", "once abbreviations and word endings");
    row(orders, "Last Modified", "updated_at", "is a synonym of updated_at");
    row(orders, "UpdatedAt", "updated_at", "after normalising");
    row(orders, "Order Value", "ordered_value", "once abbreviations and word endings");
    row(orders, "Shipped Qty", "shipped_units", "is a synonym of shipped_units");
    row(orders, "Statut", "status", "is a synonym of status");
    row(orders, "Fecha Pedido", "order_date", "is a synonym of order_date");
    row(orders, "Numéro de commande", "order_id", "is a synonym of order_id");
    row(orders, "Référence", "product_id", "is a synonym of product_id");
    row(orders, "Document Number", "order_id", "is a synonym of order_id");
    const char *customer = "QP.CUSTOMER";
    row(customer, "Cust", "customer_id", "is a synonym of customer_id");
    row(customer, "Customer No", "customer_id", "is a synonym of customer_id");
    row(customer, "Kundennummer", "customer_id", "is a synonym of customer_id");
    row(customer, "Cliente", "customer_id", "is a synonym of customer_id");
    row(customer, "Customer Name", "customer_name", "after normalising");
    row(customer, "Name", "customer_name", "matches 'customer_name' within Customer");
    row(customer, "Customer Group", "customer_category", "is a synonym of customer_category");
    row(customer, "Price List", "customer_price_list_id", "synonym of customer_price_list_id");
    const char *products = "INV.PRODUCTS";
    row(products, "Product Name", "product_name", "after normalising");
    row(products, "Item Description", "product_description", "synonym of product_description");
    row(products, "Warengruppe", "product_category", "is a synonym of product_category");
    row(products, "Pack Size", "pack_size", "after normalising");
    row(products, "Case Qty", "pack_size", "is a synonym of pack_size");
    row(products, "MOQ", "minimum_order_quantity", "synonym of minimum_order_quantity");
    row(products, "Supplier", "source_id", "is a synonym of source_id");
    const char *locations = "INV.LOCATIONS";
    row(locations, "Location Name", "location_name", "after normalising");
    row(locations, "Country Code", "country", "is a synonym of country");
    row(locations, "Pays", "country", "is a synonym of country");
    row(locations, "ID", "location_id", "matches 'location_id' within Locations");
    row("INV.PURCHASE_ORDERS", "PO Number", "order_number", "is a synonym of order_number");
    row("INV.PURCHASE_ORDERS", "Due Date", "order_due_date", "synonym of order_due_date");
    row("INV.PURCHASE_ORDERS", "Received Qty", "receipted_units", "synonym of receipted_units");
    row("INV.STOCK_DAILY", "SOH", "available_stock", "is a synonym of available_stock");
    row("INV.STOCK_DAILY", "Datum", "day_date", "is a synonym of day_date");
    row("QP.QUOTE_LINE", "Quote No", "quote_id", "is a synonym of quote_id");
}

void TestAutomapper::headerVariants()
{
    QFETCH(QString, resource);
    QFETCH(QString, header);
    QFETCH(QString, attribute);
    QFETCH(QString, reason);
    const AutomapResult result = map(resource, {column(header)});
    QCOMPARE(attributeOf(result.mapping, header), attribute);
    const AttributeMapping *entry = result.mapping.find(attribute);
    QVERIFY(entry);
    QVERIFY2(entry->reason.contains(reason), qPrintable(entry->reason));
    QVERIFY(entry->confidence >= Automapper::DefaultThreshold && entry->confidence <= 1.0);
}

void TestAutomapper::staysUnmappedRatherThanGuess_data()
{
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("header");
    QTest::newRow("notes") << "INV.CUSTOMER_ORDERS"
                           << "Notes";
    QTest::newRow("column c") << "INV.CUSTOMER_ORDERS"
                              << "Column C";
    QTest::newRow("comments") << "QP.CUSTOMER"
                              << "Kommentar";
    QTest::newRow("invoice date is not the order date") << "INV.CUSTOMER_ORDERS"
                                                        << "Invoice Date";
    QTest::newRow("a name is not an id") << "QP.SALE"
                                         << "Customer Name";
    QTest::newRow("empty header") << "INV.PRODUCTS"
                                  << "";
}

void TestAutomapper::staysUnmappedRatherThanGuess()
{
    QFETCH(QString, resource);
    QFETCH(QString, header);
    const AutomapResult result = map(resource, {column(header)});
    QCOMPARE(attributeOf(result.mapping, header), QString());
    QCOMPARE(result.unusedColumns, QStringList {header});
    for (const AttributeMapping &entry : result.mapping.attributes)
        QVERIFY2(!entry.reason.isEmpty(), qPrintable(entry.attribute));
}

void TestAutomapper::freeTextDoesNotFillAnEnum()
{
    const AutomapResult result = map(QStringLiteral("QP.CUSTOMER"),
                                     {column(QStringLiteral("source"),
                                             {QStringLiteral("entered by Anna after the call"),
                                              QStringLiteral("imported from the old CRM system"),
                                              QStringLiteral("typed in by hand at the fair")})});
    const AttributeMapping *source = result.mapping.find(u"source");
    QVERIFY(!source->isMapped());
    QVERIFY2(source->reason.contains(u"the best candidate was 'source'"),
             qPrintable(source->reason));
    QVERIFY2(
        source->reason.contains(u"free text, none an allowed value of source (peak, customer)"),
        qPrintable(source->reason));
}

void TestAutomapper::enumValuesAloneSupportAnAttribute()
{
    // "Origin" shares no word with source, but every value is one of its allowed values, and a
    // "Source" column of prose loses to it.
    const AutomapResult result = map(
        QStringLiteral("QP.CUSTOMER"),
        {column(QStringLiteral("Source"),
                repeated(QStringLiteral("typed in by hand at the fair"), 4)),
         column(QStringLiteral("Origin"),
                {QStringLiteral("peak"), QStringLiteral("Customer"), QStringLiteral("peak")})});
    const AttributeMapping *source = result.mapping.find(u"source");
    QCOMPARE(source->columns, QStringList {QStringLiteral("Origin")});
    QVERIFY2(source->reason.contains(u"values of 'Origin' are allowed values of source (3 of 3)"),
             qPrintable(source->reason));
    QCOMPARE(result.unusedColumns, QStringList {QStringLiteral("Source")});
}

void TestAutomapper::positionDoesNotMatter()
{
    QList<SourceColumn> columns = {
        column(QStringLiteral("Order No")),   column(QStringLiteral("Order #")),
        column(QStringLiteral("Line")),       column(QStringLiteral("SKU")),
        column(QStringLiteral("Warehouse")),  column(QStringLiteral("Qty")),
        column(QStringLiteral("Order Date")), column(QStringLiteral("Ship Date")),
        column(QStringLiteral("Notes")),      column(QStringLiteral("Column C")),
    };
    const AutomapResult forward = map(QStringLiteral("INV.CUSTOMER_ORDERS"), columns);
    std::reverse(columns.begin(), columns.end());
    const AutomapResult backward = map(QStringLiteral("INV.CUSTOMER_ORDERS"), columns);
    std::rotate(columns.begin(), columns.begin() + 3, columns.end());
    const AutomapResult rotated = map(QStringLiteral("INV.CUSTOMER_ORDERS"), columns);
    QCOMPARE(backward.mapping, forward.mapping);
    QCOMPARE(rotated.mapping, forward.mapping);
    QCOMPARE(forward.mapping.find(u"order_id")->columns, QStringList {QStringLiteral("Order #")});
    QCOMPARE(forward.mapping.find(u"ordered_units")->columns, QStringList {QStringLiteral("Qty")});
    QCOMPARE(attributeOf(forward.mapping, QStringLiteral("Column C")), QString());
    QCOMPARE(map(QStringLiteral("INV.CUSTOMER_ORDERS"), columns).mapping, rotated.mapping);
}

void TestAutomapper::conflictLoserFallsBackToItsNextBest()
{
    // Both columns want actual_ship_date; the exact one wins, "Ship Date" falls back to the
    // next attribute it shares words with, and expected_ship_date says where its column went.
    const AutomapResult result
        = map(QStringLiteral("INV.CUSTOMER_ORDERS"),
              {column(QStringLiteral("Ship Date")), column(QStringLiteral("Actual Ship Date"))});
    const AttributeMapping *actual = result.mapping.find(u"actual_ship_date");
    QCOMPARE(actual->columns, QStringList {QStringLiteral("Actual Ship Date")});
    QVERIFY(actual->reason.contains(u"after normalising"));
    const AttributeMapping *requested = result.mapping.find(u"requested_ship_date");
    QCOMPARE(requested->columns, QStringList {QStringLiteral("Ship Date")});
    QVERIFY2(requested->reason.contains(u"shares 'ship' and 'date' with 'requested_ship_date'"),
             qPrintable(requested->reason));
    QVERIFY(requested->confidence < actual->confidence);
    const AttributeMapping *expected = result.mapping.find(u"expected_ship_date");
    QVERIFY(!expected->isMapped());
    QVERIFY2(expected->reason.contains(
                 u"the best candidate, column 'Ship Date' (0.60), went to requested_ship_date"),
             qPrintable(expected->reason));
}

void TestAutomapper::conflictWithSameScoreIsDecidedByNameNotPosition()
{
    const QList<SourceColumn> columns
        = {column(QStringLiteral("Quantity")), column(QStringLiteral("Qty"))};
    const AutomapResult result = map(QStringLiteral("INV.CUSTOMER_ORDERS"), columns);
    QCOMPARE(result.mapping.find(u"ordered_units")->columns, QStringList {QStringLiteral("Qty")});
    QCOMPARE(result.unusedColumns, QStringList {QStringLiteral("Quantity")});
    const AutomapResult swapped
        = map(QStringLiteral("INV.CUSTOMER_ORDERS"), {columns.at(1), columns.at(0)});
    QCOMPARE(swapped.mapping, result.mapping);
}

void TestAutomapper::datesRaiseAndNumbersLowerADateMatch()
{
    QStringList dates = repeated(QStringLiteral("2025-01-31"), 98);
    dates << QStringLiteral("n/a") << QStringLiteral("tbd");
    const AutomapResult withDates = map(QStringLiteral("INV.CUSTOMER_ORDERS"),
                                        {column(QStringLiteral("Versanddatum"), dates)});
    const AttributeMapping *actual = withDates.mapping.find(u"actual_ship_date");
    QVERIFY2(actual->reason.contains(u"is a synonym of actual_ship_date; values look like dates "
                                     u"(98 of 100)"),
             qPrintable(actual->reason));
    QCOMPARE(actual->confidence, 0.95);

    const AutomapResult withText = map(
        QStringLiteral("INV.CUSTOMER_ORDERS"),
        {column(QStringLiteral("Versanddatum"),
                {QStringLiteral("DHL"), QStringLiteral("UPS"), QStringLiteral("own truck")})});
    actual = withText.mapping.find(u"actual_ship_date");
    QVERIFY(!actual->isMapped());
    QVERIFY2(actual->reason.contains(u"values do not look like dates (0 of 3)"),
             qPrintable(actual->reason));
}

void TestAutomapper::valuesMoveAColumnToTheRightAttribute()
{
    // "Shipped" is a date synonym, but whole numbers make it the shipped quantity.
    const AutomapResult dates
        = map(QStringLiteral("INV.CUSTOMER_ORDERS"),
              {column(QStringLiteral("Shipped"), repeated(QStringLiteral("31/01/2025"), 5))});
    QCOMPARE(attributeOf(dates.mapping, QStringLiteral("Shipped")),
             QStringLiteral("actual_ship_date"));
    const AutomapResult numbers
        = map(QStringLiteral("INV.CUSTOMER_ORDERS"),
              {column(QStringLiteral("Shipped"),
                      {QStringLiteral("12"), QStringLiteral("4"), QStringLiteral("1,200")})});
    QCOMPARE(attributeOf(numbers.mapping, QStringLiteral("Shipped")),
             QStringLiteral("shipped_units"));
    QVERIFY2(numbers.mapping.find(u"shipped_units")->reason.contains(u"values are whole numbers"),
             qPrintable(numbers.mapping.find(u"shipped_units")->reason));

    // In a locations file a yes/no "DC" column is the flag, and "Site" is the id.
    const AutomapResult locations
        = map(QStringLiteral("INV.LOCATIONS"),
              {column(QStringLiteral("DC"),
                      {QStringLiteral("Y"), QStringLiteral("N"), QStringLiteral("Y")}),
               column(QStringLiteral("Site"),
                      {QStringLiteral("DE01"), QStringLiteral("FR02"), QStringLiteral("ES03")})});
    QCOMPARE(attributeOf(locations.mapping, QStringLiteral("DC")), QStringLiteral("is_dc"));
    QCOMPARE(attributeOf(locations.mapping, QStringLiteral("Site")), QStringLiteral("location_id"));
    QVERIFY2(locations.mapping.find(u"is_dc")->reason.contains(u"values are yes/no (3 of 3)"),
             qPrintable(locations.mapping.find(u"is_dc")->reason));
    QVERIFY2(
        locations.mapping.find(u"location_id")->reason.contains(u"values look like identifiers"),
        qPrintable(locations.mapping.find(u"location_id")->reason));
}

void TestAutomapper::weakCandidateIsNamedInTheReason()
{
    const AutomapResult result
        = map(QStringLiteral("INV.CUSTOMER_ORDERS"),
              {column(QStringLiteral("Qty"),
                      {QStringLiteral("see note"), QStringLiteral("tbd"), QStringLiteral("n/a")})});
    const AttributeMapping *units = result.mapping.find(u"ordered_units");
    QVERIFY(!units->isMapped());
    QVERIFY2(units->reason.contains(u"no column fits well enough; the best candidate was 'Qty' "
                                    u"at 0.45: header 'Qty' is a synonym of ordered_units; but "
                                    u"its values are not numbers (0 of 3 are)"),
             qPrintable(units->reason));
    QVERIFY(result.mapping.find(u"order_id")->reason.contains(u"no column's header or values"));
}

void TestAutomapper::profileSamplesServeWhenNoValuesAreGiven()
{
    SourceColumn shipped = column(u"Shipped"_qs);
    shipped.profile.kind = u"number"_qs;
    shipped.profile.samples = {u"3"_qs, u"14"_qs, u"7"_qs};
    const AutomapResult result = map(u"INV.CUSTOMER_ORDERS"_qs, {shipped});
    QCOMPARE(attributeOf(result.mapping, u"Shipped"_qs), u"shipped_units"_qs);
    QVERIFY(result.mapping.find(u"shipped_units")->reason.contains(u"whole numbers (3 of 3)"));
}

void TestAutomapper::savedMappingIsLookedForFirst()
{
    Mapping saved;
    saved.resourceId = QStringLiteral("INV.CUSTOMER_ORDERS");
    AttributeMapping units;
    units.attribute = QStringLiteral("ordered_units");
    units.source = AttributeMapping::Source::Column;
    units.columns = {QStringLiteral("Menge gesamt (Stk)")};
    units.transforms.number.decimalSeparator = u',';
    units.transforms.number.groupSeparator = u'.';
    AttributeMapping location;
    location.attribute = QStringLiteral("location_id");
    location.source = AttributeMapping::Source::Constant;
    location.constant = QStringLiteral("DE01");
    saved.attributes = {units, location};
    saved.ignoredColumns = {QStringLiteral("Notes")};

    // Next month the column moved, changed case, and a "Qty" column appeared.
    const AutomapResult result
        = map(QStringLiteral("INV.CUSTOMER_ORDERS"),
              {column(QStringLiteral("Notes")), column(QStringLiteral("Qty")),
               column(QStringLiteral("MENGE GESAMT (STK)"))},
              &saved);
    const AttributeMapping *mapped = result.mapping.find(u"ordered_units");
    QCOMPARE(mapped->columns, QStringList {QStringLiteral("MENGE GESAMT (STK)")});
    QCOMPARE(mapped->transforms, units.transforms);
    QCOMPARE(mapped->confidence, 1.0);
    QVERIFY2(mapped->reason.contains(u"column 'MENGE GESAMT (STK)' fed ordered_units in the saved"),
             qPrintable(mapped->reason));
    const AttributeMapping *site = result.mapping.find(u"location_id");
    QCOMPARE(site->source, AttributeMapping::Source::Constant);
    QCOMPARE(site->constant, QStringLiteral("DE01"));
    QCOMPARE(result.mapping.ignoredColumns, QStringList {QStringLiteral("Notes")});
    QCOMPARE(result.unusedColumns, QStringList {QStringLiteral("Qty")});
}

void TestAutomapper::savedMappingWithMissingColumnFallsBack()
{
    Mapping saved;
    saved.resourceId = QStringLiteral("INV.CUSTOMER_ORDERS");
    AttributeMapping units;
    units.attribute = QStringLiteral("ordered_units");
    units.source = AttributeMapping::Source::Column;
    units.columns = {QStringLiteral("Stueckzahl")};
    saved.attributes = {units};
    const AutomapResult result
        = map(QStringLiteral("INV.CUSTOMER_ORDERS"), {column(QStringLiteral("Qty"))}, &saved);
    const AttributeMapping *mapped = result.mapping.find(u"ordered_units");
    QCOMPARE(mapped->columns, QStringList {QStringLiteral("Qty")});
    QVERIFY(mapped->reason.contains(u"is a synonym of ordered_units"));
}

void TestAutomapper::reportsUnmappedRequiredAndUnusedColumns()
{
    const AutomapResult result
        = map(QStringLiteral("INV.CUSTOMER_ORDERS"),
              {column(QStringLiteral("Order No")), column(QStringLiteral("Notes")),
               column(QStringLiteral("SKU")), column(QStringLiteral("Qty")),
               column(QStringLiteral("Column C"))});
    const QStringList required
        = {QStringLiteral("order_line_id"),       QStringLiteral("order_date"),
           QStringLiteral("requested_ship_date"), QStringLiteral("expected_ship_date"),
           QStringLiteral("location_id"),         QStringLiteral("ordered_value"),
           QStringLiteral("updated_at")};
    QCOMPARE(result.unmappedRequired, required);
    QCOMPARE(result.unusedColumns,
             (QStringList {QStringLiteral("Notes"), QStringLiteral("Column C")}));
}

void TestAutomapper::everyAttributeHasAnEntryInResourceOrder()
{
    const Resource *resource = m_catalogue->resource(u"INV.CUSTOMER_ORDERS");
    const AutomapResult result = map(resource->id, {column(QStringLiteral("Qty"))});
    QCOMPARE(result.mapping.resourceId, resource->id);
    QCOMPARE(result.mapping.attributes.size(), resource->attributes.size());
    for (qsizetype i = 0; i < resource->attributes.size(); ++i)
        QCOMPARE(result.mapping.attributes.at(i).attribute, resource->attributes.at(i).name);
}

void TestAutomapper::realWorldExports_data()
{
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<QStringList>("attributes"); // per header; empty: left unused
    QTest::addColumn<QList<QStringList>>("values");

    const QStringList dates = {u"2025-01-31"_qs, u"2025-02-01"_qs, u"2025-02-03"_qs};
    const QStringList german = {u"31.01.2025"_qs, u"01.02.2025"_qs, u"03.02.2025"_qs};
    const QStringList counts = {u"12"_qs, u"4"_qs, u"1200"_qs};
    const QStringList amounts = {u"12.50"_qs, u"4.00"_qs, u"1,200.75"_qs};
    const QStringList codes = {u"SO-1001"_qs, u"SO-1002"_qs, u"SO-1003"_qs};
    const QStringList text = {u"call first"_qs, u"gate 4 closes at 5"_qs, u""_qs};
    QTest::newRow("netsuite-like orders")
        << u"INV.CUSTOMER_ORDERS"_qs
        << QStringList {u"Document Number"_qs,
                        u"Line ID"_qs,
                        u"Date"_qs,
                        u"Requested Date"_qs,
                        u"Promise Date"_qs,
                        u"Ship Date"_qs,
                        u"Item"_qs,
                        u"Location"_qs,
                        u"Quantity"_qs,
                        u"Amount"_qs,
                        u"Date Last Modified"_qs,
                        u"Status"_qs,
                        u"Quantity Fulfilled"_qs,
                        u"Memo"_qs}
        << QStringList {u"order_id"_qs,           u"order_line_id"_qs,
                        u"order_date"_qs,         u"requested_ship_date"_qs,
                        u"expected_ship_date"_qs, u"actual_ship_date"_qs,
                        u"product_id"_qs,         u"location_id"_qs,
                        u"ordered_units"_qs,      u"ordered_value"_qs,
                        u"updated_at"_qs,         u"status"_qs,
                        u"shipped_units"_qs,      QString()}
        << QList<QStringList> {codes, counts, dates,   dates, dates,           dates,  codes,
                               codes, counts, amounts, dates, {u"Shipped"_qs}, counts, text};
    QTest::newRow("german erp orders")
        << u"INV.CUSTOMER_ORDERS"_qs
        << QStringList {u"Auftragsnr."_qs,   u"Pos."_qs,         u"Auftragsdatum"_qs,
                        u"Wunschtermin"_qs,  u"Liefertermin"_qs, u"Versanddatum"_qs,
                        u"Artikelnummer"_qs, u"Werk"_qs,         u"Bestellmenge"_qs,
                        u"Auftragswert"_qs,  u"Geändert am"_qs,  u"Status"_qs,
                        u"Liefermenge"_qs,   u"Bemerkung"_qs}
        << QStringList {u"order_id"_qs,           u"order_line_id"_qs,
                        u"order_date"_qs,         u"requested_ship_date"_qs,
                        u"expected_ship_date"_qs, u"actual_ship_date"_qs,
                        u"product_id"_qs,         u"location_id"_qs,
                        u"ordered_units"_qs,      u"ordered_value"_qs,
                        u"updated_at"_qs,         u"status"_qs,
                        u"shipped_units"_qs,      QString()}
        << QList<QStringList> {codes, counts, german,  german, german,        german, codes,
                               codes, counts, amounts, german, {u"offen"_qs}, counts, text};
}

void TestAutomapper::realWorldExports()
{
    QFETCH(QString, resource);
    QFETCH(QStringList, headers);
    QFETCH(QStringList, attributes);
    QFETCH(QList<QStringList>, values);
    QList<SourceColumn> columns;
    for (qsizetype i = 0; i < headers.size(); ++i)
        columns.append(column(headers.at(i), values.at(i)));
    const AutomapResult result = map(resource, columns);
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QString attribute = attributeOf(result.mapping, headers.at(i));
        const AttributeMapping *entry = result.mapping.find(attribute);
        QVERIFY2(attribute == attributes.at(i),
                 qPrintable(QStringLiteral("%1 → '%2' (%3)")
                                .arg(headers.at(i), attribute, entry ? entry->reason : QString())));
    }
}

void TestAutomapper::headerWords()
{
    QCOMPARE(HeaderNormaliser::words(u"OrderID"), (QStringList {u"order"_qs, u"id"_qs}));
    QCOMPARE(HeaderNormaliser::words(u"SKUCode 2"), (QStringList {u"sku"_qs, u"code"_qs, u"2"_qs}));
    QCOMPARE(HeaderNormaliser::words(u"N° Commande"), (QStringList {u"n"_qs, u"commande"_qs}));
    QCOMPARE(HeaderNormaliser::words(u"Order #"), (QStringList {u"order"_qs, u"#"_qs}));
    QCOMPARE(HeaderNormaliser::canonical(u"Qty. Ordered"),
             (QStringList {u"quantity"_qs, u"ordered"_qs}));
    QCOMPARE(HeaderNormaliser::canonical(u"Date de création"),
             (QStringList {u"date"_qs, u"creation"_qs}));
    QCOMPARE(HeaderNormaliser::stems(u"Shipped Units"), HeaderNormaliser::stems(u"ship_unit"));
    QCOMPARE(HeaderNormaliser::words(u"Größe"), QStringList {u"grosse"_qs});
}

QTEST_GUILESS_MAIN(TestAutomapper)
#include "tst_automapper.moc"
