// SPDX-License-Identifier: MIT
#include "models/validation/valueparser.h"

#include <QLocale>
#include <QTest>

#include <ctime>

using namespace sluice;

Q_DECLARE_METATYPE(sluice::ParseOptions)
Q_DECLARE_METATYPE(sluice::ApiValue)

namespace {

// Marks an accepted row whose kind follows from the attribute type.
constexpr int KindOfType = -1;

ParseOptions withDayOrder(DayOrder order)
{
    ParseOptions options;
    options.dayOrder = order;
    return options;
}

ParseOptions european()
{
    ParseOptions options;
    options.number = {u',', u'.'};
    return options;
}

ParseOptions spaceGrouped()
{
    ParseOptions options;
    options.number = {u'.', u' '};
    return options;
}

ParseOptions numericOptions(int precision, int scale)
{
    ParseOptions options;
    options.numericPrecision = precision;
    options.numericScale = scale;
    return options;
}

ParseOptions serial(DateSystem system = DateSystem::Excel1900,
                    TimestampForm form = TimestampForm::Api)
{
    ParseOptions options;
    options.cellIsSerialNumber = true;
    options.dateSystem = system;
    options.timestampForm = form;
    return options;
}

ParseOptions pattern(const char16_t *datePattern, TimestampForm form = TimestampForm::Api)
{
    ParseOptions options;
    options.datePattern = QString::fromUtf16(datePattern);
    options.timestampForm = form;
    return options;
}

ParseOptions zoned(const char16_t *zone, TimestampForm form = TimestampForm::Api)
{
    ParseOptions options;
    options.timeZone = QString::fromUtf16(zone);
    options.timestampForm = form;
    return options;
}

ParseOptions iso()
{
    ParseOptions options;
    options.timestampForm = TimestampForm::Iso8601;
    return options;
}

void addColumns()
{
    QTest::addColumn<ParseOptions>("options");
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("kind"); // ApiValue::Kind when accepted, ValueError::Kind when not
    QTest::addColumn<QString>("expected");        // canonical text of an accepted value
    QTest::addColumn<QStringList>("reasonParts"); // what a rejection's reason must name

    QTest::addRow("blank") << ParseOptions() << QStringLiteral(" \t\u00a0 ") << true
                           << static_cast<int>(ApiValue::Kind::Null) << QString() << QStringList();
}

void accept(const char *name, const QString &input, const QString &expected,
            const ParseOptions &options = {})
{
    QTest::addRow("%s", name) << options << input << true << KindOfType << expected
                              << QStringList();
}

void reject(const char *name, const QString &input, ValueError::Kind kind,
            const QStringList &reasonParts, const ParseOptions &options = {})
{
    QTest::addRow("%s", name) << options << input << false << static_cast<int>(kind) << QString()
                              << reasonParts;
}

ApiValue::Kind kindOf(AttributeType type)
{
    switch (type) {
    case AttributeType::Integer:
    case AttributeType::Float:
    case AttributeType::Numeric:
        return ApiValue::Kind::Number;
    case AttributeType::Boolean:
        return ApiValue::Kind::Boolean;
    case AttributeType::Json:
        return ApiValue::Kind::Json;
    case AttributeType::String:
    case AttributeType::Date:
    case AttributeType::Timestamp:
        break;
    }
    return ApiValue::Kind::String;
}

QString describe(const Result<ApiValue, ValueError> &result)
{
    if (result.isOk())
        return QStringLiteral("accepted as %1").arg(result->text());
    return QStringLiteral("rejected (kind %1): %2")
        .arg(static_cast<int>(result.error().kind))
        .arg(result.error().reason);
}

void verifyRow(AttributeType type)
{
    QFETCH(ParseOptions, options);
    QFETCH(QString, input);
    QFETCH(bool, accepted);
    QFETCH(int, kind);
    QFETCH(QString, expected);
    QFETCH(QStringList, reasonParts);

    const auto result = ValueParser(options).parse(type, input);
    QVERIFY2(result.isOk() == accepted, qPrintable(describe(result)));
    if (accepted) {
        QCOMPARE(result->text(), expected);
        const int expectedKind = kind == KindOfType ? static_cast<int>(kindOf(type)) : kind;
        QCOMPARE(static_cast<int>(result->kind()), expectedKind);
        return;
    }
    QCOMPARE(static_cast<int>(result.error().kind), kind);
    for (const QString &part : reasonParts)
        QVERIFY2(result.error().reason.contains(part), qPrintable(result.error().reason));
}

constexpr auto Type = ValueError::Kind::Type;
constexpr auto Format = ValueError::Kind::Format;
constexpr auto Range = ValueError::Kind::Range;
constexpr auto Length = ValueError::Kind::Length;

QString s(const char16_t *text)
{
    return QString::fromUtf16(text);
}

} // namespace

class TestValueParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void string_data();
    void string() { verifyRow(AttributeType::String); }
    void integer_data();
    void integer() { verifyRow(AttributeType::Integer); }
    void floatingPoint_data();
    void floatingPoint() { verifyRow(AttributeType::Float); }
    void numeric_data();
    void numeric() { verifyRow(AttributeType::Numeric); }
    void boolean_data();
    void boolean() { verifyRow(AttributeType::Boolean); }
    void dateText_data();
    void dateText() { verifyRow(AttributeType::Date); }
    void dateRejects_data();
    void dateRejects() { verifyRow(AttributeType::Date); }
    void dateSerial_data();
    void dateSerial() { verifyRow(AttributeType::Date); }
    void timestamp_data();
    void timestamp() { verifyRow(AttributeType::Timestamp); }
    void timestampRejects_data();
    void timestampRejects() { verifyRow(AttributeType::Timestamp); }
    void json_data();
    void json() { verifyRow(AttributeType::Json); }
    void datePattern_data();
    void datePattern() { verifyRow(AttributeType::Date); }
    void timestampPattern_data();
    void timestampPattern() { verifyRow(AttributeType::Timestamp); }
    void timeZone_data();
    void timeZone() { verifyRow(AttributeType::Timestamp); }

    void toJson_data();
    void toJson();
    void parsedValueToJson();
    void independentOfTimeZoneAndLocale();
};

void TestValueParser::string_data()
{
    addColumns();
    accept("plain", s(u"ORD-1"), s(u"ORD-1"));
    accept("surrounding spaces kept", s(u"  padded\t"), s(u"  padded\t"));
    accept("unicode", s(u"Zürich 東京 🚚"), s(u"Zürich 東京 🚚"));
    accept("multi-line", s(u"line 1\nline 2"), s(u"line 1\nline 2"));
    accept("number-like text", s(u"007"), s(u"007"));
    const QString longest(ValueParser::MaxStringBytes, u'a');
    QTest::addRow("exactly 65535 bytes")
        << ParseOptions() << longest << true << KindOfType << longest << QStringList();
    reject("65536 bytes", QString(ValueParser::MaxStringBytes + 1, u'a'), Length,
           {s(u"65536"), s(u"65535")});
    // 21846 euro signs are 65538 bytes in UTF-8 but only 21846 UTF-16 units.
    reject("multi-byte over the limit", QString(21846, QChar(0x20AC)), Length, {s(u"65538")});
}

void TestValueParser::integer_data()
{
    addColumns();
    accept("plain", s(u"1234"), s(u"1234"));
    accept("plus sign", s(u"+42"), s(u"42"));
    accept("negative", s(u"-17"), s(u"-17"));
    accept("unicode minus", s(u"\u221212"), s(u"-12"));
    accept("leading zeros", s(u"007"), s(u"7"));
    accept("negative zero", s(u"-0"), s(u"0"));
    accept("grouped", s(u"1,234,567"), s(u"1234567"));
    accept("whole decimal", s(u"10.00"), s(u"10"));
    accept("exponent", s(u"1e3"), s(u"1000"));
    accept("fraction times exponent", s(u"1.5E3"), s(u"1500"));
    accept("negative exponent, whole", s(u"12000e-3"), s(u"12"));
    accept("nbsp and tab trimmed", s(u"\t 42\u00a0"), s(u"42"));
    accept("int64 max", s(u"9223372036854775807"), s(u"9223372036854775807"));
    accept("int64 min", s(u"-9223372036854775808"), s(u"-9223372036854775808"));
    accept("european grouping", s(u"1.234.567"), s(u"1234567"), european());
    accept("space grouping", s(u"1 234 567"), s(u"1234567"), spaceGrouped());
    accept("narrow nbsp grouping", s(u"1\u202f234"), s(u"1234"), spaceGrouped());
    reject("letters", s(u"12abc"), Type, {s(u"'12abc'"), s(u"'a'")});
    reject("word", s(u"abc"), Type, {s(u"'abc'"), s(u"'a'")});
    reject("fraction", s(u"1.5"), Type, {s(u"'1.5'"), s(u"fraction")});
    reject("small exponent leaves fraction", s(u"15e-1"), Type, {s(u"fraction")});
    reject("one past max", s(u"9223372036854775808"), Range,
           {s(u"9223372036854775808"), s(u"64-bit")});
    reject("one past min", s(u"-9223372036854775809"), Range, {s(u"-9223372036854775809")});
    reject("exponent past range", s(u"1e19"), Range, {s(u"'1e19'")});
    reject("comma decimal with point default", s(u"1,5"), Type, {s(u"','"), s(u"three digits")});
    reject("misplaced group", s(u"12,34"), Type, {s(u"','"), s(u"misplaced")});
    reject("first group too long", s(u"1234,567"), Type, {s(u"misplaced")});
    reject("leading group separator", s(u",123"), Type, {s(u"misplaced")});
    reject("double sign", s(u"--1"), Type, {s(u"'-'")});
    reject("exponent without digits", s(u"1e"), Type, {s(u"exponent")});
    reject("two decimal points", s(u"1.2.3"), Type, {s(u"second decimal separator '.'")});
    reject("space without grouping", s(u"1 234"), Type, {s(u"space")});
    reject("percent", s(u"12%"), Type, {s(u"'%'")});
    reject("european point is a group", s(u"1.5"), Type, {s(u"'.'"), s(u"misplaced")}, european());
}

