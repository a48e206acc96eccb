// SPDX-License-Identifier: MIT
// Find and replace (issue 7): which cells a query finds (literal with and without case, whole
// cell, regular expression, scope, edited cells, cancel), what a replace makes of them, and a
// replace applied through the session as one undo step, with the table and the issue counts.
#include "models/mapping/mappingproposer.h"
#include "models/session/importsession.h"
#include "models/validation/cellfinder.h"
#include "tests/support/catalogues.h"
#include "tests/support/checkedsession.h"
#include "tests/support/orderrows.h"
#include "tests/support/sheetfile.h"

#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace sluice;
using namespace sluice::test;

namespace {

const QByteArray Header = "order_id,order_line_id,order_date,requested_ship_date,"
                          "expected_ship_date,actual_ship_date,product_id,location_id,"
                          "ordered_units,ordered_value,updated_at,status,shipped_units,"
                          "shipped_value\n";

// Six orders; the status column holds the texts the queries look for, row 2's ordered_units is
// in words (one error), and rows 1 and 4 have locations with letters outside ASCII.
QByteArray sampleCsv()
{
    const QStringList statuses
        = {QStringLiteral("open"),   QStringLiteral("Open"),     QStringLiteral("OPEN now"),
           QStringLiteral("closed"), QStringLiteral("reopened"), QStringLiteral("open")};
    QByteArray csv = Header;
    for (int n = 0; n < statuses.size(); ++n) {
        QStringList row = orderRow(n + 1);
        row[11] = statuses.at(n);
        if (n == 2)
            row[8] = QStringLiteral("ten");
        if (n == 4)
            row[7] = QStringLiteral("Café Ölberg");
        if (n == 1)
            row[7] = QStringLiteral("\u212Aelvin Street");
        csv += row.join(u',').toUtf8() + '\n';
    }
    return csv;
}

FindQuery query(const QString &text, FindQuery::Mode mode = FindQuery::Mode::Contains,
                bool caseSensitive = false, const QString &replacement = {})
{
    FindQuery made;
    made.text = text;
    made.mode = mode;
    made.caseSensitive = caseSensitive;
    made.replacement = replacement;
    return made;
}

} // namespace

class TestCellFinder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void literalFindsWithOrWithoutCase();
    void literalAgreesWithComparingTexts_data();
    void literalAgreesWithComparingTexts();
    void wholeCellFindsOnlyWholeCells();
    void regexFindsAndReplacesWithCaptures();
    void aBadRegexSaysWhy();
    void scopeLimitsAttributesAndRows();
    void editedCellsAreFoundByTheirNewText();
    void aCancelledFindFindsNothing();
    void replacementTexts();
    void aReplaceIsOneUndoStepWithItsIssues();
    void threadsSplitRowsAndKeepTheOrder();

private:
    int attribute(const char *name) const
    {
        return int(m_session->resource()->attributeIndex(QString::fromLatin1(name)));
    }
    std::vector<FindMatch> find(const FindQuery &query, const FindScope &scope = {}) const
    {
        return CellFinder(*m_session->rows(), attributeCount()).find(query, scope);
    }
    int attributeCount() const { return int(m_session->resource()->attributes.size()); }
    FindMatch cell(qsizetype row, const char *name) const { return {row, attribute(name)}; }

    std::shared_ptr<const Catalogue> m_catalogue;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    std::unique_ptr<ImportSession> m_session;
};

void TestCellFinder::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_catalogue = builtInCatalogue();
}

void TestCellFinder::init()
{
    m_session = std::make_unique<ImportSession>(m_catalogue, m_network);
    QVERIFY(openCheckedCsv(*m_session, m_dir.filePath(QStringLiteral("orders.csv")), sampleCsv(),
                           QStringLiteral("INV.CUSTOMER_ORDERS")));
    QCOMPARE(m_session->rows()->rowCount(), 6);
}

void TestCellFinder::cleanup()
{
    m_session.reset();
}

void TestCellFinder::literalFindsWithOrWithoutCase()
{
    const std::vector<FindMatch> anyCase = find(query(QStringLiteral("open")));
    const std::vector<FindMatch> expected
        = {cell(0, "status"), cell(1, "status"), cell(2, "status"), cell(4, "status"),
           cell(5, "status")};
    QCOMPARE(anyCase, expected);
    const std::vector<FindMatch> withCase
        = find(query(QStringLiteral("open"), FindQuery::Mode::Contains, true));
    QCOMPARE(withCase,
             (std::vector<FindMatch> {cell(0, "status"), cell(4, "status"), cell(5, "status")}));
    // Every attribute is searched: the order ids hold "ORD-", in every row.
    QCOMPARE(find(query(QStringLiteral("ord-"))).size(), size_t(6));
    QVERIFY(find(query(QStringLiteral("nowhere"))).empty());
    // An empty text looks for nothing.
    QVERIFY(find(query(QString())).empty());
}

