// SPDX-License-Identifier: MIT
// The sandbox's pieces without HTTP: its JSON reader (text kept digit for digit), its row checks
// (API.md §4, §6) on a catalogue with every type, and its SQLite store.
#include "app/sandbox/sandboxjson.h"
#include "app/sandbox/sandboxrowchecker.h"
#include "app/sandbox/sandboxstore.h"
#include "app/sandbox/sandboxvaluecheck.h"
#include "models/schema/catalogue.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sluice;
using namespace Qt::StringLiterals;

namespace {

// One resource with one attribute of each type, an enum and a not-nullable column.
const char TypesCatalogue[] = R"({"solutions": [{"id": "T", "solutionName": "T_OOTB",
  "prefix": "T_", "suffix": "_OOTB"}],
  "resources": [{"id": "T.ITEMS", "solution": "T", "object": "ITEMS", "displayName": "Items",
  "primaryKey": ["item_id"], "attributes": [
    {"name": "item_id", "type": "string", "required": true, "primaryKey": true},
    {"name": "count", "type": "integer", "required": false},
    {"name": "weight", "type": "float", "required": false},
    {"name": "price", "type": "numeric", "required": false},
    {"name": "active", "type": "boolean", "required": false},
    {"name": "day", "type": "date", "required": false},
    {"name": "seen_at", "type": "timestamp", "required": false},
    {"name": "extra", "type": "json", "required": false},
    {"name": "colour", "type": "string", "required": false, "enum": ["red", "green"]},
    {"name": "site", "type": "string", "required": false, "nullable": false}]}]})";

SandboxJsonValue parse(const QByteArray &json)
{
    Result<SandboxJsonValue> value = SandboxJsonReader::read(json, 3);
    if (!value)
        qFatal("not JSON: %s", qPrintable(value.error().message));
    return std::move(value).value();
}

} // namespace

class TestSandboxStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readerKeepsTheTextOfEveryValue();
    void readerRefusesBrokenJson_data();
    void readerRefusesBrokenJson();
    void quoteEscapes();
    void checksEachType_data();
    void checksEachType();
    void recordKeepsNumbersAndUsesCatalogueNames();
    void datesAndTimestamps_data();
    void datesAndTimestamps();
    void integersAndNumerics_data();
    void integersAndNumerics();
    void duplicateKeysAreMarkedOnEveryRow();
    void storeUpsertsAppendsAndCounts();
    void storeWritesManyRecordsAtOnce();
    void storeLogsRequestsAndResets();
    void storePersistsInAFile();
    void storeReportsAnUnopenableFile();

private:
    std::shared_ptr<const Catalogue> m_catalogue;
    const Resource *m_items = nullptr;
};

void TestSandboxStore::initTestCase()
{
    Result<Catalogue> catalogue = Catalogue::fromJson(TypesCatalogue, QStringLiteral("types"));
    QVERIFY2(catalogue.isOk(), catalogue.isOk() ? "" : qPrintable(catalogue.error().message));
    m_catalogue = std::make_shared<const Catalogue>(std::move(catalogue).value());
    m_items = m_catalogue->resource(u"T.ITEMS");
    QVERIFY(m_items);
}

void TestSandboxStore::readerKeepsTheTextOfEveryValue()
{
    const QByteArray json = R"( {"data": [ {"id": 12345678901234567890123, "p": 1.50,
        "s": "a\"b\u00e9\n", "n": null, "t": true, "o": {"deep": [1, 2]}} ], "x": 1e2 } )";
    const SandboxJsonValue root = parse(json);
    QCOMPARE(root.kind, SandboxJsonValue::Kind::Object);
    QCOMPARE(root.member("x")->text, QByteArrayView("1e2"));
    const SandboxJsonValue &row = root.member("data")->elements.at(0);
    QCOMPARE(row.member("id")->text, QByteArrayView("12345678901234567890123"));
    QCOMPARE(row.member("p")->text, QByteArrayView("1.50"));
    QCOMPARE(row.member("s")->toString(), QStringLiteral("a\"b\u00e9\n"));
    QVERIFY(row.member("n")->isNull());
    QVERIFY(row.member("t")->boolean);
    QCOMPARE(row.member("o")->text, QByteArrayView(R"({"deep": [1, 2]})"));
    QVERIFY(row.member("o")->members.empty()); // below the kept depth
    QVERIFY(row.text.startsWith("{\"id\"") && row.text.endsWith("}"));
}

