// SPDX-License-Identifier: MIT
#include "models/schema/catalogue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

namespace {

QJsonObject builtInJson()
{
    QFile file(Catalogue::builtInPath());
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open the built-in catalogue");
    return QJsonDocument::fromJson(file.readAll()).object();
}

QByteArray toBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson();
}

// Applies an edit to the first resource's first attribute, for the malformed-catalogue cases.
QJsonObject withFirstAttribute(const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject root = builtInJson();
    QJsonArray resources = root[u"resources"].toArray();
    QJsonObject resource = resources[0].toObject();
    QJsonArray attributes = resource[u"attributes"].toArray();
    QJsonObject attribute = attributes[0].toObject();
    edit(attribute);
    attributes[0] = attribute;
    resource[u"attributes"] = attributes;
    resources[0] = resource;
    root[u"resources"] = resources;
    return root;
}

QJsonObject withFirstResource(const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject root = builtInJson();
    QJsonArray resources = root[u"resources"].toArray();
    QJsonObject resource = resources[0].toObject();
    edit(resource);
    resources[0] = resource;
    root[u"resources"] = resources;
    return root;
}

} // namespace

class TestCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsEveryDocumentedResource();
    void customerOrdersIsComplete();
    void quotePricingCustomerSourceEnum();
    void solutionsCarryNaming();
    void lookupsIgnoreCase();
    void unknownRequirednessStaysUnknown();
    void builtInMatchesSharedCatalogue();
    void loadsAnUpdatedFileWithoutRecompiling();
    void malformedCatalogueNamesFileAndProblem_data();
    void malformedCatalogueNamesFileAndProblem();
    void syntaxErrorGivesLineAndColumn();
    void missingFileIsReported();
};

void TestCatalogue::loadsEveryDocumentedResource()
{
    const Result<Catalogue> catalogue = Catalogue::load(Catalogue::builtInPath());
    QVERIFY2(catalogue.isOk(), qPrintable(catalogue ? QString() : catalogue.error().message));
    QCOMPARE(catalogue->solutions().size(), 4);
    QCOMPARE(catalogue->resources().size(), 51);
    QCOMPARE(catalogue->resourcesOf(u"INV").size(), 17);
    QCOMPARE(catalogue->resourcesOf(u"QP").size(), 10);
    QCOMPARE(catalogue->resourcesOf(u"MP").size(), 12);
    QCOMPARE(catalogue->resourcesOf(u"RR").size(), 12);
    QCOMPARE(catalogue->version(), QStringLiteral("2026-11-22"));
}

void TestCatalogue::customerOrdersIsComplete()
{
    const Result<Catalogue> catalogue = Catalogue::load(Catalogue::builtInPath());
    QVERIFY(catalogue.isOk());
    const Resource *orders = catalogue->resource(u"INV.CUSTOMER_ORDERS");
    QVERIFY(orders);
    QCOMPARE(orders->displayName, QStringLiteral("Customer Orders"));
    QCOMPARE(orders->objectName, QStringLiteral("CUSTOMER_ORDERS"));
    QCOMPARE(orders->attributes.size(), 14);
    QCOMPARE(orders->primaryKey,
             (QStringList {QStringLiteral("order_id"), QStringLiteral("order_line_id"),
                           QStringLiteral("updated_at")}));
    QCOMPARE(orders->recommendedOperation, std::optional(OperationType::Upsert));
    QVERIFY(orders->attributesComplete);

    const Attribute *units = orders->attribute(u"ordered_units");
    QVERIFY(units);
    QCOMPARE(units->type, AttributeType::Integer);
    QVERIFY(units->isRequired());
    QVERIFY(!units->primaryKey);
    const Attribute *product = orders->attribute(u"product_id");
    QVERIFY(product);
    QCOMPARE(product->references, QStringLiteral("INV.PRODUCTS.product_id"));
    QCOMPARE(orders->attribute(u"updated_at")->type, AttributeType::Timestamp);
    QVERIFY(orders->attribute(u"updated_at")->primaryKey);
    QCOMPARE(orders->attribute(u"ordered_value")->type, AttributeType::Float);
    QVERIFY(!orders->attribute(u"status")->isRequired());
    QCOMPARE(orders->requiredAttributes().size(), 10);
    QCOMPARE(orders->variants.size(), 1);
    QCOMPARE(orders->variants[0].primaryKey.size(), 2);
}