void TestCellFinder::literalAgreesWithComparingTexts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("hits");
    QTest::newRow("ascii, any case") << QStringLiteral("café") << false << 0 << 1;
    QTest::newRow("accent, any case") << QStringLiteral("CAFÉ") << false << 0 << 1;
    QTest::newRow("accent, case") << QStringLiteral("Café") << true << 0 << 1;
    QTest::newRow("accent, wrong case") << QStringLiteral("café") << true << 0 << 0;
    QTest::newRow("umlaut, any case") << QStringLiteral("ölberg") << false << 0 << 1;
    QTest::newRow("ascii in a non-ascii cell") << QStringLiteral("berg") << false << 0 << 1;
    // The Kelvin sign folds to k: an ASCII query meets a cell outside ASCII.
    QTest::newRow("kelvin sign") << QStringLiteral("KELVIN") << false << 0 << 1;
    QTest::newRow("whole, any case") << QStringLiteral("CAFÉ ÖLBERG") << false << 1 << 1;
    QTest::newRow("whole, ascii") << QStringLiteral("OPEN") << false << 1 << 3;
    QTest::newRow("whole, case") << QStringLiteral("Open") << true << 1 << 1;
}

// The table's UTF-8 is compared in place where it gives the same answer: it must.
void TestCellFinder::literalAgreesWithComparingTexts()
{
    QFETCH(QString, text);
    QFETCH(bool, caseSensitive);
    QFETCH(int, mode);
    QFETCH(int, hits);
    const FindQuery findQuery = query(text, FindQuery::Mode(mode), caseSensitive);
    std::vector<FindMatch> expected;
    const Qt::CaseSensitivity cs = caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive;
    for (qsizetype row = 0; row < m_session->rows()->rowCount(); ++row) {
        for (int attribute = 0; attribute < attributeCount(); ++attribute) {
            const QString cellText = m_session->rows()->cellText(row, attribute);
            const bool hit
                = mode == 0 ? cellText.contains(text, cs) : cellText.compare(text, cs) == 0;
            QCOMPARE(CellFinder::matches(cellText, findQuery), hit);
            if (hit)
                expected.push_back({row, attribute});
        }
    }
    QCOMPARE(expected.size(), size_t(hits));
    QCOMPARE(find(findQuery), expected);
}

void TestCellFinder::wholeCellFindsOnlyWholeCells()
{
    QCOMPARE(find(query(QStringLiteral("open"), FindQuery::Mode::WholeCell)),
             (std::vector<FindMatch> {cell(0, "status"), cell(1, "status"), cell(5, "status")}));
    QCOMPARE(find(query(QStringLiteral("open"), FindQuery::Mode::WholeCell, true)),
             (std::vector<FindMatch> {cell(0, "status"), cell(5, "status")}));
    // No text: the empty cells (actual_ship_date, shipped_units and shipped_value of each row).
    const FindScope shipped {{attribute("actual_ship_date"), attribute("status")}, {}};
    QCOMPARE(find(query(QString(), FindQuery::Mode::WholeCell), shipped).size(), size_t(6));
}

void TestCellFinder::regexFindsAndReplacesWithCaptures()
{
    const FindQuery ids = query(QStringLiteral("^ORD-0*(\\d)$"), FindQuery::Mode::Regex, true,
                                QStringLiteral("order \\1"));
    QVERIFY(ids.isValid());
    const std::vector<FindMatch> found = find(ids);
    QCOMPARE(found.size(), size_t(6));
    QCOMPARE(found.front(), cell(0, "order_id"));
    QCOMPARE(CellFinder::replaced(m_session->rows()->cellText(2, attribute("order_id")), ids),
             u"order 3");
    // Case: "open" as a word, with or without case.
    FindQuery word = query(QStringLiteral("\\bopen\\b"), FindQuery::Mode::Regex, true);
    QCOMPARE(find(word), (std::vector<FindMatch> {cell(0, "status"), cell(5, "status")}));
    word.caseSensitive = false;
    QCOMPARE(find(word),
             (std::vector<FindMatch> {cell(0, "status"), cell(1, "status"), cell(2, "status"),
                                      cell(5, "status")}));
}

