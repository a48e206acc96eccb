// SPDX-License-Identifier: MIT
#include "models/validation/cellvaluebuilder.h"

#include <QTest>

#include <functional>

using namespace sluice;

Q_DECLARE_METATYPE(sluice::AttributeMapping)
Q_DECLARE_METATYPE(sluice::AttributeType)
Q_DECLARE_METATYPE(QList<sluice::SourceCell>)

namespace {

using Tweak = std::function<void(Transforms &)>;

QString s(const char16_t *text)
{
    return QString::fromUtf16(text);
}

AttributeMapping column(const Tweak &tweak = {})
{
    AttributeMapping mapping;
    mapping.attribute = QStringLiteral("value");
    mapping.source = AttributeMapping::Source::Column;
    mapping.columns = {QStringLiteral("A")};
    if (tweak)
        tweak(mapping.transforms);
    return mapping;
}

AttributeMapping joined(const QString &separator)
{
    AttributeMapping mapping = column();
    mapping.source = AttributeMapping::Source::Joined;
    mapping.columns = {QStringLiteral("First"), QStringLiteral("Middle"), QStringLiteral("Last")};
    mapping.separator = separator;
    return mapping;
}

AttributeMapping constant(const QString &value)
{
    AttributeMapping mapping = column();
    mapping.source = AttributeMapping::Source::Constant;
    mapping.columns.clear();
    mapping.constant = value;
    return mapping;
}

AttributeMapping withDefault(const QString &value, const Tweak &tweak = {})
{
    AttributeMapping mapping = column(tweak);
    mapping.defaultValue = value;
    return mapping;
}

QList<SourceCell> text(const QString &value)
{
    return {{value, value.isEmpty() ? CellKind::Empty : CellKind::Text}};
}

QList<SourceCell> cell(const QString &value, CellKind kind)
{
    return {{value, kind}};
}

void addColumns()
{
    QTest::addColumn<AttributeMapping>("mapping");
    QTest::addColumn<AttributeType>("type");
    QTest::addColumn<QList<SourceCell>>("cells");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("expected"); // canonical JSON of an accepted value
    QTest::addColumn<QStringList>("reasonParts");
}

void accept(const char *name, const AttributeMapping &mapping, AttributeType type,
            const QList<SourceCell> &cells, const QString &expected)
{
    QTest::addRow("%s", name) << mapping << type << cells << true << expected << QStringList();
}

void reject(const char *name, const AttributeMapping &mapping, AttributeType type,
            const QList<SourceCell> &cells, const QStringList &reasonParts)
{
    QTest::addRow("%s", name) << mapping << type << cells << false << QString() << reasonParts;
}

constexpr auto String = AttributeType::String;
constexpr auto Integer = AttributeType::Integer;
constexpr auto Float = AttributeType::Float;
constexpr auto Numeric = AttributeType::Numeric;
constexpr auto Boolean = AttributeType::Boolean;
constexpr auto Date = AttributeType::Date;
constexpr auto Timestamp = AttributeType::Timestamp;

Tweak letterCase(Transforms::Case value)
{
    return [value](Transforms &t) {
        t.letterCase = value;
    };
}

Tweak valueMap(QHash<QString, QString> map, Transforms::Case value = Transforms::Case::Keep)
{
    return [map, value](Transforms &t) {
        t.valueMap = map;
        t.letterCase = value;
    };
}

Tweak dayOrder(DayOrder order)
{
    return [order](Transforms &t) {
        t.dayOrder = order;
    };
}

Tweak pattern(const QString &datePattern)
{
    return [datePattern](Transforms &t) {
        t.datePattern = datePattern;
    };
}

Tweak european(bool currency = false, bool percent = false)
{
    return [currency, percent](Transforms &t) {
        t.number = {u',', u'.'};
        t.stripCurrency = currency;
        t.percent = percent;
    };
}

Tweak percent()
{
    return [](Transforms &t) {
        t.percent = true;
    };
}

Tweak zone(const QString &name, TimestampForm form = TimestampForm::Api)
{
    return [name, form](Transforms &t) {
        t.timeZone = name;
        t.timestampForm = form;
    };
}

} // namespace

class TestCellValueBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sources_data();
    void sources() { verify(); }
    void textTransforms_data();
    void textTransforms() { verify(); }
    void dates_data();
    void dates() { verify(); }
    void numbers_data();
    void numbers() { verify(); }
    void timestamps_data();
    void timestamps() { verify(); }
    void spreadsheetCells_data();
    void spreadsheetCells() { verify(); }
    void rowByColumnName();