void TestValueParser::floatingPoint_data()
{
    addColumns();
    accept("plain", s(u"3.14"), s(u"3.14"));
    accept("trailing zeros", s(u"-0.50"), s(u"-0.5"));
    accept("leading point", s(u".5"), s(u"0.5"));
    accept("trailing point", s(u"1."), s(u"1"));
    accept("padded", s(u"0001.2300"), s(u"1.23"));
    accept("grouped with fraction", s(u"1,234.5"), s(u"1234.5"));
    accept("european", s(u"1.234,5"), s(u"1234.5"), european());
    accept("european leading comma", s(u",5"), s(u"0.5"), european());
    accept("signed point exponent", s(u"+.5e1"), s(u"5"));
    accept("small exponent", s(u"2.5E-3"), s(u"0.0025"));
    accept("negative zero", s(u"-0.0"), s(u"0"));
    accept("40 digits stay plain", s(u"1e39"), QString(u'1') + QString(39, u'0'));
    accept("41 digits keep exponent", s(u"1e40"), s(u"1e+40"));
    accept("tiny plain", s(u"1e-40"), s(u"0.") + QString(39, u'0') + u'1');
    accept("tiny exponent", s(u"-1e-41"), s(u"-1e-41"));
    accept("huge", s(u"1.5e300"), s(u"1.5e+300"));
    accept("double max", s(u"1.7976931348623157e308"), s(u"1.7976931348623157e+308"));
    accept("smallest denormal", s(u"4.9e-324"), s(u"4.9e-324"));
    accept("digits beyond a double kept", s(u"12345678901234567890.123456789"),
           s(u"12345678901234567890.123456789"));
    reject("overflow", s(u"1e309"), Range, {s(u"'1e309'"), s(u"too large")});
    reject("just over double max", s(u"1.8e308"), Range, {s(u"too large")});
    reject("underflow", s(u"1e-400"), Range, {s(u"'1e-400'")});
    reject("nan", s(u"NaN"), Type, {s(u"'NaN'"), s(u"finite")});
    reject("infinity", s(u"-Infinity"), Type, {s(u"finite")});
    reject("only a point", s(u"."), Type, {s(u"no digits")});
    reject("only a sign", s(u"-"), Type, {s(u"no digits")});
    reject("exponent first", s(u"e5"), Type, {s(u"'e'")});
    reject("fractional exponent", s(u"1e5.5"), Type, {s(u"'.'")});
    reject("hex", s(u"0x1A"), Type, {s(u"'x'")});
}

void TestValueParser::numeric_data()
{
    addColumns();
    accept("plain", s(u"123.45"), s(u"123.45"));
    accept("exponent expanded", s(u"1e30"), s(u"1") + QString(30, u'0'));
    accept("scale 37", s(u"1e-37"), s(u"0.") + QString(36, u'0') + u'1');
    accept("38 digits", QString(38, u'9'), QString(38, u'9'));
    accept("grouped", s(u"1,000.25"), s(u"1000.25"));
    accept("within (5,2)", s(u"-999.99"), s(u"-999.99"), numericOptions(5, 2));
    accept("trailing zeros do not count", s(u"1.2000"), s(u"1.2"), numericOptions(5, 2));
    accept("four integer digits in (5,2)", s(u"1234.5"), s(u"1234.5"), numericOptions(5, 2));
    reject("scale over", s(u"0.001"), Range, {s(u"3 digits after"), s(u"at most 2")},
           numericOptions(5, 2));
    reject("precision over", s(u"12345.6"), Range, {s(u"6 significant"), s(u"at most 5")},
           numericOptions(5, 2));
    reject("scale 38", s(u"1e-38"), Range, {s(u"38 digits after")});
    reject("39 digits", QString(39, u'9'), Range, {s(u"39 significant")});
    reject("huge exponent", s(u"1.5e+300"), Range, {s(u"301 significant")});
    reject("text", s(u"abc"), Type, {s(u"'a'")});
}

void TestValueParser::boolean_data()
{
    addColumns();
    accept("true", s(u"true"), s(u"true"));
    accept("TRUE", s(u"TRUE"), s(u"true"));
    accept("t", s(u"t"), s(u"true"));
    accept("Yes", s(u"Yes"), s(u"true"));
    accept("y", s(u"Y"), s(u"true"));
    accept("1", s(u"1"), s(u"true"));
    accept("on", s(u" on "), s(u"true"));
    accept("false", s(u"False"), s(u"false"));
    accept("f", s(u"F"), s(u"false"));
    accept("no", s(u"NO"), s(u"false"));
    accept("n", s(u"n"), s(u"false"));
    accept("0", s(u"0"), s(u"false"));
    accept("off", s(u"\u00a0Off"), s(u"false"));
    reject("maybe", s(u"maybe"), Type, {s(u"'maybe'"), s(u"yes/no")});
    reject("2", s(u"2"), Type, {s(u"'2'")});
    reject("1.0", s(u"1.0"), Type, {s(u"'1.0'")});
}

