// SPDX-License-Identifier: MIT
// The sandbox in-process on 127.0.0.1 with an ephemeral port, spoken to over real HTTP.
#include "app/sandbox/sandboxserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

namespace {

const QString Orders = QStringLiteral("INV_CUSTOMER_ORDERS_OOTB");
const QString FailedOrders = QStringLiteral("INV_CUSTOMER_ORDERS_OOTB_failed_rows");
const QString IngestPath = QStringLiteral("/api/v2/ingest/object/");

struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray raw;
    QJsonDocument body;
    QByteArray requestId;  // X-Request-Id
    QByteArray retryAfter; // Retry-After
    QByteArray contentType;
    qint64 elapsedMs = 0;

    QJsonObject object() const { return body.object(); }
    QJsonArray failed() const { return body.object()[u"failed"].toArray(); }
};

// A valid order line (the catalogue's example), told apart by i.
QJsonObject order(int i, int units = 10)
{
    return {{QStringLiteral("order_id"), QStringLiteral("ORD-%1").arg(i)},
            {QStringLiteral("order_line_id"), QStringLiteral("LINE-001")},
            {QStringLiteral("order_date"), QStringLiteral("2025-01-10 09:00:00")},
            {QStringLiteral("requested_ship_date"), QStringLiteral("2025-01-17 00:00:00")},
            {QStringLiteral("expected_ship_date"), QStringLiteral("2025-01-17 00:00:00")},
            {QStringLiteral("actual_ship_date"), QStringLiteral("2025-01-16 14:30:00")},
            {QStringLiteral("product_id"), QStringLiteral("PROD-001")},
            {QStringLiteral("location_id"), QStringLiteral("LOC-001")},
            {QStringLiteral("ordered_units"), units},
            {QStringLiteral("ordered_value"), 249.9},
            {QStringLiteral("updated_at"), QStringLiteral("2025-01-16 14:30:00")},
            {QStringLiteral("status"), QStringLiteral("shipped")},
            {QStringLiteral("shipped_units"), units},
            {QStringLiteral("shipped_value"), 249.9}};
}

QJsonArray orders(int count, int units = 10)
{
    QJsonArray rows;
    for (int i = 0; i < count; ++i)
        rows.append(order(i, units));
    return rows;
}

