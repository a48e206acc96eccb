// SPDX-License-Identifier: MIT
// Corrections on the import session (issue 7): cell edits, bulk fixes (a new mapping), excluded
// rows, each an undo step; after do, undo and redo the cells and the issues are what a fresh
// check of the rows says, and only the rows a step changed are re-checked.
#include "models/session/importsession.h"
#include "models/validation/validator.h"
#include "tests/support/catalogues.h"
#include "tests/support/checkedsession.h"
#include "tests/support/orderrows.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUndoStack>

#include <algorithm>
#include <functional>
#include <tuple>

using namespace sluice;
using namespace sluice::test;

namespace {

const QString Orders = QStringLiteral("INV.CUSTOMER_ORDERS");
const QString Quotes = QStringLiteral("QP.QUOTE_LINE");

// INV.CUSTOMER_ORDERS attributes.
constexpr int OrderId = 0;
constexpr int OrderLineId = 1;
constexpr int OrderDate = 2;
constexpr int ProductId = 6;
constexpr int LocationId = 7;
constexpr int OrderedUnits = 8;
constexpr int Status = 11;
// QP.QUOTE_LINE attributes.
constexpr int QuoteStatus = 3;
constexpr int QuotedAt = 5;

// Rows from tests/support/orderrows.h (valid, unique keys), changed by tweak.
QByteArray ordersCsv(qsizetype count,
                     const std::function<void(qsizetype, QStringList &)> &tweak = {})
{
    QByteArray csv = "order_id,order_line_id,order_date,requested_ship_date,expected_ship_date,"
                     "actual_ship_date,product_id,location_id,ordered_units,ordered_value,"
                     "updated_at,status,shipped_units,shipped_value\n";
    for (qsizetype n = 0; n < count; ++n) {
        QStringList row = orderRow(n);
        if (tweak)
            tweak(n, row);
        csv += row.join(u',').toUtf8() + '\n';
    }
    return csv;
}

// Quote lines, one per status, with unique keys.
QByteArray quotesCsv(const QStringList &statuses)
{
    QByteArray csv = "quote_id,product_id,original_quote_id,quote_status,price_list_id,quoted_at,"
                     "decided_at,customer_id,merchant_id,project_id,region_id\n";
    for (qsizetype n = 0; n < statuses.size(); ++n) {
        csv += QStringLiteral("Q-%1,P-1,,%2,PL-1,2025-01-10 09:00:00,,C-1,M-1,PR-1,EU\n")
                   .arg(n)
                   .arg(statuses.at(n))
                   .toUtf8();
    }
    return csv;
}

using Finding = std::tuple<qsizetype, int, IssueCode>;

std::vector<Finding> findings(const IssueIndex &index)
{
    std::vector<Finding> list;
    index.forEach([&list](const CellIssue &issue) {
        list.emplace_back(issue.row, issue.attribute, issue.code);
    });
    std::sort(list.begin(), list.end());
    return list;
}

// What differs between the session's issues and a fresh check of its rows as they are now:
// empty when the incremental re-checks left the index right.
QString differenceFromAFreshCheck(const ImportSession &session)
{
    if (!session.rows() || !session.issues() || !session.resource())
        return QStringLiteral("not checked");
    Validator fresh(*session.resource());
    fresh.validateAll(*session.rows());
    const std::vector<Finding> expected = findings(fresh.issues());
    const std::vector<Finding> actual = findings(*session.issues());
    QStringList differences;
    for (const Finding &finding : expected) {
        if (!std::binary_search(actual.begin(), actual.end(), finding))
            differences.append(QStringLiteral("missing row %1 attribute %2 code %3")
                                   .arg(std::get<0>(finding))
                                   .arg(std::get<1>(finding))
                                   .arg(int(std::get<2>(finding))));
    }
    for (const Finding &finding : actual) {
        if (!std::binary_search(expected.begin(), expected.end(), finding))
            differences.append(QStringLiteral("stale row %1 attribute %2 code %3")
                                   .arg(std::get<0>(finding))
                                   .arg(std::get<1>(finding))
                                   .arg(int(std::get<2>(finding))));
    }
    return differences.join(u"; ");
}

qsizetype errors(const ImportSession &session)
{
    return session.issues() ? session.issues()->errorCount() : -1;
}

qsizetype issuesOf(const ImportSession &session, IssueCode code)
{
    return session.issues() ? session.issues()->count(code) : -1;
}

bool rowHasCode(const ImportSession &session, qsizetype row, IssueCode code)
{
    const std::vector<CellIssue> *issues
        = session.issues() ? session.issues()->issuesOfRow(row) : nullptr;
    return issues && std::any_of(issues->begin(), issues->end(), [code](const CellIssue &issue) {
               return issue.code == code;
           });
}

// The first and last rows of every issuesChanged signal so far.
std::pair<qsizetype, qsizetype> signalledRange(const QSignalSpy &spy)
{
    qsizetype first = -1;
    qsizetype last = -1;
    for (const QList<QVariant> &arguments : spy) {
        const qsizetype from = arguments.at(0).value<qsizetype>();
        const qsizetype to = arguments.at(1).value<qsizetype>();
        first = first < 0 ? from : std::min(first, from);
        last = std::max(last, to);
    }
    return {first, last};
}

} // namespace

class TestCorrections : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void editFixesACellUndoAndRedo();
    void editsOfOneCellInARowMergeIntoOneStep();
    void typingBackTheTextBeforeDropsTheStep();
    void anEditOfAnotherCellDoesNotMerge();
    void aRevertIsAStepOfItsOwn();
    void theFilesOwnTextIsNoEdit();
    void changeCellsIsOneStep();
    void revertRowsAndRevertAttribute();
    void joinedConstantAndUnmappedAttributesAreRefused();
    void anEditThatMakesADuplicateKeyFlagsBothRows();
    void anEditThatBreaksADuplicateClearsTheOtherRow();
    void aValueMapFixesStatusesUndoAndRedo();
    void aDayOrderFixesDates();
    void aDefaultFillsAnEmptyRequiredCell();
    void aBulkFixRechecksOnlyTheRowsItChanged();
    void aRecheckKeepsTheServersFindingsOfRowsSharingAKey();
    void theMappingStepsChangesAreUndoable();
    void excludedRowsAreNeitherCheckedNorSent();
    void aDuplicateOfAnExcludedRowIsNotReported();
    void manyCellsAreRecheckedOnWorkers();
    void aBulkFixOnManyRowsIsRecheckedOnWorkers();
    void undoWhileARecheckRunsLeavesItsInputAlone();
    void undoingABulkFixWhileItIsRecheckedEndsChecked();
    void aNewFileOrResourceEmptiesTheStack();
    void aNewHeaderRowKeepsTheEditsOfTableCells();

