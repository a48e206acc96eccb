// SPDX-License-Identifier: MIT
// Results files: CSV and XLSX written by TableWriter and read back with the project's readers.
#include "models/source/csvreader.h"
#include "models/source/readsink.h"
#include "models/source/xlsxreader.h"
#include "models/upload/csvtablewriter.h"
#include "models/upload/formulaguard.h"
#include "models/upload/tablewriter.h"
#include "models/upload/xlsxtablewriter.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

using namespace sluice;

namespace {

// Cells a user's data really holds, and the ones that break naive writers.
const QList<QStringList> TrickyRows {
    {"id", "name", "note", "amount"},
    {"00123", "Smith, \"Jo\"", "two\nlines", "-1,234.50"},
    {"1E5", "Zoë Ångström", "crlf\r\ninside", "+3"},
    {"3-4", "emoji 😀 ok", "  padded  ", "-0.5e3"},
    {"=SUM(A1:A2)", "+1+2", "-1+2", "@cmd"},
    {"\tTabbed", "\rReturn", "", "last"},
    {"", "", "", ""},
    {"a;b", "semi;colon", "quote\"in", "x"},
};

QStringList guarded(const QStringList &cells)
{
    QStringList out;
    for (const QString &cell : cells)
        out.append(neutraliseFormula(cell));
    return out;
}

QList<QStringList> rowsOf(const SheetTable &table, int columns)
{
    QList<QStringList> rows;
    for (qsizetype row = 0; row < table.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < columns; ++column)
            cells.append(column < table.columnCount() ? table.text(row, column) : QString());
        rows.append(cells);
    }
    return rows;
}

// Writes rows to path and finishes, failing the test on an error.
void writeTable(const QString &path, const QList<QStringList> &rows,
                const TableWriter::Options &options = {})
{
    auto writer = TableWriter::create(path, options);
    QVERIFY2(writer, qPrintable(writer ? QString() : writer.error().message));
    for (const QStringList &row : rows) {
        const std::optional<Error> error = writer.value()->writeRow(row);
        QVERIFY2(!error, qPrintable(error ? error->message : QString()));
    }
    const std::optional<Error> error = writer.value()->finish();
    QVERIFY2(!error, qPrintable(error ? error->message : QString()));
}

SheetTable readBack(SpreadsheetReader &reader, const QString &path)
{
    const auto sheets = reader.open(path);
    if (!sheets)
        qFatal("%s", qPrintable(sheets.error().message));
    CollectingSink sink;
    const auto end = reader.readSheet(0, sink);
    if (!end)
        qFatal("%s", qPrintable(end.error().message));
    return std::move(sink.table());
}

QByteArray zipEntry(const QString &path, const QString &name)
{
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdUnzip) || !zip.setCurrentFile(name))
        return {};
    QuaZipFile file(&zip);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

class TestTableWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }
    void formulaGuard_data();
    void formulaGuard();
    void csvBytesOfASmallTable();
    void csvRoundTrip();
    void guardCanBeTurnedOff();
    void xlsxRoundTrip();
    void xlsxPackageIsWellFormedWithFrozenBoldHeader();
    void xlsxEscapesAndCharactersXmlCannotHold();
    void xlsxCutsCellsPastExcelsLimit();
    void xlsxSheetName_data();
    void xlsxSheetName();
    void xlsxManyRowsStream();
    void xlsxTooManyColumnsFailsAndStaysFailed();
    void nothingUnderTheFinalNameBeforeFinish_data();
    void nothingUnderTheFinalNameBeforeFinish();
    void unwritableLocationNamesThePath_data();
    void unwritableLocationNamesThePath();
    void unsupportedExtension_data();
    void unsupportedExtension();

private:
    QTemporaryDir m_dir;
};

void TestTableWriter::formulaGuard_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("expected");
    const auto same = [](const char *name, const QString &cell) {
        QTest::newRow(name) << cell << cell;
    };
    const auto guard = [](const char *name, const QString &cell) {
        QTest::newRow(name) << cell << u'\'' + cell;
    };
    same("empty", "");
    same("text", "hello");
    same("leading zeros", "00123");
    same("number", "12.5");
    same("negative", "-12.5");
    same("explicit plus", "+3");
    same("thousands", "-1,234.50");
    same("big thousands", "+12,345,678");
    same("exponent", "-0.5e3");
    same("exponent sign", "-6.02E+23");
    same("no integer part", "-.5");
    same("equals inside", "a=b");
    same("space first", " =1+1");
    guard("formula", "=SUM(A1:A2)");
    guard("equals only", "=");
    guard("hyperlink", "=HYPERLINK(\"http://x\",\"y\")");
    guard("plus sum", "+1+2");
    guard("minus sum", "-1+2");
    guard("minus cell", "-A1");
    guard("dde", "-2+3+cmd|' /C calc'!A0");
    guard("at", "@SUM(A1)");
    guard("at mention", "@peak");
    guard("tab", "\t=1");
    guard("carriage return", "\r=1");
    guard("sign only", "-");
    guard("double sign", "--1");
    guard("bad grouping", "-12,34");
    guard("long first group", "-1234,567");
    guard("dot only", "-.");
    guard("trailing dot", "-5.");
    guard("bare exponent", "-1e");
    guard("space after", "-1 ");
    guard("arabic digits", "-١٢");
}