QByteArray ingestBody(const QJsonArray &rows, const QString &operation = QStringLiteral("UPSERT"),
                      bool dryRun = false, const QString &solution = QStringLiteral("INV_OOTB"))
{
    return QJsonDocument(QJsonObject {{QStringLiteral("solutionName"), solution},
                                      {QStringLiteral("operationType"), operation},
                                      {QStringLiteral("dryRun"), dryRun},
                                      {QStringLiteral("data"), rows}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestSandboxServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void rejectsAMissingOrWrongToken_data();
    void rejectsAMissingOrWrongToken();
    void listsSolutions();
    void servesOneSolutionsTablesUnderEveryBase_data();
    void servesOneSolutionsTablesUnderEveryBase();
    void unknownSolutionIs404();
    void acceptsABatchOnEveryPathForm_data();
    void acceptsABatchOnEveryPathForm();
    void ingestChecksTheToken_data();
    void ingestChecksTheToken();
    void upsertTwiceKeepsOneRowPerKeyWithTheNewValues();
    void appendTwiceReportsKeyExists();
    void reportsEachRowCode_data();
    void reportsEachRowCode();
    void duplicateKeysInOneRequestFailEveryRow();
    void failedRowsLandInTheFailedRowsTable();
    void dryRunWritesNothingButReportsTheSameFailures();
    void storesA19DigitIntegerExactly();
    void badBodiesAre400_data();
    void badBodiesAre400();
    void unknownTableIs404();
    void tooManyRowsOrBytesIs413();
    void overTheRateLimitIs429WithRetryAfter();
    void injectedFailuresAnswerTheFailStatusUnprocessed();
    void droppedBatchesAreStoredButUnanswered();
    void latencyDelaysTheAnswer();
    void adminEndpoints();
    void adminNeedsTheToken();
    void aDatabaseFilePersistsAcrossServers();
    void anUnopenableDatabaseIsAnError();

private:
    quint16 start(SandboxOptions options, std::unique_ptr<SandboxServer> *server);
    Reply get(const QString &path, const QByteArray &authorization = "sandbox-token",
              quint16 port = 0);
    Reply post(const QString &path, const QByteArray &body,
               const QByteArray &authorization = "sandbox-token", quint16 port = 0,
               const QByteArray &batch = QByteArray());
    Reply ingest(const QByteArray &body, quint16 port = 0)
    {
        return post(IngestPath + Orders, body, "sandbox-token", port);
    }
    Reply send(QNetworkRequest request, const QString &path, const QByteArray &verb,
               const QByteArray &body, quint16 port);
    qint64 count(const QString &table, quint16 port = 0);
    QJsonArray storedRows(const QString &table, quint16 port = 0);
    QJsonArray requests(qint64 since = 0, quint16 port = 0);

    std::shared_ptr<const Catalogue> m_catalogue;
    std::unique_ptr<SandboxServer> m_server;
    QNetworkAccessManager m_network;
    quint16 m_port = 0;
};

void TestSandboxServer::initTestCase()
{
    Result<Catalogue> catalogue = Catalogue::load(Catalogue::builtInPath());
    QVERIFY(catalogue.isOk());
    m_catalogue = std::make_shared<const Catalogue>(std::move(catalogue).value());
    SandboxOptions options;
    options.rateLimit = 0; // the tests send quickly; one test turns the limit on
    m_port = start(options, &m_server);
    QVERIFY(m_port != 0);
}

void TestSandboxServer::init()
{
    QCOMPARE(post(QStringLiteral("/admin/reset"), QByteArray()).status, 200);
}

quint16 TestSandboxServer::start(SandboxOptions options, std::unique_ptr<SandboxServer> *server)
{
    options.tokens = QStringList {QStringLiteral("sandbox-token")};
    if (options.seed == 0)
        options.seed = 7;
    *server = std::make_unique<SandboxServer>(m_catalogue, options);
    return (*server)->listen(QHostAddress::LocalHost, 0);
}

void TestSandboxServer::rejectsAMissingOrWrongToken_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addRow("missing") << QByteArray();
    QTest::addRow("wrong") << QByteArray("not-the-token");
    QTest::addRow("bearer of the wrong one") << QByteArray("Bearer not-the-token");
}

void TestSandboxServer::rejectsAMissingOrWrongToken()
{
    QFETCH(QByteArray, authorization);
    const Reply reply = get(QStringLiteral("/api/v2/schema/solutions"), authorization);
    QCOMPARE(reply.status, 401);
    const QJsonObject error = reply.object()[u"error"].toObject();
    QCOMPARE(error[u"category"].toString(), QStringLiteral("AUTH"));
    QVERIFY(error[u"code"].toString().startsWith(QStringLiteral("DI_E_")));
}

void TestSandboxServer::listsSolutions()
{
    const Reply reply = get(QStringLiteral("/api/v2/schema/solutions"), "Bearer sandbox-token");
    QCOMPARE(reply.status, 200);
    const QJsonArray solutions = reply.body.array();
    QCOMPARE(solutions.size(), 4);
    const QJsonObject inv = solutions[0].toObject();
    QCOMPARE(inv[u"solutionName"].toString(), QStringLiteral("INV_OOTB"));
    QCOMPARE(inv[u"prefix"].toString(), QStringLiteral("INV_"));
    QCOMPARE(inv[u"suffix"].toString(), QStringLiteral("_OOTB"));
    QCOMPARE(inv[u"tableCount"].toInt(), 17);
}

void TestSandboxServer::servesOneSolutionsTablesUnderEveryBase_data()
{
    QTest::addColumn<QString>("base");
    QTest::addRow("root") << QString();
    QTest::addRow("legacy /ingestion-api") << QStringLiteral("/ingestion-api");
}

void TestSandboxServer::servesOneSolutionsTablesUnderEveryBase()
{
    QFETCH(QString, base);
    const Reply reply = get(base + QStringLiteral("/api/v2/schema?solutionName=INV_OOTB"));
    QCOMPARE(reply.status, 200);
    const QJsonArray tables = reply.object()[u"tables"].toArray();
    QCOMPARE(tables.size(), 17);
    QJsonObject orders;
    for (const QJsonValue &table : tables) {
        if (table[u"objectName"].toString() == u"CUSTOMER_ORDERS")
            orders = table.toObject();
    }
    QCOMPARE(orders[u"tableName"].toString(), Orders);
    QCOMPARE(orders[u"columns"].toArray().size(), 14);
    QCOMPARE(orders[u"primaryKey"].toArray().size(), 3);
}

void TestSandboxServer::unknownSolutionIs404()
{
    const Reply reply = get(QStringLiteral("/api/v2/schema?solutionName=NOPE"));
    QCOMPARE(reply.status, 404);
    QVERIFY(reply.object()[u"error"][u"message"].toString().contains(u"NOPE"));
}

void TestSandboxServer::acceptsABatchOnEveryPathForm_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &base : {QString(), QStringLiteral("/ingestion-api")}) {
        for (const QString &form :
             {QStringLiteral("/api/v2/ingest/object/"), QStringLiteral("/api/v2/objects/"),
              QStringLiteral("/api/v2/object/")}) {
            const QString path = base + form + Orders;
            QTest::addRow("%s", qPrintable(path)) << path;
        }
    }
}