private:
    bool open(const QByteArray &csv, const QString &resource = Orders);

    QTemporaryDir m_dir;
    std::shared_ptr<const Catalogue> m_catalogue;
    QNetworkAccessManager m_network;
    std::unique_ptr<ImportSession> m_session;
    int m_files = 0;
};

void TestCorrections::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_catalogue = builtInCatalogue();
}

void TestCorrections::init()
{
    m_session = std::make_unique<ImportSession>(m_catalogue, m_network);
}

void TestCorrections::cleanup()
{
    if (m_session)
        waitForChecks(*m_session);
    m_session.reset();
}

bool TestCorrections::open(const QByteArray &csv, const QString &resource)
{
    const QString path = m_dir.filePath(QStringLiteral("file%1.csv").arg(++m_files));
    return openCheckedCsv(*m_session, path, csv, resource) && m_session->issues()
        && m_session->canCorrect();
}

void TestCorrections::editFixesACellUndoAndRedo()
{
    QVERIFY(open(ordersCsv(5, [](qsizetype n, QStringList &row) {
        if (n == 2)
            row[OrderedUnits] = QStringLiteral("ten");
    })));
    ImportSession &session = *m_session;
    QCOMPARE(errors(session), 1);
    QVERIFY(session.issues()->rowHasErrors(2));
    QSignalSpy cells(&session, &ImportSession::cellsChanged);
    QSignalSpy issues(&session, &ImportSession::issuesChanged);
    QSignalSpy corrections(&session, &ImportSession::correctionsChanged);

    QVERIFY(session.editCell(2, OrderedUnits, QStringLiteral("10")));
    QCOMPARE(session.rows()->cellText(2, OrderedUnits), u"10");
    QVERIFY(session.rows()->isEdited(2, OrderedUnits));
    QVERIFY(!session.rows()->isEdited(1, OrderedUnits));
    QCOMPARE(session.rows()->originalText(2, OrderedUnits), u"ten");
    QCOMPARE(session.corrections().editCount(), 1);
    QCOMPARE(errors(session), 0); // re-checked at once: a few rows
    QVERIFY(!session.isValidating());
    QCOMPARE(session.undoStack()->count(), 1);
    QCOMPARE(cells.size(), 1);
    QCOMPARE(cells.at(0).at(0).value<qsizetype>(), 2);
    QCOMPARE(signalledRange(issues), std::make_pair(qsizetype(2), qsizetype(2)));
    QVERIFY(corrections.size() >= 1);

    session.undoStack()->undo();
    QCOMPARE(session.rows()->cellText(2, OrderedUnits), u"ten");
    QVERIFY(!session.rows()->isEdited(2, OrderedUnits));
    QCOMPARE(session.corrections().editCount(), 0);
    QCOMPARE(errors(session), 1);
    QVERIFY(session.issues()->rowHasErrors(2));
    QCOMPARE(session.undoStack()->index(), 0);

    session.undoStack()->redo();
    QCOMPARE(session.rows()->cellText(2, OrderedUnits), u"10");
    QCOMPARE(session.corrections().editCount(), 1);
    QCOMPARE(errors(session), 0);
    QCOMPARE(differenceFromAFreshCheck(session), QString());
}

void TestCorrections::editsOfOneCellInARowMergeIntoOneStep()
{
    QVERIFY(open(ordersCsv(5, [](qsizetype n, QStringList &row) {
        if (n == 2)
            row[OrderedUnits] = QStringLiteral("ten");
    })));
    ImportSession &session = *m_session;
    QVERIFY(session.editCell(2, OrderedUnits, QStringLiteral("1O"))); // a typo: still an error
    QCOMPARE(errors(session), 1);
    QVERIFY(session.editCell(2, OrderedUnits, QStringLiteral("10")));
    QCOMPARE(session.undoStack()->count(), 1);
    QCOMPARE(session.rows()->cellText(2, OrderedUnits), u"10");
    QCOMPARE(errors(session), 0);

    // One step back is all the way back to the file's text.
    session.undoStack()->undo();
    QCOMPARE(session.rows()->cellText(2, OrderedUnits), u"ten");
    QVERIFY(!session.rows()->isEdited(2, OrderedUnits));
    QCOMPARE(errors(session), 1);
    QVERIFY(!session.undoStack()->canUndo());
    session.undoStack()->redo();
    QCOMPARE(session.rows()->cellText(2, OrderedUnits), u"10"); // the last text, not the first
    QCOMPARE(errors(session), 0);
}

void TestCorrections::typingBackTheTextBeforeDropsTheStep()
{
    QVERIFY(open(ordersCsv(5, [](qsizetype n, QStringList &row) {
        if (n == 2)
            row[OrderedUnits] = QStringLiteral("ten");
    })));
    ImportSession &session = *m_session;
    QUndoStack &stack = *session.undoStack();
    QVERIFY(session.editCell(0, Status, QStringLiteral("shipped")));
    QCOMPARE(stack.count(), 1);

    QVERIFY(session.editCell(2, OrderedUnits, QStringLiteral("10")));
    QCOMPARE(stack.count(), 2);
    QCOMPARE(errors(session), 0);
    // Back to the file's text: the merged step does nothing, so QUndoStack drops it.
    QVERIFY(session.editCell(2, OrderedUnits, QStringLiteral("ten")));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(stack.index(), 1);
    QVERIFY(!session.rows()->isEdited(2, OrderedUnits));
    QCOMPARE(session.corrections().editCount(), 1);
    QCOMPARE(errors(session), 1);
    // Undo now undoes the step before.
    stack.undo();
    QCOMPARE(session.rows()->cellText(0, Status), u"open");
    QCOMPARE(session.corrections().editCount(), 0);

    // Back to an earlier edit of the cell (not the file's text) drops the step too.
    stack.redo();
    QVERIFY(session.editCell(2, OrderedUnits, QStringLiteral("11")));
    QVERIFY(session.editCell(3, Status, QStringLiteral("held")));
    QVERIFY(session.editCell(2, OrderedUnits, QStringLiteral("12")));
    QCOMPARE(stack.count(), 4);
    QVERIFY(session.editCell(2, OrderedUnits, QStringLiteral("11")));
    QCOMPARE(stack.count(), 3);
    QCOMPARE(session.rows()->cellText(2, OrderedUnits), u"11");
    QCOMPARE(session.corrections().editCount(), 3);
    QCOMPARE(differenceFromAFreshCheck(session), QString());
}

