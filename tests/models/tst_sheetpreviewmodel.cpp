// SPDX-License-Identifier: MIT
// The Open page's preview of a sheet as read: the first rows, the header row marked.
#include "models/itemmodels/sheetpreviewmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace sluice;

namespace {

using Kind = SheetPreviewModel::RowKind;

// A title, a blank row, the labels on sheet row 3, dataRows rows of values and a totals row.
SheetTable ordersSheet(int dataRows)
{
    SheetTable table;
    const auto row = [&table](const QList<std::pair<CellKind, QByteArray>> &cells) {
        table.beginRow();
        for (int column = 0; column < cells.size(); ++column) {
            if (cells[column].first != CellKind::Empty
                && !table.setCell(column, cells[column].first, cells[column].second))
                qFatal("cannot set a cell");
        }
        table.endRow();
    };
    row({{CellKind::Text, "Customer orders, March"}});
    row({});
    row({{CellKind::Text, "Order"}, {CellKind::Text, "Customer"}, {CellKind::Text, "Amount"}});
    for (int n = 0; n < dataRows; ++n) {
        row({{CellKind::Number, QByteArray::number(1000 + n)},
             {CellKind::Text, "Müller & Söhne"},
             {CellKind::Number, QByteArray::number(n * 2.5)}});
    }
    row({{CellKind::Text, "Total"}, {CellKind::Empty, {}}, {CellKind::Number, "123"}});
    return table;
}

int kindOf(const QAbstractItemModel &model, int row)
{
    return model.headerData(row, Qt::Vertical, SheetPreviewModel::RowKindRole).toInt();
}

} // namespace

class TestSheetPreviewModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheSheetWithItsHeaderRowMarked();
    void showsTheFirstRowsOfABigSheet();
    void anotherHeaderRowRepaintsWithoutAReset();
    void clearingEmptiesThePreview();
};

void TestSheetPreviewModel::showsTheSheetWithItsHeaderRowMarked()
{
    const SheetTable table = ordersSheet(5);
    SheetPreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setTable(&table, HeaderDetector::detect(table));

    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"A");
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), u"C");
    QCOMPARE(model.headerData(2, Qt::Horizontal, Qt::ToolTipRole).toString(), u"Column C: Amount");
    QCOMPARE(model.data(model.index(3, 1)).toString(), u"Müller & Söhne");
    QVERIFY(!model.data(model.index(1, 0)).isValid()); // a blank cell shows nothing

    // The detected header is sheet row 3: said in words, not only by styling.
    QCOMPARE(model.headerData(0, Qt::Vertical).toString(), u"1 · skipped");
    QCOMPARE(model.headerData(1, Qt::Vertical).toString(), u"2 · skipped");
    QCOMPARE(model.headerData(2, Qt::Vertical).toString(), u"3 · Header");
    QCOMPARE(model.headerData(3, Qt::Vertical).toString(), u"4");
    QCOMPARE(model.headerData(8, Qt::Vertical).toString(), u"9 · footer");
    QCOMPARE(kindOf(model, 0), int(Kind::Skipped));
    QCOMPARE(kindOf(model, 2), int(Kind::Header));
    QCOMPARE(kindOf(model, 7), int(Kind::Data));
    QCOMPARE(kindOf(model, 8), int(Kind::Footer));
    QCOMPARE(model.data(model.index(2, 0), SheetPreviewModel::RowKindRole).toInt(),
             int(Kind::Header));
    QCOMPARE(model.data(model.index(5, 0), SheetPreviewModel::SheetRowRole).toInt(), 6);
    QCOMPARE(model.data(model.index(3, 0), SheetPreviewModel::CellKindRole).toInt(),
             int(CellKind::Number));
    // Numbers line up right, text left.
    QCOMPARE(model.data(model.index(3, 0), Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignRight | Qt::AlignVCenter);
    QCOMPARE(model.data(model.index(3, 1), Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignLeft | Qt::AlignVCenter);
}

void TestSheetPreviewModel::showsTheFirstRowsOfABigSheet()
{
    const SheetTable table = ordersSheet(5000);
    SheetPreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(&table, HeaderDetector::detect(table));
    QCOMPARE(model.rowCount(), SheetPreviewModel::DefaultRowLimit);
    QCOMPARE(model.data(model.index(199, 0)).toString(), u"1196");
    QVERIFY(!model.headerData(200, Qt::Vertical).isValid());

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setRowLimit(10);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 10);
}

void TestSheetPreviewModel::anotherHeaderRowRepaintsWithoutAReset()
{
    const SheetTable table = ordersSheet(5);
    SheetPreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(&table, HeaderDetector::detect(table));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
    model.setLayout(HeaderDetector::detect(table, 0)); // the user says the title row is the header
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(8, 2));
    QCOMPARE(headers.size(), 1);
    QCOMPARE(headers.at(0).at(0).value<Qt::Orientation>(), Qt::Vertical);
    QCOMPARE(model.headerData(0, Qt::Vertical).toString(), u"1 · Header");
    QCOMPARE(kindOf(model, 2), int(Kind::Data));
    QCOMPARE(model.layout().headerRow, 0);
}

void TestSheetPreviewModel::clearingEmptiesThePreview()
{
    const SheetTable table = ordersSheet(3);
    SheetPreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(&table, HeaderDetector::detect(table));
    QVERIFY(model.rowCount() > 0);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
    QCOMPARE(model.table(), nullptr);
    // Nothing to repaint, and no stale marks asked for.
    model.setLayout(HeaderDetector::detect(table));
    QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
}

QTEST_GUILESS_MAIN(TestSheetPreviewModel)
#include "tst_sheetpreviewmodel.moc"