void TestSandboxServer::acceptsABatchOnEveryPathForm()
{
    QFETCH(QString, path);
    const Reply reply = post(path, ingestBody(orders(2)), "sandbox-token", 0, "run=1;batch=1");
    QCOMPARE(reply.status, 200);
    const QJsonObject answer = reply.object();
    QCOMPARE(answer[u"table"].toString(), Orders);
    QCOMPARE(answer[u"operationType"].toString(), QStringLiteral("UPSERT"));
    QCOMPARE(answer[u"dryRun"], QJsonValue(false));
    QCOMPARE(answer[u"received"].toInt(), 2);
    QCOMPARE(answer[u"accepted"].toInt(), 2);
    QCOMPARE(answer[u"failed"], QJsonValue(QJsonArray()));
    QVERIFY(!reply.requestId.isEmpty());
    QCOMPARE(answer[u"requestId"].toString(), QString::fromLatin1(reply.requestId));
    QCOMPARE(count(Orders), 2);
    const QJsonArray log = requests();
    QCOMPARE(log.size(), 1);
    QCOMPARE(log[0][u"path"].toString(), path);
    QCOMPARE(log[0][u"outcome"].toString(), QStringLiteral("answered"));
    QCOMPARE(log[0][u"batch"].toString(), QStringLiteral("run=1;batch=1"));
}

void TestSandboxServer::ingestChecksTheToken_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::addRow("missing") << QByteArray() << 401;
    QTest::addRow("wrong") << QByteArray("not-the-token") << 401;
    QTest::addRow("bearer of the wrong one") << QByteArray("Bearer not-the-token") << 401;
    QTest::addRow("raw") << QByteArray("sandbox-token") << 200;
    QTest::addRow("bearer") << QByteArray("Bearer sandbox-token") << 200;
}

void TestSandboxServer::ingestChecksTheToken()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    const Reply reply = post(IngestPath + Orders, ingestBody(orders(1)), authorization);
    QCOMPARE(reply.status, status);
    QCOMPARE(count(Orders), status == 200 ? 1 : 0);
    QCOMPARE(requests()[0][u"status"].toInt(), status);
    if (status == 401) {
        QCOMPARE(reply.object()[u"error"][u"category"].toString(), QStringLiteral("AUTH"));
        QCOMPARE(requests()[0][u"outcome"].toString(), QStringLiteral("unauthorized"));
    }
}

void TestSandboxServer::upsertTwiceKeepsOneRowPerKeyWithTheNewValues()
{
    QCOMPARE(ingest(ingestBody(orders(3, 10))).status, 200);
    const Reply again = ingest(ingestBody(orders(3, 20)));
    QCOMPARE(again.status, 200);
    QCOMPARE(again.object()[u"accepted"].toInt(), 3);
    QCOMPARE(count(Orders), 3);
    const QJsonArray rows = storedRows(Orders);
    QCOMPARE(rows.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(rows[i][u"order_id"].toString(), QStringLiteral("ORD-%1").arg(i));
        QCOMPARE(rows[i][u"ordered_units"].toInt(), 20);
    }
}

void TestSandboxServer::appendTwiceReportsKeyExists()
{
    const Reply first = ingest(ingestBody(orders(2), QStringLiteral("APPEND")));
    QCOMPARE(first.object()[u"accepted"].toInt(), 2);
    const Reply second = ingest(ingestBody(orders(2, 99), QStringLiteral("APPEND")));
    QCOMPARE(second.status, 200);
    QCOMPARE(second.object()[u"accepted"].toInt(), 0);
    const QJsonArray failed = second.failed();
    QCOMPARE(failed.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(failed[i][u"rowIndex"].toInt(), i);
        QCOMPARE(failed[i][u"errors"][0][u"code"].toString(), QStringLiteral("DI_E_10008"));
        QCOMPARE(failed[i][u"errors"][0][u"category"].toString(), QStringLiteral("KEY_EXISTS"));
    }
    QCOMPARE(count(Orders), 2);
    QCOMPARE(storedRows(Orders)[0][u"ordered_units"].toInt(), 10);
}

