// SPDX-License-Identifier: MIT
#include "models/mapping/columninference.h"

#include <QTest>

using namespace sluice;

namespace {

QList<SourceCell> texts(const QStringList &values)
{
    QList<SourceCell> cells;
    for (const QString &value : values)
        cells.append({value, value.isEmpty() ? CellKind::Empty : CellKind::Text});
    return cells;
}

QString s(const char16_t *text)
{
    return QString::fromUtf16(text);
}

void verifyReason(const InferredFormat &format, const QStringList &parts)
{
    for (const QString &part : parts)
        QVERIFY2(format.reason.contains(part), qPrintable(format.reason));
}

} // namespace

class TestColumnInference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dates_data();
    void dates();
    void ambiguousDatesNamesBothReadings();
    void compactDatesOnlyWhenTold();
    void spreadsheetDatesNeedNoSetting();
    void numbers_data();
    void numbers();
    void loneThousandsIsAmbiguous();
    void spreadsheetNumbersNeedNoSetting();
    void garbageColumnInfersNothing();
    void strayValuesLowerConfidence();
    void emptyColumn();
    void stripCurrency_data();
    void stripCurrency();
};

void TestColumnInference::dates_data()
{
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<bool>("ambiguous");
    QTest::addColumn<int>("dayOrder");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("reasonParts");
    const auto add = [](const char *name, const QStringList &values, bool ambiguous, DayOrder order,
                        const QString &pattern, const QStringList &parts) {
        QTest::addRow("%s", name) << values << ambiguous << static_cast<int>(order) << pattern
                                  << parts;
    };
    add("day first", {s(u"05/01/2025"), s(u"31/01/2025"), s(u"13/02/2025"), s(u"01/03/2025")},
        false, DayOrder::DayMonthYear, s(u"dd/MM/yyyy"),
        {s(u"'31/01/2025', '13/02/2025' have a day above 12 in the first place: day first")});
    add("month first", {s(u"01/05/2025"), s(u"01/31/2025"), s(u"12/25/2024")}, false,
        DayOrder::MonthDayYear, s(u"MM/dd/yyyy"),
        {s(u"'01/31/2025', '12/25/2024'"), s(u"second place: month first")});
    add("dotted with time", {s(u"31.01.2025 10:30"), s(u"02.02.2025 08:00")}, false,
        DayOrder::DayMonthYear, s(u"dd.MM.yyyy HH:mm"), {s(u"day first")});
    add("am pm", {s(u"1/31/2025 2:05 PM"), s(u"2/1/2025 10:00 AM")}, false, DayOrder::MonthDayYear,
        s(u"MM/dd/yyyy h:mm AP"), {s(u"month first")});
    add("pm without a space", {s(u"13/01/2025 2:05PM"), s(u"14/01/2025 11:00am")}, false,
        DayOrder::DayMonthYear, s(u"dd/MM/yyyy h:mmAP"), {s(u"day first")});
    add("iso t", {s(u"31-01-2025T10:30:15"), s(u"14-01-2025T11:00:00")}, false,
        DayOrder::DayMonthYear, s(u"dd-MM-yyyy'T'HH:mm:ss"), {s(u"day first")});
    add("ambiguous", {s(u"01/02/2025"), s(u"03/04/2025"), s(u"05/05/2025")}, true,
        DayOrder::Unspecified, QString(),
        {s(u"every numeric date has day and month of 12 or below"), s(u"'01/02/2025'"),
         s(u"choose the day order")});
    add("contradicting", {s(u"31/01/2025"), s(u"01/31/2025")}, true, DayOrder::Unspecified,
        QString(), {s(u"mixes day-first and month-first")});
    add("iso", {s(u"2025-01-31"), s(u"2025-02-01")}, false, DayOrder::Unspecified, QString(),
        {s(u"year first")});
    add("iso timestamps", {s(u"2025-01-31T10:30:00Z"), s(u"2025-02-01 08:00:00+01:00")}, false,
        DayOrder::Unspecified, QString(), {s(u"year first")});
    add("month names", {s(u"31-Jan-2025"), s(u"01-Feb-2025")}, false, DayOrder::Unspecified,
        s(u"dd-MMM-yyyy"), {s(u"pattern dd-MMM-yyyy")});
    add("month name first", {s(u"Jan 31, 2025"), s(u"February 1, 2025 10:30 AM")}, false,
        DayOrder::Unspecified, QString(), {s(u"'Jan 31, 2025'"), s(u"month name")});
    add("same day and month", {s(u"05/05/2025"), s(u"06/06/2025")}, false, DayOrder::Unspecified,
        QString(), {s(u"'05/05/2025'")});
}

