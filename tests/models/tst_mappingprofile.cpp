// SPDX-License-Identifier: MIT
#include "models/mapping/mappingprofile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace sluice;

namespace {

AttributeMapping attribute(const QString &name, AttributeMapping::Source source)
{
    AttributeMapping mapping;
    mapping.attribute = name;
    mapping.source = source;
    return mapping;
}

// A profile using every kind of source and every transform, with non-default values throughout,
// so a field the writer or reader forgets shows up as a difference.
MappingProfile fullProfile()
{
    MappingProfile p;
    p.name = "Monthly orders (SAP)";
    p.created = QDateTime(QDate(2025, 1, 31), QTime(8, 15, 0, 250), Qt::UTC);
    p.modified = QDateTime(QDate(2025, 2, 28), QTime(17, 0), Qt::UTC);
    p.reader.sheetName = "Orders";
    p.reader.sheetIndex = 2;
    p.reader.headerRow = 3;
    p.reader.encoding = TextEncoding::Windows1252;
    p.reader.delimiter = QChar(u'\t');
    p.reader.quote = QChar(); // quotes are plain text
    p.solutionId = "INV";
    p.operation = OperationType::Append;
    p.mapping.resourceId = "INV.CUSTOMER_ORDERS";

    AttributeMapping id = attribute("order_id", AttributeMapping::Source::Column);
    id.columns = {"Order No."};
    id.transforms.trim = false;
    id.transforms.letterCase = Transforms::Case::Upper;
    AttributeMapping status = attribute("status", AttributeMapping::Source::Column);
    status.columns = {"Status"};
    status.defaultValue = "open";
    status.transforms.letterCase = Transforms::Case::Lower;
    status.transforms.valueMap = {{"shipped", "shipped"}, {"dispatched", "shipped"}};
    AttributeMapping date = attribute("order_date", AttributeMapping::Source::Column);
    date.columns = {"Order Date"};
    date.transforms.dayOrder = DayOrder::DayMonthYear;
    date.transforms.datePattern = "dd.MM.yyyy HH:mm";
    date.transforms.timeZone = "Europe/Berlin";
    date.transforms.timestampForm = TimestampForm::Iso8601;
    AttributeMapping price = attribute("unit_price", AttributeMapping::Source::Column);
    price.columns = {"Price"};
    price.transforms.number = {u',', QChar()};
    price.transforms.stripCurrency = true;
    price.transforms.percent = true;
    price.transforms.letterCase = Transforms::Case::Title;
    AttributeMapping name = attribute("customer", AttributeMapping::Source::Joined);
    name.columns = {"First", "Last"};
    name.separator = ", ";
    AttributeMapping currency = attribute("currency", AttributeMapping::Source::Constant);
    currency.constant = "EUR";
    AttributeMapping note = attribute("note", AttributeMapping::Source::Unmapped);
    note.transforms.dayOrder = DayOrder::MonthDayYear;
    AttributeMapping shipped = attribute("shipped_on", AttributeMapping::Source::Column);
    shipped.columns = {"Order Date"}; // one column feeding a second attribute
    shipped.transforms.dayOrder = DayOrder::YearMonthDay;
    p.mapping.attributes = {id, status, date, price, name, currency, note, shipped};
    p.mapping.ignoredColumns = {"Comment"};
    p.signature = HeaderSignature::fromHeaders(
        {"Order No.", "Status", "Order Date", "Price", "First", "Last", "Comment"});
    return p;
}

// The keys a profile file may have. A new field has to be added here on purpose, which is the
// moment to ask whether it could hold a secret.
const QSet<QString> AllowedKeys {"schemaVersion",
                                 "name",
                                 "created",
                                 "modified",
                                 "reader",
                                 "sheetName",
                                 "sheetIndex",
                                 "headerRow",
                                 "encoding",
                                 "delimiter",
                                 "quote",
                                 "target",
                                 "solution",
                                 "resource",
                                 "operation",
                                 "mapping",
                                 "attributes",
                                 "attribute",
                                 "source",
                                 "columns",
                                 "separator",
                                 "constant",
                                 "default",
                                 "transforms",
                                 "trim",
                                 "case",
                                 "valueMap",
                                 "dayOrder",
                                 "datePattern",
                                 "decimalSeparator",
                                 "groupSeparator",
                                 "stripCurrency",
                                 "percent",
                                 "timeZone",
                                 "timestampForm",
                                 "ignoredColumns",
                                 "headerSignature",
                                 "names"};

// Every key of structure (not the user's value-map entries, which are data) in `value`.
void collectKeys(const QJsonValue &value, QStringList &keys)
{
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectKeys(item, keys);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            keys.append(it.key());
            if (it.key() != u"valueMap")
                collectKeys(it.value(), keys);
        }
    }
}