void TestCellFinder::aBadRegexSaysWhy()
{
    const FindQuery bad = query(QStringLiteral("(open"), FindQuery::Mode::Regex);
    QVERIFY(!bad.isValid());
    QVERIFY2(bad.errorString().startsWith(u"Invalid regular expression: "),
             qPrintable(bad.errorString()));
    QVERIFY2(bad.errorString().contains(u"at character 6"), qPrintable(bad.errorString()));
    QVERIFY(find(bad).empty());
    QVERIFY(!CellFinder::matches(u"open", bad));
    QCOMPARE(CellFinder::replaced(QStringLiteral("open"), bad), u"open");
    // The same text is a fine literal.
    QVERIFY(query(QStringLiteral("(open")).isValid());
}

void TestCellFinder::scopeLimitsAttributesAndRows()
{
    // "1" is in many columns; in the order line ids only ("L-1"), row by row.
    const FindScope lines {{attribute("order_line_id")}, {}};
    QCOMPARE(find(query(QStringLiteral("1")), lines).size(), size_t(6));
    // Rows 1 and 4 to 5 (ranges out of order, overlapping, past the end).
    const FindScope rows {{attribute("status")}, {{4, 99}, {1, 1}, {5, 5}}};
    QCOMPARE(find(query(QStringLiteral("open")), rows),
             (std::vector<FindMatch> {cell(1, "status"), cell(4, "status"), cell(5, "status")}));
    // Attributes given twice count once; unknown ones are passed over.
    const FindScope twice {{attribute("status"), attribute("status"), 999}, {{0, 0}}};
    QCOMPARE(find(query(QStringLiteral("open")), twice),
             (std::vector<FindMatch> {cell(0, "status")}));
    // Empty ranges: no rows.
    QVERIFY(find(query(QStringLiteral("open")), {{}, {{3, 2}}}).empty());
}

void TestCellFinder::editedCellsAreFoundByTheirNewText()
{
    const CellFinder before(*m_session->rows(), attributeCount());
    QVERIFY(m_session->editCell(3, attribute("status"), QStringLiteral("open again")));
    QCOMPARE(m_session->rows()->cellText(3, attribute("status")), u"open again");
    const CellFinder after(*m_session->rows(), attributeCount());
    QCOMPARE(after.find(query(QStringLiteral("again"))),
             (std::vector<FindMatch> {cell(3, "status")}));
    QVERIFY(after.find(query(QStringLiteral("closed"))).empty());
    QCOMPARE(after.find(query(QStringLiteral("open"))).size(), size_t(6));
    // A finder answers as of its making: what a search on a worker reads while the grid edits.
    QCOMPARE(before.find(query(QStringLiteral("closed"))),
             (std::vector<FindMatch> {cell(3, "status")}));
}

void TestCellFinder::aCancelledFindFindsNothing()
{
    const CellFinder finder(*m_session->rows(), attributeCount());
    std::atomic_bool cancel = false;
    QCOMPARE(finder.find(query(QStringLiteral("open")), {}, &cancel).size(), size_t(5));
    cancel = true;
    QVERIFY(finder.find(query(QStringLiteral("open")), {}, &cancel).empty());
}

void TestCellFinder::replacementTexts()
{
    const auto replaced = [](const QString &text, const FindQuery &findQuery) {
        return CellFinder::replaced(text, findQuery);
    };
    const FindQuery shut
        = query(QStringLiteral("open"), FindQuery::Mode::Contains, false, QStringLiteral("shut"));
    QCOMPARE(replaced(QStringLiteral("OPEN, Open and open"), shut), u"shut, shut and shut");
    QCOMPARE(replaced(QStringLiteral("reopened"), shut), u"reshuted");
    FindQuery withCase = shut;
    withCase.caseSensitive = true;
    QCOMPARE(replaced(QStringLiteral("OPEN, Open and open"), withCase), u"OPEN, Open and shut");
    const FindQuery whole
        = query(QStringLiteral("open"), FindQuery::Mode::WholeCell, false, QStringLiteral("Open"));
    QCOMPARE(replaced(QStringLiteral("OPEN"), whole), u"Open");
    QCOMPARE(replaced(QStringLiteral("open now"), whole), u"open now");
    const FindQuery swap = query(QStringLiteral("(\\w+) (\\w+)"), FindQuery::Mode::Regex, false,
                                 QStringLiteral("\\2 \\1"));
    QCOMPARE(replaced(QStringLiteral("open now"), swap), u"now open");
    const FindQuery digits
        = query(QStringLiteral("\\d"), FindQuery::Mode::Regex, false, QStringLiteral("#"));
    QCOMPARE(replaced(QStringLiteral("L-12"), digits), u"L-##");

    const std::vector<CellReplacement> cells = CellFinder::replacements(
        *m_session->rows(), {cell(2, "status"), cell(4, "status")}, shut);
    QCOMPARE(cells.size(), size_t(2));
    QCOMPARE(cells[0].text, u"shut now");
    QCOMPARE(cells[1].row, 4);
    QCOMPARE(cells[1].attribute, attribute("status"));
    QCOMPARE(cells[1].text, u"reshuted");
}