void TestValueParser::dateText_data()
{
    addColumns();
    accept("iso", s(u"2025-01-31"), s(u"2025-01-31"));
    accept("slashes", s(u"2025/01/31"), s(u"2025-01-31"));
    accept("dots", s(u"2025.01.31"), s(u"2025-01-31"));
    accept("compact", s(u"20250131"), s(u"2025-01-31"));
    accept("single digits", s(u"2025-1-5"), s(u"2025-01-05"));
    accept("trimmed", s(u"\u00a02025-01-31\t"), s(u"2025-01-31"));
    accept("day above 12 first", s(u"31/01/2025"), s(u"2025-01-31"));
    accept("day above 12 second", s(u"01/31/2025"), s(u"2025-01-31"));
    accept("same day and month", s(u"05/05/2025"), s(u"2025-05-05"));
    accept("space separated", s(u"31 01 2025"), s(u"2025-01-31"));
    accept("day month year", s(u"01/02/2025"), s(u"2025-02-01"),
           withDayOrder(DayOrder::DayMonthYear));
    accept("month day year", s(u"01/02/2025"), s(u"2025-01-02"),
           withDayOrder(DayOrder::MonthDayYear));
    accept("two-digit year 20xx", s(u"1.2.29"), s(u"2029-02-01"),
           withDayOrder(DayOrder::DayMonthYear));
    accept("two-digit year 19xx", s(u"31-12-30"), s(u"1930-12-31"));
    accept("year-first under ymd", s(u"2025/01/02"), s(u"2025-01-02"),
           withDayOrder(DayOrder::YearMonthDay));
    accept("day month name", s(u"31 Jan 2025"), s(u"2025-01-31"));
    accept("dashed month name", s(u"31-Jan-2025"), s(u"2025-01-31"));
    accept("two-digit year month name", s(u"31-jan-25"), s(u"2025-01-31"));
    accept("month first with comma", s(u"Jan 31, 2025"), s(u"2025-01-31"));
    accept("full month first", s(u"January 31 2025"), s(u"2025-01-31"));
    accept("full month", s(u"31 JANUARY 2025"), s(u"2025-01-31"));
    accept("sept", s(u"Sept. 5, 2025"), s(u"2025-09-05"));
    accept("ordinal", s(u"1st March 2025"), s(u"2025-03-01"));
    accept("weekday", s(u"Fri, 31 Jan 2025"), s(u"2025-01-31"));
    accept("leap day", s(u"2024-02-29"), s(u"2024-02-29"));
    accept("leap century", s(u"2000-02-29"), s(u"2000-02-29"));
    accept("iso midnight utc", s(u"2025-01-31T00:00:00Z"), s(u"2025-01-31"));
    accept("midnight with offset", s(u"2025-01-31T00:00:00+05:30"), s(u"2025-01-31"));
    accept("midnight short", s(u"31/01/2025 00:00"), s(u"2025-01-31"));
    accept("midnight am", s(u"01/31/2025 12:00 AM"), s(u"2025-01-31"));
}

void TestValueParser::dateRejects_data()
{
    addColumns();
    reject("february 30", s(u"2025-02-30"), Format, {s(u"February 2025 has no day 30")});
    reject("not a leap year", s(u"2023-02-29"), Format, {s(u"February 2023 has no day 29")});
    reject("april 31", s(u"31 Apr 2025"), Format, {s(u"April 2025 has no day 31")});
    reject("month 13", s(u"2025-13-01"), Format, {s(u"month 13 is out of range")});
    reject("day 0", s(u"2025-01-00"), Format, {s(u"day 0 is out of range")});
    reject("year 0", s(u"0000-01-01"), Format, {s(u"year 0 is out of range")});
    reject("strict day order", s(u"01/31/2025"), Format, {s(u"month 31 is out of range")},
           withDayOrder(DayOrder::DayMonthYear));
    reject("ambiguous", s(u"01/02/2025"), Format,
           {s(u"either"), s(u"2025-02-01"), s(u"2025-01-02"), s(u"day order")});
    reject("ambiguous under ymd", s(u"01/02/2025"), Format, {s(u"either"), s(u"day order")},
           withDayOrder(DayOrder::YearMonthDay));
    reject("two-digit year under ymd", s(u"25/01/31"), Format, {s(u"four digits")},
           withDayOrder(DayOrder::YearMonthDay));
    reject("neither a month", s(u"31/31/2025"), Format, {s(u"neither 31 nor 31")});
    reject("three-digit year", s(u"31/01/202"), Format, {s(u"202"), s(u"two or four digits")});
    reject("mixed separators", s(u"2025-01/31"), Format, {s(u"'/'")});
    reject("plain number", s(u"45658"), Format, {s(u"'45658'"), s(u"Excel serial")});
    reject("year only", s(u"2024"), Format, {s(u"Excel serial")});
    reject("time of day", s(u"2025-01-31 10:30"), Format,
           {s(u"time of day (10:30)"), s(u"date only")});
    reject("time with seconds", s(u"2025-01-31T23:59:59Z"), Format, {s(u"(23:59:59)")});
    reject("hour 25", s(u"2025-01-31 25:00"), Range, {s(u"hour 25 is out of range (0–23)")});
    reject("not a month name", s(u"Foo 31 2025"), Format, {s(u"'Foo'")});
    reject("wrong weekday", s(u"Mon, 31 Jan 2025"), Format, {s(u"Friday"), s(u"Monday")});
    reject("time only", s(u"10:30"), Format, {s(u"no date")});
    reject("words", s(u"tomorrow"), Type, {s(u"'tomorrow'")});
    reject("trailing text", s(u"2025-01-31 soon"), Format, {s(u"'s'")});
}