void TestSandboxServer::reportsEachRowCode_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("solution");
    QTest::addColumn<QJsonObject>("valid");
    QTest::addColumn<QJsonObject>("crafted");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("column");

    const auto orderWith = [](const QString &key, const QJsonValue &value) {
        QJsonObject row = order(1);
        if (value.isUndefined())
            row.remove(key);
        else
            row.insert(key, value);
        return row;
    };
    const auto addOrder = [&](const char *name, const QString &key, const QJsonValue &value,
                              const char *code, const char *category, const QString &column) {
        QTest::addRow("%s", name) << Orders << QStringLiteral("INV_OOTB") << order(0)
                                  << orderWith(key, value) << QString::fromLatin1(code)
                                  << QString::fromLatin1(category) << column;
    };
    const QString units = QStringLiteral("ordered_units");
    addOrder("missing", QStringLiteral("product_id"), QJsonValue::Undefined, "DI_E_10001",
             "REQUIRED", QStringLiteral("product_id"));
    addOrder("empty", QStringLiteral("order_date"), QString(""), "DI_E_10001", "REQUIRED",
             QStringLiteral("order_date"));
    addOrder("text for an integer", units, QStringLiteral("ten"), "DI_E_10002", "TYPE", units);
    addOrder("fraction for an integer", units, 2.5, "DI_E_10002", "TYPE", units);
    addOrder("30 February", QStringLiteral("order_date"), QStringLiteral("2025-02-30 09:00:00"),
             "DI_E_10003", "FORMAT", QStringLiteral("order_date"));
    addOrder("day first", QStringLiteral("updated_at"), QStringLiteral("16/01/2025 14:30"),
             "DI_E_10003", "FORMAT", QStringLiteral("updated_at"));
    addOrder("unknown column", QStringLiteral("colour"), QStringLiteral("red"), "DI_E_10006",
             "UNKNOWN_COLUMN", QStringLiteral("colour"));

    const QJsonObject customer {
        {QStringLiteral("customer_id"), QStringLiteral("CUST-001")},
        {QStringLiteral("updated_at"), QStringLiteral("2025-01-28T10:00:00Z")},
        {QStringLiteral("source"), QStringLiteral("peak")}};
    QJsonObject wrongSource = customer;
    wrongSource[u"customer_id"] = QStringLiteral("CUST-002");
    wrongSource[u"source"] = QStringLiteral("Peak");
    QTest::addRow("enum is case-sensitive")
        << QStringLiteral("QP_CUSTOMER_OOTB") << QStringLiteral("QP_OOTB") << customer
        << wrongSource << QStringLiteral("DI_E_10004") << QStringLiteral("ENUM")
        << QStringLiteral("source");

    const QJsonObject stock {{QStringLiteral("location_id"), QStringLiteral("LOC-1")},
                             {QStringLiteral("product_id"), QStringLiteral("PROD-1")},
                             {QStringLiteral("stock_date_at"), QStringLiteral("2025-01-28")},
                             {QStringLiteral("stock_units"), 4},
                             {QStringLiteral("stock_id"), QStringLiteral("S-1")},
                             {QStringLiteral("created_at"), QStringLiteral("2025-01-28 10:00:00")},
                             {QStringLiteral("updated_at"), QStringLiteral("2025-01-28 10:00:00")}};
    QJsonObject nullUnits = stock;
    nullUnits[u"location_id"] = QStringLiteral("LOC-2");
    nullUnits[u"stock_units"] = QJsonValue::Null;
    QTest::addRow("null where not nullable")
        << QStringLiteral("B2C_STOCK_OOTB") << QStringLiteral("B2C_OOTB") << stock << nullUnits
        << QStringLiteral("DI_E_10005") << QStringLiteral("NULL") << QStringLiteral("stock_units");
}

void TestSandboxServer::reportsEachRowCode()
{
    QFETCH(QString, table);
    QFETCH(QString, solution);
    QFETCH(QJsonObject, valid);
    QFETCH(QJsonObject, crafted);
    QFETCH(QString, code);
    QFETCH(QString, category);
    QFETCH(QString, column);
    const QByteArray body
        = ingestBody(QJsonArray {valid, crafted}, QStringLiteral("UPSERT"), false, solution);
    const Reply reply = post(IngestPath + table, body);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.object()[u"received"].toInt(), 2);
    QCOMPARE(reply.object()[u"accepted"].toInt(), 1);
    const QJsonArray failed = reply.failed();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed[0][u"rowIndex"].toInt(), 1);
    QCOMPARE(failed[0][u"row"].toObject(), crafted);
    const QJsonArray errors = failed[0][u"errors"].toArray();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0][u"code"].toString(), code);
    QCOMPARE(errors[0][u"category"].toString(), category);
    QCOMPARE(errors[0][u"column"].toString(), column);
    QVERIFY(!errors[0][u"message"].toString().isEmpty());
    if (code == u"DI_E_10004")
        QVERIFY(errors[0][u"message"].toString().contains(u"peak, customer"));
    QCOMPARE(count(table), 1);
    QCOMPARE(count(table + QStringLiteral("_failed_rows")), 1);
}

