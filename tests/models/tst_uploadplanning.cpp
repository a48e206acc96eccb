// SPDX-License-Identifier: MIT
// Request bodies and batches: what goes over the wire, before any network is involved.
#include "models/upload/batchplanner.h"
#include "models/upload/payloadwriter.h"
#include "tests/support/catalogues.h"
#include "tests/support/orderrows.h"
#include "tests/support/stringrowsource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <numeric>

using namespace sluice;
using namespace sluice::test;

class TestUploadPlanning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bodyIsTheDocumentedRequest();
    void stringsAreEscapedExactly_data();
    void stringsAreEscapedExactly();
    void unmappedAttributesAreLeftOutAndEmptyOnesAreNull();
    void batchesRespectTheRowLimit();
    void batchesRespectTheByteLimit();
    void aRowLargerThanTheLimitGoesAlone();
    void splitGivesTwoValidHalves();
    void onlyTheRowsAskedForAreSent();

private:
    std::vector<qsizetype> allRows(qsizetype count) const;
    QJsonObject parse(const QByteArray &body) const;

    std::shared_ptr<const Catalogue> m_catalogue;
    const Resource *m_orders = nullptr;
};

void TestUploadPlanning::initTestCase()
{
    m_catalogue = builtInCatalogue();
    m_orders = m_catalogue->resource(u"INV.CUSTOMER_ORDERS");
    QVERIFY(m_orders);
}

std::vector<qsizetype> TestUploadPlanning::allRows(qsizetype count) const
{
    std::vector<qsizetype> rows(static_cast<size_t>(count));
    std::iota(rows.begin(), rows.end(), 0);
    return rows;
}

QJsonObject TestUploadPlanning::parse(const QByteArray &body) const
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << error.errorString() << body.left(200);
    return document.object();
}

void TestUploadPlanning::bodyIsTheDocumentedRequest()
{
    StringRowSource source(*m_orders, {orderRow(1), orderRow(2)});
    PayloadWriter writer(*m_orders, QStringLiteral("INV_OOTB"), OperationType::Append, true);
    BatchPlanner planner(source, writer, allRows(2), 500, 1000000);
    const std::optional<PlannedBatch> batch = planner.next();
    QVERIFY(batch);
    const QJsonObject body = parse(writer.body(batch->records));
    QCOMPARE(body.value(u"solutionName").toString(), u"INV_OOTB");
    QCOMPARE(body.value(u"operationType").toString(), u"APPEND");
    QCOMPARE(body.value(u"dryRun").toBool(), true);
    const QJsonArray data = body.value(u"data").toArray();
    QCOMPARE(data.size(), 2);
    const QJsonObject first = data.at(0).toObject();
    QCOMPARE(first.value(u"order_id").toString(), u"ORD-0000001");
    QCOMPARE(first.value(u"order_date").toString(), u"2025-01-10 09:00:00");
    QVERIFY(first.value(u"ordered_units").isDouble()); // a JSON number, not text
    QCOMPARE(first.value(u"ordered_units").toInt(), 2);
    QVERIFY(first.value(u"actual_ship_date").isNull()); // empty: null
    QCOMPARE(first.keys().size(), m_orders->attributes.size());
    QVERIFY(!planner.next());
}

void TestUploadPlanning::stringsAreEscapedExactly_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("quote and backslash") << QStringLiteral("a\"b\\c");
    QTest::newRow("control characters") << QStringLiteral("tab\there\nnew\rline\x01\x1f");
    QTest::newRow("accents") << QStringLiteral("Müller & Søn, Köln");
    QTest::newRow("CJK") << QStringLiteral("東京都");
    QTest::newRow("emoji (surrogate pair)") << QStringLiteral("box 📦 ok");
    QTest::newRow("slash and DEL") << QStringLiteral("a/b\x7f");
    QTest::newRow("empty") << QString();
}

void TestUploadPlanning::stringsAreEscapedExactly()
{
    QFETCH(QString, text);
    QByteArray json = "[";
    PayloadWriter::appendString(json, text);
    json += "]";
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.array().at(0).toString(), text);
}

void TestUploadPlanning::unmappedAttributesAreLeftOutAndEmptyOnesAreNull()
{
    PayloadWriter writer(*m_orders, QStringLiteral("INV_OOTB"), OperationType::Upsert, false);
    // Built cell by cell: GCC's -Wnull-dereference at -O2 misreads writes into a sized vector.
    std::vector<NormalisedCell> cells;
    for (qsizetype i = 0; i < m_orders->attributes.size(); ++i) {
        NormalisedCell cell;
        cell.mapped = i == 0 || i == 8 || i == 11;
        if (i == 0)
            cell.value = ApiValue::string(QStringLiteral("ORD-1"));
        else if (i == 8)
            cell.value = ApiValue::number(QStringLiteral("12345678901234567890"));
        cells.push_back(std::move(cell));
    }
    QByteArray record;
    writer.appendRecord(record, cells);
    // Numbers keep their digits: 20 digits would be rounded by any double on the way.
    QCOMPARE(record,
             QByteArray(R"({"order_id":"ORD-1","ordered_units":12345678901234567890,)"
                        R"("status":null})"));
}

