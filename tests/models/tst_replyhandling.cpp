// SPDX-License-Identifier: MIT
// What each reply means (API.md §5–§6), when to try again, and how fast to send.
#include "models/upload/replyclassifier.h"
#include "models/upload/requestpacer.h"
#include "models/upload/retrypolicy.h"
#include "models/upload/serverissues.h"
#include "tests/support/catalogues.h"

#include <QDateTime>
#include <QTest>

using namespace sluice;
using Kind = ClassifiedReply::Kind;

Q_DECLARE_METATYPE(ClassifiedReply::Kind)

class TestReplyHandling : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusDecidesWhatToDo_data();
    void statusDecidesWhatToDo();
    void networkErrorsAreLostOnlyWhenTheBodyLeft_data();
    void networkErrorsAreLostOnlyWhenTheBodyLeft();
    void failedRowsAreReadUnderEveryName_data();
    void failedRowsAreReadUnderEveryName();
    void anUnreadableAnswerStillCountsAsTaken();
    void errorEnvelopeGivesTheMessage();
    void retryAfterSecondsAndDates();
    void backoffGrowsWithFullJitterAndGivesUp();
    void retryAfterIsNeverShortened();
    void pacerSpacesRequestsAndSlowsAfter429();
    void noPacingWhenOff();
    void unpacedSlowsDownAfterA429();
    void serverErrorsBecomeCellIssues();
};

void TestReplyHandling::statusDecidesWhatToDo_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<Kind>("kind");
    QTest::newRow("200") << 200 << Kind::Answered;
    QTest::newRow("400") << 400 << Kind::Permanent;
    QTest::newRow("401") << 401 << Kind::Auth;
    QTest::newRow("403") << 403 << Kind::Auth;
    QTest::newRow("404") << 404 << Kind::Permanent;
    QTest::newRow("408") << 408 << Kind::Retry;
    QTest::newRow("413") << 413 << Kind::Split;
    QTest::newRow("429") << 429 << Kind::Retry;
    QTest::newRow("500") << 500 << Kind::Retry;
    QTest::newRow("503") << 503 << Kind::Retry;
    QTest::newRow("302 (redirects are not followed with a body)") << 302 << Kind::Permanent;
}

void TestReplyHandling::statusDecidesWhatToDo()
{
    QFETCH(int, status);
    QFETCH(Kind, kind);
    ReplyFacts facts;
    facts.httpStatus = status;
    facts.bodySent = true;
    facts.body = R"({"error":{"code":"DI_E_00400","category":"X","message":"no"}})";
    QCOMPARE(ReplyClassifier::classify(facts).kind, kind);
}

void TestReplyHandling::networkErrorsAreLostOnlyWhenTheBodyLeft_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<bool>("bodySent");
    QTest::addColumn<Kind>("kind");
    QTest::newRow("refused: never arrived")
        << int(QNetworkReply::ConnectionRefusedError) << false << Kind::Retry;
    QTest::newRow("host not found")
        << int(QNetworkReply::HostNotFoundError) << false << Kind::Retry;
    QTest::newRow("closed before the body left")
        << int(QNetworkReply::RemoteHostClosedError) << false << Kind::Retry;
    QTest::newRow("closed after the body left: reply lost")
        << int(QNetworkReply::RemoteHostClosedError) << true << Kind::Lost;
    QTest::newRow("transfer timeout after sending")
        << int(QNetworkReply::OperationCanceledError) << true << Kind::Lost;
    QTest::newRow("timeout") << int(QNetworkReply::TimeoutError) << true << Kind::Lost;
    QTest::newRow("TLS failure is never retried")
        << int(QNetworkReply::SslHandshakeFailedError) << false << Kind::Permanent;
}

void TestReplyHandling::networkErrorsAreLostOnlyWhenTheBodyLeft()
{
    QFETCH(int, error);
    QFETCH(bool, bodySent);
    QFETCH(Kind, kind);
    ReplyFacts facts;
    facts.error = QNetworkReply::NetworkError(error);
    facts.errorText = QStringLiteral("network trouble");
    facts.bodySent = bodySent;
    const ClassifiedReply reply = ReplyClassifier::classify(facts);
    QCOMPARE(reply.kind, kind);
    QCOMPARE(reply.message, u"network trouble");
}