void TestSandboxServer::duplicateKeysInOneRequestFailEveryRow()
{
    const Reply reply = ingest(ingestBody(QJsonArray {order(0), order(1), order(0, 5)}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.object()[u"accepted"].toInt(), 1);
    const QJsonArray failed = reply.failed();
    QCOMPARE(failed.size(), 2);
    QCOMPARE(failed[0][u"rowIndex"].toInt(), 0);
    QCOMPARE(failed[1][u"rowIndex"].toInt(), 2);
    for (const QJsonValue &row : failed) {
        QCOMPARE(row[u"errors"][0][u"code"].toString(), QStringLiteral("DI_E_10007"));
        QCOMPARE(row[u"errors"][0][u"category"].toString(), QStringLiteral("DUPLICATE_KEY"));
    }
    QCOMPARE(storedRows(Orders)[0][u"order_id"].toString(), QStringLiteral("ORD-1"));
}

void TestSandboxServer::failedRowsLandInTheFailedRowsTable()
{
    QJsonObject bad = order(1);
    bad[u"ordered_units"] = QStringLiteral("ten");
    const Reply reply = ingest(ingestBody(QJsonArray {order(0), bad}));
    QCOMPARE(reply.status, 200);
    const QJsonArray stored = storedRows(FailedOrders);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored[0][u"row"].toObject(), bad);
    QCOMPARE(stored[0][u"rowIndex"].toInt(), 1);
    QCOMPARE(stored[0][u"errors"], reply.failed()[0][u"errors"]);
    QCOMPARE(stored[0][u"requestId"].toString(), QString::fromLatin1(reply.requestId));
    const QJsonArray tables = get(QStringLiteral("/admin/tables")).object()[u"tables"].toArray();
    QCOMPARE(tables.size(), 2);
    QCOMPARE(tables[1][u"table"].toString(), FailedOrders);
    QCOMPARE(tables[1][u"rows"].toInt(), 1);
}

void TestSandboxServer::dryRunWritesNothingButReportsTheSameFailures()
{
    QJsonObject bad = order(1);
    bad.remove(QStringLiteral("location_id"));
    const QJsonArray rows {order(0), bad};
    const Reply dry = ingest(ingestBody(rows, QStringLiteral("UPSERT"), true));
    QCOMPARE(dry.status, 200);
    QCOMPARE(dry.object()[u"dryRun"], QJsonValue(true));
    QCOMPARE(dry.object()[u"accepted"].toInt(), 1);
    QCOMPARE(dry.failed().size(), 1);
    QCOMPARE(count(Orders), 0);
    QCOMPARE(count(FailedOrders), 0);
    QCOMPARE(requests()[0][u"dryRun"], QJsonValue(true));

    const Reply wet = ingest(ingestBody(rows));
    QCOMPARE(wet.failed(), dry.failed());
    QCOMPARE(count(Orders), 1);
    QCOMPARE(count(FailedOrders), 1);
}

void TestSandboxServer::storesA19DigitIntegerExactly()
{
    QJsonObject bigger = order(1);
    bigger[u"ordered_units"] = QStringLiteral("@25@");
    QByteArray body = ingestBody(QJsonArray {order(0), bigger});
    body.replace("\"ordered_units\":10,", "\"ordered_units\":1234567890123456789,");
    body.replace("\"@25@\"", "1234567890123456789012345");
    const Reply reply = ingest(body);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.object()[u"accepted"].toInt(), 1);
    QCOMPARE(reply.failed()[0][u"errors"][0][u"code"].toString(), QStringLiteral("DI_E_10002"));
    const Reply rows = get(QStringLiteral("/admin/tables/%1/rows").arg(Orders));
    QVERIFY(rows.raw.contains("\"ordered_units\":1234567890123456789,"));
    QCOMPARE(rows.object()[u"rows"][0][u"ordered_units"].toInteger(), 1234567890123456789LL);
    const Reply failed = get(QStringLiteral("/admin/tables/%1/rows").arg(FailedOrders));
    QVERIFY(failed.raw.contains("\"ordered_units\":1234567890123456789012345"));
}