void TestTableWriter::formulaGuard()
{
    QFETCH(QString, cell);
    QFETCH(QString, expected);
    QCOMPARE(neutraliseFormula(cell), expected);
}

void TestTableWriter::csvBytesOfASmallTable()
{
    const QString path = m_dir.filePath("small.csv");
    writeTable(path,
               {{"id", "note"},
                {"1", "a,b"},
                {"2", "say \"hi\""},
                {"3", "x\ny"},
                {"=1+1", "-5"},
                {"", "é"},
                {}});
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(),
             QByteArray("\xEF\xBB\xBFid,note\r\n1,\"a,b\"\r\n2,\"say \"\"hi\"\"\"\r\n"
                        "3,\"x\ny\"\r\n'=1+1,-5\r\n,\xC3\xA9\r\n\r\n"));
}

void TestTableWriter::csvRoundTrip()
{
    const QString path = m_dir.filePath("results.csv");
    writeTable(path, TrickyRows);
    CsvOptions options;
    options.delimiter = u',';
    CsvReader reader(options);
    const SheetTable table = readBack(reader, path);
    QCOMPARE(reader.dialect().encoding, TextEncoding::Utf8);
    QVERIFY(reader.dialect().bom);
    const QList<QStringList> rows = rowsOf(table, 4);
    QCOMPARE(rows.size(), TrickyRows.size());
    for (qsizetype i = 0; i < rows.size(); ++i)
        QCOMPARE(rows[i], guarded(TrickyRows[i]));
    QCOMPARE(rows[4][0], QString("'=SUM(A1:A2)"));
    QCOMPARE(rows[1][3], QString("-1,234.50"));
}

void TestTableWriter::guardCanBeTurnedOff()
{
    TableWriter::Options options;
    options.neutraliseFormulas = false;
    for (const QString name : {"raw.csv", "raw.xlsx"}) {
        const QString path = m_dir.filePath(name);
        writeTable(path, {{"=1+1", "@x"}}, options);
        std::unique_ptr<SpreadsheetReader> reader;
        if (name.endsWith("csv"))
            reader = std::make_unique<CsvReader>();
        else
            reader = std::make_unique<XlsxReader>();
        const SheetTable table = readBack(*reader, path);
        QCOMPARE(rowsOf(table, 2), (QList<QStringList> {{"=1+1", "@x"}}));
    }
}

void TestTableWriter::xlsxRoundTrip()
{
    const QString path = m_dir.filePath("results.xlsx");
    writeTable(path, TrickyRows);
    XlsxReader reader;
    const SheetTable table = readBack(reader, path);
    const QList<QStringList> rows = rowsOf(table, 4);
    // The all-empty row has no cells; the reader still counts it, as the next row follows it.
    QCOMPARE(rows.size(), TrickyRows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows[i], guarded(TrickyRows[i]));
        for (int column = 0; column < 4; ++column) {
            const CellKind expected
                = TrickyRows[i][column].isEmpty() ? CellKind::Empty : CellKind::Text;
            QCOMPARE(table.kind(i, column), expected);
        }
    }
    QCOMPARE(rows[4], (QStringList {"'=SUM(A1:A2)", "'+1+2", "'-1+2", "'@cmd"}));
    QCOMPARE(rows[5][0], QString("'\tTabbed"));
    QCOMPARE(rows[5][1], QString("'\rReturn"));
    QCOMPARE(rows[2][2], QString("crlf\r\ninside"));
    QCOMPARE(rows[3][2], QString("  padded  "));
    QCOMPARE(rows[1][0], QString("00123"));
}