void TestValueParser::dateSerial_data()
{
    addColumns();
    accept("serial 1", s(u"1"), s(u"1900-01-01"), serial());
    accept("serial 59", s(u"59"), s(u"1900-02-28"), serial());
    accept("serial 61", s(u"61"), s(u"1900-03-01"), serial());
    accept("2025", s(u"45658"), s(u"2025-01-01"), serial());
    accept("last day", s(u"2958465"), s(u"9999-12-31"), serial());
    accept("below half a second", s(u"45658.000005"), s(u"2025-01-01"), serial());
    accept("whole decimal", s(u"45658.0"), s(u"2025-01-01"), serial());
    accept("1904 epoch", s(u"0"), s(u"1904-01-01"), serial(DateSystem::Excel1904));
    accept("1904 2025", s(u"44196"), s(u"2025-01-01"), serial(DateSystem::Excel1904));
    accept("text in a number cell", s(u"2025-01-31"), s(u"2025-01-31"), serial());
    reject("fictitious leap day", s(u"60"), Format, {s(u"29 February 1900")}, serial());
    reject("serial 0", s(u"0"), Range, {s(u"1900-01-01")}, serial());
    reject("negative", s(u"-1"), Range, {s(u"'-1'")}, serial());
    reject("past 9999", s(u"2958466"), Range, {s(u"9999-12-31")}, serial());
    reject("1904 past 9999", s(u"2957004"), Range, {s(u"9999-12-31")},
           serial(DateSystem::Excel1904));
    reject("noon", s(u"45658.5"), Format, {s(u"(12:00)"), s(u"date only")}, serial());
    reject("half a second", s(u"45658.00001"), Format, {s(u"(00:00:01)")}, serial());
}

void TestValueParser::timestamp_data()
{
    addColumns();
    accept("api form", s(u"2025-01-31 10:30:00"), s(u"2025-01-31 10:30:00"));
    accept("iso input", s(u"2025-01-31T10:30:00"), s(u"2025-01-31 10:30:00"));
    accept("z", s(u"2025-01-31T10:30:00Z"), s(u"2025-01-31 10:30:00 +00:00"));
    accept("z iso", s(u"2025-01-31T10:30:00Z"), s(u"2025-01-31T10:30:00Z"), iso());
    accept("no seconds", s(u"2025-01-31 10:30"), s(u"2025-01-31 10:30:00"));
    accept("one-digit hour", s(u"2025-01-31 9:05"), s(u"2025-01-31 09:05:00"));
    accept("date only", s(u"2025-01-31"), s(u"2025-01-31 00:00:00"));
    accept("date only iso", s(u"31 Jan 2025"), s(u"2025-01-31T00:00:00"), iso());
    accept("offset", s(u"2025-01-31T10:30:00+05:30"), s(u"2025-01-31 10:30:00 +05:30"));
    accept("offset iso", s(u"2025-01-31T10:30:00+05:30"), s(u"2025-01-31T10:30:00+05:30"), iso());
    accept("compact offset", s(u"2025-01-31T10:30:00+0530"), s(u"2025-01-31 10:30:00 +05:30"));
    accept("hour offset", s(u"2025-01-31T10:30:00-08"), s(u"2025-01-31 10:30:00 -08:00"));
    accept("spaced offset", s(u"2025-01-31 10:30:00 -0800"), s(u"2025-01-31 10:30:00 -08:00"));
    accept("offset 14", s(u"2025-01-31 10:30 +14:00"), s(u"2025-01-31 10:30:00 +14:00"));
    accept("utc word", s(u"2025-01-31 10:30 UTC"), s(u"2025-01-31 10:30:00 +00:00"));
    accept("gmt iso", s(u"2025-01-31 10:30 gmt"), s(u"2025-01-31T10:30:00Z"), iso());
    accept("zero fraction", s(u"2025-01-31 10:30:00.000"), s(u"2025-01-31 10:30:00"));
    accept("nine zero digits", s(u"2025-01-31T10:30:00.000000000Z"),
           s(u"2025-01-31 10:30:00 +00:00"));
    accept("pm", s(u"31/01/2025 2:05 PM"), s(u"2025-01-31 14:05:00"));
    accept("12 am", s(u"01/31/2025 12:00 AM"), s(u"2025-01-31 00:00:00"));
    accept("12 pm", s(u"2025-01-31 12:30 pm"), s(u"2025-01-31 12:30:00"));
    accept("p.m.", s(u"2025-01-31 11:59 p.m."), s(u"2025-01-31 23:59:00"));
    accept("month first with time", s(u"Jan 31, 2025 10:30 AM"), s(u"2025-01-31 10:30:00"));
    accept("rfc 2822", s(u"Fri, 31 Jan 2025 10:30:00 +0000"), s(u"2025-01-31 10:30:00 +00:00"));
    accept("compact date", s(u"20250131 10:30"), s(u"2025-01-31 10:30:00"));
    accept("serial with time", s(u"45658.4375"), s(u"2025-01-01 10:30:00"), serial());
    accept("serial rounds to next day", s(u"45658.99999999"), s(u"2025-01-02 00:00:00"), serial());
    accept("serial rounds to the second", s(u"45658.500006"), s(u"2025-01-01 12:00:01"), serial());
    accept("serial iso", s(u"45658.5"), s(u"2025-01-01T12:00:00"),
           serial(DateSystem::Excel1900, TimestampForm::Iso8601));
    accept("serial 1904", s(u"0.5"), s(u"1904-01-01 12:00:00"), serial(DateSystem::Excel1904));
}