void TestSandboxServer::badBodiesAre400_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    const auto without = [](const QString &key) {
        QJsonObject body = QJsonDocument::fromJson(ingestBody(orders(1))).object();
        body.remove(key);
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    };
    QTest::addRow("not JSON") << QByteArray("{\"solutionName\": ") << "not JSON";
    QTest::addRow("an array") << QByteArray("[]") << "object";
    QTest::addRow("no solutionName") << without(QStringLiteral("solutionName")) << "solutionName";
    QTest::addRow("no data") << without(QStringLiteral("data")) << "data";
    QTest::addRow("data not an array")
        << QByteArray(R"({"solutionName":"INV_OOTB","operationType":"UPSERT","data":{}})")
        << "data";
    QTest::addRow("no operationType")
        << without(QStringLiteral("operationType")) << "operationType";
    QTest::addRow("unknown operation") << ingestBody(orders(1), QStringLiteral("MERGE")) << "MERGE";
    QTest::addRow("another solution's table")
        << ingestBody(orders(1), QStringLiteral("UPSERT"), false, QStringLiteral("QP_OOTB"))
        << "does not own";
    QTest::addRow("dryRun not a boolean") << QByteArray(
        R"({"solutionName":"INV_OOTB","operationType":"UPSERT","dryRun":"yes","data":[]})")
                                          << "dryRun";
}

void TestSandboxServer::badBodiesAre400()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    const Reply reply = ingest(body);
    QCOMPARE(reply.status, 400);
    const QJsonObject error = reply.object()[u"error"].toObject();
    QCOMPARE(error[u"category"].toString(), QStringLiteral("BAD_REQUEST"));
    QCOMPARE(error[u"code"].toString(), QStringLiteral("DI_E_00400"));
    QVERIFY2(error[u"message"].toString().contains(message),
             qPrintable(error[u"message"].toString()));
    QCOMPARE(count(Orders), 0);
    QCOMPARE(requests()[0][u"outcome"].toString(), QStringLiteral("rejected"));
}

void TestSandboxServer::unknownTableIs404()
{
    const Reply reply = post(IngestPath + QStringLiteral("INV_NOPE_OOTB"), ingestBody(orders(1)));
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.object()[u"error"][u"category"].toString(), QStringLiteral("NOT_FOUND"));
    QVERIFY(reply.object()[u"error"][u"message"].toString().contains(u"INV_NOPE_OOTB"));
    QCOMPARE(requests()[0][u"outcome"].toString(), QStringLiteral("rejected"));
}

void TestSandboxServer::tooManyRowsOrBytesIs413()
{
    SandboxOptions options;
    options.maxRows = 3;
    options.maxBytes = 4000;
    std::unique_ptr<SandboxServer> server;
    const quint16 port = start(options, &server);
    const auto send = [&](const QJsonArray &rows) {
        return post(IngestPath + Orders, ingestBody(rows), "sandbox-token", port);
    };
    const Reply tooMany = send(orders(4));
    QCOMPARE(tooMany.status, 413);
    QCOMPARE(tooMany.object()[u"error"][u"category"].toString(), QStringLiteral("TOO_LARGE"));
    QCOMPARE(send(orders(3)).status, 200);
    QJsonArray big = orders(3);
    QJsonObject wide = order(2);
    wide[u"product_id"] = QString(3000, u'x');
    big[2] = wide;
    QCOMPARE(send(big).status, 413);
    QCOMPARE(count(Orders, port), 3);
    const QJsonArray log = requests(0, port);
    QCOMPARE(log.size(), 3);
    QCOMPARE(log[0][u"outcome"].toString(), QStringLiteral("too-large"));
    QCOMPARE(log[0][u"rows"].toInt(), 4);
    QCOMPARE(log[2][u"outcome"].toString(), QStringLiteral("too-large"));
}

void TestSandboxServer::overTheRateLimitIs429WithRetryAfter()
{
    SandboxOptions options;
    options.rateLimit = 2;
    std::unique_ptr<SandboxServer> server;
    const quint16 port = start(options, &server);
    QList<Reply> replies;
    for (int i = 0; i < 5; ++i)
        replies.append(post(IngestPath + Orders, ingestBody(orders(1)), "sandbox-token", port));
    QCOMPARE(replies.first().status, 200);
    qsizetype throttled = 0;
    for (const Reply &reply : replies) {
        if (reply.status != 429)
            continue;
        ++throttled;
        QCOMPARE(reply.retryAfter, QByteArray("1"));
        QCOMPARE(reply.object()[u"error"][u"category"].toString(), QStringLiteral("RATE_LIMIT"));
    }
    QVERIFY(throttled >= 2); // 2 tokens at the start, at most one more refilled meanwhile
    qsizetype logged = 0;
    for (const QJsonValue &entry : requests(0, port))
        logged += entry[u"outcome"].toString() == u"throttled";
    QCOMPARE(logged, throttled);
    for (int i = 0; i < 5; ++i) // admin is never throttled
        QCOMPARE(get(QStringLiteral("/admin/tables"), "sandbox-token", port).status, 200);
}