void TestCorrections::anEditOfAnotherCellDoesNotMerge()
{
    QVERIFY(open(ordersCsv(5)));
    ImportSession &session = *m_session;
    QVERIFY(session.editCell(1, Status, QStringLiteral("held")));
    QVERIFY(session.editCell(1, ProductId, QStringLiteral("PROD-X"))); // same row, other cell
    QVERIFY(session.editCell(2, ProductId, QStringLiteral("PROD-Y"))); // same column, other row
    QCOMPARE(session.undoStack()->count(), 3);
    // A step of several cells never merges, nor does one after it.
    QVERIFY(session.changeCells(
        {{2, ProductId, QStringLiteral("PROD-Z")}, {3, ProductId, QStringLiteral("PROD-Z")}},
        QStringLiteral("Replace")));
    QVERIFY(session.editCell(3, ProductId, QStringLiteral("PROD-W")));
    QCOMPARE(session.undoStack()->count(), 5);
    session.undoStack()->undo();
    QCOMPARE(session.rows()->cellText(3, ProductId), u"PROD-Z");
    session.undoStack()->undo();
    QCOMPARE(session.rows()->cellText(2, ProductId), u"PROD-Y");
    QCOMPARE(session.rows()->cellText(3, ProductId), session.rows()->originalText(3, ProductId));
    QCOMPARE(session.corrections().editCount(), 3);
}

// Found behaviour, flagged in review: any one-cell step merges with a one-cell step of the same
// cell before it, whatever made it. So "Revert row" right after typing into the row's only
// edited cell leaves no step of its own, and takes the edit's step with it.
// Only typing merges: a revert right after an edit of the same cell is its own step, and undo
// takes back the revert, not an earlier edit.
void TestCorrections::aRevertIsAStepOfItsOwn()
{
    QVERIFY(open(ordersCsv(5)));
    ImportSession &session = *m_session;
    QVERIFY(session.editCell(0, ProductId, QStringLiteral("PROD-X")));
    QVERIFY(session.editCell(2, Status, QStringLiteral("held")));
    QCOMPARE(session.undoStack()->count(), 2);
    QVERIFY(session.revertRows({2}));
    QCOMPARE(session.undoStack()->count(), 3);
    QVERIFY(!session.rows()->isEdited(2, Status));
    session.undoStack()->undo(); // the revert
    QVERIFY(session.rows()->isEdited(2, Status));
    QCOMPARE(session.corrections().editCount(), 2);
}

void TestCorrections::theFilesOwnTextIsNoEdit()
{
    QVERIFY(open(ordersCsv(5)));
    ImportSession &session = *m_session;
    QVERIFY(!session.editCell(1, Status, QStringLiteral("open"))); // what the file says
    QCOMPARE(session.undoStack()->count(), 0);
    QCOMPARE(session.corrections().editCount(), 0);

    // An edited cell set back to the file's text in a later step: a step, but no edit is left.
    QVERIFY(session.editCell(1, Status, QStringLiteral("held")));
    QVERIFY(session.editCell(2, Status, QStringLiteral("held"))); // breaks the merge
    QVERIFY(session.changeCells({{1, Status, QStringLiteral("open")}}, QStringLiteral("Set")));
    QCOMPARE(session.undoStack()->count(), 3);
    QVERIFY(!session.rows()->isEdited(1, Status));
    QCOMPARE(session.corrections().editCount(), 1);
    const std::vector<SheetCorrections::CellEdit> edits = session.corrections().edits();
    QCOMPARE(edits.size(), size_t(1));
    QCOMPARE(edits.front().tableRow, session.rows()->tableRow(2));
    // The same text again changes nothing: no step.
    QVERIFY(!session.editCell(2, Status, QStringLiteral("held")));
    QCOMPARE(session.undoStack()->count(), 3);
    // Out of range: refused.
    QVERIFY(!session.editCell(5, Status, QStringLiteral("x")));
    QVERIFY(!session.editCell(0, 99, QStringLiteral("x")));
}

void TestCorrections::changeCellsIsOneStep()
{
    QVERIFY(open(ordersCsv(6, [](qsizetype n, QStringList &row) {
        if (n % 2 == 1)
            row[OrderedUnits] = QStringLiteral("many");
    })));
    ImportSession &session = *m_session;
    QCOMPARE(errors(session), 3);
    std::vector<ImportSession::CellChange> changes;
    for (qsizetype row = 0; row < 6; ++row)
        changes.push_back({row, OrderedUnits, QStringLiteral("7")});
    changes.push_back({5, OrderedUnits, QStringLiteral("8")}); // the last change of a cell wins
    QSignalSpy cells(&session, &ImportSession::cellsChanged);
    QVERIFY(session.changeCells(changes, QStringLiteral("Replace all")));
    QCOMPARE(session.undoStack()->count(), 1);
    QCOMPARE(session.undoStack()->text(0), u"Replace all");
    QCOMPARE(session.corrections().editCount(), 6);
    QCOMPARE(session.rows()->cellText(5, OrderedUnits), u"8");
    QCOMPARE(errors(session), 0);
    QCOMPARE(cells.size(), 1);
    QCOMPARE(cells.at(0).at(0).value<qsizetype>(), 0);
    QCOMPARE(cells.at(0).at(1).value<qsizetype>(), 5);

    session.undoStack()->undo();
    QCOMPARE(session.corrections().editCount(), 0);
    QCOMPARE(errors(session), 3);
    QCOMPARE(session.rows()->cellText(1, OrderedUnits), u"many");
    session.undoStack()->redo();
    QCOMPARE(session.corrections().editCount(), 6);
    QCOMPARE(errors(session), 0);
    // Nothing left to change: no step.
    QVERIFY(!session.changeCells({{0, OrderedUnits, QStringLiteral("7")}}, QStringLiteral("x")));
    QVERIFY(!session.changeCells({}, QStringLiteral("x")));
    QCOMPARE(session.undoStack()->count(), 1);
}