private:
    static void verify();
};

void TestCellValueBuilder::verify()
{
    QFETCH(AttributeMapping, mapping);
    QFETCH(AttributeType, type);
    QFETCH(QList<SourceCell>, cells);
    QFETCH(bool, accepted);
    QFETCH(QString, expected);
    QFETCH(QStringList, reasonParts);
    const auto result = CellValueBuilder(mapping, type).build(cells);
    QVERIFY2(result.isOk() == accepted,
             qPrintable(result.isOk() ? result->text() : result.error().reason));
    if (accepted) {
        QCOMPARE(QString::fromUtf8(result->toJson()), expected);
        return;
    }
    for (const QString &part : reasonParts)
        QVERIFY2(result.error().reason.contains(part), qPrintable(result.error().reason));
}

void TestCellValueBuilder::sources_data()
{
    addColumns();
    const QList<SourceCell> names {{s(u" Ada "), CellKind::Text},
                                   {QString(), CellKind::Empty},
                                   {s(u"Lovelace"), CellKind::Text}};
    const QList<SourceCell> nothing {{QString(), CellKind::Empty}, {s(u" "), CellKind::Text}};
    accept("column", column(), String, text(s(u"ORD-1")), s(u"\"ORD-1\""));
    accept("unmapped", AttributeMapping(), String, text(s(u"x")), s(u"null"));
    accept("joined skips the empty part", joined(s(u" ")), String, names, s(u"\"Ada Lovelace\""));
    accept("joined with a separator", joined(s(u"-")), String,
           {{s(u"2025"), CellKind::Text}, {s(u"01"), CellKind::Text}, {s(u"31"), CellKind::Text}},
           s(u"\"2025-01-31\""));
    accept("joined into a date", joined(s(u"-")), Date,
           {{s(u"2025"), CellKind::Text}, {s(u"1"), CellKind::Text}, {s(u"31"), CellKind::Text}},
           s(u"\"2025-01-31\""));
    accept("joined all empty is null", joined(s(u" ")), String, nothing, s(u"null"));
    reject("joined not a number", joined(s(u"")), Integer,
           {{s(u"12"), CellKind::Text}, {s(u"ab"), CellKind::Text}}, {s(u"'12ab'")});
    accept("constant", constant(s(u"peak")), String, {}, s(u"\"peak\""));
    accept("constant number", constant(s(u"12.50")), Numeric, {}, s(u"12.5"));
    reject("constant not a number", constant(s(u"abc")), Integer, {}, {s(u"'abc'")});
    accept("default for empty", withDefault(s(u"pending")), String, text(QString()),
           s(u"\"pending\""));
    accept("default for blank", withDefault(s(u"0")), Integer, text(s(u"  ")), s(u"0"));
    accept("default not used", withDefault(s(u"pending")), String, text(s(u"won")), s(u"\"won\""));
    accept("no default: null", column(), Integer, text(QString()), s(u"null"));
    accept("default in API form despite day order",
           withDefault(s(u"2025-01-31"), dayOrder(DayOrder::MonthDayYear)), Date, text(QString()),
           s(u"\"2025-01-31\""));
    reject("default not a date", withDefault(s(u"soon")), Date, text(QString()), {s(u"'soon'")});
    reject("spreadsheet error", column(), String, cell(s(u"#N/A"), CellKind::Error), {s(u"#N/A")});
    reject("spreadsheet error in a join", joined(s(u" ")), String,
           {{s(u"Ada"), CellKind::Text}, {s(u"#REF!"), CellKind::Error}}, {s(u"#REF!")});
}