QStringList keysOf(const QByteArray &json)
{
    QStringList keys;
    collectKeys(QJsonDocument::fromJson(json).object(), keys);
    return keys;
}

// A profile as Sluice 0.x saved it (schema version 1), kept verbatim.
const QByteArray V1Profile = R"({
  "schemaVersion": 1,
  "name": "Orders from SAP",
  "savedAt": "2024-11-05T09:30:00+01:00",
  "solution": "INV",
  "resource": "INV.CUSTOMER_ORDERS",
  "sheet": 2,
  "headerRow": 4,
  "encoding": "cp1252",
  "delimiter": ";",
  "dayOrder": "day-first",
  "columns": {"order_id": "Order No.", "order_date": "Order Date", "status": "Status"},
  "constants": {"currency": "EUR"},
  "ignored": ["Remarks"],
  "headers": ["Order No.", "Order Date", "Status", "Remarks"],
  "token": "eyJhbGciOi-secret"
})";

} // namespace

class TestMappingProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripKeepsEveryField();
    void writesTheCurrentSchemaVersion();
    void fileHasNoFieldThatCouldHoldAToken();
    void unknownFieldsAreDropped();
    void migratesVersion1();
    void version1WithoutHeadersUsesItsColumns();
    void refusesNewerVersions();
    void refusesMalformedFiles_data();
    void refusesMalformedFiles();
    void normalisesHeaders_data();
    void normalisesHeaders();
    void signatureIgnoresOrderAndSpelling();
    void similarFilesScoreHighAndOthersLow_data();
    void similarFilesScoreHighAndOthersLow();
};

void TestMappingProfile::roundTripKeepsEveryField()
{
    const MappingProfile profile = fullProfile();
    const Result<MappingProfile> read = MappingProfile::fromJson(profile.toJson(), "full.json");
    QVERIFY2(read.isOk(), qPrintable(read ? QString() : read.error().message));
    QCOMPARE(read->reader, profile.reader);
    for (qsizetype i = 0; i < profile.mapping.attributes.size(); ++i)
        QCOMPARE(read->mapping.attributes.at(i), profile.mapping.attributes.at(i));
    QCOMPARE(read->created, profile.created);
    QCOMPARE(read->created.timeSpec(), Qt::UTC);
    QVERIFY(*read == profile);
    QCOMPARE(read->toJson(), profile.toJson()); // stable: saving twice changes nothing
}

void TestMappingProfile::writesTheCurrentSchemaVersion()
{
    const QJsonObject root = QJsonDocument::fromJson(fullProfile().toJson()).object();
    QCOMPARE(root.value("schemaVersion").toInt(), 2);
    QCOMPARE(root.value("target").toObject().value("operation").toString(), "APPEND");
    const QJsonObject transforms = root.value("mapping")
                                       .toObject()
                                       .value("attributes")
                                       .toArray()
                                       .at(2)
                                       .toObject()
                                       .value("transforms")
                                       .toObject();
    QCOMPARE(transforms.value("dayOrder").toString(), "DMY");
    QCOMPARE(transforms.value("timeZone").toString(), "Europe/Berlin");
}