void TestColumnInference::dates()
{
    QFETCH(QStringList, values);
    QFETCH(bool, ambiguous);
    QFETCH(int, dayOrder);
    QFETCH(QString, pattern);
    QFETCH(QStringList, reasonParts);
    const InferredFormat format = ColumnInference::infer(texts(values));
    QCOMPARE(format.kind, InferredFormat::Kind::Date);
    QCOMPARE(format.ambiguous, ambiguous);
    QCOMPARE(static_cast<int>(format.transforms.dayOrder), dayOrder);
    QCOMPARE(format.transforms.datePattern, pattern);
    QCOMPARE(format.confidence, ambiguous ? 0.5 : 1.0);
    verifyReason(format, reasonParts);
}

void TestColumnInference::ambiguousDatesNamesBothReadings()
{
    const InferredFormat format
        = ColumnInference::infer(texts({s(u"01/02/2025"), s(u"03/04/2025")}));
    QCOMPARE(format.readings,
             QStringList({s(u"day first: '01/02/2025' is day/month/year"),
                          s(u"month first: '01/02/2025' is month/day/year")}));
    QCOMPARE(format.evidence, QStringList({s(u"01/02/2025"), s(u"03/04/2025")}));
}

void TestColumnInference::compactDatesOnlyWhenTold()
{
    const QList<SourceCell> cells = texts({s(u"20250131"), s(u"20250201")});
    QCOMPARE(ColumnInference::infer(cells).kind, InferredFormat::Kind::Number);
    const InferredFormat told = ColumnInference::infer(cells, InferenceOptions {true});
    QCOMPARE(told.kind, InferredFormat::Kind::Date);
    QCOMPARE(told.transforms.datePattern, s(u"yyyyMMdd"));
}

void TestColumnInference::spreadsheetDatesNeedNoSetting()
{
    const InferredFormat format = ColumnInference::infer(
        {{s(u"2025-01-31T00:00:00"), CellKind::DateTime}, {QString(), CellKind::Empty}});
    QCOMPARE(format.kind, InferredFormat::Kind::Date);
    QVERIFY(!format.ambiguous);
    QCOMPARE(format.transforms, Transforms());
    QVERIFY2(format.reason.contains(u"spreadsheet dates"), qPrintable(format.reason));
}

void TestColumnInference::numbers_data()
{
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<bool>("ambiguous");
    QTest::addColumn<QString>("separators"); // decimal then group; "" for none
    QTest::addColumn<bool>("currency");
    QTest::addColumn<bool>("percent");
    QTest::addColumn<QStringList>("reasonParts");
    const auto add
        = [](const char *name, const QStringList &values, bool ambiguous, const QString &separators,
             bool currency, bool percent, const QStringList &parts) {
              QTest::addRow("%s", name)
                  << values << ambiguous << separators << currency << percent << parts;
          };
    add("decimal comma", {s(u"12,5"), s(u"1.234,50"), s(u"7")}, false, s(u",."), false, false,
        {s(u"'12,5', '1.234,50' use a decimal comma")});
    add("decimal point", {s(u"12.5"), s(u"1,234.50")}, false, s(u".,"), false, false,
        {s(u"decimal point")});
    add("dot groups", {s(u"1.234.567"), s(u"12")}, false, s(u",."), false, false,
        {s(u"'1.234.567' group thousands with '.'")});
    add("space groups", {s(u"1 234 567"), s(u"12 345,5")}, false, s(u", "), false, false,
        {s(u"decimal comma")});
    add("nbsp groups", {s(u"1\u00a0234"), s(u"5")}, false, s(u", "), false, false, {s(u"spaces")});
    add("apostrophe groups", {s(u"1'234'567.50"), s(u"12")}, false, s(u".'"), false, false,
        {s(u"decimal point")});
    add("plain", {s(u"12"), s(u"-3"), s(u"400")}, false, s(u".,"), false, false,
        {s(u"plain numbers")});
    add("euro", {s(u"€ 1.234,50"), s(u"12,00 €")}, false, s(u",."), true, false,
        {s(u"decimal comma"), s(u"carry a currency")});
    add("dollar codes", {s(u"$1,234.50"), s(u"-$12.00"), s(u"12.5 USD")}, false, s(u".,"), true,
        false, {s(u"currency")});
    add("percent", {s(u"12.5 %"), s(u"3%")}, false, s(u".,"), false, true,
        {s(u"'12.5 %', '3%' are percentages")});
    add("mixed styles", {s(u"1.5"), s(u"2,5")}, true, s(u".,"), false, false,
        {s(u"mixes number styles"), s(u"'1.5'"), s(u"'2,5'")});
    add("lone thousands resolved by others", {s(u"1,234"), s(u"2,5")}, false, s(u",."), false,
        false, {s(u"decimal comma")});
}

