// SPDX-License-Identifier: MIT
// XlsxReader on small workbooks written here, one feature at a time.
#include "models/source/readsink.h"
#include "models/source/xlsxreader.h"
#include "tests/support/xlsxbuilder.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sluice;
using namespace sluice::test;

namespace {

// Counts blocks and progress reports; cancels after cancelAfterBlocks blocks if set.
class CountingSink : public CollectingSink
{
public:
    bool rowsRead(SheetTable &&rows) override
    {
        m_blockSizes.append(rows.rowCount());
        CollectingSink::rowsRead(std::move(rows));
        return m_cancelAfterBlocks < 0 || m_blockSizes.size() < m_cancelAfterBlocks;
    }
    bool progressed(const ReadProgress &progress) override
    {
        m_progress.append(progress);
        return true;
    }

    QList<qsizetype> m_blockSizes;
    QList<ReadProgress> m_progress;
    int m_cancelAfterBlocks = -1;
};

struct Cell
{
    CellKind kind;
    QString text;
    bool operator==(const Cell &other) const = default;
};

char *toString(const Cell &cell) // QCOMPARE output
{
    return qstrdup(qPrintable(QString("%1 '%2'").arg(int(cell.kind)).arg(cell.text)));
}

Cell cellAt(const SheetTable &table, qsizetype row, int column)
{
    return {table.kind(row, column), table.text(row, column)};
}

const Cell Blank {CellKind::Empty, QString()};

} // namespace

class TestXlsxReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }
    void listsSheetsWithStatesAndKinds();
    void relationshipTargetsAbsoluteAndOutsideXl();
    void cellTypes();
    void sharedStringsRichTextPhoneticAndEscapes();
    void datesFromStyles();
    void date1904();
    void cellsAndRowsWithoutReferences();
    void leadingAndSkippedRowsAreEmptyRows();
    void strictNamespaces();
    void deliversBlocksWithProgress();
    void cancelStopsTheRead();
    void cellLengthLimit();
    void columnAndRowLimits();
    void compressionRatioAndSizeLimits();
    void refusesDtd();
    void brokenFilesGiveClearErrors_data();
    void brokenFilesGiveClearErrors();
    void truncatedAndIncompletePackages();
    void badSharedStringIndex();
    void mergedCellsKeepOnlyTheTopLeftValue();
    void mergedAreaAcrossABlockBoundary();
    void brokenMergedAreasGiveClearErrors();

private:
    QString write(const Parts &parts, const QString &name = "book.xlsx")
    {
        const QString path = m_dir.filePath(name);
        if (!writeZip(path, parts))
            qFatal("could not write %s", qPrintable(path));
        return path;
    }

    // Opens a one-sheet workbook and reads its sheet, failing the test on an error.
    SheetTable readOnly(const Parts &parts, int *dateSystem = nullptr)
    {
        XlsxReader reader;
        const auto sheets = reader.open(write(parts));
        if (!sheets)
            qFatal("%s", qPrintable(sheets.error().message));
        if (dateSystem)
            *dateSystem = reader.dateSystem();
        CollectingSink sink;
        const auto end = reader.readSheet(0, sink);
        if (!end)
            qFatal("%s", qPrintable(end.error().message));
        return std::move(sink.table());
    }

    // The error of opening and reading sheet 0, or an empty string.
    QString readError(const Parts &parts, const ReadLimits &limits = {})
    {
        XlsxReader reader;
        const auto sheets = reader.open(write(parts), limits);
        if (!sheets)
            return sheets.error().message;
        CollectingSink sink;
        const auto end = reader.readSheet(0, sink);
        return end ? QString() : end.error().message;
    }

    QTemporaryDir m_dir;
};

