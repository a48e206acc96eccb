// SPDX-License-Identifier: MIT
// The Review page's issue panel: issues grouped by cause, with counts and the first cell.
#include "models/itemmodels/issuegroupmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace sluice;

namespace {

const QStringList Attributes = {QStringLiteral("order_id"), QStringLiteral("order_date"),
                                QStringLiteral("ordered_units"), QStringLiteral("shipped_units")};

CellIssue issue(qsizetype row, int attribute, IssueCode code, const QString &value,
                const QString &cause)
{
    CellIssue found;
    found.row = row;
    found.attribute = attribute;
    found.code = code;
    found.severity = defaultSeverity(code);
    found.value = value;
    found.cause = cause;
    found.message = QStringLiteral("Row %1: '%2' %3").arg(row + 2).arg(value, cause);
    return found;
}

// Three causes: a date that is not one in rows 7, 3 and 12 (3 rows); a quantity in words in row
// 5; a warning on row 3 (shipped more than ordered).
IssueIndex sampleIndex()
{
    const QString notADate = QStringLiteral("is not a valid date");
    IssueIndex index;
    index.setRowIssues(7, {issue(7, 1, IssueCode::Type, QStringLiteral("soon"), notADate)});
    index.setRowIssues(3,
                       {issue(3, 3, IssueCode::Suspicious, QStringLiteral("12"),
                              QStringLiteral("is more than ordered_units")),
                        issue(3, 1, IssueCode::Type, QStringLiteral("tomorrow"), notADate)});
    index.setRowIssues(12, {issue(12, 1, IssueCode::Type, QStringLiteral("soon"), notADate)});
    index.setRowIssues(5,
                       {issue(5, 2, IssueCode::Type, QStringLiteral("ten"),
                              QStringLiteral("is not a valid integer"))});
    return index;
}

} // namespace

class TestIssueGroupModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void groupsAreCausesLargestFirstErrorsBeforeWarnings();
    void eachGroupKnowsItsFirstRowAndCounts();
    void symbolsAndWordsCarryTheSeverity();
    void aRecheckReplacesTheGroups();
    void uncheckedIsEmpty();

private:
    QString text(int row, int column = IssueGroupModel::IssueColumn, int role = Qt::DisplayRole)
    {
        return m_model->index(row, column).data(role).toString();
    }

    std::unique_ptr<IssueGroupModel> m_model;
    IssueIndex m_index;
};

void TestIssueGroupModel::init()
{
    m_model = std::make_unique<IssueGroupModel>();
    new QAbstractItemModelTester(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_model.get());
    m_index = sampleIndex();
    m_model->reset(&m_index, Attributes);
}

void TestIssueGroupModel::groupsAreCausesLargestFirstErrorsBeforeWarnings()
{
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->columnCount(), int(IssueGroupModel::ColumnCount));
    QCOMPARE(text(0), u"✖ order_date is not a valid date");
    QCOMPARE(text(1), u"✖ ordered_units is not a valid integer");
    QCOMPARE(text(2), u"⚠ shipped_units is more than ordered_units");
    QCOMPARE(text(1, IssueGroupModel::RowsColumn), u"1");
    QCOMPARE(text(0, IssueGroupModel::AttributeColumn), u"order_date");
    QCOMPARE(m_model->index(0, IssueGroupModel::RowsColumn).data().toInt(), 3);
    QCOMPARE(m_model->headerData(IssueGroupModel::RowsColumn, Qt::Horizontal).toString(), u"Rows");
}

void TestIssueGroupModel::eachGroupKnowsItsFirstRowAndCounts()
{
    const auto value = [this](int row, int role) {
        return m_model->index(row, 0).data(role);
    };
    // The dates: rows 3, 7 and 12 in the data, inserted out of order; the first is 3.
    QCOMPARE(value(0, IssueGroupModel::FirstRowRole).toLongLong(), 3);
    QCOMPARE(m_model->firstRow(0), 3);
    QCOMPARE(value(0, IssueGroupModel::AttributeRole).toInt(), 1);
    QCOMPARE(value(0, IssueGroupModel::CellCountRole).toLongLong(), 3);
    QCOMPARE(value(0, IssueGroupModel::CodeRole).toString(), u"DI_E_10002");
    QVERIFY(value(0, IssueGroupModel::SummaryRole).toString().contains(u"2 distinct values"));
    QCOMPARE(value(1, IssueGroupModel::FirstRowRole).toLongLong(), 5);
    QCOMPARE(value(1, IssueGroupModel::MessageRole).toString(),
             u"Row 7: 'ten' is not a valid integer");
    QCOMPARE(value(2, IssueGroupModel::FirstRowRole).toLongLong(), 3);
    // Counts agree with the index the groups come from.
    qsizetype cells = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        cells += m_model->group(row).cells;
    QCOMPARE(cells, m_index.errorCount() + m_index.warningCount());
}

void TestIssueGroupModel::symbolsAndWordsCarryTheSeverity()
{
    QCOMPARE(m_model->index(0, 0).data(IssueGroupModel::SeverityRole).toInt(),
             int(Severity::Error));
    QCOMPARE(m_model->index(2, 0).data(IssueGroupModel::SeverityRole).toInt(),
             int(Severity::Warning));
    QVERIFY(text(0, 0, Qt::ToolTipRole).startsWith(u"Error DI_E_10002: Row "));
    QVERIFY(text(2, 0, Qt::AccessibleTextRole).startsWith(u"Warning: 1 row: shipped_units"));
}

void TestIssueGroupModel::aRecheckReplacesTheGroups()
{
    QSignalSpy reset(m_model.get(), &IssueGroupModel::modelReset);
    m_index.setRowIssues(5, {}); // the quantity was corrected
    m_index.setRowIssues(3, {});
    m_model->reset(&m_index, Attributes);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(text(0), u"✖ order_date is not a valid date");
    QCOMPARE(text(0, IssueGroupModel::RowsColumn), u"2");
    QCOMPARE(m_model->firstRow(0), 7);
}

void TestIssueGroupModel::uncheckedIsEmpty()
{
    m_model->reset(nullptr, Attributes);
    QCOMPARE(m_model->rowCount(), 0);
    IssueIndex clean;
    m_model->reset(&clean, Attributes);
    QCOMPARE(m_model->rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestIssueGroupModel)
#include "tst_issuegroupmodel.moc"