void TestValueParser::timestampRejects_data()
{
    addColumns();
    reject("hour 25", s(u"2025-01-31 25:00"), Range, {s(u"hour 25 is out of range (0–23)")});
    reject("hour 24", s(u"2025-01-31 24:00:00"), Range, {s(u"hour 24")});
    reject("minute 60", s(u"2025-01-31 10:60"), Range, {s(u"minute 60")});
    reject("second 60", s(u"2025-01-31 10:30:60"), Range, {s(u"second 60")});
    reject("fractional seconds", s(u"2025-01-31 10:30:15.5"), Format,
           {s(u"fractional seconds (.5)"), s(u"whole seconds")});
    reject("ten fraction digits", s(u"2025-01-31 10:30:15.0000000000"), Format, {s(u"nine")});
    reject("13 pm", s(u"2025-01-31 13:00 PM"), Range, {s(u"hour 13")});
    reject("0 am", s(u"2025-01-31 0:30 AM"), Range, {s(u"hour 0")});
    reject("offset hour 15", s(u"2025-01-31 10:30+15:00"), Range, {s(u"offset hour 15")});
    reject("offset minute 60", s(u"2025-01-31 10:30+05:60"), Range, {s(u"offset minute 60")});
    reject("zone name", s(u"2025-01-31 10:30 EST"), Format, {s(u"'EST'")});
    reject("bad date", s(u"2025-02-30 10:00"), Format, {s(u"February 2025 has no day 30")});
    reject("time only", s(u"10:30"), Format, {s(u"no date")});
    reject("hour without minutes", s(u"2025-01-31 10"), Format, {s(u"hours and minutes")});
    reject("one-digit minute", s(u"2025-01-31 10:3"), Format, {s(u"two digits")});
    reject("words", s(u"yesterday"), Type, {s(u"'yesterday'")});
    reject("plain number", s(u"45658.5"), Format, {s(u"Excel serial")});
    reject("serial before 1900", s(u"0.5"), Range, {s(u"1900-01-01")}, serial());
}

void TestValueParser::json_data()
{
    addColumns();
    accept("object", s(u"{\"a\": 1, \"b\": [true, null]}"), s(u"{\"a\":1,\"b\":[true,null]}"));
    accept("array", s(u"[1, 2, 3]"), s(u"[1,2,3]"));
    accept("string", s(u"\"text\""), s(u"\"text\""));
    accept("number", s(u"42"), s(u"42"));
    accept("negative fraction", s(u"-1.5"), s(u"-1.5"));
    accept("true", s(u"true"), s(u"true"));
    accept("null literal", s(u"null"), s(u"null"));
    accept("padded", s(u" \u00a0{\"x\" : \"y\"}\n"), s(u"{\"x\":\"y\"}"));
    accept("escaped unicode stays as written", s(u"\"caf\\u00e9\""), s(u"\"caf\\u00e9\""));
    accept("big integer is not rounded", s(u"{\"id\": 12345678901234567890}"),
           s(u"{\"id\":12345678901234567890}"));
    accept("many digits are not rounded", s(u"[0.1000000000000000055511151231257827]"),
           s(u"[0.1000000000000000055511151231257827]"));
    accept("key order kept", s(u"{\"b\": 1, \"a\": 2}"), s(u"{\"b\":1,\"a\":2}"));
    accept("spaces inside strings kept", s(u"{\"a b\" : \" x \\\" y \"}"),
           s(u"{\"a b\":\" x \\\" y \"}"));
    reject("unquoted key", s(u"{a: 1}"), Type, {s(u"'{a: 1}'"), s(u"JSON")});
    reject("unterminated", s(u"[1, 2"), Type, {s(u"JSON")});
    reject("two values", s(u"1, 2"), Type, {s(u"2 JSON values")});
    reject("bad literal", s(u"tru"), Type, {s(u"'tru'")});
    reject("trailing brace", s(u"{\"a\":1}}"), Type, {s(u"JSON")});
    reject("single quotes", s(u"'single'"), Type, {s(u"JSON")});
}

void TestValueParser::datePattern_data()
{
    addColumns();
    accept("dotted", s(u"31.01.2025"), s(u"2025-01-31"), pattern(u"dd.MM.yyyy"));
    accept("one digit day", s(u"1.2.2025"), s(u"2025-02-01"), pattern(u"dd.MM.yyyy"));
    accept("month first", s(u"01/02/2025"), s(u"2025-01-02"), pattern(u"MM/dd/yyyy"));
    accept("compact", s(u"20250131"), s(u"2025-01-31"), pattern(u"yyyyMMdd"));
    accept("month name", s(u"31-Jan-2025"), s(u"2025-01-31"), pattern(u"dd-MMM-yyyy"));
    accept("full month name", s(u"31 january 25"), s(u"2025-01-31"), pattern(u"d MMMM yy"));
    accept("quoted literal", s(u"2025 day 31/1"), s(u"2025-01-31"), pattern(u"yyyy 'day' d/M"));
    accept("serial cell ignores the pattern", s(u"45658"), s(u"2025-01-01"), [] {
        ParseOptions options = serial();
        options.datePattern = QStringLiteral("dd.MM.yyyy");
        return options;
    }());
    reject("other separator", s(u"31/01/2025"), Format, {s(u"pattern dd.MM.yyyy"), s(u"3")},
           pattern(u"dd.MM.yyyy"));
    reject("trailing text", s(u"31.01.2025x"), Format, {s(u"position 11")}, pattern(u"dd.MM.yyyy"));
    reject("no such day", s(u"31.02.2025"), Format, {s(u"no day 31 in month 2")},
           pattern(u"dd.MM.yyyy"));
    reject("not a month name", s(u"31-Foo-2025"), Format, {s(u"pattern")}, pattern(u"dd-MMM-yyyy"));
    reject("pattern without a day", s(u"01.2025"), Format, {s(u"needs a year")},
           pattern(u"MM.yyyy"));
    reject("time in a date", s(u"31.01.2025 10:30"), Format, {s(u"date only")},
           pattern(u"dd.MM.yyyy HH:mm"));
}