void TestXlsxReader::listsSheetsWithStatesAndKinds()
{
    const QByteArray rels
        = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          "<Relationship Id=\"a\" Type=\""
        + RelType
        + "worksheet\" Target=\"worksheets/s1.xml\"/>"
          "<Relationship Id=\"b\" Type=\""
        + RelType
        + "worksheet\" Target=\"worksheets/s2.xml\"/>"
          "<Relationship Id=\"c\" Type=\""
        + RelType
        + "chartsheet\" Target=\"chartsheets/c.xml\"/>"
          "<Relationship Id=\"d\" Type=\"http://schemas.microsoft.com/office/2006/relationships/"
          "xlMacrosheet\" Target=\"macrosheets/m.xml\"/></Relationships>";
    const QByteArray book = "<workbook xmlns=\"" + Main + "\" xmlns:r=\"" + RelNs
        + "\"><sheets>"
          "<sheet name=\"Shown\" sheetId=\"1\" r:id=\"a\"/>"
          "<sheet name=\"Hid &amp; den\" sheetId=\"2\" state=\"hidden\" r:id=\"b\"/>"
          "<sheet name=\"Chart\" sheetId=\"3\" state=\"veryHidden\" r:id=\"c\"/>"
          "<sheet name=\"Macro\" sheetId=\"4\" r:id=\"d\"/></sheets></workbook>";
    XlsxReader reader;
    const auto sheets = reader.open(write({{"_rels/.rels", rootRels()},
                                           {"xl/_rels/workbook.xml.rels", rels},
                                           {"xl/workbook.xml", book},
                                           {"xl/worksheets/s1.xml", sheetXml("")},
                                           {"xl/worksheets/s2.xml", sheetXml("")}},
                                          "book.xlsm"));
    QVERIFY2(sheets, qPrintable(sheets ? QString() : sheets.error().message));
    QCOMPARE(sheets->size(), 4);
    QCOMPARE(sheets->at(0).name, "Shown");
    QCOMPARE(sheets->at(1).name, "Hid & den");
    QCOMPARE(sheets->at(1).state, SheetState::Hidden);
    QCOMPARE(sheets->at(2).state, SheetState::VeryHidden);
    QCOMPARE(sheets->at(2).kind, SheetKind::Chartsheet);
    QCOMPARE(sheets->at(3).kind, SheetKind::Macrosheet);
    QCOMPARE(reader.dateSystem(), 1900);
    CollectingSink sink;
    QCOMPARE(reader.readSheet(2, sink).value(), ReadEnd::Finished); // a chart: no cells
    QCOMPARE(sink.table().rowCount(), 0);
}

void TestXlsxReader::relationshipTargetsAbsoluteAndOutsideXl()
{
    Parts parts = workbook("<row r=\"1\"><c r=\"A1\"><v>7</v></c></row>");
    parts[0].second = rootRels("/book/main.xml");
    for (auto &[name, data] : parts) {
        if (name == "xl/workbook.xml")
            name = "book/main.xml";
        else if (name == "xl/_rels/workbook.xml.rels")
            name = "book/_rels/main.xml.rels",
            data.replace("worksheets/sheet1.xml", "/Sheets/One.XML");
        else if (name == "xl/worksheets/sheet1.xml")
            name = "sheets/one.xml"; // part names are case-insensitive
    }
    const SheetTable table = readOnly(parts);
    QCOMPARE(cellAt(table, 0, 0), (Cell {CellKind::Number, "7"}));
}