void TestCellValueBuilder::textTransforms_data()
{
    addColumns();
    const QHash<QString, QString> status {
        {s(u"dispatched"), s(u"shipped")}, {s(u"shipped"), s(u"shipped")}, {s(u"n/a"), QString()}};
    accept("trim", column(), String, text(s(u"\u00a0 ORD-1\t")), s(u"\"ORD-1\""));
    accept("no trim keeps spaces", column([](Transforms &t) { t.trim = false; }), String,
           text(s(u" ORD-1 ")), s(u"\" ORD-1 \""));
    accept("upper", column(letterCase(Transforms::Case::Upper)), String, text(s(u"de-01")),
           s(u"\"DE-01\""));
    accept("lower", column(letterCase(Transforms::Case::Lower)), String, text(s(u"SHIPPED")),
           s(u"\"shipped\""));
    accept("title", column(letterCase(Transforms::Case::Title)), String,
           text(s(u"nORTH-east o'neil")), s(u"\"North-East O'neil\""));
    reject("upper then boolean", column(letterCase(Transforms::Case::Upper)), Boolean,
           text(s(u"maybe")), {s(u"'MAYBE'")});
    accept("value map", column(valueMap(status)), String, text(s(u" dispatched ")),
           s(u"\"shipped\""));
    accept("value map after case", column(valueMap(status, Transforms::Case::Lower)), String,
           text(s(u"Dispatched")), s(u"\"shipped\""));
    accept("value map miss passes", column(valueMap(status)), String, text(s(u"lost")),
           s(u"\"lost\""));
    accept("value map is exact", column(valueMap(status)), String, text(s(u"Dispatched")),
           s(u"\"Dispatched\""));
    accept("value map to empty is null", column(valueMap(status)), String, text(s(u"n/a")),
           s(u"null"));
    accept("value map to a boolean", column(valueMap({{s(u"ja"), s(u"true")}})), Boolean,
           text(s(u"ja")), s(u"true"));
    reject("value map target not an integer", column(valueMap({{s(u"none"), s(u"zero")}})), Integer,
           text(s(u"none")), {s(u"'zero'")});
    reject("no trim misses the map", column([status](Transforms &t) {
               t.trim = false;
               t.valueMap = status;
           }),
           Integer, text(s(u" dispatched")), {s(u"'dispatched'")});
}

void TestCellValueBuilder::dates_data()
{
    addColumns();
    accept("day first", column(dayOrder(DayOrder::DayMonthYear)), Date, text(s(u"01/02/2025")),
           s(u"\"2025-02-01\""));
    accept("month first", column(dayOrder(DayOrder::MonthDayYear)), Date, text(s(u"01/02/2025")),
           s(u"\"2025-01-02\""));
    reject("no order: ambiguous", column(), Date, text(s(u"01/02/2025")),
           {s(u"either"), s(u"day order")});
    reject("day first rejects month first", column(dayOrder(DayOrder::DayMonthYear)), Date,
           text(s(u"01/31/2025")), {s(u"month 31")});
    accept("pattern", column(pattern(s(u"dd.MM.yyyy"))), Date, text(s(u"31.01.2025")),
           s(u"\"2025-01-31\""));
    accept("pattern wins over day order", column([](Transforms &t) {
               t.datePattern = QStringLiteral("MM/dd/yyyy");
               t.dayOrder = DayOrder::DayMonthYear;
           }),
           Date, text(s(u"01/02/2025")), s(u"\"2025-01-02\""));
    accept("month name pattern", column(pattern(s(u"dd-MMM-yyyy"))), Date, text(s(u"31-Jan-2025")),
           s(u"\"2025-01-31\""));
    reject("pattern mismatch", column(pattern(s(u"dd.MM.yyyy"))), Date, text(s(u"2025-01-31")),
           {s(u"pattern dd.MM.yyyy")});
}

void TestCellValueBuilder::numbers_data()
{
    addColumns();
    accept("separators", column(european()), Float, text(s(u"1.234,5")), s(u"1234.5"));
    reject("separators reject the other style", column(european()), Float, text(s(u"1,234.5")),
           {s(u"'1,234.5'")});
    accept("currency", column(european(true)), Numeric, text(s(u"€ 1.234,50")), s(u"1234.5"));
    accept("currency code after", column([](Transforms &t) { t.stripCurrency = true; }), Integer,
           text(s(u"-12 USD")), s(u"-12"));
    reject("currency not stripped", column(european()), Numeric, text(s(u"€ 1.234,50")),
           {s(u"'€ 1.234,50'")});
    reject("currency alone", column(european(true)), Numeric, text(s(u"€")), {s(u"no number")});
    accept("percent", column(percent()), Float, text(s(u"12.5 %")), s(u"0.125"));
    accept("percent without sign", column(percent()), Numeric, text(s(u"7")), s(u"0.07"));
    accept("percent european", column(european(false, true)), Numeric, text(s(u"12,5%")),
           s(u"0.125"));
    accept("percent keeps every digit", column(percent()), Numeric,
           text(s(u"33.333333333333333333333 %")), s(u"0.33333333333333333333333"));
    accept("percent whole", column(percent()), Integer, text(s(u"200%")), s(u"2"));
    accept("percent zero", column(percent()), Float, text(s(u"0 %")), s(u"0"));
    reject("percent leaves a fraction", column(percent()), Integer, text(s(u"50%")),
           {s(u"fraction")});
    reject("percent sign without the setting", column(), Float, text(s(u"12.5%")), {s(u"'%'")});
}