void TestValueParser::timestampPattern_data()
{
    addColumns();
    accept("dotted with time", s(u"31.01.2025 10:30"), s(u"2025-01-31 10:30:00"),
           pattern(u"dd.MM.yyyy HH:mm"));
    accept("seconds iso", s(u"31.01.2025 10:30:15"), s(u"2025-01-31T10:30:15"),
           pattern(u"dd.MM.yyyy HH:mm:ss", TimestampForm::Iso8601));
    accept("pm", s(u"01/31/2025 2:05 PM"), s(u"2025-01-31 14:05:00"),
           pattern(u"MM/dd/yyyy h:mm AP"));
    accept("12 am", s(u"01/31/2025 12:05 am"), s(u"2025-01-31 00:05:00"),
           pattern(u"MM/dd/yyyy h:mm ap"));
    accept("pm without a space", s(u"31/01/2025 2:05PM"), s(u"2025-01-31 14:05:00"),
           pattern(u"dd/MM/yyyy h:mmAP"));
    accept("quoted t", s(u"31-01-2025T10:30:15"), s(u"2025-01-31 10:30:15"),
           pattern(u"dd-MM-yyyy'T'HH:mm:ss"));
    accept("date only is midnight", s(u"31.01.2025"), s(u"2025-01-31 00:00:00"),
           pattern(u"dd.MM.yyyy"));
    reject("hour 24", s(u"31.01.2025 24:00"), Range, {s(u"24:00:00")},
           pattern(u"dd.MM.yyyy HH:mm"));
    reject("13 pm", s(u"01/31/2025 13:05 PM"), Range, {s(u"hour 13")},
           pattern(u"MM/dd/yyyy h:mm AP"));
    reject("missing time", s(u"31.01.2025"), Format, {s(u"pattern")}, pattern(u"dd.MM.yyyy HH:mm"));
}

void TestValueParser::timeZone_data()
{
    addColumns();
    accept("berlin winter", s(u"2025-01-31 10:30:00"), s(u"2025-01-31 09:30:00 +00:00"),
           zoned(u"Europe/Berlin"));
    accept("berlin summer iso", s(u"2025-07-01 10:30"), s(u"2025-07-01T08:30:00Z"),
           zoned(u"Europe/Berlin", TimestampForm::Iso8601));
    accept("new york crosses midnight", s(u"2025-01-31 22:00"), s(u"2025-02-01 03:00:00 +00:00"),
           zoned(u"America/New_York"));
    accept("kolkata half hour", s(u"2025-01-31 05:00"), s(u"2025-01-30 23:30:00 +00:00"),
           zoned(u"Asia/Kolkata"));
    accept("date only", s(u"2025-01-31"), s(u"2025-01-30T23:00:00Z"),
           zoned(u"Europe/Berlin", TimestampForm::Iso8601));
    accept("before 1970", s(u"1969-12-31 23:30"), s(u"1969-12-31 22:30:00 +00:00"),
           zoned(u"Europe/Berlin"));
    accept("southern summer", s(u"2025-01-31 10:30"), s(u"2025-01-30 23:30:00 +00:00"),
           zoned(u"Australia/Sydney"));
    accept("utc zone", s(u"2025-01-31 10:30"), s(u"2025-01-31T10:30:00Z"),
           zoned(u"UTC", TimestampForm::Iso8601));
    accept("just before the gap", s(u"2025-03-30 01:59:59"), s(u"2025-03-30 00:59:59 +00:00"),
           zoned(u"Europe/Berlin"));
    accept("just after the gap", s(u"2025-03-30 03:00"), s(u"2025-03-30 01:00:00 +00:00"),
           zoned(u"Europe/Berlin"));
    accept("an offset wins", s(u"2025-01-31 10:30 +05:30"), s(u"2025-01-31 10:30:00 +05:30"),
           zoned(u"Europe/Berlin"));
    accept("serial cell", s(u"45658.5"), s(u"2025-01-01 11:00:00 +00:00"), [] {
        ParseOptions options = serial();
        options.timeZone = QStringLiteral("Europe/Berlin");
        return options;
    }());
    reject("dst gap", s(u"2025-03-30 02:30"), Range,
           {s(u"2025-03-30 02:30:00 does not exist in Europe/Berlin")}, zoned(u"Europe/Berlin"));
    reject("dst overlap", s(u"2025-10-26 02:30"), Range,
           {s(u"2025-10-26 02:30:00 happened twice"), s(u"offset")}, zoned(u"Europe/Berlin"));
    reject("unknown zone", s(u"2025-01-31 10:30"), Format, {s(u"'Mars/Olympus'")},
           zoned(u"Mars/Olympus"));
}