void TestSandboxStore::readerRefusesBrokenJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("trailing comma") << QByteArray(R"({"a": 1,})");
    QTest::addRow("leading zero") << QByteArray(R"({"a": 01})");
    QTest::addRow("bare point") << QByteArray(R"({"a": 1.})");
    QTest::addRow("bad word") << QByteArray(R"({"a": tru})");
    QTest::addRow("raw newline in a string") << QByteArray("{\"a\": \"x\ny\"}");
    QTest::addRow("bad escape") << QByteArray(R"({"a": "\q"})");
    QTest::addRow("unterminated") << QByteArray(R"({"a": "x)");
    QTest::addRow("two documents") << QByteArray(R"({} {})");
    QTest::addRow("not UTF-8") << QByteArray("{\"a\": \"\xff\"}");
    QTest::addRow("too deep") << QByteArray(300, '[') + QByteArray(300, ']');
}

void TestSandboxStore::readerRefusesBrokenJson()
{
    QFETCH(QByteArray, json);
    const Result<SandboxJsonValue> value = SandboxJsonReader::read(json, 3);
    QVERIFY(!value.isOk());
    QVERIFY(!value.error().message.isEmpty());
}

void TestSandboxStore::quoteEscapes()
{
    QCOMPARE(SandboxJsonReader::quote(u"a\"b\\c\nd\u0001\u00e9"),
             QByteArray("\"a\\\"b\\\\c\\nd\\u0001\xc3\xa9\""));
}

void TestSandboxStore::checksEachType_data()
{
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<int>("code"); // 0: no error
    QTest::addColumn<QString>("column");

    QTest::addRow("all fine") << QByteArray(
        R"({"item_id": "A", "count": 3, "weight": 0.5, "price": 12.30, "active": false,
            "day": "2024-02-29", "seen_at": "2025-01-28T10:00:00Z", "extra": {"any": [1]},
            "colour": "red", "site": "S"})")
                              << 0 << QString();
    QTest::addRow("missing key") << QByteArray(R"({"count": 3})") << 10001 << "item_id";
    QTest::addRow("empty key") << QByteArray(R"({"item_id": ""})") << 10001 << "item_id";
    QTest::addRow("null key") << QByteArray(R"({"item_id": null})") << 10001 << "item_id";
    QTest::addRow("string for integer")
        << QByteArray(R"({"item_id": "A", "count": "3"})") << 10002 << "count";
    QTest::addRow("fraction for integer")
        << QByteArray(R"({"item_id": "A", "count": 3.5})") << 10002 << "count";
    QTest::addRow("number for string") << QByteArray(R"({"item_id": 7})") << 10002 << "item_id";
    QTest::addRow("string for float")
        << QByteArray(R"({"item_id": "A", "weight": "0.5"})") << 10002 << "weight";
    QTest::addRow("numeric scale 38")
        << QByteArray(R"({"item_id": "A", "price": 0.12345678901234567890123456789012345678})")
        << 10002 << "price";
    QTest::addRow("1 for boolean")
        << QByteArray(R"({"item_id": "A", "active": 1})") << 10002 << "active";
    QTest::addRow("number for date")
        << QByteArray(R"({"item_id": "A", "day": 20240101})") << 10002 << "day";
    QTest::addRow("31 February") << QByteArray(R"({"item_id": "A", "day": "2024-02-31"})") << 10003
                                 << "day";
    QTest::addRow("timestamp without zone")
        << QByteArray(R"({"item_id": "A", "seen_at": "2025-01-28T10:00:00"})") << 10003
        << "seen_at";
    QTest::addRow("enum in another case")
        << QByteArray(R"({"item_id": "A", "colour": "Red"})") << 10004 << "colour";
    QTest::addRow("null where not nullable")
        << QByteArray(R"({"item_id": "A", "site": null})") << 10005 << "site";
    QTest::addRow("unknown column")
        << QByteArray(R"({"item_id": "A", "Size": 3})") << 10006 << "Size";
    QTest::addRow("escaped and upper-case names")
        << QByteArray(R"({"item\u005fid": "A", "COLOUR": "green"})") << 0 << QString();
    QTest::addRow("null where nullable is unknown")
        << QByteArray(R"({"item_id": "A", "count": null, "colour": null})") << 0 << QString();
}