void TestReplyHandling::failedRowsAreReadUnderEveryName_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("failed") << QByteArray("failed");
    QTest::newRow("failedRows") << QByteArray("failedRows");
    QTest::newRow("errors") << QByteArray("errors");
}

void TestReplyHandling::failedRowsAreReadUnderEveryName()
{
    QFETCH(QByteArray, name);
    ReplyFacts facts;
    facts.httpStatus = 200;
    facts.body = R"({"requestId":"r-1","received":3,"accepted":2,"unknownField":[1],")" + name
        + R"(":[{"rowIndex":1,"row":{},"errors":[{"code":"DI_E_10002","category":"TYPE",)"
          R"("column":"ordered_units","message":"expected an integer, got 'ten'"}]}]})";
    const ClassifiedReply reply = ReplyClassifier::classify(facts);
    QCOMPARE(reply.kind, Kind::Answered);
    QCOMPARE(reply.requestId, u"r-1");
    QCOMPARE(reply.accepted, 2);
    QCOMPARE(reply.failed.size(), 1);
    QCOMPARE(reply.failed.at(0).first, 1);
    const ServerRowError expected {QStringLiteral("DI_E_10002"), QStringLiteral("TYPE"),
                                   QStringLiteral("ordered_units"),
                                   QStringLiteral("expected an integer, got 'ten'")};
    QCOMPARE(reply.failed.at(0).second, QList<ServerRowError> {expected});
}

void TestReplyHandling::anUnreadableAnswerStillCountsAsTaken()
{
    ReplyFacts facts;
    facts.httpStatus = 200;
    facts.body = "<html>OK</html>";
    const ClassifiedReply reply = ReplyClassifier::classify(facts);
    QCOMPARE(reply.kind, Kind::Answered);
    QVERIFY(reply.failed.isEmpty());
    QVERIFY(reply.message.contains(u"could not be read"));
}

void TestReplyHandling::errorEnvelopeGivesTheMessage()
{
    ReplyFacts facts;
    facts.httpStatus = 404;
    facts.body = R"({"error":{"code":"DI_E_00404","category":"NOT_FOUND","message":"no table X"}})";
    QCOMPARE(ReplyClassifier::classify(facts).message, u"DI_E_00404: no table X");
    facts.body = "gateway trouble";
    facts.httpStatus = 502;
    QCOMPARE(ReplyClassifier::classify(facts).message, u"the server answered HTTP 502");
}

void TestReplyHandling::retryAfterSecondsAndDates()
{
    const QDateTime now(QDate(2026, 11, 23), QTime(10, 0, 0), Qt::UTC);
    QCOMPARE(ReplyClassifier::parseRetryAfter("3", now), 3000);
    QCOMPARE(ReplyClassifier::parseRetryAfter(" 0 ", now), 0);
    QCOMPARE(ReplyClassifier::parseRetryAfter("Mon, 23 Nov 2026 10:00:05 GMT", now), 5000);
    QCOMPARE(ReplyClassifier::parseRetryAfter("Mon, 23 Nov 2026 09:00:00 GMT", now), 0);
    QCOMPARE(ReplyClassifier::parseRetryAfter("-1", now), std::nullopt);
    QCOMPARE(ReplyClassifier::parseRetryAfter("soon", now), std::nullopt);
    QCOMPARE(ReplyClassifier::parseRetryAfter("", now), std::nullopt);
    QCOMPARE(ReplyClassifier::parseRetryAfter("99999999", now), 3600 * 1000); // capped
}

void TestReplyHandling::backoffGrowsWithFullJitterAndGivesUp()
{
    const RetryPolicy policy {5, 500, 4000};
    QCOMPARE(policy.delayMs(1, std::nullopt, 0.0), 0); // full jitter reaches zero
    QCOMPARE(policy.delayMs(1, std::nullopt, 0.999), 499);
    QCOMPARE(policy.delayMs(2, std::nullopt, 0.999), 999);
    QCOMPARE(policy.delayMs(3, std::nullopt, 0.5), 1000);
    QCOMPARE(policy.delayMs(4, std::nullopt, 0.999), 3996); // capped at 4000
    QCOMPARE(policy.delayMs(5, std::nullopt, 0.5), std::nullopt);
}

void TestReplyHandling::retryAfterIsNeverShortened()
{
    const RetryPolicy policy {5, 500, 4000};
    QCOMPARE(policy.delayMs(1, 7000, 0.0), 7000);
    QCOMPARE(policy.delayMs(1, 7000, 0.5), 7250);
    QCOMPARE(policy.delayMs(5, 7000, 0.5), std::nullopt);
}

void TestReplyHandling::pacerSpacesRequestsAndSlowsAfter429()
{
    RequestPacer pacer(40); // 25 ms apart
    QCOMPARE(pacer.waitMs(0), 0);
    pacer.started(0);
    QCOMPARE(pacer.waitMs(0), 25);
    QCOMPARE(pacer.waitMs(10), 15);
    pacer.started(25);
    QCOMPARE(pacer.waitMs(25), 25);
    // Idle time is not banked: after a long pause the next two are still 25 ms apart.
    pacer.started(10000);
    QCOMPARE(pacer.waitMs(10000), 25);
    pacer.throttled(10000);
    QCOMPARE(pacer.pace(), 20.0);
    pacer.throttled(10500); // the same burst: not halved again
    QCOMPARE(pacer.pace(), 20.0);
    pacer.started(10025);
    QCOMPARE(pacer.waitMs(10025), 50);
    for (int i = 0; i < 100; ++i)
        pacer.answered();
    QCOMPARE(pacer.pace(), 40.0); // back to the setting, never above
    for (int i = 0; i < 20; ++i)
        pacer.throttled(20000 + i * 1000);
    QCOMPARE(pacer.pace(), 1.0);
}

void TestReplyHandling::noPacingWhenOff()
{
    RequestPacer pacer(0);
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(pacer.waitMs(i * 10), 0);
        pacer.started(i * 10);
    }
    QVERIFY(!pacer.isPacing());
}

void TestReplyHandling::unpacedSlowsDownAfterA429()
{
    RequestPacer pacer(0);
    for (int i = 0; i < 100; ++i)
        pacer.started(i * 10); // 100 requests a second
    pacer.throttled(1000);
    // From then on it paces at half what it was sending: 50 a second, 20 ms apart.
    QVERIFY(pacer.isPacing());
    QCOMPARE(pacer.pace(), 50.0);
    pacer.started(2000);
    QCOMPARE(pacer.waitMs(2000), 20);
    for (int i = 0; i < 200; ++i)
        pacer.answered();
    QVERIFY(pacer.pace() > 100.0); // no ceiling: it finds the limit again by itself
}

void TestReplyHandling::serverErrorsBecomeCellIssues()
{
    const auto catalogue = sluice::test::builtInCatalogue();
    const Resource &orders = *catalogue->resource(u"INV.CUSTOMER_ORDERS");
    std::vector<NormalisedCell> cells;
    for (qsizetype i = 0; i < orders.attributes.size(); ++i) {
        NormalisedCell cell;
        cell.source = i == 0 ? QStringLiteral("ORD-9") : i == 8 ? QStringLiteral("ten") : QString();
        cells.push_back(std::move(cell));
    }
    const QList<ServerRowError> errors {
        {QStringLiteral("DI_E_10002"), QStringLiteral("TYPE"), QStringLiteral("ORDERED_UNITS"),
         QStringLiteral("expected an integer, got 'ten'")},
        {QStringLiteral("DI_E_10008"), QStringLiteral("KEY_EXISTS"),
         QStringLiteral("order_id,order_line_id,updated_at"), QStringLiteral("key exists")},
        {QStringLiteral("DI_E_77777"), QStringLiteral("NEW"), QString(),
         QStringLiteral("new rule")}};
    const std::vector<CellIssue> issues = ServerIssues::forRow(4, errors, orders, cells);
    QCOMPARE(issues.size(), size_t(3));
    // Sorted by attribute: the key (order_id, 0) and the row-level one (0), then ordered_units.
    QCOMPARE(issues.at(0).code, IssueCode::KeyExists);
    QCOMPARE(issues.at(0).value, u"ORD-9");
    QCOMPARE(issues.at(1).code, IssueCode::Server);
    QCOMPARE(issues.at(1).cause, u"server DI_E_77777");
    QCOMPARE(issues.at(2).attribute, 8); // matched whatever the server's case
    QCOMPARE(issues.at(2).code, IssueCode::Type);
    QCOMPARE(issues.at(2).value, u"ten");
    QCOMPARE(issues.at(2).row, 4);
    QCOMPARE(issueCodeName(issues.at(0).code), u"DI_E_10008");
}

QTEST_GUILESS_MAIN(TestReplyHandling)
#include "tst_replyhandling.moc"