void TestValueParser::toJson_data()
{
    QTest::addColumn<ApiValue>("value");
    QTest::addColumn<QByteArray>("json");
    QTest::addRow("null") << ApiValue::null() << QByteArray("null");
    QTest::addRow("string") << ApiValue::string(s(u"ORD-1")) << QByteArray("\"ORD-1\"");
    QTest::addRow("escapes") << ApiValue::string(s(u"a\"b\\c\nd\te\r\b\f"))
                             << QByteArray("\"a\\\"b\\\\c\\nd\\te\\r\\b\\f\"");
    QTest::addRow("control") << ApiValue::string(s(u"\u0001\u001f"))
                             << QByteArray("\"\\u0001\\u001f\"");
    QTest::addRow("utf-8") << ApiValue::string(s(u"é€🚚/")) << s(u"\"é€🚚/\"").toUtf8();
    QTest::addRow("empty string") << ApiValue::string(QString()) << QByteArray("\"\"");
    QTest::addRow("number") << ApiValue::number(s(u"-12.5")) << QByteArray("-12.5");
    QTest::addRow("boolean") << ApiValue::boolean(false) << QByteArray("false");
    QTest::addRow("json") << ApiValue::json(s(u"{\"a\":\"é\"}")) << s(u"{\"a\":\"é\"}").toUtf8();
}

void TestValueParser::toJson()
{
    QFETCH(ApiValue, value);
    QFETCH(QByteArray, json);
    QCOMPARE(value.toJson(), json);
}

void TestValueParser::parsedValueToJson()
{
    const ValueParser parser;
    QCOMPARE(parser.parse(AttributeType::Integer, u"1,234")->toJson(), QByteArray("1234"));
    QCOMPARE(parser.parse(AttributeType::Date, u"31 Jan 2025")->toJson(),
             QByteArray("\"2025-01-31\""));
    QCOMPARE(parser.parse(AttributeType::Boolean, u"yes")->toJson(), QByteArray("true"));
    QCOMPARE(parser.parse(AttributeType::Json, u"null")->toJson(), QByteArray("null"));
    QCOMPARE(parser.parse(AttributeType::Json, u"null")->kind(), ApiValue::Kind::Json);
    QCOMPARE(parser.parse(AttributeType::String, u" ")->toJson(), QByteArray("null"));
}

void TestValueParser::independentOfTimeZoneAndLocale()
{
    struct Sample
    {
        AttributeType type;
        QString input;
        ParseOptions options;
    };
    const QList<Sample> samples {
        {AttributeType::Date, s(u"2025-01-31T00:00:00Z"), {}},
        {AttributeType::Date, s(u"31 Jan 2025"), {}},
        {AttributeType::Date, s(u"45658"), serial()},
        {AttributeType::Timestamp, s(u"2025-03-30 02:30:00"), {}}, // a DST gap in Europe
        {AttributeType::Timestamp, s(u"2025-01-31T23:30:00-05:00"), iso()},
        {AttributeType::Timestamp, s(u"45658.99"), serial()},
        {AttributeType::Float, s(u"1,234.5"), {}},
        {AttributeType::Integer, s(u"1.234"), {}},
        {AttributeType::Timestamp, s(u"2025-03-30 03:30:00"), zoned(u"Europe/Berlin")},
        {AttributeType::Timestamp, s(u"30.03.2025 02:30"), pattern(u"dd.MM.yyyy HH:mm")},
    };
    const auto parseAll = [&samples] {
        QStringList results;
        for (const Sample &sample : samples)
            results << describe(ValueParser(sample.options).parse(sample.type, sample.input));
        return results;
    };

    const QByteArray savedZone = qgetenv("TZ");
    const QLocale savedLocale;
    qputenv("TZ", "Pacific/Kiritimati"); // UTC+14
    tzset();
    const QStringList east = parseAll();
    qputenv("TZ", "Pacific/Pago_Pago"); // UTC-11
    tzset();
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QStringList west = parseAll();
    QLocale::setDefault(savedLocale);
    if (savedZone.isNull())
        qunsetenv("TZ");
    else
        qputenv("TZ", savedZone);
    tzset();

    QCOMPARE(west, east);
    QCOMPARE(east.at(0), s(u"accepted as 2025-01-31"));
    QCOMPARE(east.at(2), s(u"accepted as 2025-01-01"));
    QCOMPARE(east.at(3), s(u"accepted as 2025-03-30 02:30:00"));
    QCOMPARE(east.at(4), s(u"accepted as 2025-01-31T23:30:00-05:00"));
    QCOMPARE(east.at(6), s(u"accepted as 1234.5"));
    QVERIFY(east.at(7).startsWith(u"rejected"));
    QCOMPARE(east.at(8), s(u"accepted as 2025-03-30 01:30:00 +00:00"));
    QCOMPARE(east.at(9), s(u"accepted as 2025-03-30 02:30:00"));
}

QTEST_GUILESS_MAIN(TestValueParser)
#include "tst_valueparser.moc"