void TestSandboxStore::checksEachType()
{
    QFETCH(QByteArray, row);
    QFETCH(int, code);
    QFETCH(QString, column);
    const SandboxRowChecker checker(*m_items);
    const SandboxCheckedRow checked = checker.check(parse(row));
    if (code == 0) {
        QVERIFY2(checked.errors.isEmpty(),
                 checked.errors.isEmpty() ? "" : qPrintable(checked.errors.first().message));
        QVERIFY(!checked.record.isEmpty());
        return;
    }
    QCOMPARE(checked.errors.size(), 1);
    QCOMPARE(int(checked.errors.first().code), code);
    QCOMPARE(checked.errors.first().column, column);
    QVERIFY(checked.errors.first().codeText().startsWith(u"DI_E_"));
    QVERIFY(checked.record.isEmpty());
}

void TestSandboxStore::recordKeepsNumbersAndUsesCatalogueNames()
{
    const SandboxRowChecker checker(*m_items);
    const SandboxCheckedRow checked
        = checker.check(parse(R"({"ITEM_ID": "A\u0042", "Count": 1234567890123456789, "price": 1.50,
                  "extra": {"k": [1, 2]}})"));
    QVERIFY(checked.errors.isEmpty());
    QCOMPARE(checked.record,
             QByteArray(R"({"item_id":"A\u0042","count":1234567890123456789,)"
                        R"("price":1.50,"extra":{"k": [1, 2]}})"));
    QCOMPARE(checked.key, QByteArray(R"(["AB"])"));
}

void TestSandboxStore::datesAndTimestamps_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("date");
    QTest::addColumn<bool>("timestamp");
    QTest::addRow("date") << QByteArray("2025-01-28") << true << false;
    QTest::addRow("leap day") << QByteArray("2024-02-29") << true << false;
    QTest::addRow("no leap day") << QByteArray("2023-02-29") << false << false;
    QTest::addRow("month 13") << QByteArray("2025-13-01") << false << false;
    QTest::addRow("short") << QByteArray("2025-1-28") << false << false;
    QTest::addRow("space form") << QByteArray("2025-01-28 10:00:00") << false << true;
    QTest::addRow("space form with offset")
        << QByteArray("2025-01-28 10:00:00 +05:30") << false << true;
    QTest::addRow("space form, offset unspaced")
        << QByteArray("2025-01-28 10:00:00+05:30") << false << false;
    QTest::addRow("ISO Z") << QByteArray("2025-01-28T10:00:00Z") << false << true;
    QTest::addRow("ISO millis offset")
        << QByteArray("2025-01-28T10:00:00.123-03:00") << false << true;
    QTest::addRow("ISO without zone") << QByteArray("2025-01-28T10:00:00") << false << false;
    QTest::addRow("hour 24") << QByteArray("2025-01-28 24:00:00") << false << false;
    QTest::addRow("date only") << QByteArray("2025-01-28") << true << false;
    QTest::addRow("slashes") << QByteArray("28/01/2025 10:00:00") << false << false;
}

void TestSandboxStore::datesAndTimestamps()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, date);
    QFETCH(bool, timestamp);
    QCOMPARE(SandboxValueCheck::isDate(text), date);
    QCOMPARE(SandboxValueCheck::isTimestamp(text), timestamp);
}