void TestXlsxReader::cellTypes()
{
    const SheetTable table
        = readOnly(workbook("<row r=\"1\">"
                            "<c r=\"A1\" t=\"inlineStr\"><is><t>inline</t></is></c>"
                            "<c r=\"B1\" t=\"str\"><f>A1&amp;\"x\"</f><v>formula_x000D_text</v></c>"
                            "<c r=\"C1\"><v>1E-3</v></c>"
                            "<c r=\"D1\"><v>0.30000000000000004</v></c>"
                            "<c r=\"E1\" t=\"b\"><v>1</v></c>"
                            "<c r=\"F1\" t=\"b\"><v>0</v></c>"
                            "<c r=\"G1\" t=\"e\"><v>#DIV/0!</v></c>"
                            "<c r=\"H1\" t=\"d\"><v>2021-03-04T05:06:07</v></c>"
                            "<c r=\"I1\" t=\"str\"><f>\"\"</f><v></v></c>"
                            "<c r=\"J1\"><f>1/0</f></c>"
                            "<c r=\"K1\" t=\"inlineStr\"><is><t>  </t></is></c>"
                            "<c r=\"L1\" t=\"inlineStr\"><is><t></t></is></c>"
                            "</row>"));
    QCOMPARE(table.rowCount(), 1);
    QCOMPARE(cellAt(table, 0, 0), (Cell {CellKind::Text, "inline"}));
    QCOMPARE(cellAt(table, 0, 1), (Cell {CellKind::Text, "formula\rtext"}));
    QCOMPARE(cellAt(table, 0, 2), (Cell {CellKind::Number, "1E-3"})); // exactly as written
    QCOMPARE(cellAt(table, 0, 3), (Cell {CellKind::Number, "0.30000000000000004"}));
    QCOMPARE(cellAt(table, 0, 4), (Cell {CellKind::Boolean, "true"}));
    QCOMPARE(cellAt(table, 0, 5), (Cell {CellKind::Boolean, "false"}));
    QCOMPARE(cellAt(table, 0, 6), (Cell {CellKind::Error, "#DIV/0!"}));
    QCOMPARE(cellAt(table, 0, 7), (Cell {CellKind::DateTime, "2021-03-04T05:06:07"}));
    QVERIFY(table.isEmpty(0, 8)); // empty formula string
    QVERIFY(table.isEmpty(0, 9)); // formula without a stored result
    QCOMPARE(cellAt(table, 0, 10), (Cell {CellKind::Text, "  "})); // spaces are kept
    QCOMPARE(table.columnCount(), 11); // the empty text in L1 does not widen the row
}

void TestXlsxReader::sharedStringsRichTextPhoneticAndEscapes()
{
    const QByteArray strings
        = "<si><t>plain</t></si>"
          "<si><r><rPr><b/></rPr><t>bold </t></r><r><t xml:space=\"preserve\">and not</t></r>"
          "<rPh sb=\"0\" eb=\"1\"><t>フリガナ</t></rPh><phoneticPr fontId=\"1\"/></si>"
          "<si><t>line_x000D__x000A_break _x005F_x0041_ \xF0\x9F\x98\x80 _xD83D__xDE00_</t></si>"
          "<si><t/></si>";
    const SheetTable table = readOnly(workbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                                               "<c r=\"B1\" t=\"s\"><v>1</v></c>"
                                               "<c r=\"C1\" t=\"s\"><v>2</v></c>"
                                               "<c r=\"D1\" t=\"s\"><v>3</v></c></row>",
                                               strings));
    QCOMPARE(cellAt(table, 0, 0), (Cell {CellKind::Text, "plain"}));
    QCOMPARE(cellAt(table, 0, 1), (Cell {CellKind::Text, "bold and not"}));
    QCOMPARE(cellAt(table, 0, 2),
             (Cell {CellKind::Text,
                    QString::fromUtf8("line\r\nbreak _x0041_ \xF0\x9F\x98\x80 "
                                      "\xF0\x9F\x98\x80")}));
    QVERIFY(table.isEmpty(0, 3));
    QCOMPARE(table.columnCount(), 3);
}

