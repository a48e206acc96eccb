// SPDX-License-Identifier: MIT
// The find and replace preview: a row per match with its sheet row, attribute, text before and
// after, and a checkbox; check states that survive a search again for the same text.
#include "models/itemmodels/findmatchmodel.h"
#include "models/session/importsession.h"
#include "tests/support/catalogues.h"
#include "tests/support/checkedsession.h"
#include "tests/support/orderrows.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;
using namespace sluice::test;

namespace {

// Four orders (data row n is sheet row n + 2, under the header) with statuses to find.
QByteArray sampleCsv()
{
    const QStringList statuses
        = {QStringLiteral("open"), QStringLiteral("closed"), QStringLiteral("Open now"), QString()};
    QByteArray csv = "order_id,order_line_id,order_date,requested_ship_date,expected_ship_date,"
                     "actual_ship_date,product_id,location_id,ordered_units,ordered_value,"
                     "updated_at,status,shipped_units,shipped_value\n";
    for (int n = 0; n < statuses.size(); ++n) {
        QStringList row = orderRow(n + 1);
        row[11] = statuses.at(n);
        csv += row.join(u',').toUtf8() + '\n';
    }
    return csv;
}

} // namespace

class TestFindMatchModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void rowsShowSheetRowAttributeBeforeAndAfter();
    void everyMatchStartsChecked();
    void checkboxesToggleAndCount();
    void checkAllAndNone();
    void aSearchAgainKeepsWhatWasUnchecked();
    void anotherReplacementChangesOnlyAfter();
    void clearEmpties();

private:
    FindQuery query(const QString &text, FindQuery::Mode mode = FindQuery::Mode::Contains,
                    const QString &replacement = QStringLiteral("shut")) const
    {
        FindQuery made;
        made.text = text;
        made.mode = mode;
        made.replacement = replacement;
        return made;
    }
    void show(const FindQuery &findQuery)
    {
        const CellFinder finder(*m_session->rows(), int(m_names.size()));
        m_model->reset(m_session->rows(), m_names, findQuery, finder.find(findQuery));
    }
    QString text(int row, int column, int role = Qt::DisplayRole) const
    {
        return m_model->index(row, column).data(role).toString();
    }
    int status() const { return int(m_names.indexOf(QStringLiteral("status"))); }

    std::shared_ptr<const Catalogue> m_catalogue;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    std::unique_ptr<ImportSession> m_session;
    std::unique_ptr<FindMatchModel> m_model;
    QStringList m_names;
};

void TestFindMatchModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_catalogue = builtInCatalogue();
}

void TestFindMatchModel::init()
{
    m_session = std::make_unique<ImportSession>(m_catalogue, m_network);
    QVERIFY(openCheckedCsv(*m_session, m_dir.filePath(QStringLiteral("orders.csv")), sampleCsv(),
                           QStringLiteral("INV.CUSTOMER_ORDERS")));
    m_names.clear();
    for (const Attribute &attribute : m_session->resource()->attributes)
        m_names.append(attribute.name);
    m_model = std::make_unique<FindMatchModel>();
    new QAbstractItemModelTester(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_model.get());
    show(query(QStringLiteral("open")));
}

void TestFindMatchModel::cleanup()
{
    m_model.reset();
    m_session.reset();
}

void TestFindMatchModel::rowsShowSheetRowAttributeBeforeAndAfter()
{
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->columnCount(), int(FindMatchModel::ColumnCount));
    QCOMPARE(m_model->attributeCount(), 1);
    // Data row 0 is sheet row 2 (under the header); data row 2, sheet row 4.
    QCOMPARE(m_model->index(0, FindMatchModel::RowColumn).data().toLongLong(), 2);
    QCOMPARE(m_model->index(1, FindMatchModel::RowColumn).data().toLongLong(), 4);
    QCOMPARE(text(1, FindMatchModel::AttributeColumn), u"status");
    QCOMPARE(text(0, FindMatchModel::BeforeColumn), u"open");
    QCOMPARE(text(0, FindMatchModel::AfterColumn), u"shut");
    QCOMPARE(text(1, FindMatchModel::BeforeColumn), u"Open now");
    QCOMPARE(text(1, FindMatchModel::AfterColumn), u"shut now");
    QCOMPARE(m_model->index(1, 0).data(FindMatchModel::DataRowRole).toLongLong(), 2);
    QCOMPARE(m_model->index(1, 0).data(FindMatchModel::AttributeRole).toInt(), status());
    QCOMPARE(text(1, 0, FindMatchModel::BeforeRole), u"Open now");
    QCOMPARE(text(1, 0, FindMatchModel::AfterRole), u"shut now");
    QCOMPARE(text(1, 0, Qt::ToolTipRole), u"Row 4, status: “Open now” becomes “shut now”");
    QCOMPARE(m_model->headerData(FindMatchModel::AfterColumn, Qt::Horizontal).toString(), u"After");
    // An empty cell found whole says so; its raw text is empty.
    show(query(QString(), FindQuery::Mode::WholeCell, QStringLiteral("n/a")));
    const int emptyStatus = int(
        std::find(m_model->matches().begin(), m_model->matches().end(), FindMatch {3, status()})
        - m_model->matches().begin());
    QVERIFY(emptyStatus < m_model->rowCount());
    QCOMPARE(text(emptyStatus, FindMatchModel::BeforeColumn), u"(empty)");
    QCOMPARE(text(emptyStatus, 0, FindMatchModel::BeforeRole), QString());
    QCOMPARE(text(emptyStatus, FindMatchModel::AfterColumn), u"n/a");
    // The before text is the cell's now: an edit shows at once.
    show(query(QStringLiteral("open")));
    QVERIFY(m_session->editCell(0, status(), QStringLiteral("open!")));
    QCOMPARE(text(0, FindMatchModel::BeforeColumn), u"open!");
    QCOMPARE(text(0, FindMatchModel::AfterColumn), u"shut!");
}

