// SPDX-License-Identifier: MIT
#include "models/source/numberformat.h"
#include "models/source/spreadsheetdate.h"

#include <QTest>

using namespace sluice;

Q_DECLARE_METATYPE(sluice::NumberFormat::Kind)

class TestNumberFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInIds_data();
    void builtInIds();
    void codes_data();
    void codes();
    void serials_data();
    void serials();
    void isoText_data();
    void isoText();
};

void TestNumberFormat::builtInIds_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<NumberFormat::Kind>("kind");
    using K = NumberFormat::Kind;
    for (int id = 0; id <= 13; ++id)
        QTest::addRow("number %d", id) << id << K::Number;
    for (int id = 14; id <= 22; ++id)
        QTest::addRow("date/time %d", id) << id << K::DateTime;
    for (int id = 27; id <= 36; ++id)
        QTest::addRow("East-Asian date %d", id) << id << K::DateTime;
    for (int id = 37; id <= 44; ++id)
        QTest::addRow("accounting %d", id) << id << K::Number;
    QTest::newRow("45 mm:ss") << 45 << K::DateTime;
    QTest::newRow("46 [h]:mm:ss") << 46 << K::Duration;
    QTest::newRow("47 mmss.0") << 47 << K::DateTime;
    QTest::newRow("48 ##0.0E+0") << 48 << K::Number;
    QTest::newRow("49 @") << 49 << K::Number;
    for (int id = 50; id <= 58; ++id)
        QTest::addRow("East-Asian date %d", id) << id << K::DateTime;
    QTest::newRow("59 Thai number") << 59 << K::Number;
    QTest::newRow("164 custom") << 164 << K::Number;
}

void TestNumberFormat::builtInIds()
{
    QFETCH(int, id);
    QFETCH(NumberFormat::Kind, kind);
    QCOMPARE(NumberFormat::builtInKind(id), kind);
}

void TestNumberFormat::codes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<NumberFormat::Kind>("kind");
    using K = NumberFormat::Kind;
    QTest::newRow("General") << "General" << K::Number;
    QTest::newRow("empty") << "" << K::Number;
    QTest::newRow("0.00") << "0.00" << K::Number;
    QTest::newRow("percent") << "0.0%" << K::Number;
    QTest::newRow("scientific") << "0.00E+00" << K::Number;
    QTest::newRow("text @") << "@" << K::Number;
    QTest::newRow("iso date") << "yyyy-mm-dd" << K::DateTime;
    QTest::newRow("upper case") << "YYYY-MM-DD" << K::DateTime;
    QTest::newRow("one letter D") << "D" << K::DateTime;
    QTest::newRow("one letter h") << "h" << K::DateTime;
    QTest::newRow("time") << "hh:mm:ss" << K::DateTime;
    QTest::newRow("AM/PM") << "h:mm AM/PM" << K::DateTime;
    QTest::newRow("A/P only letters") << "0 \"AM/PM\"" << K::Number;
    QTest::newRow("quoted letters are text") << "0.00 \"days\"" << K::Number;
    QTest::newRow("quoted then date") << "\"Date: \"dd/mm/yyyy" << K::DateTime;
    QTest::newRow("backslash escapes") << "0\\d\\a\\y" << K::Number;
    QTest::newRow("underscore padding") << "#,##0_h" << K::Number;
    QTest::newRow("star fill") << "* #,##0;*s" << K::Number;
    QTest::newRow("[Red] colour") << "[Red]0.00" << K::Number;
    QTest::newRow("[Red] then date") << "[Red]dd/mm/yyyy" << K::DateTime;
    QTest::newRow("locale [$-409]") << "[$-409]mmmm d, yyyy" << K::DateTime;
    QTest::newRow("currency [$€-407]") << "#,##0.00 [$€-407]" << K::Number;
    QTest::newRow("[DBNum1]") << "[DBNum1]General" << K::Number;
    QTest::newRow("condition") << "[<=9999999]###-####;(###) ###-####" << K::Number;
    QTest::newRow("elapsed [h]") << "[h]:mm:ss" << K::Duration;
    QTest::newRow("elapsed [hh]") << "[hh]:mm" << K::Duration;
    QTest::newRow("elapsed [mm]") << "[mm]:ss" << K::Duration;
    QTest::newRow("elapsed [s]") << "[s]" << K::Duration;
    QTest::newRow("elapsed [SS]") << "[SS].00" << K::Duration;
    QTest::newRow("elapsed after colour") << "[Blue][h]:mm" << K::Duration;
    QTest::newRow("date in first section only") << "0;dd/mm/yyyy" << K::Number;
    QTest::newRow("date first, number second") << "dd/mm/yyyy;0" << K::DateTime;
    QTest::newRow("quoted semicolon") << "\"a;b\" 0;yyyy" << K::Number;
    QTest::newRow("quoted semicolon then date") << "\"a;b\" yyyy;0" << K::DateTime;
    QTest::newRow("unterminated quote") << "\"yyyy" << K::Number;
    QTest::newRow("unterminated bracket") << "[h" << K::Number;
}