void TestXlsxReader::datesFromStyles()
{
    const QByteArray styles
        = "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>"
          "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm\"/>"
          "<numFmt numFmtId=\"166\" formatCode=\"&quot;day&quot; 0\"/></numFmts>"
          "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
          "<xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"46\"/></cellXfs>";
    const SheetTable table = readOnly(workbook("<row r=\"1\">"
                                               "<c r=\"A1\" s=\"1\"><v>44197</v></c>"
                                               "<c r=\"B1\" s=\"2\"><v>44197.75</v></c>"
                                               "<c r=\"C1\" s=\"3\"><v>1.5</v></c>"
                                               "<c r=\"D1\" s=\"4\"><v>3</v></c>"
                                               "<c r=\"E1\" s=\"5\"><v>1.5</v></c>"
                                               "<c r=\"F1\" s=\"1\"><v>0.5</v></c>"
                                               "<c r=\"G1\" s=\"1\"><v>60</v></c>"
                                               "<c r=\"H1\" s=\"1\"><v>-1</v></c>"
                                               "<c r=\"I1\" s=\"1\"><v>2958466</v></c>"
                                               "<c r=\"J1\" s=\"99\"><v>5</v></c>"
                                               "<c r=\"K1\" s=\"\"><v>6</v></c>"
                                               "</row>",
                                               {}, styles));
    QCOMPARE(cellAt(table, 0, 0), (Cell {CellKind::DateTime, "2021-01-01T00:00:00"}));
    QCOMPARE(cellAt(table, 0, 1), (Cell {CellKind::DateTime, "2021-01-01T18:00:00"}));
    QCOMPARE(cellAt(table, 0, 2), (Cell {CellKind::Number, "1.5"})); // duration
    QCOMPARE(cellAt(table, 0, 3), (Cell {CellKind::Number, "3"}));   // quoted "day"
    QCOMPARE(cellAt(table, 0, 4), (Cell {CellKind::Number, "1.5"})); // built-in 46
    QCOMPARE(cellAt(table, 0, 5), (Cell {CellKind::DateTime, "12:00:00"}));
    QCOMPARE(cellAt(table, 0, 6), (Cell {CellKind::DateTime, "1900-02-28T00:00:00"}));
    QCOMPARE(cellAt(table, 0, 7), (Cell {CellKind::Number, "-1"}));
    QCOMPARE(cellAt(table, 0, 8), (Cell {CellKind::Number, "2958466"}));
    QCOMPARE(cellAt(table, 0, 9), (Cell {CellKind::Number, "5"})); // unknown style
    QCOMPARE(cellAt(table, 0, 10), (Cell {CellKind::Number, "6"}));
}

void TestXlsxReader::date1904()
{
    int dateSystem = 0;
    const QByteArray styles = "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"22\"/></cellXfs>";
    const SheetTable table = readOnly(workbook("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>1.25</v></c>"
                                               "<c r=\"B1\" s=\"1\"><v>59</v></c></row>",
                                               {}, styles, true),
                                      &dateSystem);
    QCOMPARE(dateSystem, 1904);
    QCOMPARE(cellAt(table, 0, 0), (Cell {CellKind::DateTime, "1904-01-02T06:00:00"}));
    QCOMPARE(cellAt(table, 0, 1), (Cell {CellKind::DateTime, "1904-02-29T00:00:00"}));
}

void TestXlsxReader::cellsAndRowsWithoutReferences()
{
    const SheetTable table = readOnly(workbook("<row><c><v>1</v></c><c><v>2</v></c></row>"
                                               "<row><c r=\"C2\"><v>3</v></c><c><v>4</v></c></row>"
                                               "<row r=\"5\"><c><v>5</v></c></row>"
                                               "<row><c t=\"inlineStr\"><is><t>six</t></is></c>"
                                               "</row>"));
    QCOMPARE(table.rowCount(), 6);
    QCOMPARE(cellAt(table, 0, 1), (Cell {CellKind::Number, "2"}));
    QCOMPARE(cellAt(table, 1, 2), (Cell {CellKind::Number, "3"}));
    QCOMPARE(cellAt(table, 1, 3), (Cell {CellKind::Number, "4"}));
    QVERIFY(table.isEmpty(2, 0) && table.isEmpty(3, 0));
    QCOMPARE(cellAt(table, 4, 0), (Cell {CellKind::Number, "5"}));
    QCOMPARE(cellAt(table, 5, 0), (Cell {CellKind::Text, "six"}));
}