void TestCorrections::revertRowsAndRevertAttribute()
{
    QVERIFY(open(ordersCsv(5, [](qsizetype n, QStringList &row) {
        if (n == 1 || n == 3)
            row[OrderedUnits] = QStringLiteral("ten");
    })));
    ImportSession &session = *m_session;
    QVERIFY(session.changeCells({{1, OrderedUnits, QStringLiteral("10")},
                                 {1, Status, QStringLiteral("held")},
                                 {3, OrderedUnits, QStringLiteral("10")},
                                 {3, Status, QStringLiteral("held")}},
                                QStringLiteral("Fix")));
    QCOMPARE(errors(session), 0);
    QCOMPARE(session.corrections().editCount(), 4);

    QVERIFY(session.revertRows({1}));
    QCOMPARE(session.undoStack()->count(), 2);
    QVERIFY(!session.rows()->isEdited(1, OrderedUnits));
    QVERIFY(!session.rows()->isEdited(1, Status));
    QVERIFY(session.rows()->isEdited(3, Status));
    QCOMPARE(session.corrections().editCount(), 2);
    QCOMPARE(errors(session), 1);
    QVERIFY(!session.revertRows({1})); // nothing edited there any more
    QVERIFY(!session.revertRows({}));

    QVERIFY(session.revertAttribute(OrderedUnits));
    QCOMPARE(session.undoStack()->count(), 3);
    QCOMPARE(session.corrections().editCount(), 1); // row 3's status stays
    QVERIFY(session.rows()->isEdited(3, Status));
    QCOMPARE(errors(session), 2);
    QVERIFY(!session.revertAttribute(OrderedUnits));
    QVERIFY(!session.revertAttribute(OrderId)); // never edited

    session.undoStack()->undo();
    QCOMPARE(session.rows()->cellText(3, OrderedUnits), u"10");
    QCOMPARE(errors(session), 1);
    session.undoStack()->undo();
    QCOMPARE(session.corrections().editCount(), 4);
    QCOMPARE(session.rows()->cellText(1, Status), u"held");
    QCOMPARE(errors(session), 0);
    QCOMPARE(differenceFromAFreshCheck(session), QString());
}

void TestCorrections::joinedConstantAndUnmappedAttributesAreRefused()
{
    QVERIFY(open(ordersCsv(4)));
    ImportSession &session = *m_session;
    Mapping mapping = session.mapping();
    AttributeMapping *product = mapping.find(u"product_id");
    AttributeMapping *location = mapping.find(u"location_id");
    AttributeMapping *status = mapping.find(u"status");
    if (!product || !location || !status)
        QFAIL("the orders mapping lacks an attribute");
    product->source = AttributeMapping::Source::Joined;
    product->columns = {QStringLiteral("product_id"), QStringLiteral("location_id")};
    location->source = AttributeMapping::Source::Constant;
    location->columns.clear();
    location->constant = QStringLiteral("LOC-9");
    *status = AttributeMapping {};
    status->attribute = QStringLiteral("status");
    session.setMapping(mapping);
    QCOMPARE(session.undoStack()->count(), 1);
    QSignalSpy validated(&session, &ImportSession::validated);
    session.validate();
    QVERIFY(validated.wait(20000));
    QVERIFY(session.canCorrect());

    QCOMPARE(session.rows()->sourceColumn(ProductId), -1);
    QVERIFY(!session.editCell(0, ProductId, QStringLiteral("X")));
    QVERIFY(!session.editCell(0, LocationId, QStringLiteral("X")));
    QVERIFY(!session.editCell(0, Status, QStringLiteral("X")));
    QVERIFY(!session.revertAttribute(ProductId));
    // In a step with an editable cell, the others are passed over.
    QVERIFY(session.changeCells(
        {{0, ProductId, QStringLiteral("X")}, {0, OrderedUnits, QStringLiteral("3")}},
        QStringLiteral("Both")));
    QCOMPARE(session.corrections().editCount(), 1);
    QCOMPARE(session.undoStack()->count(), 2);
    QCOMPARE(session.rows()->cellText(0, OrderedUnits), u"3");
}

void TestCorrections::anEditThatMakesADuplicateKeyFlagsBothRows()
{
    QVERIFY(open(ordersCsv(12)));
    ImportSession &session = *m_session;
    QCOMPARE(errors(session), 0);
    QSignalSpy issues(&session, &ImportSession::issuesChanged);
    // Row 9 takes row 1's order id: (order_id, order_line_id, updated_at) is the same.
    QVERIFY(session.editCell(9, OrderId, session.rows()->cellText(1, OrderId)));
    QCOMPARE(issuesOf(session, IssueCode::DuplicateKey), 2);
    QVERIFY(rowHasCode(session, 1, IssueCode::DuplicateKey));
    QVERIFY(rowHasCode(session, 9, IssueCode::DuplicateKey));
    QCOMPARE(differenceFromAFreshCheck(session), QString());
    // Row 1 changed too: the views repaint it only when the signal says so.
    QVERIFY(signalledRange(issues).first <= 1);

    session.undoStack()->undo();
    QCOMPARE(issuesOf(session, IssueCode::DuplicateKey), 0);
    QVERIFY(!rowHasCode(session, 1, IssueCode::DuplicateKey));
    session.undoStack()->redo();
    QCOMPARE(issuesOf(session, IssueCode::DuplicateKey), 2);
    // A third row with the key: each names the other two.
    QVERIFY(session.editCell(5, OrderId, session.rows()->cellText(1, OrderId)));
    QCOMPARE(issuesOf(session, IssueCode::DuplicateKey), 3);
    QCOMPARE(differenceFromAFreshCheck(session), QString());
    session.undoStack()->undo();
    QCOMPARE(issuesOf(session, IssueCode::DuplicateKey), 2);
    QVERIFY(!rowHasCode(session, 5, IssueCode::DuplicateKey));
}

void TestCorrections::anEditThatBreaksADuplicateClearsTheOtherRow()
{
    QVERIFY(open(ordersCsv(10, [](qsizetype n, QStringList &row) {
        if (n == 7)
            row = orderRow(2);
        if (n == 7)
            row[OrderedUnits] = QStringLiteral("ten"); // an issue of its own, which stays
    })));
    ImportSession &session = *m_session;
    QCOMPARE(issuesOf(session, IssueCode::DuplicateKey), 2);
    QSignalSpy issues(&session, &ImportSession::issuesChanged);
    QVERIFY(session.editCell(7, OrderLineId, QStringLiteral("L-2")));
    QCOMPARE(issuesOf(session, IssueCode::DuplicateKey), 0);
    QVERIFY(!rowHasCode(session, 2, IssueCode::DuplicateKey));
    QVERIFY(rowHasCode(session, 7, IssueCode::Type));
    QCOMPARE(errors(session), 1);
    QVERIFY(signalledRange(issues).first <= 2);

    session.undoStack()->undo();
    QCOMPARE(issuesOf(session, IssueCode::DuplicateKey), 2);
    QVERIFY(rowHasCode(session, 2, IssueCode::DuplicateKey));
    // Reverting through the row works alike.
    QVERIFY(session.editCell(2, OrderId, QStringLiteral("ORD-X")));
    QCOMPARE(issuesOf(session, IssueCode::DuplicateKey), 0);
    QVERIFY(session.revertRows({2}));
    QCOMPARE(issuesOf(session, IssueCode::DuplicateKey), 2);
    QCOMPARE(differenceFromAFreshCheck(session), QString());
}

