// SPDX-License-Identifier: MIT
// Runs the built executables as a user would, through their command lines.
#include "tests/support/clirun.h"
#include "tests/support/xlsxbuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

using sluice::test::Run;
using sluice::test::run;

const QString Cli = QStringLiteral(SLUICE_CLI_PATH);
const QString Gui = QStringLiteral(SLUICE_GUI_PATH);
const QString Sandbox = QStringLiteral(SLUICE_SANDBOX_PATH);

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyExecutableAnswersVersionAndHelp_data();
    void everyExecutableAnswersVersionAndHelp();
    void describeCustomerOrdersAsJson();
    void describeAsText();
    void describeUnknownResourceSuggests();
    void resourcesOfOneSolution();
    void resourcesAsJsonListsAll();
    void unknownSolutionIsAnError();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void updatedCatalogueFileIsUsed();
    void malformedCatalogueFileIsReported();
    void inspectFindsTheHeaderUnderATitle();
    void inspectFindsTheHeaderUnderATitleInAWorkbook();
    void inspectAsJsonWithOverrides();
    void inspectDumpMatchesTheCorpusFormat();
    void inspectReportsUnreadableFiles();
};

void TestCli::everyExecutableAnswersVersionAndHelp_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("name");
    QTest::addRow("sluice") << Gui << "Sluice";
    QTest::addRow("sluice-cli") << Cli << "sluice-cli";
    QTest::addRow("sluice-sandbox") << Sandbox << "sluice-sandbox";
}