void TestTableWriter::xlsxPackageIsWellFormedWithFrozenBoldHeader()
{
    const QString path = m_dir.filePath("parts.xlsx");
    writeTable(path, {{"id", "", "name"}, {"1", "", "  x"}});
    for (const QString part :
         {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
          "xl/styles.xml", "xl/worksheets/sheet1.xml"}) {
        const QByteArray xml = zipEntry(path, part);
        QVERIFY2(!xml.isEmpty(), qPrintable(part));
        QXmlStreamReader reader(xml);
        while (!reader.atEnd())
            reader.readNext();
        QVERIFY2(!reader.hasError(), qPrintable(part + ": " + reader.errorString()));
    }
    const QByteArray sheet = zipEntry(path, "xl/worksheets/sheet1.xml");
    QVERIFY(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                           "state=\"frozen\"/>"));
    QVERIFY(sheet.contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>id</t></is></c>"));
    QVERIFY(sheet.contains("<c r=\"A2\" t=\"inlineStr\"><is><t>1</t></is></c>"));
    QVERIFY(!sheet.contains("r=\"B1\"")); // empty cells are left out
    QVERIFY(!sheet.contains("r=\"B2\""));
    QVERIFY(sheet.contains("<t xml:space=\"preserve\">  x</t>"));
    QVERIFY(zipEntry(path, "xl/styles.xml").contains("<font><b/>"));
    QVERIFY(zipEntry(path, "xl/workbook.xml").contains("<sheet name=\"Results\""));
}

void TestTableWriter::xlsxEscapesAndCharactersXmlCannotHold()
{
    const QString path = m_dir.filePath("escapes.xlsx");
    const QString lone = QString(QChar(0xD800)) + "x";
    writeTable(path, {{"a<b>&c", "_x0041_ stays", "bell\x07here", lone, "]]>", "nul\x01"}});
    XlsxReader reader;
    const QStringList row = rowsOf(readBack(reader, path), 6).value(0);
    QCOMPARE(row,
             (QStringList {"a<b>&c", "_x0041_ stays", QString("bell\uFFFDhere"), QString("\uFFFDx"),
                           "]]>", QString("nul\uFFFD")}));
}

void TestTableWriter::xlsxCutsCellsPastExcelsLimit()
{
    const QString path = m_dir.filePath("long.xlsx");
    const QString exact(TableWriter::MaxXlsxCellLength, u'a');
    const QString tooLong(40000, u'b');
    // A pair straddling the cut point must not be split into a lone surrogate.
    const QString emojis = QString("😀").repeated(20000);
    writeTable(path, {{exact, tooLong, emojis}});
    XlsxReader reader;
    const QStringList row = rowsOf(readBack(reader, path), 3).value(0);
    QCOMPARE(row[0], exact);
    const QString marker = XlsxTableWriter::truncationMarker();
    QCOMPARE(row[1].size(), TableWriter::MaxXlsxCellLength);
    QVERIFY(row[1].endsWith(marker));
    QVERIFY(row[1].startsWith(QString(100, u'b')));
    QVERIFY(row[2].size() <= TableWriter::MaxXlsxCellLength);
    QVERIFY(row[2].endsWith(marker));
    const QString kept = row[2].chopped(marker.size());
    QVERIFY(kept.size() % 2 == 0);
    QCOMPARE(kept, QString("😀").repeated(kept.size() / 2));
}

void TestTableWriter::xlsxSheetName_data()
{
    QTest::addColumn<QString>("wanted");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "Orders 2024"
                           << "Orders 2024";
    QTest::newRow("forbidden") << "a:b\\c/d?e*f[g]h"
                               << "a_b_c_d_e_f_g_h";
    QTest::newRow("too long") << QString(40, u'x') << QString(31, u'x');
    QTest::newRow("apostrophes") << "'quoted'"
                                 << "quoted";
    QTest::newRow("empty") << ""
                           << "Results";
    QTest::newRow("blank") << "   "
                           << "Results";
    QTest::newRow("reserved") << "history"
                              << "Results";
    QTest::newRow("markup") << "R&D <new>"
                            << "R&D <new>";
}

void TestTableWriter::xlsxSheetName()
{
    QFETCH(QString, wanted);
    QFETCH(QString, expected);
    QCOMPARE(XlsxTableWriter::excelSheetName(wanted), expected);
    TableWriter::Options options;
    options.sheetName = wanted;
    const QString path = m_dir.filePath("named.xlsx");
    writeTable(path, {{"x"}}, options);
    XlsxReader reader;
    const auto sheets = reader.open(path);
    QVERIFY(sheets);
    QCOMPARE(sheets->value(0).name, expected);
}