void TestCorrections::aValueMapFixesStatusesUndoAndRedo()
{
    QVERIFY(
        open(quotesCsv({QStringLiteral("won"), QStringLiteral("Won"), QStringLiteral("lost"),
                        QStringLiteral("Lost"), QStringLiteral("Won"), QStringLiteral("maybe")}),
             Quotes));
    ImportSession &session = *m_session;
    QCOMPARE(issuesOf(session, IssueCode::Enum), 4);
    const qsizetype before = errors(session);
    Mapping mapping = session.mapping();
    AttributeMapping *status = mapping.find(u"quote_status");
    if (!status)
        QFAIL("quote_status is not mapped");
    status->transforms.valueMap.insert(QStringLiteral("Won"), QStringLiteral("won"));
    status->transforms.valueMap.insert(QStringLiteral("Lost"), QStringLiteral("lost"));

    QVERIFY(session.changeMapping(mapping, QStringLiteral("Map statuses")));
    QCOMPARE(session.undoStack()->count(), 1);
    QCOMPARE(session.undoStack()->text(0), u"Map statuses");
    QCOMPARE(session.mapping(), mapping);
    QVERIFY(!session.isValidating());                // six rows: at once
    QCOMPARE(issuesOf(session, IssueCode::Enum), 1); // "maybe" is not mapped
    QCOMPARE(errors(session), before - 3);
    QVERIFY(rowHasCode(session, 5, IssueCode::Enum));
    QCOMPARE(session.corrections().editCount(), 0);                    // a mapping, not cell edits
    QVERIFY(!session.changeMapping(mapping, QStringLiteral("Again"))); // no change: no step

    session.undoStack()->undo();
    QCOMPARE(issuesOf(session, IssueCode::Enum), 4);
    QCOMPARE(errors(session), before);
    QVERIFY(session.mapping().find(u"quote_status")->transforms.valueMap.isEmpty());
    session.undoStack()->redo();
    QCOMPARE(issuesOf(session, IssueCode::Enum), 1);
    QCOMPARE(differenceFromAFreshCheck(session), QString());
}

void TestCorrections::aDayOrderFixesDates()
{
    QVERIFY(open(ordersCsv(6, [](qsizetype n, QStringList &row) {
        if (n == 1)
            row[OrderDate] = QStringLiteral("05/06/2025 08:00"); // 5 June or May 6?
        if (n == 4)
            row[OrderDate] = QStringLiteral("07/01/2025 09:30");
    })));
    ImportSession &session = *m_session;
    QCOMPARE(errors(session), 2);
    Mapping mapping = session.mapping();
    mapping.find(u"order_date")->transforms.dayOrder = DayOrder::DayMonthYear;
    QVERIFY(session.changeMapping(mapping, QStringLiteral("Day first")));
    QCOMPARE(errors(session), 0);
    session.undoStack()->undo();
    QCOMPARE(errors(session), 2);
    QVERIFY(session.issues()->rowHasErrors(1));
    QVERIFY(session.issues()->rowHasErrors(4));
    session.undoStack()->redo();
    QCOMPARE(errors(session), 0);
    QCOMPARE(differenceFromAFreshCheck(session), QString());
}

void TestCorrections::aDefaultFillsAnEmptyRequiredCell()
{
    QVERIFY(open(ordersCsv(5, [](qsizetype n, QStringList &row) {
        if (n == 3)
            row[LocationId].clear();
    })));
    ImportSession &session = *m_session;
    QCOMPARE(issuesOf(session, IssueCode::Required), 1);
    Mapping mapping = session.mapping();
    mapping.find(u"location_id")->defaultValue = QStringLiteral("LOC-001");
    QVERIFY(session.changeMapping(mapping, QStringLiteral("Default location")));
    QCOMPARE(issuesOf(session, IssueCode::Required), 0);
    QCOMPARE(errors(session), 0);
    session.undoStack()->undo();
    QCOMPARE(issuesOf(session, IssueCode::Required), 1);
    QVERIFY(session.issues()->rowHasErrors(3));
    session.undoStack()->redo();
    QCOMPARE(errors(session), 0);
    QCOMPARE(differenceFromAFreshCheck(session), QString());
}

void TestCorrections::aBulkFixRechecksOnlyTheRowsItChanged()
{
    QVERIFY(
        open(quotesCsv({QStringLiteral("won"), QStringLiteral("Won"), QStringLiteral("lost"),
                        QStringLiteral("Won"), QStringLiteral("pending"), QStringLiteral("won")}),
             Quotes));
    ImportSession &session = *m_session;
    // The server's finding on rows 0 and 5 (as an upload adds it): no local check makes it, so
    // a re-check of those rows would drop it.
    auto *index = const_cast<IssueIndex *>(session.issues());
    if (!index)
        QFAIL("not checked");
    for (const qsizetype row : {qsizetype(0), qsizetype(5)}) {
        CellIssue server;
        server.row = row;
        server.attribute = QuotedAt;
        server.code = IssueCode::Server;
        server.cause = QStringLiteral("server DI_E_10008");
        server.message = QStringLiteral("rejected by the server");
        index->setRowIssues(row, {server});
    }
    QCOMPARE(issuesOf(session, IssueCode::Server), 2);
    QCOMPARE(issuesOf(session, IssueCode::Enum), 2);
    QSignalSpy issues(&session, &ImportSession::issuesChanged);
    Mapping mapping = session.mapping();
    mapping.find(u"quote_status")
        ->transforms.valueMap.insert(QStringLiteral("Won"), QStringLiteral("won"));
    QVERIFY(session.changeMapping(mapping, QStringLiteral("Map")));
    QCOMPARE(issuesOf(session, IssueCode::Enum), 0);
    QCOMPARE(issuesOf(session, IssueCode::Server), 2); // rows 0 and 5 were not re-checked
    QCOMPARE(signalledRange(issues), std::make_pair(qsizetype(1), qsizetype(3)));
    session.undoStack()->undo();
    QCOMPARE(issuesOf(session, IssueCode::Enum), 2);
    QCOMPARE(issuesOf(session, IssueCode::Server), 2);
    // An edit re-checks its row only.
    QVERIFY(session.editCell(2, QuoteStatus, QStringLiteral("archived")));
    QCOMPARE(issuesOf(session, IssueCode::Server), 2);
}

