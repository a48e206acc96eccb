// SPDX-License-Identifier: MIT
// sluice-cli map and validate, run as a user would: the catalogue's seed examples, a messy
// sample workbook whose records must equal a hand-written expectation, reports and exit codes.
#include "tests/support/clirun.h"
#include "tests/support/xlsxbuilder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using sluice::test::Run;
using sluice::test::run;

namespace {

const QString Cli = QStringLiteral(SLUICE_CLI_PATH);

QByteArray cell(const QByteArray &reference, const QByteArray &text)
{
    return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

// Orders as an ERP exports them: a title, a blank row, labels on row 3 that are not the
// attribute names, day-first text dates, decimal commas, a bad quantity and a totals row.
QByteArray sampleSheet()
{
    const QList<QList<QByteArray>> rows {
        {"Order No.", "Line #", "Order Date", "Requested Ship Date", "Expected Ship Date", "Item",
         "Warehouse", "Qty", "Order Value", "Last Update", "Status"},
        {"SO-1", "1", "31/01/2025 09:30", "03/02/2025", "04/02/2025", "PRD-7", "DC-N1", "12",
         "1.234,50", "01/02/2025 10:00", "OPEN"},
        {"SO-1", "2", "31/01/2025 09:30", "03/02/2025", "04/02/2025", "PRD-8", "DC-N1", "3",
         "99,90", "01/02/2025 10:00", "SHIPPED"},
        {"SO-2", "1", "13/01/2025 14:05", "20/01/2025", "21/01/2025", "PRD-7", "DC-S2", "ten",
         "15,00", "14/01/2025 08:00", "OPEN"},
        {"Total", "", "", "", "", "", "", "15", "1.349,40", "", ""},
    };
    QByteArray sheet = "<row r=\"1\">" + cell("A1", "Orders export, January 2025") + "</row>";
    for (int r = 0; r < rows.size(); ++r) {
        const QByteArray number = QByteArray::number(r + 3);
        sheet += "<row r=\"" + number + "\">";
        for (int c = 0; c < rows[r].size(); ++c) {
            if (!rows[r][c].isEmpty())
                sheet += cell(QByteArray(1, char('A' + c)) + number, rows[r][c]);
        }
        sheet += "</row>";
    }
    return sheet;
}

// A one-row CSV of a resource's "example" in the catalogue.
QString writeSeedExample(const QTemporaryDir &dir, const QString &resourceId)
{
    QFile file(qEnvironmentVariable("SLUICE_SOURCE_DIR")
               + QStringLiteral("/resources/catalogue.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray resources
        = QJsonDocument::fromJson(file.readAll()).object().value(u"resources").toArray();
    for (const QJsonValue &resource : resources) {
        if (resource[u"id"].toString() != resourceId)
            continue;
        const QJsonObject example = resource[u"example"].toObject();
        QStringList values;
        for (const QString &key : example.keys()) {
            const QJsonValue value = example.value(key);
            values.append(value.isString() ? value.toString() : value.toVariant().toString());
        }
        const QString path = dir.filePath(resourceId + QStringLiteral(".csv"));
        QFile csv(path);
        if (!csv.open(QIODevice::WriteOnly))
            return {};
        csv.write((example.keys().join(u',') + u'\n' + values.join(u',') + u'\n').toUtf8());
        return path;
    }
    return {};
}

QList<QJsonObject> jsonLines(const QString &path)
{
    QFile file(path);
    QList<QJsonObject> lines;
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    }
    return lines;
}

} // namespace

class TestCliValidate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedExamples()
    {
        QTemporaryDir dir;
        const QString orders = writeSeedExample(dir, u"INV.CUSTOMER_ORDERS"_qs);
        const QString customer = writeSeedExample(dir, u"QP.CUSTOMER"_qs);
        QVERIFY(!orders.isEmpty() && !customer.isEmpty());

        const Run clean
            = run(Cli, {u"validate"_qs, orders, u"--resource"_qs, u"INV.CUSTOMER_ORDERS"_qs});
        QVERIFY2(clean.exitCode == 0, qPrintable(clean.out + clean.err));
        QVERIFY2(clean.out.contains(u"1 data rows, 0 errors, 0 warnings"), qPrintable(clean.out));

        const Run flagged = run(Cli,
                                {u"validate"_qs, customer, u"--resource"_qs, u"CUSTOMER"_qs,
                                 u"--solution"_qs, u"QP"_qs});
        QCOMPARE(flagged.exitCode, 1);
        QVERIFY2(
            flagged.out.contains(
                u"DI_E_10004  1 row: source is not one of peak, customer; 1 distinct value: ERP"),
            qPrintable(flagged.out));
    }

    void sampleWorkbookRecordsAreExactlyTheExpectedJson()
    {
        QTemporaryDir dir;
        const QString book = dir.filePath(u"orders.xlsx"_qs);
        QVERIFY(sluice::test::writeZip(book, sluice::test::workbook(sampleSheet())));
        const QString records = dir.filePath(u"records.jsonl"_qs);
        const Run result = run(Cli,
                               {u"validate"_qs, book, u"--resource"_qs, u"INV.CUSTOMER_ORDERS"_qs,
                                u"--emit-records"_qs, records});
        QCOMPARE(result.exitCode, 1); // the quantity 'ten'
        // Written by hand from the sheet above: the title, the blank row and the totals row are
        // not data; dates are day first, values have decimal commas; attributes without a
        // column (actual_ship_date, shipped_units, shipped_value) are left out.
        const QList<QByteArray> expected {
            R"({"row":4,"record":{"order_id":"SO-1","order_line_id":"1","order_date":"2025-01-31 09:30:00","requested_ship_date":"2025-02-03 00:00:00","expected_ship_date":"2025-02-04 00:00:00","product_id":"PRD-7","location_id":"DC-N1","ordered_units":12,"ordered_value":1234.5,"updated_at":"2025-02-01 10:00:00","status":"OPEN"},"issues":[]})",
            R"({"row":5,"record":{"order_id":"SO-1","order_line_id":"2","order_date":"2025-01-31 09:30:00","requested_ship_date":"2025-02-03 00:00:00","expected_ship_date":"2025-02-04 00:00:00","product_id":"PRD-8","location_id":"DC-N1","ordered_units":3,"ordered_value":99.9,"updated_at":"2025-02-01 10:00:00","status":"SHIPPED"},"issues":[]})",
            R"({"row":6,"record":{"order_id":"SO-2","order_line_id":"1","order_date":"2025-01-13 14:05:00","requested_ship_date":"2025-01-20 00:00:00","expected_ship_date":"2025-01-21 00:00:00","product_id":"PRD-7","location_id":"DC-S2","ordered_units":null,"ordered_value":15,"updated_at":"2025-01-14 08:00:00","status":"OPEN"},"issues":[{"attribute":"ordered_units","code":"DI_E_10002","severity":"error","message":"'ten' is not a number: unexpected 't'"}]})",
        };
        const QList<QJsonObject> lines = jsonLines(records);
        QCOMPARE(lines.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(lines[i], QJsonDocument::fromJson(expected[i]).object());
    }

    void mapExplainsEachChoice()
    {
        QTemporaryDir dir;
        const QString book = dir.filePath(u"orders.xlsx"_qs);
        QVERIFY(sluice::test::writeZip(book, sluice::test::workbook(sampleSheet())));
        const Run result = run(
            Cli, {u"map"_qs, book, u"--resource"_qs, u"INV.CUSTOMER_ORDERS"_qs, u"--json"_qs});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject mapping = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(mapping[u"headerRow"].toInt(), 3);
        QHash<QString, QJsonObject> byAttribute;
        for (const QJsonValue &value : mapping[u"attributes"].toArray())
            byAttribute.insert(value[u"attribute"].toString(), value.toObject());
        QCOMPARE(byAttribute[u"order_id"_qs][u"columns"].toArray().first().toString(),
                 u"Order No."_qs);
        QVERIFY(byAttribute[u"order_id"_qs][u"reason"].toString().contains(u"synonym"));
        QCOMPARE(byAttribute[u"ordered_units"_qs][u"columns"].toArray().first().toString(),
                 u"Qty"_qs);
        QVERIFY(!byAttribute[u"shipped_units"_qs][u"mapped"].toBool());
        bool dayFirst = false;
        for (const QJsonValue &format : mapping[u"formats"].toArray()) {
            if (format[u"attribute"].toString() == u"order_date")
                dayFirst = format[u"reason"].toString().contains(u"day first");
        }
        QVERIFY(dayFirst);
    }

    void reportListsEveryIssueWithItsPlace()
    {
        QTemporaryDir dir;
        const QString book = dir.filePath(u"orders.xlsx"_qs);
        QVERIFY(sluice::test::writeZip(book, sluice::test::workbook(sampleSheet())));
        const QString report = dir.filePath(u"report.json"_qs);
        const Run result = run(Cli,
                               {u"validate"_qs, book, u"--resource"_qs, u"INV.CUSTOMER_ORDERS"_qs,
                                u"--report"_qs, report});
        QCOMPARE(result.exitCode, 1);
        QFile file(report);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(object[u"rows"].toInt(), 3);
        QCOMPARE(object[u"errors"].toInt(), 1);
        const QJsonArray issues = object[u"issues"].toArray();
        QCOMPARE(issues.size(), 1);
        const QJsonObject issue = issues.first().toObject();
        QCOMPARE(issue[u"row"].toInt(), 6);
        QCOMPARE(issue[u"column"].toString(), u"Qty"_qs);
        QCOMPARE(issue[u"attribute"].toString(), u"ordered_units"_qs);
        QCOMPARE(issue[u"code"].toString(), u"DI_E_10002"_qs);
        QCOMPARE(issue[u"severity"].toString(), u"error"_qs);
        QCOMPARE(issue[u"value"].toString(), u"ten"_qs);
    }

    void usageAndUnreadableInputExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::addRow("no resource")
            << QStringList {u"validate"_qs, u"x.csv"_qs} << u"--resource is required"_qs;
        QTest::addRow("unknown resource")
            << QStringList {u"validate"_qs, u"x.csv"_qs, u"--resource"_qs, u"INV.NOPE"_qs}
            << u"no resource 'INV.NOPE'"_qs;
        QTest::addRow("unreadable file")
            << QStringList {u"validate"_qs, u"/nonexistent/x.csv"_qs, u"--resource"_qs,
                            u"INV.CUSTOMER_ORDERS"_qs}
            << u"cannot open it"_qs;
        QTest::addRow("missing profile")
            << QStringList {u"validate"_qs,   u"x.csv"_qs,
                            u"--resource"_qs, u"INV.CUSTOMER_ORDERS"_qs,
                            u"--profile"_qs,  u"no such profile"_qs}
            << u"no such profile"_qs;
    }

    void usageAndUnreadableInputExitWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run result = run(Cli, arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TestCliValidate)
#include "tst_cli_validate.moc"