void TestXlsxReader::leadingAndSkippedRowsAreEmptyRows()
{
    const SheetTable table = readOnly(workbook("<row r=\"3\"><c r=\"B3\"><v>1</v></c></row>"
                                               "<row r=\"4\"><c r=\"A4\" s=\"1\"/></row>"
                                               "<row r=\"7\"><c r=\"D7\"><v>2</v></c></row>"
                                               "<row r=\"9\"><c r=\"A9\" s=\"1\"/></row>"
                                               "<row r=\"1048576\"><c r=\"XFD1048576\" s=\"1\"/>"
                                               "</row>"));
    // Trailing rows without values are not rows.
    QCOMPARE(table.rowCount(), 7);
    QVERIFY(table.isEmpty(0, 1) && table.isEmpty(1, 1));
    QCOMPARE(cellAt(table, 2, 1), (Cell {CellKind::Number, "1"}));
    QCOMPARE(cellAt(table, 6, 3), (Cell {CellKind::Number, "2"}));
    QCOMPARE(table.columnCount(), 4);
}

void TestXlsxReader::strictNamespaces()
{
    Parts parts
        = workbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", "<si><t>x</t></si>");
    for (auto &[name, data] : parts) {
        data.replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                     "http://purl.oclc.org/ooxml/spreadsheetml/main");
        data.replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                     "http://purl.oclc.org/ooxml/officeDocument/relationships");
    }
    const SheetTable table = readOnly(parts);
    QCOMPARE(cellAt(table, 0, 0), (Cell {CellKind::Text, "x"}));
}

void TestXlsxReader::deliversBlocksWithProgress()
{
    QByteArray rows;
    const int rowCount = int(SheetTable::RowsPerBlock) + 1000;
    for (int row = 1; row <= rowCount; ++row)
        rows += "<row r=\"" + QByteArray::number(row) + "\"><c r=\"A" + QByteArray::number(row)
            + "\"><v>" + QByteArray::number(row) + "</v></c></row>";
    XlsxReader reader;
    QVERIFY(reader.open(write(workbook(rows))));
    CountingSink sink;
    QCOMPARE(reader.readSheet(0, sink).value(), ReadEnd::Finished);
    QCOMPARE(sink.m_blockSizes, (QList<qsizetype> {SheetTable::RowsPerBlock, 1000}));
    QCOMPARE(sink.table().rowCount(), rowCount);
    QCOMPARE(sink.table().text(rowCount - 1, 0), QString::number(rowCount));
    QVERIFY(sink.m_progress.size() >= 2);
    const ReadProgress last = sink.m_progress.last();
    QCOMPARE(last.bytesDone, last.bytesTotal);
    QVERIFY(last.bytesDone > rows.size());
    QCOMPARE(last.rowsDone, rowCount);
}

void TestXlsxReader::cancelStopsTheRead()
{
    QByteArray rows;
    for (int row = 1; row <= SheetTable::RowsPerBlock * 2; ++row)
        rows += "<row><c><v>1</v></c></row>";
    XlsxReader reader;
    QVERIFY(reader.open(write(workbook(rows))));
    CountingSink sink;
    sink.m_cancelAfterBlocks = 1;
    QCOMPARE(reader.readSheet(0, sink).value(), ReadEnd::Cancelled);
    QCOMPARE(sink.m_blockSizes.size(), 1);
}

void TestXlsxReader::cellLengthLimit()
{
    ReadLimits limits;
    limits.maxCellBytes = 10;
    const QByteArray sheet
        = "<row r=\"1\"><c t=\"inlineStr\"><is><t>0123456789</t></is></c></row>"
          "<row r=\"3\"><c t=\"inlineStr\"><is><t>0123456789A</t></is></c></row>";
    const QString message = readError(workbook(sheet), limits);
    QVERIFY2(message.startsWith("book.xlsx: sheet 'Data', row 3: "), qPrintable(message));
    QVERIFY2(message.contains("longer than the limit"), qPrintable(message));
    const QString shared = readError(
        workbook("<row><c t=\"s\"><v>0</v></c></row>", "<si><t>0123456789A</t></si>"), limits);
    QVERIFY2(shared.contains("shared string 0 is longer"), qPrintable(shared));
}