void TestCorrections::aRecheckKeepsTheServersFindingsOfRowsSharingAKey()
{
    QVERIFY(open(ordersCsv(6, [](qsizetype n, QStringList &row) {
        if (n == 4)
            row = orderRow(1);
    })));
    ImportSession &session = *m_session;
    QCOMPARE(issuesOf(session, IssueCode::DuplicateKey), 2);
    // Row 1 was sent and the server said the key exists (an APPEND).
    auto *index = const_cast<IssueIndex *>(session.issues());
    const std::vector<CellIssue> *found = index ? index->issuesOfRow(1) : nullptr;
    if (!found)
        QFAIL("row 1 has no issues");
    std::vector<CellIssue> row1 = *found;
    CellIssue server;
    server.row = 1;
    server.attribute = OrderId;
    server.code = IssueCode::KeyExists;
    server.cause = QStringLiteral("server DI_E_10008");
    row1.push_back(server);
    index->setRowIssues(1, row1);
    // Row 4 is edited: it no longer shares row 1's key, which the re-check of row 1 finds.
    QVERIFY(session.editCell(4, OrderLineId, QStringLiteral("L-2")));
    QVERIFY(!rowHasCode(session, 1, IssueCode::DuplicateKey));
    QVERIFY(rowHasCode(session, 1, IssueCode::KeyExists));
}

void TestCorrections::theMappingStepsChangesAreUndoable()
{
    QVERIFY(open(ordersCsv(5, [](qsizetype n, QStringList &row) {
        if (n == 0)
            row[OrderedUnits] = QStringLiteral("ten");
    })));
    ImportSession &session = *m_session;
    QCOMPARE(errors(session), 1);
    QSignalSpy mappingChanged(&session, &ImportSession::mappingChanged);

    // Other transforms only: the rows stay checked (only the changed ones re-checked).
    Mapping trimmed = session.mapping();
    trimmed.find(u"status")->transforms.letterCase = Transforms::Case::Upper;
    session.setMapping(trimmed);
    QCOMPARE(session.undoStack()->count(), 1);
    QCOMPARE(session.undoStack()->text(0), u"Change mapping");
    QVERIFY(session.issues());
    QVERIFY(session.canCorrect());
    QCOMPARE(errors(session), 1);
    QVERIFY(mappingChanged.size() >= 1);

    // Another column: the rows are built anew and must be checked again.
    Mapping unmapped = session.mapping();
    AttributeMapping *units = unmapped.find(u"ordered_units");
    *units = AttributeMapping {};
    units->attribute = QStringLiteral("ordered_units");
    session.setMapping(unmapped);
    QCOMPARE(session.undoStack()->count(), 2);
    QVERIFY(!session.issues());
    QVERIFY(!session.canCorrect());
    QVERIFY(waitForChecks(session));
    QSignalSpy validated(&session, &ImportSession::validated);
    session.validate();
    QVERIFY(validated.wait(20000));
    QCOMPARE(issuesOf(session, IssueCode::Required), 5); // ordered_units is required
    QCOMPARE(errors(session), 5);

    session.undoStack()->undo();
    QCOMPARE(session.mapping(), trimmed);
    QVERIFY(!session.issues()); // built anew
    session.validate();
    QVERIFY(validated.wait(20000));
    QCOMPARE(errors(session), 1);
    session.undoStack()->undo();
    QCOMPARE(session.mapping().find(u"status")->transforms.letterCase, Transforms::Case::Keep);
    QVERIFY(session.issues()); // transforms only: still checked
    QCOMPARE(errors(session), 1);
    session.undoStack()->redo();
    session.undoStack()->redo();
    QCOMPARE(session.mapping(), unmapped);
    // Setting the mapping it has is no step.
    session.setMapping(unmapped);
    QCOMPARE(session.undoStack()->count(), 2);
}

void TestCorrections::excludedRowsAreNeitherCheckedNorSent()
{
    QVERIFY(open(ordersCsv(5, [](qsizetype n, QStringList &row) {
        if (n == 2)
            row[OrderedUnits] = QStringLiteral("ten");
    })));
    ImportSession &session = *m_session;
    QCOMPARE(session.rowsToSend(), (std::vector<qsizetype> {0, 1, 3, 4}));
    QCOMPARE(session.rowsToSendCount(), 4);
    QSignalSpy issues(&session, &ImportSession::issuesChanged);

    QVERIFY(session.setRowsExcluded({0, 2}, true));
    QCOMPARE(session.undoStack()->count(), 1);
    QVERIFY(session.isExcluded(0));
    QVERIFY(session.isExcluded(2));
    QVERIFY(!session.isExcluded(1));
    QCOMPARE(session.corrections().excludedCount(), 2);
    QCOMPARE(errors(session), 0);
    QVERIFY(!session.issues()->issuesOfRow(2));
    QCOMPARE(session.rowsToSend(), (std::vector<qsizetype> {1, 3, 4}));
    QCOMPARE(session.rowsToSendCount(), 3);
    QCOMPARE(signalledRange(issues), std::make_pair(qsizetype(0), qsizetype(2)));
    QVERIFY(!session.setRowsExcluded({0, 2}, true)); // already out: no step
    QVERIFY(!session.setRowsExcluded({1}, false));   // never out

    session.undoStack()->undo();
    QVERIFY(!session.isExcluded(0));
    QCOMPARE(errors(session), 1);
    QVERIFY(session.issues()->rowHasErrors(2));
    QCOMPARE(session.rowsToSend(), (std::vector<qsizetype> {0, 1, 3, 4}));
    QCOMPARE(session.rowsToSendCount(), 4);
    session.undoStack()->redo();
    QCOMPARE(session.rowsToSendCount(), 3);
    QCOMPARE(qsizetype(session.rowsToSend().size()), session.rowsToSendCount());

    // Taking one back in re-checks it.
    QVERIFY(session.setRowsExcluded({2}, false));
    QCOMPARE(errors(session), 1);
    QCOMPARE(session.rowsToSend(), (std::vector<qsizetype> {1, 3, 4}));
    QCOMPARE(session.rowsToSendCount(), 3);
    // An excluded row is still edited like any other, and checked once taken back.
    QVERIFY(session.editCell(0, OrderedUnits, QStringLiteral("x")));
    QCOMPARE(errors(session), 1);
    QVERIFY(session.setRowsExcluded({0}, false));
    QCOMPARE(errors(session), 2);
    QCOMPARE(differenceFromAFreshCheck(session), QString());
}