void TestMappingProfile::fileHasNoFieldThatCouldHoldAToken()
{
    const QStringList keys = keysOf(fullProfile().toJson());
    const QRegularExpression secretish("token|secret|password|passwd|auth|credential|bearer|"
                                       "apikey|api_key|cookie|session",
                                       QRegularExpression::CaseInsensitiveOption);
    for (const QString &key : keys) {
        QVERIFY2(AllowedKeys.contains(key), qPrintable("unexpected field " + key));
        QVERIFY2(!secretish.match(key).hasMatch(), qPrintable("secret-like field " + key));
    }
}

void TestMappingProfile::unknownFieldsAreDropped()
{
    QJsonObject root = QJsonDocument::fromJson(fullProfile().toJson()).object();
    root.insert("token", "eyJhbGciOi-secret");
    QJsonObject target = root.value("target").toObject();
    target.insert("apiKey", "abc123");
    root.insert("target", target);
    const Result<MappingProfile> read
        = MappingProfile::fromJson(QJsonDocument(root).toJson(), "pasted.json");
    QVERIFY(read.isOk());
    const QByteArray saved = read->toJson();
    QVERIFY(!saved.contains("eyJhbGciOi"));
    QVERIFY(!saved.contains("abc123"));
    QVERIFY(!keysOf(saved).contains("token"));
}

void TestMappingProfile::migratesVersion1()
{
    const Result<MappingProfile> read = MappingProfile::fromJson(V1Profile, "old.json");
    QVERIFY2(read.isOk(), qPrintable(read ? QString() : read.error().message));
    const MappingProfile &p = *read;
    QCOMPARE(p.name, "Orders from SAP");
    QCOMPARE(p.created, QDateTime(QDate(2024, 11, 5), QTime(8, 30), Qt::UTC));
    QCOMPARE(p.modified, p.created);
    QCOMPARE(p.created.timeSpec(), Qt::UTC);
    QCOMPARE(p.solutionId, "INV");
    QCOMPARE(p.resourceId(), "INV.CUSTOMER_ORDERS");
    QCOMPARE(p.operation, OperationType::Upsert);         // version 1 only upserted
    QCOMPARE(p.reader.sheetIndex, std::optional<int>(1)); // 1-based then, 0-based now
    QCOMPARE(p.reader.headerRow, std::optional<int>(4));
    QCOMPARE(p.reader.encoding, std::optional(TextEncoding::Windows1252));
    QCOMPARE(p.reader.delimiter, std::optional(QChar(u';')));
    QCOMPARE(p.mapping.attributes.size(), 4);
    const AttributeMapping *date = p.mapping.find(u"order_date");
    QVERIFY(date);
    QCOMPARE(date->source, AttributeMapping::Source::Column);
    QCOMPARE(date->columns, QStringList {"Order Date"});
    QCOMPARE(date->transforms.dayOrder, DayOrder::DayMonthYear); // the file's order, per column
    const AttributeMapping *currency = p.mapping.find(u"currency");
    QVERIFY(currency);
    QCOMPARE(currency->source, AttributeMapping::Source::Constant);
    QCOMPARE(currency->constant, "EUR");
    QCOMPARE(p.mapping.ignoredColumns, QStringList {"Remarks"});
    QCOMPARE(p.signature.names, (QStringList {"order date", "order no", "remarks", "status"}));

    // Saved again it is a version 2 file without the pasted token.
    const QByteArray saved = p.toJson();
    QCOMPARE(QJsonDocument::fromJson(saved).object().value("schemaVersion").toInt(), 2);
    QVERIFY(!saved.contains("eyJhbGciOi"));
    const Result<MappingProfile> again = MappingProfile::fromJson(saved, "old.json");
    QVERIFY(again.isOk());
    QVERIFY(*again == p);
}

void TestMappingProfile::version1WithoutHeadersUsesItsColumns()
{
    const QByteArray v1 = R"({"schemaVersion": 1, "name": "Small", "resource": "QP.CUSTOMER",
        "sheet": "Kunden", "columns": {"customer_id": "Kunden-Nr"}, "ignored": ["Notiz"]})";
    const Result<MappingProfile> read = MappingProfile::fromJson(v1, "small.json");
    QVERIFY(read.isOk());
    QCOMPARE(read->reader.sheetName, "Kunden");
    QCOMPARE(read->signature.names, (QStringList {"kunden nr", "notiz"}));
    QCOMPARE(read->mapping.attributes.first().transforms.dayOrder, DayOrder::Unspecified);
}