void TestCellValueBuilder::timestamps_data()
{
    addColumns();
    accept("api form", column(), Timestamp, text(s(u"31 Jan 2025 10:30")),
           s(u"\"2025-01-31 10:30:00\""));
    accept("iso form", column(zone(QString(), TimestampForm::Iso8601)), Timestamp,
           text(s(u"2025-01-31 10:30")), s(u"\"2025-01-31T10:30:00\""));
    accept("zone to utc", column(zone(s(u"Europe/Berlin"))), Timestamp,
           text(s(u"2025-01-31 10:30")), s(u"\"2025-01-31 09:30:00 +00:00\""));
    accept("zone to utc iso", column(zone(s(u"America/New_York"), TimestampForm::Iso8601)),
           Timestamp, text(s(u"2025-07-01 22:15:00")), s(u"\"2025-07-02T02:15:00Z\""));
    accept("zone with day order", column([](Transforms &t) {
               t.timeZone = QStringLiteral("Europe/London");
               t.dayOrder = DayOrder::DayMonthYear;
           }),
           Timestamp, text(s(u"01/07/2025 10:00")), s(u"\"2025-07-01 09:00:00 +00:00\""));
    accept("offset in the cell wins", column(zone(s(u"Europe/Berlin"))), Timestamp,
           text(s(u"2025-01-31 10:30 -05:00")), s(u"\"2025-01-31 10:30:00 -05:00\""));
    reject("dst gap", column(zone(s(u"Europe/Berlin"))), Timestamp, text(s(u"2025-03-30 02:30")),
           {s(u"does not exist in Europe/Berlin")});
    reject("dst overlap", column(zone(s(u"America/New_York"))), Timestamp,
           text(s(u"2025-11-02 01:30")), {s(u"happened twice in America/New_York")});
    reject("unknown zone", column(zone(s(u"Europe/Atlantis"))), Timestamp,
           text(s(u"2025-01-31 10:30")), {s(u"'Europe/Atlantis'")});
    accept("a date ignores the zone", column(zone(s(u"Europe/Berlin"))), Date,
           text(s(u"2025-01-31")), s(u"\"2025-01-31\""));
}

void TestCellValueBuilder::spreadsheetCells_data()
{
    addColumns();
    accept("serial date", column(dayOrder(DayOrder::MonthDayYear)), Date,
           cell(s(u"45658"), CellKind::Number), s(u"\"2025-01-01\""));
    accept("serial timestamp in a zone", column(zone(s(u"Europe/Berlin"))), Timestamp,
           cell(s(u"45658.5"), CellKind::Number), s(u"\"2025-01-01 11:00:00 +00:00\""));
    accept("date cell ignores the pattern", column(pattern(s(u"dd.MM.yyyy"))), Date,
           cell(s(u"2025-01-31T00:00:00"), CellKind::DateTime), s(u"\"2025-01-31\""));
    accept("number cell ignores separators", column(european()), Float,
           cell(s(u"1234.5"), CellKind::Number), s(u"1234.5"));
    accept("percent cell is a fraction already", column(percent()), Float,
           cell(s(u"0.125"), CellKind::Number), s(u"0.125"));
    accept("number cell as text", column(), String, cell(s(u"1E-3"), CellKind::Number),
           s(u"\"1E-3\""));
    reject("number text in a date", column(), Date, text(s(u"45658")), {s(u"Excel serial")});
}

void TestCellValueBuilder::rowByColumnName()
{
    const SourceRow row {{s(u"First"), {s(u"Ada"), CellKind::Text}},
                         {s(u"Last"), {s(u"Lovelace"), CellKind::Text}}};
    const CellValueBuilder names(joined(s(u" ")), String);
    QCOMPARE(names.columns(), QStringList({s(u"First"), s(u"Middle"), s(u"Last")}));
    QCOMPARE(names.build(row)->text(), s(u"Ada Lovelace"));
    const CellValueBuilder missing(withDefault(s(u"n/a")), String);
    QCOMPARE(missing.build(row)->text(), s(u"n/a"));
}

QTEST_GUILESS_MAIN(TestCellValueBuilder)
#include "tst_cellvaluebuilder.moc"