void TestCellFinder::aReplaceIsOneUndoStepWithItsIssues()
{
    const IssueIndex *issues = m_session->issues();
    if (!issues)
        QFAIL("the rows were not checked");
    QCOMPARE(issues->errorCount(), 1); // "ten" ordered units
    const int units = attribute("ordered_units");
    const int status = attribute("status");
    QCOMPARE(m_session->undoStack()->count(), 0);

    // "ten" becomes 10, and every "open" in the status column "shut", in one step.
    const FindQuery ten
        = query(QStringLiteral("TEN"), FindQuery::Mode::WholeCell, false, QStringLiteral("10"));
    const FindQuery shut
        = query(QStringLiteral("open"), FindQuery::Mode::Contains, false, QStringLiteral("shut"));
    std::vector<ImportSession::CellChange> changes;
    for (const auto &[findQuery, scope] :
         {std::pair {ten, FindScope()}, std::pair {shut, FindScope {{status}, {}}}}) {
        const std::vector<FindMatch> matches = find(findQuery, scope);
        for (const CellReplacement &replacement :
             CellFinder::replacements(*m_session->rows(), matches, findQuery))
            changes.push_back({replacement.row, replacement.attribute, replacement.text});
    }
    QCOMPARE(changes.size(), size_t(6));
    QVERIFY(m_session->changeCells(changes, QStringLiteral("Replace")));
    QVERIFY(waitForChecks(*m_session));
    issues = m_session->issues();
    if (!issues)
        QFAIL("no issues after the replace");
    QCOMPARE(m_session->rows()->cellText(2, units), u"10");
    QCOMPARE(m_session->rows()->cellText(2, status), u"shut now");
    QCOMPARE(m_session->rows()->cellText(4, status), u"reshuted");
    QCOMPARE(m_session->rows()->cellText(3, status), u"closed");
    QCOMPARE(issues->errorCount(), 0);
    QCOMPARE(m_session->undoStack()->count(), 1);
    QVERIFY(find(shut).empty());

    m_session->undoStack()->undo();
    QVERIFY(waitForChecks(*m_session));
    issues = m_session->issues();
    if (!issues)
        QFAIL("no issues after the undo");
    QCOMPARE(m_session->rows()->cellText(2, units), u"ten");
    QCOMPARE(m_session->rows()->cellText(2, status), u"OPEN now");
    QCOMPARE(m_session->rows()->cellText(4, status), u"reopened");
    QVERIFY(!m_session->rows()->isEdited(0, status));
    QCOMPARE(issues->errorCount(), 1);
    QCOMPARE(find(shut).size(), size_t(5));
}

// 10,000 rows: enough for the search to be split. Any split finds the same, in row order.
void TestCellFinder::threadsSplitRowsAndKeepTheOrder()
{
    QByteArray csv = Header;
    for (int n = 0; n < 10000; ++n)
        csv += orderRow(n).join(u',').toUtf8() + '\n';
    CollectingSink sink;
    QVERIFY(writeAndReadSheet(m_dir.filePath(QStringLiteral("many.csv")), csv, sink));
    const Resource &resource = *m_catalogue->resource(u"INV.CUSTOMER_ORDERS");
    const SheetLayout layout = HeaderDetector::detect(sink.table());
    const MappedRowSource rows(
        sink.table(), layout, resource,
        MappingProposer::propose(resource, sink.table(), layout).automap.mapping);
    QCOMPARE(rows.rowCount(), 10000);
    const CellFinder finder(rows, int(resource.attributes.size()));
    // "PROD-1" is in product ids 1 and 10 to 19 (n % 97); "9" in many columns.
    for (const QString &text : {QStringLiteral("prod-1"), QStringLiteral("9")}) {
        const std::vector<FindMatch> one = finder.find(query(text), {}, nullptr, 1);
        QVERIFY(!one.empty());
        QVERIFY(std::is_sorted(one.begin(), one.end()));
        QCOMPARE(finder.find(query(text), {}, nullptr, 3), one);
        const FindScope ranges {{}, {{9000, 20000}, {10, 4000}, {3000, 6000}}};
        const std::vector<FindMatch> inRanges = finder.find(query(text), ranges, nullptr, 1);
        QCOMPARE(finder.find(query(text), ranges, nullptr, 4), inRanges);
        QVERIFY(inRanges.size() < one.size());
        QVERIFY(std::all_of(inRanges.begin(), inRanges.end(), [](const FindMatch &match) {
            return (match.row >= 10 && match.row <= 6000) || match.row >= 9000;
        }));
    }
}

QTEST_GUILESS_MAIN(TestCellFinder)
#include "tst_cellfinder.moc"