void TestMappingProfile::refusesNewerVersions()
{
    QJsonObject root = QJsonDocument::fromJson(fullProfile().toJson()).object();
    root.insert("schemaVersion", 3);
    const Result<MappingProfile> read
        = MappingProfile::fromJson(QJsonDocument(root).toJson(), "future.json");
    QVERIFY(!read.isOk());
    QCOMPARE(read.error().message,
             "future.json: schemaVersion: version 3 was written by a newer Sluice; this one "
             "reads versions 1 to 2");
}

void TestMappingProfile::refusesMalformedFiles_data()
{
    QTest::addColumn<QString>("path"); // where to put the bad value, "a.b[2].c"
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("message");
    const auto row = [](const char *tag, const QString &path, const QJsonValue &value,
                        const QString &message) {
        QTest::newRow(tag) << path << value << "orders.json: " + message;
    };
    row("unknown day order", "mapping.attributes.3.transforms.dayOrder", "DMYY",
        "mapping.attributes[3].transforms.dayOrder: unknown value 'DMYY' (expected "
        "unspecified, DMY, MDY, YMD)");
    row("unknown operation", "target.operation", "MERGE",
        "target.operation: unknown value 'MERGE' (expected UPSERT, APPEND)");
    row("missing resource", "target.resource", QJsonValue::Undefined, "target.resource: missing");
    row("empty name", "name", "  ", "name: must not be empty");
    row("name not a string", "name", 7, "name: must be a string");
    row("column mapping without column", "mapping.attributes.0.columns", QJsonArray(),
        "mapping.attributes[0].columns: a column mapping reads exactly one column");
    row("column not a string", "mapping.attributes.4.columns", QJsonArray {"First", 2},
        "mapping.attributes[4].columns[1]: must be a string");
    row("unknown source", "mapping.attributes.1.source", "formula",
        "mapping.attributes[1].source: unknown value 'formula' (expected unmapped, column, "
        "joined, constant)");
    row("trim not a bool", "mapping.attributes.0.transforms.trim", "yes",
        "mapping.attributes[0].transforms.trim: must be true or false");
    row("long separator", "mapping.attributes.3.transforms.decimalSeparator", ",,",
        "mapping.attributes[3].transforms.decimalSeparator: must be a single character, not "
        "',,'");
    row("same separators", "mapping.attributes.0.transforms.groupSeparator", ".",
        "mapping.attributes[0].transforms.groupSeparator: must differ from the decimal "
        "separator");
    row("value map entry", "mapping.attributes.1.transforms.valueMap.Shipped", 1,
        "mapping.attributes[1].transforms.valueMap['Shipped']: must be a string");
    row("header row zero", "reader.headerRow", 0,
        "reader.headerRow: must be a whole number from 1");
    row("encoding", "reader.encoding", "latin-9",
        "reader.encoding: unknown value 'latin-9' (expected auto, utf-8, utf-16-le, utf-16-be, "
        "cp1252)");
    row("bad date", "created", "31/01/2025",
        "created: '31/01/2025' is not an ISO-8601 date and time");
    row("attributes not a list", "mapping.attributes", "all", "mapping.attributes: must be a list");
    row("duplicate attribute", "mapping.attributes.1.attribute", "ORDER_ID",
        "mapping.attributes[1].attribute: 'ORDER_ID' is mapped twice");
    row("mapping missing", "mapping", QJsonValue::Undefined, "mapping: missing");
    row("version missing", "schemaVersion", QJsonValue::Undefined,
        "schemaVersion: missing: this is not a Sluice profile");
    row("version fraction", "schemaVersion", 1.5, "schemaVersion: must be a whole number");
    row("version zero", "schemaVersion", 0, "schemaVersion: unknown version 0");
}