void TestUploadPlanning::batchesRespectTheRowLimit()
{
    QList<QStringList> rows;
    for (int i = 0; i < 1234; ++i)
        rows.append(orderRow(i));
    StringRowSource source(*m_orders, rows);
    PayloadWriter writer(*m_orders, QStringLiteral("INV_OOTB"), OperationType::Upsert, false);
    BatchPlanner planner(source, writer, allRows(rows.size()), 500, 10 << 20);
    QList<qsizetype> sizes;
    qsizetype expectedRow = 0;
    while (auto batch = planner.next()) {
        sizes.append(batch->rowCount());
        const QJsonArray data = parse(writer.body(batch->records)).value(u"data").toArray();
        QCOMPARE(data.size(), batch->rowCount());
        for (qsizetype i = 0; i < batch->rowCount(); ++i) {
            QCOMPARE(batch->rows[size_t(i)], expectedRow);
            QCOMPARE(data.at(i).toObject().value(u"order_id").toString(),
                     rows.at(expectedRow).at(0));
            ++expectedRow;
        }
    }
    QCOMPARE(sizes, (QList<qsizetype> {500, 500, 234}));
}

void TestUploadPlanning::batchesRespectTheByteLimit()
{
    QList<QStringList> rows;
    for (int i = 0; i < 300; ++i)
        rows.append(orderRow(i));
    StringRowSource source(*m_orders, rows);
    PayloadWriter writer(*m_orders, QStringLiteral("INV_OOTB"), OperationType::Upsert, false);
    constexpr qint64 Limit = 10000;
    BatchPlanner planner(source, writer, allRows(rows.size()), 500, Limit);
    qsizetype sent = 0;
    int batches = 0;
    while (auto batch = planner.next()) {
        const QByteArray body = writer.body(batch->records);
        QVERIFY2(body.size() <= Limit, qPrintable(QString::number(body.size())));
        QCOMPARE(parse(body).value(u"data").toArray().size(), batch->rowCount());
        sent += batch->rowCount();
        ++batches;
    }
    QCOMPARE(sent, 300);
    // About 330 bytes a record: a batch holds 30, so 10 or 11 batches, not 300 nor 1.
    QVERIFY2(batches >= 10 && batches <= 12, qPrintable(QString::number(batches)));
}

void TestUploadPlanning::aRowLargerThanTheLimitGoesAlone()
{
    QList<QStringList> rows {orderRow(1), orderRow(2), orderRow(3)};
    rows[1][11] = QString(5000, QLatin1Char('x'));
    StringRowSource source(*m_orders, rows);
    PayloadWriter writer(*m_orders, QStringLiteral("INV_OOTB"), OperationType::Upsert, false);
    BatchPlanner planner(source, writer, allRows(3), 500, 2000);
    QList<std::vector<qsizetype>> batches;
    while (auto batch = planner.next())
        batches.append(batch->rows);
    QCOMPARE(batches, (QList<std::vector<qsizetype>> {{0}, {1}, {2}}));
}

void TestUploadPlanning::splitGivesTwoValidHalves()
{
    QList<QStringList> rows;
    for (int i = 0; i < 7; ++i)
        rows.append(orderRow(i));
    StringRowSource source(*m_orders, rows);
    PayloadWriter writer(*m_orders, QStringLiteral("INV_OOTB"), OperationType::Upsert, false);
    BatchPlanner planner(source, writer, allRows(7), 500, 1 << 20);
    const auto [first, second] = planner.next()->split();
    QCOMPARE(first.rows, (std::vector<qsizetype> {0, 1, 2}));
    QCOMPARE(second.rows, (std::vector<qsizetype> {3, 4, 5, 6}));
    for (const PlannedBatch *half : {&first, &second}) {
        const QJsonArray data = parse(writer.body(half->records)).value(u"data").toArray();
        QCOMPARE(data.size(), half->rowCount());
        QCOMPARE(data.at(0).toObject().value(u"order_id").toString(),
                 rows.at(half->rows.front()).at(0));
        // Halves split again stay valid: the record ends were moved with them.
        if (half->rowCount() >= 2) {
            const auto [a, b] = half->split();
            QCOMPARE(parse(writer.body(a.records)).value(u"data").toArray().size(), a.rowCount());
            QCOMPARE(parse(writer.body(b.records)).value(u"data").toArray().size(), b.rowCount());
        }
    }
}

void TestUploadPlanning::onlyTheRowsAskedForAreSent()
{
    QList<QStringList> rows;
    for (int i = 0; i < 10; ++i)
        rows.append(orderRow(i));
    StringRowSource source(*m_orders, rows);
    PayloadWriter writer(*m_orders, QStringLiteral("INV_OOTB"), OperationType::Upsert, false);
    BatchPlanner planner(source, writer, {1, 4, 9}, 2, 1 << 20);
    QCOMPARE(planner.next()->rows, (std::vector<qsizetype> {1, 4}));
    QCOMPARE(planner.next()->rows, (std::vector<qsizetype> {9}));
    QVERIFY(planner.isDone());
}

QTEST_GUILESS_MAIN(TestUploadPlanning)
#include "tst_uploadplanning.moc"