void TestFindMatchModel::everyMatchStartsChecked()
{
    QCOMPARE(m_model->checkedCount(), 2);
    QCOMPARE(m_model->index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(!m_model->index(0, FindMatchModel::BeforeColumn).data(Qt::CheckStateRole).isValid());
    QVERIFY(m_model->flags(m_model->index(0, 0)) & Qt::ItemIsUserCheckable);
    QVERIFY(!(m_model->flags(m_model->index(0, 2)) & Qt::ItemIsUserCheckable));
    QCOMPARE(m_model->checkedMatches(), m_model->matches());
}

void TestFindMatchModel::checkboxesToggleAndCount()
{
    QSignalSpy counts(m_model.get(), &FindMatchModel::checkedCountChanged);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->setData(m_model->index(0, 0), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(m_model->checkedCount(), 1);
    QVERIFY(!m_model->isChecked(0));
    QCOMPARE(m_model->index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(counts.count(), 1);
    QCOMPARE(counts.last().at(0).toLongLong(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_model->checkedMatches(), (std::vector<FindMatch> {{2, status()}}));
    // An int, as some views send it, and checking a checked one changes nothing.
    QVERIFY(m_model->setData(m_model->index(0, 0), int(Qt::Checked), Qt::CheckStateRole));
    QCOMPARE(m_model->checkedCount(), 2);
    m_model->setChecked(0, true);
    QCOMPARE(counts.count(), 2);
    // Only the first column holds the checkbox.
    QVERIFY(!m_model->setData(m_model->index(0, 2), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!m_model->setData(m_model->index(0, 0), QStringLiteral("x"), Qt::EditRole));
    QCOMPARE(m_model->checkedCount(), 2);
}

void TestFindMatchModel::checkAllAndNone()
{
    m_model->setAllChecked(false);
    QCOMPARE(m_model->checkedCount(), 0);
    QVERIFY(m_model->checkedMatches().empty());
    QCOMPARE(m_model->index(1, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    m_model->setAllChecked(true);
    QCOMPARE(m_model->checkedCount(), 2);
    QCOMPARE(m_model->index(1, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
}

void TestFindMatchModel::aSearchAgainKeepsWhatWasUnchecked()
{
    m_model->setChecked(1, false);
    // An edit elsewhere, then the same search again: the unchecked match stays unchecked.
    QVERIFY(m_session->editCell(1, status(), QStringLiteral("reopen")));
    show(query(QStringLiteral("open"), FindQuery::Mode::Contains, QStringLiteral("other")));
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->checkedCount(), 2);
    QCOMPARE(m_model->checkedMatches(), (std::vector<FindMatch> {{0, status()}, {1, status()}}));
    // Another text: every match checked again.
    show(query(QStringLiteral("OPEN")));
    QCOMPARE(m_model->checkedCount(), 3);
}

void TestFindMatchModel::anotherReplacementChangesOnlyAfter()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setChecked(0, false);
    m_model->setReplacement(QStringLiteral("closed"));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.last().at(0).value<QModelIndex>().column(), int(FindMatchModel::AfterColumn));
    QCOMPARE(text(1, FindMatchModel::AfterColumn), u"closed now");
    QCOMPARE(m_model->query().replacement, u"closed");
    QVERIFY(!m_model->isChecked(0));
}

void TestFindMatchModel::clearEmpties()
{
    QSignalSpy counts(m_model.get(), &FindMatchModel::checkedCountChanged);
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->checkedCount(), 0);
    QCOMPARE(m_model->attributeCount(), 0);
    QCOMPARE(counts.count(), 1);
}

QTEST_GUILESS_MAIN(TestFindMatchModel)
#include "tst_findmatchmodel.moc"