void TestSandboxStore::integersAndNumerics_data()
{
    QTest::addColumn<QByteArray>("number");
    QTest::addColumn<bool>("integer");
    QTest::addColumn<bool>("numeric");
    QTest::addRow("small") << QByteArray("42") << true << true;
    QTest::addRow("19 digits") << QByteArray("1234567890123456789") << true << true;
    QTest::addRow("int64 max") << QByteArray("9223372036854775807") << true << true;
    QTest::addRow("int64 max + 1") << QByteArray("9223372036854775808") << false << true;
    QTest::addRow("int64 min") << QByteArray("-9223372036854775808") << true << true;
    QTest::addRow("whole with point") << QByteArray("15.0") << true << true;
    QTest::addRow("whole with exponent") << QByteArray("1.5e1") << true << true;
    QTest::addRow("fraction") << QByteArray("1.5") << false << true;
    QTest::addRow("small exponent") << QByteArray("1e-3") << false << true;
    QTest::addRow("zero") << QByteArray("-0.0") << true << true;
    QTest::addRow("precision 38") << QByteArray("12345678901234567890123456789012345678") << false
                                  << true;
    QTest::addRow("precision 39") << QByteArray("123456789012345678901234567890123456789.1")
                                  << false << false;
    QTest::addRow("scale 37") << QByteArray("0.1234567890123456789012345678901234567") << false
                              << true;
    QTest::addRow("huge exponent") << QByteArray("1e999999999999") << false << false;
}

void TestSandboxStore::integersAndNumerics()
{
    QFETCH(QByteArray, number);
    QFETCH(bool, integer);
    QFETCH(bool, numeric);
    QString problem;
    QCOMPARE(SandboxValueCheck::isInteger(number, &problem), integer);
    QCOMPARE(problem.isEmpty(), integer);
    QCOMPARE(SandboxValueCheck::isNumeric(number, &problem), numeric);
}

void TestSandboxStore::duplicateKeysAreMarkedOnEveryRow()
{
    const SandboxRowChecker checker(*m_items);
    QList<SandboxCheckedRow> rows;
    for (const char *row : {R"({"item_id": "A"})", R"({"item_id": "B"})", R"({"item_id": "A"})"})
        rows.append(checker.check(parse(row)));
    SandboxRowChecker::markDuplicateKeys(rows, *m_items);
    QCOMPARE(rows[0].errors.size(), 1);
    QCOMPARE(int(rows[0].errors[0].code), int(SandboxRowError::DuplicateKey));
    QVERIFY(rows[0].errors[0].message.contains(u"0, 2"));
    QVERIFY(rows[1].errors.isEmpty());
    QCOMPARE(int(rows[2].errors[0].code), int(SandboxRowError::DuplicateKey));
    QVERIFY(rows[2].record.isEmpty());
}

void TestSandboxStore::storeUpsertsAppendsAndCounts()
{
    SandboxStore store {QString()};
    QVERIFY(!store.open());
    const QString t = QStringLiteral("T");
    QVERIFY(!store.begin());
    QVERIFY(!store.upsert(t, R"(["A"])"_ba, R"({"v":1})"_ba, u"r1"_s));
    QVERIFY(!store.upsert(t, R"(["B"])"_ba, R"({"v":2})"_ba, u"r1"_s));
    QVERIFY(!store.upsert(t, R"(["A"])"_ba, R"({"v":3})"_ba, u"r2"_s));
    QVERIFY(!store.append(t, QByteArray(), R"({"v":4})"_ba, u"r2"_s));
    QVERIFY(!store.append(t, QByteArray(), R"({"v":5})"_ba, u"r2"_s));
    QVERIFY(store.append(t, R"(["B"])"_ba, R"({"v":6})"_ba, u"r2"_s));
    QVERIFY(!store.commit());
    QVERIFY(store.containsKey(t, R"(["A"])"_ba));
    QVERIFY(!store.containsKey(t, R"(["C"])"_ba));
    QCOMPARE(store.count(t), 4);
    QCOMPARE(store.count(u"other"_s), 0);
    // An upsert keeps the record's place; keyless records are all kept.
    QCOMPARE(store.rows(t, 0, -1),
             QList<QString>({u"{\"v\":3}"_s, u"{\"v\":2}"_s, u"{\"v\":4}"_s, u"{\"v\":5}"_s}));
    QCOMPARE(store.rows(t, 1, 2), QList<QString>({u"{\"v\":2}"_s, u"{\"v\":4}"_s}));
    QCOMPARE(store.tables().size(), 1);
    QCOMPARE(store.tables().first().rows, 4);
    QVERIFY(!store.begin());
    QVERIFY(!store.upsert(t, R"(["Z"])"_ba, "{}"_ba, u"r3"_s));
    store.rollback();
    QCOMPARE(store.count(t), 4);
}