void TestCatalogue::quotePricingCustomerSourceEnum()
{
    const Result<Catalogue> catalogue = Catalogue::load(Catalogue::builtInPath());
    QVERIFY(catalogue.isOk());
    const Resource *customer = catalogue->resource(u"QP.CUSTOMER");
    QVERIFY(customer);
    const Attribute *source = customer->attribute(u"source");
    QVERIFY(source);
    QCOMPARE(source->enumValues,
             (QStringList {QStringLiteral("peak"), QStringLiteral("customer")}));
    QCOMPARE(customer->recommendedOperation, std::optional(OperationType::Append));
    QVERIFY(!customer->attribute(u"customer_name")->hasEnum());
}

void TestCatalogue::solutionsCarryNaming()
{
    const Result<Catalogue> catalogue = Catalogue::load(Catalogue::builtInPath());
    QVERIFY(catalogue.isOk());
    const Solution *inv = catalogue->solution(u"INV");
    QVERIFY(inv);
    QCOMPARE(inv->solutionName, QStringLiteral("INV_OOTB"));
    QCOMPARE(inv->prefix, QStringLiteral("INV_"));
    QCOMPARE(inv->suffix, QStringLiteral("_OOTB"));
    QVERIFY(inv->namingDocumented);
    QVERIFY(!catalogue->solution(u"MP")->namingDocumented);
    QCOMPARE(catalogue->solution(u"MP")->solutionName, QStringLiteral("B2C_OOTB"));
}

void TestCatalogue::lookupsIgnoreCase()
{
    const Result<Catalogue> catalogue = Catalogue::load(Catalogue::builtInPath());
    QVERIFY(catalogue.isOk());
    QVERIFY(catalogue->resource(u"inv.customer_orders"));
    QCOMPARE(catalogue->resource(u"inv.customer_orders")->attribute(u"ORDER_ID")->name,
             QStringLiteral("order_id"));
    QVERIFY(!catalogue->resource(u"INV.NOPE"));
    QVERIFY(!catalogue->resource(u"INV.CUSTOMER_ORDERS")->attribute(u"order"));
}

void TestCatalogue::unknownRequirednessStaysUnknown()
{
    const Result<Catalogue> catalogue = Catalogue::load(Catalogue::builtInPath());
    QVERIFY(catalogue.isOk());
    const Attribute *decided = catalogue->resource(u"QP.QUOTE_LINE")->attribute(u"decided_at");
    QVERIFY(decided);
    QVERIFY(!decided->required.has_value());
    QVERIFY(!decided->isRequired());
    QVERIFY(!catalogue->resource(u"QP.QUOTE_LINE")->attributesComplete);
    QCOMPARE(catalogue->resource(u"INV.LOCATIONS")->recommendedOperation, std::nullopt);
    QCOMPARE(catalogue->resource(u"INV.LOCATIONS")->defaultOperation(), OperationType::Upsert);
}

void TestCatalogue::builtInMatchesSharedCatalogue()
{
    // The shipped copy starts from the shared contract; they must not drift apart unnoticed.
    const QString shared = qEnvironmentVariable("SLUICE_SOURCE_DIR")
        + QStringLiteral("/../shared/docs/catalogue.json");
    if (!QFile::exists(shared))
        QSKIP("../shared is not next to the source tree");
    QFile sharedFile(shared);
    QVERIFY(sharedFile.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(sharedFile.readAll()).object(), builtInJson());
}