void TestXlsxReader::columnAndRowLimits()
{
    const QString column = readError(workbook("<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>"));
    QVERIFY2(column.startsWith("book.xlsx: sheet 'Data', row 2: "), qPrintable(column));
    QVERIFY2(column.contains("XFE2"), qPrintable(column));
    QVERIFY(readError(workbook("<row r=\"2\"><c r=\"XFD2\"><v>1</v></c></row>")).isEmpty());
    ReadLimits limits;
    limits.maxRows = 10;
    const QString row = readError(workbook("<row r=\"11\"><c><v>1</v></c></row>"), limits);
    QVERIFY2(row.contains("row 11 is past the limit of 10 rows"), qPrintable(row));
    const QString order = readError(workbook("<row r=\"5\"/><row r=\"2\"/>"));
    QVERIFY2(order.contains("out of order"), qPrintable(order));
}

void TestXlsxReader::compressionRatioAndSizeLimits()
{
    // Valid XML that deflates about 1000:1: only the ratio can stop it.
    const QByteArray padding(4 << 20, ' ');
    const QString bomb = readError(workbook("<row><c><v>1</v></c></row>" + padding));
    QVERIFY2(bomb.startsWith("book.xlsx: sheet 'Data'"), qPrintable(bomb));
    QVERIFY2(bomb.contains("zip bomb"), qPrintable(bomb));
    ReadLimits limits;
    limits.maxCompressionRatio = 1e9;
    QVERIFY(readError(workbook("<row><c><v>1</v></c></row>" + padding), limits).isEmpty());
    limits.maxInflatedBytes = 100;
    const QString size = readError(workbook("<row><c><v>1</v></c></row>"), limits);
    QVERIFY2(size.contains("more than 100 bytes"), qPrintable(size));
}

void TestXlsxReader::refusesDtd()
{
    Parts parts = workbook("<row><c><v>1</v></c></row>");
    for (auto &[name, data] : parts) {
        if (name == "xl/workbook.xml")
            data.prepend("<!DOCTYPE workbook [<!ENTITY a \"aaaa\">]>");
    }
    const QString inWorkbook = readError(parts);
    QVERIFY2(inWorkbook.contains("'xl/workbook.xml' has a DTD"), qPrintable(inWorkbook));

    QFile secret(m_dir.filePath("secret.txt"));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("TOP-SECRET-VALUE");
    secret.close();
    const QByteArray xxe = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file://"
        + secret.fileName().toUtf8() + "\">]><worksheet xmlns=\"" + Main
        + "\"><sheetData><row><c t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData>"
          "</worksheet>";
    parts = workbook({});
    parts.last().second = xxe;
    const QString inSheet = readError(parts);
    QVERIFY2(inSheet.contains("has a DTD"), qPrintable(inSheet));
    QVERIFY(!inSheet.contains("TOP-SECRET"));
}

void TestXlsxReader::brokenFilesGiveClearErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << "bad.xlsx: is empty";
    QTest::newRow("text") << QByteArray("id,name\n1,x\n") << "bad.xlsx: is not an Excel workbook";
    const QByteArray ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    const QString stream = "EncryptedPackage";
    const QByteArray utf16(reinterpret_cast<const char *>(stream.utf16()), stream.size() * 2);
    QTest::newRow("encrypted") << ole + QByteArray(500, '\0') + utf16 + QByteArray(100, '\0')
                               << "bad.xlsx: is password-protected (encrypted)";
    QTest::newRow("legacy xls") << ole + QByteArray(600, '\0') << "bad.xlsx: is a legacy Excel";
}