void TestNumberFormat::codes()
{
    QFETCH(QString, code);
    QFETCH(NumberFormat::Kind, kind);
    QCOMPARE(NumberFormat::codeKind(code), kind);
}

void TestNumberFormat::serials_data()
{
    QTest::addColumn<double>("serial");
    QTest::addColumn<int>("system");
    QTest::addColumn<QByteArray>("iso");
    QTest::newRow("time of day") << 0.6041666666666666 << 1900 << QByteArray("14:30:00");
    QTest::newRow("midnight") << 0.0 << 1900 << QByteArray("00:00:00");
    QTest::newRow("milliseconds") << 0.5000057870370370 << 1900 << QByteArray("12:00:00.500");
    QTest::newRow("1 is 1900-01-01") << 1.0 << 1900 << QByteArray("1900-01-01T00:00:00");
    QTest::newRow("59 is 1900-02-28") << 59.0 << 1900 << QByteArray("1900-02-28T00:00:00");
    QTest::newRow("60 is 1900-02-28 (phantom 29th)")
        << 60.0 << 1900 << QByteArray("1900-02-28T00:00:00");
    QTest::newRow("61 is 1900-03-01") << 61.0 << 1900 << QByteArray("1900-03-01T00:00:00");
    QTest::newRow("2021-01-01") << 44197.0 << 1900 << QByteArray("2021-01-01T00:00:00");
    QTest::newRow("with time") << 44197.5 << 1900 << QByteArray("2021-01-01T12:00:00");
    QTest::newRow("rounds up to next day")
        << 44197.99999999999 << 1900 << QByteArray("2021-01-02T00:00:00");
    QTest::newRow("1904: 0 is a time") << 0.25 << 1904 << QByteArray("06:00:00");
    QTest::newRow("1904: 1 is 1904-01-02") << 1.0 << 1904 << QByteArray("1904-01-02T00:00:00");
    QTest::newRow("1904: 59 counts plainly") << 59.0 << 1904 << QByteArray("1904-02-29T00:00:00");
    QTest::newRow("last date") << 2958465.0 << 1900 << QByteArray("9999-12-31T00:00:00");
    QTest::newRow("year 10000 is no date") << 2958466.0 << 1900 << QByteArray();
    QTest::newRow("negative is no date") << -1.0 << 1900 << QByteArray();
}

void TestNumberFormat::serials()
{
    QFETCH(double, serial);
    QFETCH(int, system);
    QFETCH(QByteArray, iso);
    const auto epoch
        = system == 1904 ? SpreadsheetDate::Epoch::Excel1904 : SpreadsheetDate::Epoch::Excel1900;
    QCOMPARE(SpreadsheetDate::fromSerial(serial, epoch), iso);
}

void TestNumberFormat::isoText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("iso");
    QTest::newRow("date") << QByteArray("2021-01-01") << QByteArray("2021-01-01T00:00:00");
    QTest::newRow("date time") << QByteArray("2021-01-01T10:10:10")
                               << QByteArray("2021-01-01T10:10:10");
    QTest::newRow("zone dropped") << QByteArray("2014-02-14T08:27:48.765Z")
                                  << QByteArray("2014-02-14T08:27:48.765");
    QTest::newRow("time only") << QByteArray("10:10:10") << QByteArray("10:10:10");
    QTest::newRow("not a date") << QByteArray("yesterday") << QByteArray();
    QTest::newRow("invalid day") << QByteArray("2021-02-30") << QByteArray();
}

void TestNumberFormat::isoText()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, iso);
    QCOMPARE(SpreadsheetDate::fromIsoText(text), iso);
}

QTEST_GUILESS_MAIN(TestNumberFormat)
#include "tst_numberformat.moc"