void TestCorrections::aDuplicateOfAnExcludedRowIsNotReported()
{
    QVERIFY(open(ordersCsv(8, [](qsizetype n, QStringList &row) {
        if (n == 6)
            row = orderRow(1);
    })));
    ImportSession &session = *m_session;
    QCOMPARE(issuesOf(session, IssueCode::DuplicateKey), 2);
    QCOMPARE(session.rowsToSendCount(), 6);
    QVERIFY(session.setRowsExcluded({6}, true));
    QCOMPARE(issuesOf(session, IssueCode::DuplicateKey), 0);
    QVERIFY(!session.issues()->rowHasErrors(1));
    QCOMPARE(session.rowsToSendCount(), 7);
    QCOMPARE(session.rowsToSend().size(), size_t(7));
    // An edit giving another row the excluded row's key: still no duplicate.
    QVERIFY(session.editCell(3, OrderId, session.rows()->cellText(6, OrderId)));
    QCOMPARE(issuesOf(session, IssueCode::DuplicateKey), 2); // rows 1 and 3, not 6
    QVERIFY(!rowHasCode(session, 6, IssueCode::DuplicateKey));
    session.undoStack()->undo();
    session.undoStack()->undo();
    QCOMPARE(issuesOf(session, IssueCode::DuplicateKey), 2);
    QVERIFY(rowHasCode(session, 6, IssueCode::DuplicateKey));
    QCOMPARE(session.rowsToSendCount(), 6);
    QCOMPARE(differenceFromAFreshCheck(session), QString());
}

void TestCorrections::manyCellsAreRecheckedOnWorkers()
{
    constexpr qsizetype Rows = 5000;
    QVERIFY(open(ordersCsv(Rows, [](qsizetype n, QStringList &row) {
        if (n % 10 == 3)
            row[OrderedUnits] = QStringLiteral("ten");
    })));
    ImportSession &session = *m_session;
    QCOMPARE(errors(session), Rows / 10);
    std::vector<ImportSession::CellChange> changes;
    for (qsizetype row = 0; row < Rows; ++row)
        changes.push_back({row, OrderedUnits, QStringLiteral("55")}); // no row has 55
    QSignalSpy validated(&session, &ImportSession::validated);
    QVERIFY(session.changeCells(changes, QStringLiteral("Replace all")));
    QVERIFY(session.isValidating());
    QVERIFY(!session.canCorrect());
    QVERIFY(!session.editCell(0, Status, QStringLiteral("held"))); // refused while it runs
    QVERIFY(!session.setRowsExcluded({0}, true));
    QCOMPARE(errors(session), Rows / 10); // the old findings until the new ones are in
    QVERIFY(waitForChecks(session));
    QCOMPARE(validated.size(), 1);
    QVERIFY(session.canCorrect());
    QCOMPARE(errors(session), 0);
    QCOMPARE(session.corrections().editCount(), Rows);
    QCOMPARE(session.undoStack()->count(), 1);

    session.undoStack()->undo();
    QVERIFY(session.isValidating());
    QVERIFY(waitForChecks(session));
    QCOMPARE(errors(session), Rows / 10);
    QCOMPARE(session.corrections().editCount(), 0);
    session.undoStack()->redo();
    QVERIFY(waitForChecks(session));
    QCOMPARE(errors(session), 0);
    QCOMPARE(differenceFromAFreshCheck(session), QString());

    // Excluding many rows goes to the workers too.
    std::vector<qsizetype> half;
    for (qsizetype row = 0; row < Rows; row += 2)
        half.push_back(row);
    QVERIFY(session.setRowsExcluded(half, true));
    QVERIFY(session.isValidating());
    QVERIFY(waitForChecks(session));
    QCOMPARE(session.rowsToSendCount(), Rows / 2);
    QCOMPARE(differenceFromAFreshCheck(session), QString());
}

void TestCorrections::aBulkFixOnManyRowsIsRecheckedOnWorkers()
{
    constexpr qsizetype Rows = 5000;
    QVERIFY(open(ordersCsv(Rows, [](qsizetype n, QStringList &row) {
        if (n % 10 == 3)
            row[OrderedUnits] = QStringLiteral("ten");
        if (n == 4321)
            row = orderRow(17); // a duplicate, which stays
    })));
    ImportSession &session = *m_session;
    QCOMPARE(errors(session), Rows / 10 + 2);
    Mapping mapping = session.mapping();
    mapping.find(u"ordered_units")
        ->transforms.valueMap.insert(QStringLiteral("ten"), QStringLiteral("10"));
    QVERIFY(session.changeMapping(mapping, QStringLiteral("Map ten")));
    QVERIFY(session.isValidating());
    QVERIFY(!session.canCorrect());
    QVERIFY(!session.editCell(0, Status, QStringLiteral("held")));
    QVERIFY(waitForChecks(session));
    QCOMPARE(errors(session), 2);
    QCOMPARE(issuesOf(session, IssueCode::DuplicateKey), 2);

    // Undo and redo find the findings of their mappings kept from before: nothing to check.
    session.undoStack()->undo();
    QVERIFY(!session.isValidating());
    QCOMPARE(errors(session), Rows / 10 + 2);
    QCOMPARE(differenceFromAFreshCheck(session), QString());
    session.undoStack()->redo();
    QVERIFY(!session.isValidating());
    QCOMPARE(errors(session), 2);
    QCOMPARE(differenceFromAFreshCheck(session), QString());
    // Once a cell changed, the kept findings no longer hold: undo checks again.
    QVERIFY(session.editCell(3, OrderedUnits, QStringLiteral("11")));
    session.undoStack()->undo(); // the edit
    session.undoStack()->undo(); // the value map
    QVERIFY(session.isValidating());
    QVERIFY(waitForChecks(session));
    QCOMPARE(errors(session), Rows / 10 + 2);
    session.undoStack()->redo();
    QVERIFY(waitForChecks(session));

    // Every row's value changes (upper case): every row re-checked, the counts stay.
    Mapping upper = session.mapping();
    upper.find(u"status")->transforms.letterCase = Transforms::Case::Upper;
    QVERIFY(session.changeMapping(upper, QStringLiteral("Upper case")));
    QVERIFY(waitForChecks(session));
    QCOMPARE(errors(session), 2);
    QCOMPARE(differenceFromAFreshCheck(session), QString());
    // A key attribute for every row: every key moves, the duplicate stays a duplicate.
    Mapping lower = session.mapping();
    lower.find(u"order_id")->transforms.letterCase = Transforms::Case::Lower;
    QVERIFY(session.changeMapping(lower, QStringLiteral("Lower case ids")));
    QVERIFY(waitForChecks(session));
    QCOMPARE(issuesOf(session, IssueCode::DuplicateKey), 2);
    QCOMPARE(differenceFromAFreshCheck(session), QString());
    session.undoStack()->undo();
    QVERIFY(waitForChecks(session));
    QCOMPARE(differenceFromAFreshCheck(session), QString());
}