namespace {

// Replaces (or, with Undefined, removes) the value at a dotted path; digits index arrays.
QJsonValue replaced(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString step = path.takeFirst();
    bool isIndex = false;
    const int index = step.toInt(&isIndex);
    if (isIndex && node.isArray()) {
        QJsonArray array = node.toArray();
        array.replace(index, replaced(array.at(index), path, value));
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty() && value.isUndefined())
        object.remove(step);
    else
        object.insert(step, replaced(object.value(step), path, value));
    return object;
}

} // namespace

void TestMappingProfile::refusesMalformedFiles()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, message);
    const QJsonValue root = QJsonDocument::fromJson(fullProfile().toJson()).object();
    const QJsonObject broken = replaced(root, path.split(u'.'), value).toObject();
    const Result<MappingProfile> read
        = MappingProfile::fromJson(QJsonDocument(broken).toJson(), "orders.json");
    QVERIFY(!read.isOk());
    QCOMPARE(read.error().message, message);
}

void TestMappingProfile::normalisesHeaders_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("punctuation") << "Order No."
                                 << "order no";
    QTest::newRow("underscores") << "order_date"
                                 << "order date";
    QTest::newRow("camel case") << "OrderDate"
                                << "order date";
    QTest::newRow("spaces") << "  Order   Date "
                            << "order date";
    QTest::newRow("accents") << "Année"
                             << "annee";
    QTest::newRow("hash") << "Line #"
                          << "line";
    QTest::newRow("digits") << "Address 2"
                            << "address 2";
    QTest::newRow("blank") << " - "
                           << "";
}

void TestMappingProfile::normalisesHeaders()
{
    QFETCH(QString, header);
    QFETCH(QString, normalised);
    QCOMPARE(HeaderSignature::normalise(header), normalised);
}

void TestMappingProfile::signatureIgnoresOrderAndSpelling()
{
    const HeaderSignature a = HeaderSignature::fromHeaders({"Order No.", "Order Date", "Qty"});
    const HeaderSignature b = HeaderSignature::fromHeaders({"qty", "ORDER_DATE", "order no", ""});
    QCOMPARE(a, b);
    QCOMPARE(a.fingerprint(), b.fingerprint());
    QCOMPARE(a.fingerprint().size(), 16);
    QVERIFY(a.fingerprint() != HeaderSignature::fromHeaders({"Order No.", "Qty"}).fingerprint());
}

void TestMappingProfile::similarFilesScoreHighAndOthersLow_data()
{
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<bool>("similar");
    const QStringList original {"Order No.", "Status", "Order Date", "Price",
                                "First",     "Last",   "Comment"};
    QTest::newRow("same file") << original << true;
    QTest::newRow("reordered") << QStringList {"Price",      "Comment", "Last",     "First",
                                               "Order Date", "Status",  "Order No."}
                               << true;
    QTest::newRow("renamed column")
        << QStringList {"Order No.", "Order Status", "Order Date", "Price",
                        "First",     "Last",         "Comment"}
        << true;
    QTest::newRow("added column") << original + QStringList {"Warehouse"} << true;
    QTest::newRow("renamed and added")
        << QStringList {"order_no", "Status",  "Order Date", "Unit Price", "First",
                        "Last",     "Comment", "Warehouse",  "Region"}
        << true;
    QTest::newRow("unrelated file")
        << QStringList {"Product Code", "Description", "Category", "Unit Cost", "Supplier"}
        << false;
    QTest::newRow("shares one column")
        << QStringList {"Customer Id", "Name", "Status", "Country", "Created"} << false;
    QTest::newRow("empty") << QStringList {} << false;
}

void TestMappingProfile::similarFilesScoreHighAndOthersLow()
{
    QFETCH(QStringList, headers);
    QFETCH(bool, similar);
    const double score = fullProfile().similarity(headers);
    QVERIFY2((score >= 0.5) == similar, qPrintable(QString::number(score)));
}

QTEST_GUILESS_MAIN(TestMappingProfile)
#include "tst_mappingprofile.moc"