void TestCli::everyExecutableAnswersVersionAndHelp()
{
    QFETCH(QString, program);
    QFETCH(QString, name);
    const Run version = run(program, {QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out.trimmed(), name + QStringLiteral(" 0.1.0"));
    const Run help = run(program, {QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(QStringLiteral("--version")), qPrintable(help.out));
}

void TestCli::describeCustomerOrdersAsJson()
{
    const Run result = run(Cli,
                           {QStringLiteral("describe"), QStringLiteral("INV.CUSTOMER_ORDERS"),
                            QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    QJsonParseError error;
    const QJsonObject resource = QJsonDocument::fromJson(result.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(resource[u"id"].toString(), QStringLiteral("INV.CUSTOMER_ORDERS"));
    QCOMPARE(resource[u"table"].toString(), QStringLiteral("INV_CUSTOMER_ORDERS_OOTB"));
    QCOMPARE(resource[u"solutionName"].toString(), QStringLiteral("INV_OOTB"));
    QCOMPARE(resource[u"recommendedOperation"].toString(), QStringLiteral("UPSERT"));
    QCOMPARE(resource[u"primaryKey"].toArray(),
             (QJsonArray {"order_id", "order_line_id", "updated_at"}));
    const QJsonArray attributes = resource[u"attributes"].toArray();
    QCOMPARE(attributes.size(), 14);
    const QJsonObject units = attributes[8].toObject();
    QCOMPARE(units[u"name"].toString(), QStringLiteral("ordered_units"));
    QCOMPARE(units[u"type"].toString(), QStringLiteral("integer"));
    QCOMPARE(units[u"required"], QJsonValue(true));
    QCOMPARE(units[u"primaryKey"], QJsonValue(false));
    QVERIFY(units[u"nullable"].isNull());
    QCOMPARE(attributes[6].toObject()[u"references"].toString(),
             QStringLiteral("INV.PRODUCTS.product_id"));
    QStringList types;
    for (const QJsonValue &attribute : attributes)
        types.append(attribute[u"type"].toString());
    QCOMPARE(types.count(QStringLiteral("timestamp")), 5);
}

void TestCli::describeAsText()
{
    const Run result = run(Cli, {QStringLiteral("describe"), QStringLiteral("qp.customer")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.startsWith(QStringLiteral("Customer (QP.CUSTOMER)\n")));
    QVERIFY(result.out.contains(QStringLiteral("table:       QP_CUSTOMER_OOTB\n")));
    QVERIFY(result.out.contains(QStringLiteral("one of: peak, customer")));
}

void TestCli::describeUnknownResourceSuggests()
{
    const Run result = run(Cli, {QStringLiteral("describe"), QStringLiteral("INV.CUSTOMER_ORDER")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("no resource 'INV.CUSTOMER_ORDER'")),
             qPrintable(result.err));
    QVERIFY2(result.err.contains(QStringLiteral("did you mean INV.CUSTOMER_ORDERS")),
             qPrintable(result.err));
}

void TestCli::resourcesOfOneSolution()
{
    const Run result = run(
        Cli, {QStringLiteral("resources"), QStringLiteral("--solution"), QStringLiteral("QP")});
    QCOMPARE(result.exitCode, 0);
    const QStringList lines = result.out.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 11); // header + 10 resources
    QVERIFY(lines[0].startsWith(QStringLiteral("ID")));
    QVERIFY(lines[1].startsWith(QStringLiteral("QP.CUSTOMER ")));
    QVERIFY(lines[1].contains(QStringLiteral("QP_CUSTOMER_OOTB")));
    QVERIFY(lines[9].contains(QStringLiteral("11+"))); // quote line: attribute list incomplete
}

void TestCli::resourcesAsJsonListsAll()
{
    const Run result = run(Cli, {QStringLiteral("resources"), QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 0);
    const QJsonArray resources = QJsonDocument::fromJson(result.out.toUtf8()).array();
    QCOMPARE(resources.size(), 51);
    QCOMPARE(resources[0][u"table"].toString(), QStringLiteral("QP_CUSTOMER_OOTB"));
    QVERIFY(resources[10][u"recommendedOperation"].isNull());
}

void TestCli::unknownSolutionIsAnError()
{
    const Run result = run(
        Cli, {QStringLiteral("resources"), QStringLiteral("--solution"), QStringLiteral("XX")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.err.contains(QStringLiteral("no solution 'XX' (known: INV, QP, MP, RR)")));
}

void TestCli::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("no command") << QStringList {} << "no command given";
    QTest::addRow("unknown command") << QStringList {"download"} << "unknown command 'download'";
    QTest::addRow("upload without a file") << QStringList {"upload"} << "'upload' takes one FILE";
    QTest::addRow("describe without id") << QStringList {"describe"} << "takes one RESOURCE_ID";
    QTest::addRow("solution with describe")
        << QStringList {"describe", "QP.CUSTOMER", "--solution", "QP"} << "--solution goes with";
}

void TestCli::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run result = run(Cli, arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
}

void TestCli::updatedCatalogueFileIsUsed()
{
    QTemporaryDir dir;
    QFile builtIn(QStringLiteral(SLUICE_SOURCE_DIR "/resources/catalogue.json"));
    QVERIFY(builtIn.open(QIODevice::ReadOnly));
    QByteArray json = builtIn.readAll();
    json.replace("\"displayName\": \"Customer Orders\"",
                 "\"displayName\": \"Customer Order Lines\"");
    QFile updated(dir.filePath(QStringLiteral("catalogue.json")));
    QVERIFY(updated.open(QIODevice::WriteOnly));
    updated.write(json);
    updated.close();
    const Run result = run(Cli,
                           {QStringLiteral("--catalogue"), updated.fileName(),
                            QStringLiteral("describe"), QStringLiteral("INV.CUSTOMER_ORDERS")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.startsWith(QStringLiteral("Customer Order Lines (INV.CUSTOMER_ORDERS)")));
}

void TestCli::malformedCatalogueFileIsReported()
{
    QTemporaryDir dir;
    QFile broken(dir.filePath(QStringLiteral("catalogue.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"solutions\": [], \"resources\": []}");
    broken.close();
    const Run result
        = run(Cli, {QStringLiteral("--catalogue"), broken.fileName(), QStringLiteral("resources")});
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.err.trimmed(),
             QStringLiteral("sluice-cli: %1: 'solutions' must be a non-empty list")
                 .arg(broken.fileName()));
}

void TestCli::inspectFindsTheHeaderUnderATitle()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("march.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Customer orders, March 2025\n\n"
               "Order No.;Line #;Order Date;Qty\n"
               "ORD-1;1;2025-03-01 09:00:00;10\nORD-2;1;2025-03-02 10:00:00;5\n"
               "Total;;;15\n");
    file.close();
    const Run result = run(Cli, {QStringLiteral("inspect"), file.fileName()});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral(
                 "header:  row 3 (row 3 holds 4 labels; the rows above it look like a title)")),
             qPrintable(result.out));
    QVERIFY(
        result.out.contains(QStringLiteral("2 data rows (rows 4–5); footer row 6 is not data")));
    QVERIFY(result.out.contains(QStringLiteral("date as text")));
}

void TestCli::inspectFindsTheHeaderUnderATitleInAWorkbook()
{
    // Row 1: a title; row 2: empty; row 3: the labels; rows 4-5: data with a real date cell.
    const QByteArray sheet
        = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Orders, March 2025</t></is></c></row>"
          "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>Order No.</t></is></c>"
          "<c r=\"B3\" t=\"inlineStr\"><is><t>Order Date</t></is></c>"
          "<c r=\"C3\" t=\"inlineStr\"><is><t>Qty</t></is></c></row>"
          "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>ORD-1</t></is></c>"
          "<c r=\"B4\" s=\"1\"><v>45717</v></c><c r=\"C4\"><v>10</v></c></row>"
          "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>ORD-2</t></is></c>"
          "<c r=\"B5\" s=\"1\"><v>45718.5</v></c><c r=\"C5\"><v>5</v></c></row>";
    const QByteArray styles
        = "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>";
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("march.xlsx"));
    QVERIFY(sluice::test::writeZip(path, sluice::test::workbook(sheet, {}, styles)));
    const Run result = run(Cli, {QStringLiteral("inspect"), path});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("file:    march.xlsx (xlsx,")),
             qPrintable(result.out));
    QVERIFY2(result.out.contains(QStringLiteral(
                 "header:  row 3 (row 3 holds 3 labels; the rows above it look like a title)")),
             qPrintable(result.out));
    QVERIFY(result.out.contains(QStringLiteral("2 data rows (rows 4–5)")));
    QVERIFY2(result.out.contains(QStringLiteral("date/time")), qPrintable(result.out));
    QVERIFY(result.out.contains(QStringLiteral("2025-03-01T00:00:00, 2025-03-02T12:00:00")));
}

void TestCli::inspectAsJsonWithOverrides()
{
    const QString path
        = QStringLiteral(SLUICE_SOURCE_DIR "/../shared/corpus/csv/gen__lo_cp1252_semicolon_de.csv");
    if (!QFile::exists(path))
        QSKIP("../shared is not next to the source tree");
    const Run result
        = run(Cli,
              {QStringLiteral("inspect"), path, QStringLiteral("--json"),
               QStringLiteral("--header-row"), QStringLiteral("2"), QStringLiteral("--delimiter"),
               QStringLiteral(";"), QStringLiteral("--encoding"), QStringLiteral("cp1252")});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject inspection = QJsonDocument::fromJson(result.out.toUtf8()).object();
    QCOMPARE(inspection[u"format"].toString(), QStringLiteral("csv"));
    QCOMPARE(inspection[u"headerRow"].toInt(), 2);
    QCOMPARE(inspection[u"headerReason"].toString(), QStringLiteral("row 2, as chosen"));
    QVERIFY(!inspection[u"columns"].toArray().isEmpty());

    const Run bad = run(
        Cli,
        {QStringLiteral("inspect"), path, QStringLiteral("--encoding"), QStringLiteral("ebcdic")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains(QStringLiteral("unknown encoding 'ebcdic'")));
}

void TestCli::inspectDumpMatchesTheCorpusFormat()
{
    const QString path
        = QStringLiteral(SLUICE_SOURCE_DIR "/../shared/corpus/csv/gen__sep_hint.csv");
    if (!QFile::exists(path))
        QSKIP("../shared is not next to the source tree");
    const Run result = run(Cli, {QStringLiteral("inspect"), path, QStringLiteral("--dump")});
    QCOMPARE(result.exitCode, 0);
    QFile expectedFile(path + QStringLiteral(".expected.json"));
    QVERIFY(expectedFile.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(expectedFile.readAll()).object();
    const QJsonObject dumped = QJsonDocument::fromJson(result.out.toUtf8()).object();
    for (const char *key :
         {"encoding", "bom", "delimiter", "line_terminator", "skip_lines", "rows"})
        QCOMPARE(dumped[QLatin1StringView(key)], expected[QLatin1StringView(key)]);
}

void TestCli::inspectReportsUnreadableFiles()
{
    QTemporaryDir dir;
    QFile empty(dir.filePath(QStringLiteral("empty.csv")));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    const Run result = run(Cli, {QStringLiteral("inspect"), empty.fileName()});
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.err.trimmed(),
             QStringLiteral("sluice-cli: empty.csv: the file is empty (0 bytes)"));
    const Run missing
        = run(Cli, {QStringLiteral("inspect"), dir.filePath(QStringLiteral("no.csv"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains(QStringLiteral("no.csv: cannot open it")));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