void TestTableWriter::xlsxManyRowsStream()
{
    const QString path = m_dir.filePath("big.xlsx");
    constexpr qsizetype Rows = 200000;
    {
        auto writer = TableWriter::create(path);
        QVERIFY(writer);
        QVERIFY(!writer.value()->writeRow({"order_id", "line", "sku", "units", "note"}));
        for (qsizetype i = 0; i < Rows; ++i) {
            const QString n = QString::number(i);
            QVERIFY(!writer.value()->writeRow(
                {"ORD-" + n, "L-" + n, "SKU-00" + n, "-" + n, i % 7 == 0 ? "=x" : ""}));
        }
        QCOMPARE(writer.value()->rowCount(), Rows + 1);
        QVERIFY(!writer.value()->finish());
    }
    XlsxReader reader;
    const SheetTable table = readBack(reader, path);
    QCOMPARE(table.rowCount(), Rows + 1);
    QCOMPARE(table.text(Rows, 0), QString("ORD-%1").arg(Rows - 1));
    QCOMPARE(table.text(Rows, 3), QString("-%1").arg(Rows - 1));
    QCOMPARE(table.text(1, 4), QString("'=x"));
}

void TestTableWriter::xlsxTooManyColumnsFailsAndStaysFailed()
{
    const QString path = m_dir.filePath("wide.xlsx");
    auto writer = TableWriter::create(path);
    QVERIFY(writer);
    QVERIFY(!writer.value()->writeRow({"ok"}));
    const std::optional<Error> error
        = writer.value()->writeRow(QStringList(TableWriter::MaxXlsxColumns + 1, "x"));
    QVERIFY(error);
    QVERIFY2(error->message.contains(QDir::toNativeSeparators(path)), qPrintable(error->message));
    QVERIFY(error->message.contains(QLocale().toString(TableWriter::MaxXlsxColumns)));
    // A file with a row missing must never be committed.
    QVERIFY(writer.value()->writeRow({"more"}));
    QVERIFY(writer.value()->finish());
    QVERIFY(!QFile::exists(path));
}

void TestTableWriter::nothingUnderTheFinalNameBeforeFinish_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("csv") << "atomic.csv";
    QTest::newRow("xlsx") << "atomic.xlsx";
}

void TestTableWriter::nothingUnderTheFinalNameBeforeFinish()
{
    QFETCH(QString, name);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    {
        auto abandoned = TableWriter::create(path);
        QVERIFY(abandoned);
        QVERIFY(!abandoned.value()->writeRow({"a", "b"}));
        QVERIFY(!QFile::exists(path));
    }
    // An abandoned writer leaves nothing behind, not even its temporary file.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());

    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old results");
    }
    auto writer = TableWriter::create(path);
    QVERIFY(writer);
    for (int i = 0; i < 1000; ++i)
        QVERIFY(!writer.value()->writeRow({QString::number(i), "row"}));
    QFile before(path);
    QVERIFY(before.open(QIODevice::ReadOnly));
    QCOMPARE(before.readAll(), QByteArray("old results")); // untouched until finish()
    QVERIFY(!writer.value()->finish());
    QVERIFY(!writer.value()->finish());          // a second finish() is harmless
    QVERIFY(writer.value()->writeRow({"late"})); // but the file is complete
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList {name});
    QVERIFY(QFileInfo(path).size() > 1000);
}

void TestTableWriter::unwritableLocationNamesThePath_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("csv under a file") << "plain-file/out.csv";
    QTest::newRow("xlsx under a file") << "plain-file/out.xlsx";
    QTest::newRow("missing folder") << "no-such-folder/out.xlsx";
}

void TestTableWriter::unwritableLocationNamesThePath()
{
    QFETCH(QString, name);
    // A path below a regular file is unwritable even for root, unlike a read-only folder.
    QFile plain(m_dir.filePath("plain-file"));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    const QString path = m_dir.filePath(name);
    const auto writer = TableWriter::create(path);
    QVERIFY(!writer);
    const QString message = writer.error().message;
    QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
    // The OS's reason follows the path.
    QVERIFY2(message.size() > QDir::toNativeSeparators(path).size() + 20, qPrintable(message));
}

void TestTableWriter::unsupportedExtension_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("txt") << "results.txt";
    QTest::newRow("xls") << "results.xls";
    QTest::newRow("none") << "results";
    QTest::newRow("backup") << "results.csv.bak";
}

void TestTableWriter::unsupportedExtension()
{
    QFETCH(QString, name);
    const QString path = m_dir.filePath(name);
    const auto writer = TableWriter::create(path);
    QVERIFY(!writer);
    const QString message = writer.error().message;
    QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
    QVERIFY2(message.contains(".csv") && message.contains(".xlsx"), qPrintable(message));
    QVERIFY(!QFile::exists(path));
    // Upper case is the same extension.
    QVERIFY(TableWriter::create(m_dir.filePath("UPPER.CSV")));
}

QTEST_GUILESS_MAIN(TestTableWriter)
#include "tst_tablewriter.moc"