void TestSandboxServer::injectedFailuresAnswerTheFailStatusUnprocessed()
{
    SandboxOptions options;
    options.failRate = 1;
    options.failStatus = 503;
    std::unique_ptr<SandboxServer> server;
    const quint16 port = start(options, &server);
    const Reply reply = post(IngestPath + Orders, ingestBody(orders(2)), "sandbox-token", port);
    QCOMPARE(reply.status, 503);
    QCOMPARE(reply.object()[u"error"][u"category"].toString(), QStringLiteral("INJECTED_FAILURE"));
    QCOMPARE(count(Orders, port), 0);
    const QJsonArray log = requests(0, port);
    QCOMPARE(log[0][u"outcome"].toString(), QStringLiteral("injected-failure"));
    QCOMPARE(log[0][u"status"].toInt(), 503);
    QCOMPARE(get(QStringLiteral("/api/v2/schema/solutions"), "sandbox-token", port).status, 200);
}

void TestSandboxServer::droppedBatchesAreStoredButUnanswered()
{
    SandboxOptions options;
    options.dropRate = 1;
    std::unique_ptr<SandboxServer> server;
    const quint16 port = start(options, &server);
    const Reply reply = post(IngestPath + Orders, ingestBody(orders(2)), "sandbox-token", port);
    QVERIFY2(reply.error != QNetworkReply::NoError, reply.raw.constData());
    QCOMPARE(reply.status, 0);
    QVERIFY(reply.raw.isEmpty());
    QCOMPARE(count(Orders, port), 2);
    const QJsonArray log = requests(0, port);
    QVERIFY(!log.isEmpty()); // Qt may resend a request cut before any answer; each is dropped
    for (const QJsonValue &entry : log) {
        QCOMPARE(entry[u"outcome"].toString(), QStringLiteral("dropped"));
        QCOMPARE(entry[u"status"].toInt(), 0);
    }
}

void TestSandboxServer::latencyDelaysTheAnswer()
{
    SandboxOptions options;
    options.latencyMs = 300;
    std::unique_ptr<SandboxServer> server;
    const quint16 port = start(options, &server);
    const Reply reply = post(IngestPath + Orders, ingestBody(orders(1)), "sandbox-token", port);
    QCOMPARE(reply.status, 200);
    QVERIFY2(reply.elapsedMs >= 300, qPrintable(QString::number(reply.elapsedMs)));
    QCOMPARE(reply.object()[u"accepted"].toInt(), 1);
}

void TestSandboxServer::adminEndpoints()
{
    QCOMPARE(post(IngestPath + Orders, ingestBody(orders(3)), "sandbox-token", 0, "b1").status,
             200);
    QJsonObject bad = order(5);
    bad.remove(QStringLiteral("order_id"));
    QCOMPARE(
        post(IngestPath + Orders, ingestBody(QJsonArray {bad}), "sandbox-token", 0, "b2").status,
        200);

    QCOMPARE(count(Orders), 3);
    QCOMPARE(count(QStringLiteral("NOPE")), 0);
    const QJsonArray page
        = get(QStringLiteral("/admin/tables/%1/rows?offset=1&limit=1").arg(Orders))
              .object()[u"rows"]
              .toArray();
    QCOMPARE(page.size(), 1);
    QCOMPARE(page[0][u"order_id"].toString(), QStringLiteral("ORD-1"));
    QCOMPARE(get(QStringLiteral("/admin/tables/%1/rows?offset=-1").arg(Orders)).status, 400);

    const Reply exported = get(QStringLiteral("/admin/tables/%1/export").arg(Orders));
    QCOMPARE(exported.contentType, QByteArray("application/x-ndjson"));
    const QList<QByteArray> lines = exported.raw.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(QJsonDocument::fromJson(lines[i]).object(), order(i));

    const QJsonArray log = requests();
    QCOMPARE(log.size(), 2);
    const QJsonObject first = log[0].toObject();
    QCOMPARE(first[u"batch"].toString(), QStringLiteral("b1"));
    QCOMPARE(first[u"table"].toString(), Orders);
    QCOMPARE(first[u"rows"].toInt(), 3);
    QCOMPARE(first[u"status"].toInt(), 200);
    QCOMPARE(first[u"operationType"].toString(), QStringLiteral("UPSERT"));
    QCOMPARE(first[u"dryRun"], QJsonValue(false));
    QVERIFY(!first[u"requestId"].toString().isEmpty());
    const QJsonArray later = requests(first[u"seq"].toInteger());
    QCOMPARE(later.size(), 1);
    QCOMPARE(later[0][u"batch"].toString(), QStringLiteral("b2"));
    QVERIFY(later[0][u"seq"].toInteger() > first[u"seq"].toInteger());

    const Reply reset = post(QStringLiteral("/admin/reset"), QByteArray());
    QCOMPARE(reset.object()[u"reset"], QJsonValue(true));
    QCOMPARE(count(Orders), 0);
    QCOMPARE(count(FailedOrders), 0);
    QVERIFY(requests().isEmpty());
    QCOMPARE(get(QStringLiteral("/admin/tables")).object()[u"tables"], QJsonValue(QJsonArray()));
}