void TestColumnInference::numbers()
{
    QFETCH(QStringList, values);
    QFETCH(bool, ambiguous);
    QFETCH(QString, separators);
    QFETCH(bool, currency);
    QFETCH(bool, percent);
    QFETCH(QStringList, reasonParts);
    const InferredFormat format = ColumnInference::infer(texts(values));
    QCOMPARE(format.kind, InferredFormat::Kind::Number);
    QCOMPARE(format.ambiguous, ambiguous);
    QCOMPARE(QString(format.transforms.number.decimalSeparator), separators.left(1));
    QCOMPARE(QString(format.transforms.number.groupSeparator), separators.mid(1, 1));
    QCOMPARE(format.transforms.stripCurrency, currency);
    QCOMPARE(format.transforms.percent, percent);
    verifyReason(format, reasonParts);
}

void TestColumnInference::loneThousandsIsAmbiguous()
{
    const InferredFormat format = ColumnInference::infer(texts({s(u"1,234"), s(u"5,678")}));
    QCOMPARE(format.kind, InferredFormat::Kind::Number);
    QVERIFY(format.ambiguous);
    QCOMPARE(format.confidence, 0.5);
    QCOMPARE(format.readings,
             QStringList({s(u"'1,234' is 1234 (',' groups thousands)"),
                          s(u"'1,234' is 1.234 (',' is the decimal separator)")}));
    verifyReason(format, {s(u"'1,234', '5,678' could be read two ways")});
}

void TestColumnInference::spreadsheetNumbersNeedNoSetting()
{
    const InferredFormat format = ColumnInference::infer(
        {{s(u"0.125"), CellKind::Number}, {s(u"45658.5"), CellKind::Number}});
    QCOMPARE(format.kind, InferredFormat::Kind::Number);
    QVERIFY(!format.ambiguous);
    QVERIFY(!format.transforms.percent);
    QVERIFY2(format.reason.contains(u"spreadsheet numbers"), qPrintable(format.reason));
}

void TestColumnInference::garbageColumnInfersNothing()
{
    const InferredFormat format = ColumnInference::infer(
        texts({s(u"n/a"), s(u"12"), s(u"call back"), s(u"31/01/2025"), s(u"tbd")}));
    QCOMPARE(format.kind, InferredFormat::Kind::Text);
    QCOMPARE(format.transforms, Transforms());
    verifyReason(format, {s(u"only 1 of 5 values"), s(u"'n/a'")});
}

void TestColumnInference::strayValuesLowerConfidence()
{
    QStringList values(9, s(u"31/01/2025"));
    values << s(u"unknown");
    const InferredFormat format = ColumnInference::infer(texts(values));
    QCOMPARE(format.kind, InferredFormat::Kind::Date);
    QCOMPARE(format.transforms.dayOrder, DayOrder::DayMonthYear);
    QCOMPARE(format.confidence, 0.9);
    verifyReason(format, {s(u"1 of 10 values do not fit: 'unknown'")});
}

void TestColumnInference::emptyColumn()
{
    const InferredFormat format = ColumnInference::infer(texts({QString(), s(u"  ")}));
    QCOMPARE(format.kind, InferredFormat::Kind::Empty);
    QCOMPARE(format.confidence, 0.0);
}

void TestColumnInference::stripCurrency_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("symbol");
    QTest::addRow("euro prefix") << s(u"€ 1.234,50") << s(u"1.234,50") << s(u"€");
    QTest::addRow("euro suffix") << s(u"12,00 €") << s(u"12,00") << s(u"€");
    QTest::addRow("sign before") << s(u"-$12") << s(u"-12") << s(u"$");
    QTest::addRow("sign after") << s(u"$-12") << s(u"-12") << s(u"$");
    QTest::addRow("code") << s(u"12 EUR") << s(u"12") << s(u"EUR");
    QTest::addRow("real") << s(u"R$ 5") << s(u"5") << s(u"R$");
    QTest::addRow("none") << s(u" 12 ") << s(u"12") << QString();
    QTest::addRow("word is not a code") << s(u"EURO") << s(u"EURO") << QString();
}

void TestColumnInference::stripCurrency()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(QString, symbol);
    QString found;
    QCOMPARE(ColumnInference::stripCurrency(input, &found), expected);
    QCOMPARE(found, symbol);
}

QTEST_GUILESS_MAIN(TestColumnInference)
#include "tst_columninference.moc"
