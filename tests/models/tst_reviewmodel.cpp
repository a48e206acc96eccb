// SPDX-License-Identifier: MIT
// The Review grid's model: the mapped data with each cell's issues.
#include "models/itemmodels/reviewmodel.h"
#include "models/validation/validator.h"
#include "tests/support/catalogues.h"
#include "tests/support/orderrows.h"
#include "tests/support/stringrowsource.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace sluice;
using namespace sluice::test;

class TestReviewModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cellsShowTheFilesTextAndTheValueSent();
    void cellsWithIssuesCarryTheirSeverityAndMessages();
    void headersCountIssuesPerColumnAndNumberRowsAsTheSheetDoes();
    void onlyRowsWithIssuesKeepsThoseRows();
    void aRecheckRepaintsTheRow();
    void beforeValidationThereAreNoIssues();

private:
    QString text(int row, int column, int role = Qt::DisplayRole) const
    {
        return m_model.index(row, column).data(role).toString();
    }

    std::shared_ptr<const Catalogue> m_catalogue;
    const Resource *m_orders = nullptr;
    std::unique_ptr<StringRowSource> m_rows;
    std::unique_ptr<Validator> m_validator;
    ReviewModel m_model;
    int m_units = 0;
    int m_shipped = 0;
};

void TestReviewModel::initTestCase()
{
    new QAbstractItemModelTester(&m_model, QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 this);
    m_catalogue = builtInCatalogue();
    m_orders = m_catalogue->resource(u"INV.CUSTOMER_ORDERS");
    m_units = int(m_orders->attributeIndex(u"ordered_units"));
    m_shipped = int(m_orders->attributeIndex(u"shipped_units"));
    QList<QStringList> rows;
    for (int n = 0; n < 100; ++n)
        rows.append(orderRow(n));
    rows[10][m_units] = QStringLiteral("ten");  // an error
    rows[40][m_units] = QStringLiteral("lots"); // another
    m_rows = std::make_unique<StringRowSource>(*m_orders, rows);
    m_validator = std::make_unique<Validator>(*m_orders);
    m_validator->validateAll(*m_rows);
    m_model.reset(m_orders, m_rows.get(), &m_validator->issues());
}

void TestReviewModel::cellsShowTheFilesTextAndTheValueSent()
{
    QCOMPARE(m_model.rowCount(), 100);
    QCOMPARE(m_model.columnCount(), m_orders->attributes.size());
    QCOMPARE(text(3, 0), u"ORD-0000003");
    QCOMPARE(text(3, m_units), u"4");
    QCOMPARE(text(3, m_units, ReviewModel::ValueRole), u"4");
    QCOMPARE(text(3, m_shipped), QString());
    QCOMPARE(text(3, m_shipped, ReviewModel::ValueRole), u"null");
    QCOMPARE(text(10, m_units, ReviewModel::ValueRole), u"null"); // an error is never sent
}

void TestReviewModel::cellsWithIssuesCarryTheirSeverityAndMessages()
{
    QCOMPARE(m_model.index(10, m_units).data(ReviewModel::SeverityRole).toInt(),
             int(Severity::Error));
    QVERIFY(text(10, m_units, Qt::ToolTipRole).contains(u"'ten'"));
    QCOMPARE(m_model.index(11, m_units).data(ReviewModel::SeverityRole).toInt(), -1);
    QVERIFY(m_model.index(11, m_units).data(Qt::ToolTipRole).isNull());
    QCOMPARE(m_model.index(10, 0).data(ReviewModel::SeverityRole).toInt(), -1);
}

void TestReviewModel::headersCountIssuesPerColumnAndNumberRowsAsTheSheetDoes()
{
    QCOMPARE(m_model.headerData(m_units, Qt::Horizontal).toString(), u"ordered_units (2 errors)");
    QCOMPARE(m_model.headerData(0, Qt::Horizontal).toString(), u"order_id");
    QCOMPARE(m_model.headerData(m_units, Qt::Horizontal, Qt::ToolTipRole).toString(), u"2 errors");
    QCOMPARE(m_model.headerData(0, Qt::Vertical).toInt(), 2); // the header is sheet row 1
    QCOMPARE(m_model.headerData(99, Qt::Vertical).toInt(), 101);
}

void TestReviewModel::onlyRowsWithIssuesKeepsThoseRows()
{
    const qsizetype withIssues = m_validator->issues().rowsWithIssues();
    QVERIFY(withIssues >= 2);
    m_model.setOnlyRowsWithIssues(true);
    QCOMPARE(m_model.rowCount(), int(withIssues));
    QCOMPARE(m_model.dataRow(0), 10);
    QCOMPARE(m_model.headerData(0, Qt::Vertical).toInt(), 12);
    QCOMPARE(text(0, 0), u"ORD-0000010");
    QCOMPARE(m_model.index(0, 0).data(ReviewModel::DataRowRole).toLongLong(), 10);
    QCOMPARE(m_model.viewRow(40), 1);
    QCOMPARE(m_model.viewRow(11), -1);
    m_model.setOnlyRowsWithIssues(false);
    QCOMPARE(m_model.rowCount(), 100);
    QCOMPARE(m_model.viewRow(40), 40);
}

void TestReviewModel::aRecheckRepaintsTheRow()
{
    QSignalSpy changed(&m_model, &ReviewModel::dataChanged);
    QSignalSpy headers(&m_model, &ReviewModel::headerDataChanged);
    // The user corrects row 10; the validator re-checks it.
    m_rows->setCell(10, QStringLiteral("ordered_units"), QStringLiteral("10"));
    m_validator->revalidateRow(*m_rows, 10);
    m_model.issuesChanged(10, 10);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 10);
    QCOMPARE(headers.count(), 1);
    QCOMPARE(text(10, m_units), u"10"); // not the cached old row
    QCOMPARE(m_model.index(10, m_units).data(ReviewModel::SeverityRole).toInt(), -1);
    QCOMPARE(m_model.headerData(m_units, Qt::Horizontal).toString(), u"ordered_units (1 error)");
}

void TestReviewModel::beforeValidationThereAreNoIssues()
{
    ReviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reset(m_orders, m_rows.get(), nullptr);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.index(40, m_units).data(ReviewModel::SeverityRole).toInt(), -1);
    QCOMPARE(model.headerData(m_units, Qt::Horizontal).toString(), u"ordered_units");
    model.setOnlyRowsWithIssues(true);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestReviewModel)
#include "tst_reviewmodel.moc"