void TestSandboxServer::adminNeedsTheToken()
{
    QCOMPARE(get(QStringLiteral("/admin/tables"), QByteArray()).status, 401);
    QCOMPARE(get(QStringLiteral("/admin/requests"), "wrong").status, 401);
    QCOMPARE(post(QStringLiteral("/admin/reset"), QByteArray(), "wrong").status, 401);
}

void TestSandboxServer::aDatabaseFilePersistsAcrossServers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SandboxOptions options;
    options.databasePath = dir.filePath(QStringLiteral("sandbox.sqlite"));
    std::unique_ptr<SandboxServer> server;
    quint16 port = start(options, &server);
    QCOMPARE(post(IngestPath + Orders, ingestBody(orders(2)), "sandbox-token", port).status, 200);
    server.reset();
    port = start(options, &server);
    QVERIFY(port != 0);
    QCOMPARE(count(Orders, port), 2);
    QCOMPARE(requests(0, port).size(), 1);
}

void TestSandboxServer::anUnopenableDatabaseIsAnError()
{
    QTemporaryDir dir;
    SandboxOptions options;
    options.databasePath = dir.filePath(QStringLiteral("missing/dir/sandbox.sqlite"));
    SandboxServer server(m_catalogue, options);
    const std::optional<Error> error = server.open();
    QVERIFY(error);
    QVERIFY(error->message.contains(options.databasePath));
    QCOMPARE(server.listen(QHostAddress::LocalHost, 0), quint16(0));
}

Reply TestSandboxServer::get(const QString &path, const QByteArray &authorization, quint16 port)
{
    QNetworkRequest request;
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    return send(request, path, "GET", QByteArray(), port ? port : m_port);
}

Reply TestSandboxServer::post(const QString &path, const QByteArray &body,
                              const QByteArray &authorization, quint16 port,
                              const QByteArray &batch)
{
    QNetworkRequest request;
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    if (!batch.isEmpty())
        request.setRawHeader("X-Sluice-Batch", batch);
    return send(request, path, "POST", body, port ? port : m_port);
}

Reply TestSandboxServer::send(QNetworkRequest request, const QString &path, const QByteArray &verb,
                              const QByteArray &body, quint16 port)
{
    request.setUrl(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    request.setTransferTimeout(10000);
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(15000))
        qFatal("no reply from the sandbox");
    Reply result;
    result.elapsedMs = clock.elapsed();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.raw = reply->readAll();
    result.body = QJsonDocument::fromJson(result.raw);
    result.requestId = reply->rawHeader("X-Request-Id");
    result.retryAfter = reply->rawHeader("Retry-After");
    result.contentType = reply->rawHeader("Content-Type");
    reply->deleteLater();
    return result;
}

qint64 TestSandboxServer::count(const QString &table, quint16 port)
{
    const Reply reply
        = get(QStringLiteral("/admin/tables/%1/count").arg(table), "sandbox-token", port);
    return reply.status == 200 ? reply.object()[u"rows"].toInteger(-1) : -1;
}

QJsonArray TestSandboxServer::storedRows(const QString &table, quint16 port)
{
    return get(QStringLiteral("/admin/tables/%1/rows").arg(table), "sandbox-token", port)
        .object()[u"rows"]
        .toArray();
}

QJsonArray TestSandboxServer::requests(qint64 since, quint16 port)
{
    return get(QStringLiteral("/admin/requests?since=%1").arg(since), "sandbox-token", port)
        .object()[u"requests"]
        .toArray();
}

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_sandboxserver.moc"