void TestCatalogue::loadsAnUpdatedFileWithoutRecompiling()
{
    QJsonObject root = withFirstResource([](QJsonObject &resource) {
        QJsonArray attributes = resource[u"attributes"].toArray();
        attributes.append(QJsonObject {{"name", "loyalty_tier"},
                                       {"type", "string"},
                                       {"required", false},
                                       {"nullable", true},
                                       {"primaryKey", false},
                                       {"description", "Added later"}});
        resource[u"attributes"] = attributes;
    });
    root[u"version"] = QStringLiteral("2027-01-01");
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("catalogue.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(toBytes(root));
    file.close();

    const Result<Catalogue> catalogue = Catalogue::load(file.fileName());
    QVERIFY(catalogue.isOk());
    QCOMPARE(catalogue->version(), QStringLiteral("2027-01-01"));
    QCOMPARE(catalogue->resource(u"QP.CUSTOMER")->attributes.size(), 8);
    QVERIFY(catalogue->resource(u"QP.CUSTOMER")->attribute(u"loyalty_tier"));
}

void TestCatalogue::malformedCatalogueNamesFileAndProblem_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    QTest::addRow("top level is a list")
        << QByteArray("[]") << QStringLiteral("the top level must be a JSON object");
    QJsonObject noSolutions = builtInJson();
    noSolutions.remove(u"solutions");
    QTest::addRow("no solutions") << toBytes(noSolutions)
                                  << QStringLiteral("'solutions' must be a non-empty list");
    QTest::addRow("unknown type")
        << toBytes(withFirstAttribute([](QJsonObject &a) { a[u"type"] = "datetime"; }))
        << QStringLiteral("resources[0] (QP.CUSTOMER) › attributes[0] (customer_id): unknown "
                          "type 'datetime' (expected one of string, integer, float, numeric, "
                          "boolean, date, timestamp, json)");
    QTest::addRow("required not a bool")
        << toBytes(withFirstAttribute([](QJsonObject &a) { a[u"required"] = "yes"; }))
        << QStringLiteral("'required' must be true, false or null");
    QTest::addRow("attribute without name")
        << toBytes(withFirstAttribute([](QJsonObject &a) { a.remove(u"name"); }))
        << QStringLiteral("resources[0] (QP.CUSTOMER) › attributes[0]: 'name' must be a string");
    QTest::addRow("duplicate attribute")
        << toBytes(withFirstAttribute([](QJsonObject &a) { a[u"name"] = "UPDATED_AT"; }))
        << QStringLiteral("the attribute name 'updated_at' is used twice");
    QTest::addRow("key names a missing attribute") << toBytes(withFirstResource([](QJsonObject &r) {
        r[u"primaryKey"] = QJsonArray {"customer_id", "updated"};
    })) << QStringLiteral("primary key attribute 'updated' is not among the attributes");
    QTest::addRow("key flag disagrees")
        << toBytes(withFirstAttribute([](QJsonObject &a) { a[u"primaryKey"] = false; }))
        << QStringLiteral("attribute 'customer_id' has primaryKey=false but the resource's "
                          "primaryKey is [customer_id, updated_at]");
    QTest::addRow("unknown solution")
        << toBytes(withFirstResource([](QJsonObject &r) { r[u"solution"] = "XX"; }))
        << QStringLiteral("solution 'XX' is not in 'solutions'");
    QTest::addRow("lower-case object")
        << toBytes(withFirstResource([](QJsonObject &r) { r[u"object"] = "customer"; }))
        << QStringLiteral("object 'customer' must be upper-case letters, digits and '_'");
    QTest::addRow("bad operation")
        << toBytes(withFirstResource([](QJsonObject &r) { r[u"recommendedOperation"] = "MERGE"; }))
        << QStringLiteral("recommendedOperation 'MERGE' must be UPSERT, APPEND or null");
    QTest::addRow("dangling reference")
        << toBytes(withFirstAttribute(
               [](QJsonObject &a) { a[u"references"] = "QP.NOWHERE.customer_id"; }))
        << QStringLiteral("QP.CUSTOMER: attribute 'customer_id' references "
                          "'QP.NOWHERE.customer_id', which is not in the catalogue");
    QJsonObject duplicateId = builtInJson();
    QJsonArray resources = duplicateId[u"resources"].toArray();
    resources.append(resources[0]);
    duplicateId[u"resources"] = resources;
    QTest::addRow("duplicate resource id")
        << toBytes(duplicateId)
        << QStringLiteral("resources[51] (QP.CUSTOMER): the id 'QP.CUSTOMER' is used twice");
}

void TestCatalogue::malformedCatalogueNamesFileAndProblem()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const Result<Catalogue> catalogue = Catalogue::fromJson(json, QStringLiteral("my.json"));
    QVERIFY(!catalogue.isOk());
    const QString message = catalogue.error().message;
    QVERIFY2(message.startsWith(QStringLiteral("my.json: ")), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
}

void TestCatalogue::syntaxErrorGivesLineAndColumn()
{
    const QByteArray json = "{\n  \"solutions\": [\n    {\"id\": \"INV\",}\n  ]\n}";
    const Result<Catalogue> catalogue = Catalogue::fromJson(json, QStringLiteral("broken.json"));
    QVERIFY(!catalogue.isOk());
    QVERIFY2(catalogue.error().message.startsWith(
                 QStringLiteral("broken.json: not valid JSON at line 3, column")),
             qPrintable(catalogue.error().message));
}

void TestCatalogue::missingFileIsReported()
{
    const Result<Catalogue> catalogue = Catalogue::load(QStringLiteral("/nonexistent/cat.json"));
    QVERIFY(!catalogue.isOk());
    QVERIFY2(catalogue.error().message.startsWith(
                 QStringLiteral("/nonexistent/cat.json: cannot open the catalogue")),
             qPrintable(catalogue.error().message));
}

QTEST_GUILESS_MAIN(TestCatalogue)
#include "tst_catalogue.moc"