void TestXlsxReader::brokenFilesGiveClearErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    QFile file(m_dir.filePath("bad.xlsx"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    XlsxReader reader;
    const auto sheets = reader.open(file.fileName());
    QVERIFY(!sheets);
    QVERIFY2(sheets.error().message.startsWith(message), qPrintable(sheets.error().message));
}

void TestXlsxReader::truncatedAndIncompletePackages()
{
    // Half a zip: no central directory.
    QFile whole(write(workbook("<row><c><v>1</v></c></row>")));
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray data = whole.readAll();
    QFile half(m_dir.filePath("half.xlsx"));
    QVERIFY(half.open(QIODevice::WriteOnly));
    half.write(data.left(data.size() / 2));
    half.close();
    XlsxReader reader;
    const auto truncated = reader.open(half.fileName());
    QVERIFY(!truncated);
    QVERIFY2(truncated.error().message.startsWith("half.xlsx: is not a valid zip archive"),
             qPrintable(truncated.error().message));

    // A zip with no workbook part (a Word document, say).
    const auto noWorkbook = reader.open(write({{"word/document.xml", "<document/>"}}, "w.xlsx"));
    QVERIFY(!noWorkbook);
    QVERIFY2(noWorkbook.error().message.contains("w.xlsx: is not an Excel workbook"),
             qPrintable(noWorkbook.error().message));

    // The workbook names a sheet part the zip does not have.
    Parts parts = workbook({});
    parts.removeLast();
    const QString missing = readError(parts);
    QCOMPARE(missing,
             "book.xlsx: sheet 'Data': part 'xl/worksheets/sheet1.xml' is missing from "
             "the package");

    // Cut-off XML in a sheet: the error names the sheet and the row reached.
    parts = workbook("<row r=\"4\"><c><v>1</v></c></row><row r=\"5\"><c><v>");
    parts.last().second.chop(QByteArray("</sheetData></worksheet>").size());
    const QString cut = readError(parts);
    QVERIFY2(cut.startsWith("book.xlsx: sheet 'Data', row 5: part 'xl/worksheets/sheet1.xml' is "
                            "not well-formed XML"),
             qPrintable(cut));
}

void TestXlsxReader::badSharedStringIndex()
{
    const QString message = readError(
        workbook("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>5</v></c></row>", "<si><t>only</t></si>"));
    QVERIFY2(message.startsWith("book.xlsx: sheet 'Data', row 2: "), qPrintable(message));
    QVERIFY2(message.contains("shared string '5'"), qPrintable(message));
}

void TestXlsxReader::mergedCellsKeepOnlyTheTopLeftValue()
{
    // Values stored under merged areas, as some writers leave them: the corpus rule says null.
    const Parts parts = withMergedCells(
        workbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Title</t></is></c>"
                 "<c r=\"B1\"><v>1</v></c><c r=\"C1\"><v>2</v></c></row>"
                 "<row r=\"2\"><c r=\"A2\"><v>10</v></c><c r=\"B2\"><v>20</v></c>"
                 "<c r=\"C2\"><v>30</v></c></row>"
                 "<row r=\"3\"><c r=\"A3\"><v>40</v></c><c r=\"B3\"><v>50</v></c>"
                 "<c r=\"C3\"><v>60</v></c></row>"
                 "<row r=\"4\"><c r=\"A4\"><v>70</v></c><c r=\"B4\"><v>80</v></c>"
                 "<c r=\"D4\"><v>7</v></c></row>"),
        {"A1:C1", "C3:B2", "D4:D4", "D4", "A4:B1048576", "E10:XFD20", "A1:C1"});
    XlsxReader reader;
    QVERIFY(reader.open(write(parts)));
    CollectingSink sink;
    QCOMPARE(reader.readSheet(0, sink).value(), ReadEnd::Finished);
    const SheetTable &table = sink.table();
    QCOMPARE(cellAt(table, 0, 0), (Cell {CellKind::Text, "Title"}));
    QCOMPARE(cellAt(table, 0, 1), Blank);
    QCOMPARE(cellAt(table, 0, 2), Blank);
    QCOMPARE(cellAt(table, 1, 0), (Cell {CellKind::Number, "10"}));
    QCOMPARE(cellAt(table, 1, 1), (Cell {CellKind::Number, "20"})); // "C3:B2" is B2:C3
    QCOMPARE(cellAt(table, 1, 2), Blank);
    QCOMPARE(cellAt(table, 2, 0), (Cell {CellKind::Number, "40"}));
    QCOMPARE(cellAt(table, 2, 1), Blank);
    QCOMPARE(cellAt(table, 2, 2), Blank);
    // A single-cell merge changes nothing; one reaching past the data ends with it.
    QCOMPARE(cellAt(table, 3, 3), (Cell {CellKind::Number, "7"}));
    QCOMPARE(cellAt(table, 3, 0), (Cell {CellKind::Number, "70"}));
    QCOMPARE(cellAt(table, 3, 1), Blank);
    QCOMPARE(table.rowCount(), 4);
    QCOMPARE(table.columnCount(), 4);
    // For a grid that shows them: once each, single cells left out, cut at the limits.
    const QList<CellRange> areas {
        {0, 0, 0, 2}, {1, 2, 1, 2}, {3, 1048575, 0, 1}, {9, 19, 4, 16383}};
    QCOMPARE(sink.mergedAreas(), areas);
}

