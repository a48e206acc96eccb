// SPDX-License-Identifier: MIT
// The per-batch table of the Upload page.
#include "models/itemmodels/batchresultmodel.h"
#include "tests/support/catalogues.h"
#include "tests/support/orderrows.h"
#include "tests/support/stringrowsource.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace sluice;
using namespace sluice::test;

class TestBatchResultModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void batchesAppearAsTheySettle();
    void clearStartsOver();
};

void TestBatchResultModel::batchesAppearAsTheySettle()
{
    const auto catalogue = builtInCatalogue();
    const Resource &orders = *catalogue->resource(u"INV.CUSTOMER_ORDERS");
    QList<QStringList> rows;
    for (int n = 0; n < 10; ++n)
        rows.append(orderRow(n));
    const StringRowSource source(orders, rows);
    BatchResultModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.clear(&source);
    QSignalSpy inserted(&model, &BatchResultModel::rowsInserted);

    BatchResult first;
    first.id = 1;
    first.rows = {0, 1, 2, 3, 5};
    first.httpStatus = 200;
    first.attempts = 2;
    first.durationMs = 1250;
    first.requestId = QStringLiteral("req-1");
    first.rawResponse = R"({"accepted":4,"failed":[{"rowIndex":4}]})";
    first.rejected.append(std::pair {qsizetype(5), QList<ServerRowError> {}});
    model.append(first);
    BatchResult second;
    second.id = 2;
    second.rows = {6, 7};
    second.status = BatchStatus::Uncertain;
    second.message = QStringLiteral("Connection closed");
    model.append(second);

    QCOMPARE(inserted.count(), 2);
    QCOMPARE(model.rowCount(), 2);
    const auto text = [&model](int row, int column) {
        return model.index(row, column).data().toString();
    };
    QCOMPARE(text(0, BatchResultModel::BatchColumn), u"1");
    QCOMPARE(text(0, BatchResultModel::RowsColumn), u"2-5,7"); // the sheet's row numbers
    QCOMPARE(text(0, BatchResultModel::RowCountColumn), u"5");
    QCOMPARE(text(0, BatchResultModel::StatusColumn), u"accepted, 1 of 5 rows refused (HTTP 200)");
    QCOMPARE(text(0, BatchResultModel::AttemptsColumn), u"2");
    QCOMPARE(text(0, BatchResultModel::DurationColumn), u"1.25 s");
    QCOMPARE(text(0, BatchResultModel::RequestIdColumn), u"req-1");
    QCOMPARE(model.index(0, 0).data(BatchResultModel::RawResponseRole).toByteArray(),
             first.rawResponse);
    QCOMPARE(model.index(0, 0).data(BatchResultModel::RejectedRowsRole).toLongLong(), 1);
    QCOMPARE(text(1, BatchResultModel::StatusColumn), u"uncertain: reply lost");
    QCOMPARE(text(1, BatchResultModel::MessageColumn), u"Connection closed");
    QCOMPARE(model.index(1, 0).data(BatchResultModel::StatusRole).toInt(),
             int(BatchStatus::Uncertain));
    QCOMPARE(model.headerData(BatchResultModel::RowsColumn, Qt::Horizontal).toString(),
             u"Sheet rows");
}

void TestBatchResultModel::clearStartsOver()
{
    BatchResultModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    BatchResult result;
    result.id = 7;
    result.rows = {0};
    model.append(result);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, BatchResultModel::RowsColumn).data().toString(), QString());
    model.clear(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestBatchResultModel)
#include "tst_batchresultmodel.moc"