void TestSandboxStore::storeWritesManyRecordsAtOnce()
{
    SandboxStore store {QString()};
    QVERIFY(!store.open());
    QList<SandboxRecord> records;
    for (int i = 0; i < 123; ++i) // more than one statement's worth, and a remainder
        records.append(
            {QByteArray::number(i), QByteArray("{\"i\":") + QByteArray::number(i) + '}'});
    QVERIFY(!store.write(SandboxStore::Write::Upsert, u"T"_s, records, u"r"_s));
    records[5].body = "{\"i\":\"five\"}";
    QVERIFY(!store.write(SandboxStore::Write::Upsert, u"T"_s, records, u"r"_s));
    QCOMPARE(store.count(u"T"_s), 123);
    QCOMPARE(store.rows(u"T"_s, 5, 1), QList<QString>({u"{\"i\":\"five\"}"_s}));
    QCOMPARE(store.rows(u"T"_s, 122, 1), QList<QString>({u"{\"i\":122}"_s}));
    QVERIFY(!store.begin());
    QVERIFY(store.write(SandboxStore::Write::Append, u"T"_s, records.mid(100), u"r"_s));
    store.rollback();
    QVERIFY(!store.write(SandboxStore::Write::Append, u"U"_s, records, u"r"_s));
    QCOMPARE(store.count(u"U"_s), 123);
}

void TestSandboxStore::storeLogsRequestsAndResets()
{
    SandboxStore store {QString()};
    QVERIFY(!store.open());
    SandboxRequestLogEntry first {0,   QString(),     u"/p"_s,  u"T"_s,      u"b1"_s, 3,
                                  200, u"answered"_s, u"id1"_s, u"UPSERT"_s, true};
    SandboxRequestLogEntry second = first;
    second.batch.clear();
    second.outcome = QStringLiteral("dropped");
    QVERIFY(!store.logRequest(first));
    QVERIFY(!store.logRequest(second));
    QVERIFY(second.seq > first.seq);
    QVERIFY(!first.time.isEmpty());
    const QList<SandboxRequestLogEntry> since = store.requests(first.seq);
    QCOMPARE(since.size(), 1);
    QCOMPARE(since.first().outcome, QStringLiteral("dropped"));
    QVERIFY(since.first().batch.isEmpty());
    QCOMPARE(store.requests(0).first().batch, QStringLiteral("b1"));
    QVERIFY(store.requests(0).first().dryRun);
    QVERIFY(!store.upsert(u"T"_s, QByteArray(), "{}"_ba, u"id1"_s));
    QVERIFY(!store.reset());
    QCOMPARE(store.count(u"T"_s), 0);
    QVERIFY(store.requests(0).isEmpty());
    SandboxRequestLogEntry third = first;
    QVERIFY(!store.logRequest(third));
    QVERIFY(third.seq > second.seq); // numbers are never reused
}

void TestSandboxStore::storePersistsInAFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("sandbox.sqlite"));
    {
        SandboxStore store(path);
        QVERIFY(!store.open());
        QVERIFY(!store.begin());
        QVERIFY(!store.upsert(u"T"_s, "[1]"_ba, R"({"id":1})"_ba, u"r"_s));
        QVERIFY(!store.commit());
    }
    SandboxStore again(path);
    QVERIFY(!again.open());
    QCOMPARE(again.rows(u"T"_s, 0, -1), QList<QString>({u"{\"id\":1}"_s}));
    QVERIFY(again.containsKey(u"T"_s, "[1]"_ba));
}

void TestSandboxStore::storeReportsAnUnopenableFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no/such/dir/sandbox.sqlite"));
    SandboxStore store(path);
    const std::optional<Error> error = store.open();
    QVERIFY(error);
    QVERIFY(error->message.contains(path));
    QVERIFY(!store.isOpen());

    const QString garbage = dir.filePath(QStringLiteral("garbage.sqlite"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    SandboxStore notADatabase(garbage);
    QVERIFY(notADatabase.open());
}

QTEST_GUILESS_MAIN(TestSandboxStore)
#include "tst_sandboxstore.moc"