void TestCorrections::undoWhileARecheckRunsLeavesItsInputAlone()
{
    constexpr qsizetype Rows = 5000;
    QVERIFY(open(ordersCsv(Rows)));
    ImportSession &session = *m_session;
    std::vector<ImportSession::CellChange> changes;
    for (qsizetype row = 0; row < Rows; ++row)
        changes.push_back({row, OrderedUnits, QStringLiteral("ten")});
    QVERIFY(session.changeCells(changes, QStringLiteral("Break all")));
    QVERIFY(session.isValidating());
    // What the check on the workers reads (it holds these rows and their corrections).
    const SheetCorrections *read = session.rows()->corrections();
    if (!read)
        QFAIL("the rows read no corrections");
    const qsizetype editsRead = read->editCount();
    const int index = session.undoStack()->index();

    // Ctrl+Z while the check runs. The workers are given time to finish reading first (the
    // session learns that they did only from its event loop, not run here): the test shows
    // what the undo changes without itself racing them.
    QThread::msleep(500);
    session.undoStack()->undo();
    // Refused, or applied to other corrections than the ones the workers read: either way the
    // workers' input does not change under them.
    const bool refused = session.undoStack()->index() == index;
    QVERIFY(refused || read->editCount() == editsRead);
    for (int wait = 0; wait < 3 && session.isValidating(); ++wait)
        QVERIFY(waitForChecks(session));
    QVERIFY(!session.isValidating());
    QCOMPARE(differenceFromAFreshCheck(session), QString());
}

void TestCorrections::undoingABulkFixWhileItIsRecheckedEndsChecked()
{
    constexpr qsizetype Rows = 5000;
    QVERIFY(open(ordersCsv(Rows, [](qsizetype n, QStringList &row) {
        if (n % 10 == 3)
            row[OrderedUnits] = QStringLiteral("ten");
    })));
    ImportSession &session = *m_session;
    Mapping mapping = session.mapping();
    mapping.find(u"ordered_units")
        ->transforms.valueMap.insert(QStringLiteral("ten"), QStringLiteral("10"));
    QVERIFY(session.changeMapping(mapping, QStringLiteral("Map ten")));
    QVERIFY(session.isValidating());
    session.undoStack()->undo(); // Ctrl+Z while the re-check runs
    for (int wait = 0; wait < 3 && session.isValidating(); ++wait)
        QVERIFY(waitForChecks(session));
    // Whatever the undo did (refused, or applied), the Review page is left with checked rows
    // that match the mapping: not with no issues at all and nobody checking.
    QVERIFY(session.issues());
    QCOMPARE(differenceFromAFreshCheck(session), QString());
}

void TestCorrections::aNewFileOrResourceEmptiesTheStack()
{
    QVERIFY(open(ordersCsv(5)));
    ImportSession &session = *m_session;
    QVERIFY(session.editCell(1, Status, QStringLiteral("held")));
    QVERIFY(session.setRowsExcluded({3}, true));
    QCOMPARE(session.undoStack()->count(), 2);

    // The same resource again (the target step): the stack goes; the cell edits and exclusions,
    // made on the file's cells, stay.
    QVERIFY(session.setResource(Orders));
    QCOMPARE(session.undoStack()->count(), 0);
    QCOMPARE(session.corrections().editCount(), 1);
    QCOMPARE(session.corrections().excludedCount(), 1);
    QCOMPARE(session.rows()->cellText(1, Status), u"held");
    QVERIFY(session.isExcluded(3));

    // A new file: nothing of the old one's corrections is left.
    QVERIFY(open(ordersCsv(4)));
    QCOMPARE(session.undoStack()->count(), 0);
    QCOMPARE(session.corrections().editCount(), 0);
    QCOMPARE(session.corrections().excludedCount(), 0);
    QVERIFY(!session.rows()->isEdited(1, Status));
    QCOMPARE(session.rowsToSendCount(), 4);
}

void TestCorrections::aNewHeaderRowKeepsTheEditsOfTableCells()
{
    // The header twice: the first is taken, the second read as a data row (with errors).
    QVERIFY(open(ordersCsv(0) + ordersCsv(5)));
    ImportSession &session = *m_session;
    QCOMPARE(session.layout().headerRow, 0);
    QCOMPARE(session.rows()->rowCount(), 6);
    QVERIFY(session.editCell(2, Status, QStringLiteral("held"))); // table row 3: ORD-1
    QCOMPARE(session.rows()->tableRow(2), 3);
    QVERIFY(session.setRowsExcluded({3}, true)); // table row 4: ORD-2
    QCOMPARE(session.undoStack()->count(), 2);

    // The second header line is the header: the edits stay on their table cells, which are now
    // one data row up; the stack goes (its steps were made for other rows).
    session.setHeaderRow(1);
    QCOMPARE(session.undoStack()->count(), 0);
    QCOMPARE(session.corrections().editCount(), 1);
    if (!session.rows())
        QFAIL("no rows under the new header");
    QCOMPARE(session.rows()->rowCount(), 5);
    QCOMPARE(session.rows()->cellText(1, OrderId), u"ORD-0000001");
    QCOMPARE(session.rows()->cellText(1, Status), u"held");
    QVERIFY(session.rows()->isEdited(1, Status));
    QVERIFY(session.isExcluded(2));
    QVERIFY(!session.isExcluded(3));
    QVERIFY(!session.canCorrect()); // the rows are built anew: checked again first
    QSignalSpy validated(&session, &ImportSession::validated);
    session.validate();
    QVERIFY(validated.wait(20000));
    QCOMPARE(errors(session), 0);
    QCOMPARE(session.rowsToSendCount(), 4);
    // The cells edited before can still be reverted, though not undone.
    QVERIFY(session.revertRows({1}));
    QCOMPARE(session.corrections().editCount(), 0);
    QCOMPARE(session.rows()->cellText(1, Status), u"open");
}

QTEST_MAIN(TestCorrections)
#include "tst_corrections.moc"
