// SPDX-License-Identifier: MIT
#include "models/schema/catalogue.h"
#include "models/schema/endpoint.h"

#include <QTest>

using namespace sluice;

class TestEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableNamesFromTheCatalogue_data();
    void tableNamesFromTheCatalogue();
    void tableNameWithEmptyPrefixAndSuffix();
    void ingestUrlInBothPathForms_data();
    void ingestUrlInBothPathForms();
    void regionalHost();
    void rejectsUnsafeHosts_data();
    void rejectsUnsafeHosts();
    void rejectsBadTemplatesAndTables_data();
    void rejectsBadTemplatesAndTables();
    void schemaUrls();
};

void TestEndpoint::tableNamesFromTheCatalogue_data()
{
    QTest::addColumn<QString>("resourceId");
    QTest::addColumn<QString>("table");
    QTest::addRow("customer orders") << "INV.CUSTOMER_ORDERS"
                                     << "INV_CUSTOMER_ORDERS_OOTB";
    QTest::addRow("qp customer") << "QP.CUSTOMER"
                                 << "QP_CUSTOMER_OOTB";
    QTest::addRow("b2c sale") << "MP.SALE"
                              << "B2C_SALE_OOTB";
    QTest::addRow("rr products") << "RR.PRODUCTS"
                                 << "RR_PRODUCTS_OOTB";
}

void TestEndpoint::tableNamesFromTheCatalogue()
{
    QFETCH(QString, resourceId);
    QFETCH(QString, table);
    const Result<Catalogue> catalogue = Catalogue::load(Catalogue::builtInPath());
    QVERIFY(catalogue.isOk());
    const Resource *resource = catalogue->resource(resourceId);
    QVERIFY(resource);
    QCOMPARE(Endpoint::tableName(*catalogue->solution(resource->solutionId), *resource), table);
}

void TestEndpoint::tableNameWithEmptyPrefixAndSuffix()
{
    QCOMPARE(Endpoint::tableName(u"", u"CUSTOMER_ORDERS", u""), QStringLiteral("CUSTOMER_ORDERS"));
    QCOMPARE(Endpoint::tableName(u"ACME_", u"CUSTOMER", u""), QStringLiteral("ACME_CUSTOMER"));
}

void TestEndpoint::ingestUrlInBothPathForms_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("pathTemplate");
    QTest::addColumn<QString>("expected");
    const QString ingest = Endpoint::pathTemplate(Endpoint::PathForm::IngestObject);
    const QString objects = Endpoint::pathTemplate(Endpoint::PathForm::Objects);
    QTest::addRow("default form")
        << "https://ingestion.peak.ai" << ingest
        << "https://ingestion.peak.ai/api/v2/ingest/object/INV_CUSTOMER_ORDERS_OOTB";
    QTest::addRow("overview form")
        << "https://ingestion.peak.ai" << objects
        << "https://ingestion.peak.ai/api/v2/objects/INV_CUSTOMER_ORDERS_OOTB";
    QTest::addRow("trailing slash on host")
        << "https://ingestion.peak.ai/" << ingest
        << "https://ingestion.peak.ai/api/v2/ingest/object/INV_CUSTOMER_ORDERS_OOTB";
    QTest::addRow("legacy host keeps its base path")
        << "https://service.peak.ai/ingestion-api" << objects
        << "https://service.peak.ai/ingestion-api/api/v2/objects/INV_CUSTOMER_ORDERS_OOTB";
    QTest::addRow("local sandbox over http")
        << "http://127.0.0.1:8077" << ingest
        << "http://127.0.0.1:8077/api/v2/ingest/object/INV_CUSTOMER_ORDERS_OOTB";
    QTest::addRow("localhost") << "http://localhost:9000"
                               << "/api/v2/object/{table}"
                               << "http://localhost:9000/api/v2/object/INV_CUSTOMER_ORDERS_OOTB";
}

void TestEndpoint::ingestUrlInBothPathForms()
{
    QFETCH(QString, host);
    QFETCH(QString, pathTemplate);
    QFETCH(QString, expected);
    const Result<QUrl> url
        = Endpoint::ingestUrl(QUrl(host), pathTemplate, QStringLiteral("INV_CUSTOMER_ORDERS_OOTB"));
    QVERIFY2(url.isOk(), qPrintable(url ? QString() : url.error().message));
    QCOMPARE(url->toString(), expected);
}

void TestEndpoint::regionalHost()
{
    const Result<QUrl> host = Endpoint::regionalHost(u" EU-West-1 ");
    QVERIFY(host.isOk());
    QCOMPARE(host->toString(), QStringLiteral("https://ingestion.eu-west-1.peak.ai"));
    QVERIFY(!Endpoint::regionalHost(u"eu/west").isOk());
    QVERIFY(!Endpoint::regionalHost(u"").isOk());
    QCOMPARE(Endpoint::defaultHost().toString(), QStringLiteral("https://ingestion.peak.ai"));
}

void TestEndpoint::rejectsUnsafeHosts_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("reason");
    QTest::addRow("plain http to a remote host") << "http://ingestion.peak.ai"
                                                 << "plain http is allowed only for this computer";
    QTest::addRow("ftp") << "ftp://ingestion.peak.ai"
                         << "the scheme must be https";
    QTest::addRow("no host") << "https://"
                             << "is not a valid host URL";
    QTest::addRow("query") << "https://ingestion.peak.ai?x=1"
                           << "carries no query";
    QTest::addRow("user info") << "https://me@ingestion.peak.ai"
                               << "carries no query";
}

void TestEndpoint::rejectsUnsafeHosts()
{
    QFETCH(QString, host);
    QFETCH(QString, reason);
    const Result<QUrl> url = Endpoint::ingestUrl(QUrl(host), Endpoint::defaultPathTemplate(),
                                                 QStringLiteral("QP_CUSTOMER_OOTB"));
    QVERIFY(!url.isOk());
    QVERIFY2(url.error().message.contains(reason), qPrintable(url.error().message));
}

void TestEndpoint::rejectsBadTemplatesAndTables_data()
{
    QTest::addColumn<QString>("pathTemplate");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("reason");
    QTest::addRow("no placeholder") << "/api/v2/objects"
                                    << "T"
                                    << "contain {table} once";
    QTest::addRow("two placeholders") << "/{table}/{table}"
                                      << "T"
                                      << "contain {table} once";
    QTest::addRow("relative") << "api/{table}"
                              << "T"
                              << "must start with '/'";
    QTest::addRow("slash in table") << "/api/{table}"
                                    << "A/../B"
                                    << "is not a table name";
    QTest::addRow("empty table") << "/api/{table}"
                                 << ""
                                 << "is not a table name";
}

void TestEndpoint::rejectsBadTemplatesAndTables()
{
    QFETCH(QString, pathTemplate);
    QFETCH(QString, table);
    QFETCH(QString, reason);
    const Result<QUrl> url = Endpoint::ingestUrl(Endpoint::defaultHost(), pathTemplate, table);
    QVERIFY(!url.isOk());
    QVERIFY2(url.error().message.contains(reason), qPrintable(url.error().message));
}

void TestEndpoint::schemaUrls()
{
    QCOMPARE(Endpoint::schemaSolutionsUrl(Endpoint::legacyHost())->toString(),
             QStringLiteral("https://service.peak.ai/ingestion-api/api/v2/schema/solutions"));
    QCOMPARE(Endpoint::schemaUrl(Endpoint::defaultHost(), QStringLiteral("INV_OOTB"))->toString(),
             QStringLiteral("https://ingestion.peak.ai/api/v2/schema?solutionName=INV_OOTB"));
}

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