void TestXlsxReader::mergedAreaAcrossABlockBoundary()
{
    // The first block has been handed over before the merge list is read.
    const int rowCount = int(SheetTable::RowsPerBlock) + 3;
    QByteArray rows;
    rows.reserve(rowCount * 40);
    for (int row = 1; row <= rowCount; ++row) {
        const QByteArray number = QByteArray::number(row);
        rows += "<row><c><v>" + number + "</v></c><c><v>" + number + "</v></c></row>";
    }
    const QByteArray first = QByteArray::number(SheetTable::RowsPerBlock - 1);
    const QByteArray last = QByteArray::number(SheetTable::RowsPerBlock + 2);
    XlsxReader reader;
    QVERIFY(reader.open(write(withMergedCells(workbook(rows), {"A" + first + ":B" + last}))));
    CountingSink sink;
    QCOMPARE(reader.readSheet(0, sink).value(), ReadEnd::Finished);
    QCOMPARE(sink.m_blockSizes, (QList<qsizetype> {SheetTable::RowsPerBlock, 3}));
    const SheetTable &table = sink.table();
    const qsizetype top = SheetTable::RowsPerBlock - 2; // 0-based row of the top-left cell
    QCOMPARE(cellAt(table, top - 1, 1), (Cell {CellKind::Number, QString::number(top)}));
    QCOMPARE(cellAt(table, top, 0), (Cell {CellKind::Number, QString::number(top + 1)}));
    QCOMPARE(cellAt(table, top, 1), Blank);
    for (qsizetype row = top + 1; row <= top + 3; ++row) {
        QCOMPARE(cellAt(table, row, 0), Blank);
        QCOMPARE(cellAt(table, row, 1), Blank);
    }
    QCOMPARE(cellAt(table, top + 4, 0), (Cell {CellKind::Number, QString::number(top + 5)}));
    QCOMPARE(table.rowCount(), rowCount);
}

void TestXlsxReader::brokenMergedAreasGiveClearErrors()
{
    const Parts cells = workbook("<row><c><v>1</v></c><c><v>2</v></c></row>"
                                 "<row><c><v>3</v></c><c><v>4</v></c></row>");
    const QString bad = readError(withMergedCells(cells, {"A1:B2", "B2:"}));
    QCOMPARE(bad,
             QStringLiteral("book.xlsx: sheet 'Data': merged area 'B2:' is not a range of "
                            "cells"));
    QCOMPARE(readError(withMergedCells(cells, {"1:2"})),
             QStringLiteral("book.xlsx: sheet 'Data': merged area '1:2' is not a range of cells"));
    // Overlapping areas (Excel repairs them away) are applied while they stay few; once they
    // would clear more cells than the sheet has, the file is refused rather than ground through.
    QVERIFY(readError(withMergedCells(cells, {"A1:A2", "A2:B2"})).isEmpty());
    const QString overlap = readError(withMergedCells(cells, {"A1:B2", "A1:XFD1048576"}));
    QVERIFY2(overlap.startsWith("book.xlsx: sheet 'Data': its merged areas overlap"),
             qPrintable(overlap));
}

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
