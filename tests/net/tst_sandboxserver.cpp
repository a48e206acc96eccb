// SPDX-License-Identifier: MIT
// The sandbox in-process on 127.0.0.1 with an ephemeral port, spoken to over real HTTP.
#include "app/sandbox/sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace sluice;

namespace {

struct Reply
{
    int status = 0;
    QJsonDocument body;
};

} // namespace

class TestSandboxServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rejectsAMissingOrWrongToken_data();
    void rejectsAMissingOrWrongToken();
    void listsSolutions();
    void servesOneSolutionsTablesUnderEveryBase_data();
    void servesOneSolutionsTablesUnderEveryBase();
    void unknownSolutionIs404();
    void ingestIsNotServedYet();

private:
    Reply get(const QString &path, const QByteArray &authorization = "sandbox-token");
    Reply send(QNetworkRequest request, const QByteArray &verb);

    std::unique_ptr<SandboxServer> m_server;
    QNetworkAccessManager m_network;
    quint16 m_port = 0;
};

void TestSandboxServer::initTestCase()
{
    Result<Catalogue> catalogue = Catalogue::load(Catalogue::builtInPath());
    QVERIFY(catalogue.isOk());
    m_server = std::make_unique<SandboxServer>(
        std::make_shared<const Catalogue>(std::move(catalogue).value()),
        QStringList {QStringLiteral("sandbox-token")});
    m_port = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY(m_port != 0);
}

Reply TestSandboxServer::get(const QString &path, const QByteArray &authorization)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    return send(request, "GET");
}

Reply TestSandboxServer::send(QNetworkRequest request, const QByteArray &verb)
{
    request.setTransferTimeout(10000);
    QNetworkReply *reply = m_network.sendCustomRequest(request, verb, QByteArray("{}"));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(15000))
        qFatal("no reply from the sandbox");
    Reply result {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                  QJsonDocument::fromJson(reply->readAll())};
    reply->deleteLater();
    return result;
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
    const QJsonObject error = reply.body.object()[u"error"].toObject();
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
    const QJsonArray tables = reply.body.object()[u"tables"].toArray();
    QCOMPARE(tables.size(), 17);
    QJsonObject orders;
    for (const QJsonValue &table : tables) {
        if (table[u"objectName"].toString() == u"CUSTOMER_ORDERS")
            orders = table.toObject();
    }
    QCOMPARE(orders[u"tableName"].toString(), QStringLiteral("INV_CUSTOMER_ORDERS_OOTB"));
    QCOMPARE(orders[u"columns"].toArray().size(), 14);
    QCOMPARE(orders[u"primaryKey"].toArray().size(), 3);
}

void TestSandboxServer::unknownSolutionIs404()
{
    const Reply reply = get(QStringLiteral("/api/v2/schema?solutionName=NOPE"));
    QCOMPARE(reply.status, 404);
    QVERIFY(reply.body.object()[u"error"][u"message"].toString().contains(u"NOPE"));
}

void TestSandboxServer::ingestIsNotServedYet()
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v2/ingest/object/"
                                                "INV_CUSTOMER_ORDERS_OOTB")
                                     .arg(m_port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Authorization", "sandbox-token");
    const Reply reply = send(request, "POST");
    QCOMPARE(reply.status, 501);
    QCOMPARE(reply.body.object()[u"error"][u"category"].toString(),
             QStringLiteral("NOT_IMPLEMENTED"));
}

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_sandboxserver.moc"
