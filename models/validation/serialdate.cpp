// SPDX-License-Identifier: MIT
// Excel serial day numbers: the 1900 system (with its phantom 29 February 1900) and the 1904 one.
#include "models/validation/dateparser.h"

namespace sluice {

namespace dateparser {

namespace {

constexpr int SecondsPerDay = 86400;

// digits × factor, as digits: the serial's fraction must not pass through a double.
QString multiplied(const QString &digits, int factor)
{
    QString product(digits.size() + 10, u'0');
    qsizetype out = product.size();
    qint64 carry = 0;
    for (qsizetype i = digits.size(); i-- > 0;) {
        const qint64 value = (digits[i].unicode() - u'0') * qint64 {factor} + carry;
        product[--out] = QChar(static_cast<char16_t>(u'0' + value % 10));
        carry = value / 10;
    }
    for (; carry > 0; carry /= 10)
        product[--out] = QChar(static_cast<char16_t>(u'0' + carry % 10));
    return product;
}

// The fraction of a day as whole seconds, half up, as Excel displays it: 0..86400.
int roundedSeconds(const QString &fraction)
{
    if (fraction.isEmpty())
        return 0;
    const QString product = multiplied(fraction, SecondsPerDay);
    const qsizetype split = product.size() - fraction.size();
    return product.left(split).toInt() + (product[split] >= u'5' ? 1 : 0);
}

struct SerialEpoch
{
    int firstSerial;
    QDate firstDate;
    int lastSerial;
};

SerialEpoch epochOf(DateSystem system)
{
    if (system == DateSystem::Excel1904)
        return {0, QDate(1904, 1, 1), 2957003};
    return {1, QDate(1900, 1, 1), 2958465};
}

// Excel 1900 counts a 29 February 1900 that never was: serial 60. Days after it are one off.
QDate serialToDate(qint64 days, DateSystem system)
{
    if (system == DateSystem::Excel1904)
        return QDate(1904, 1, 1).addDays(days);
    return QDate(1899, 12, days < 60 ? 31 : 30).addDays(days);
}

} // namespace

Result<DateTimeValue, ValueError> fromSerial(const Decimal &serial, QStringView text,
                                             DateSystem system, Target target)
{
    const SerialEpoch epoch = epochOf(system);
    constexpr qint64 MaxSerialDigits = 7;
    // Beyond 1e-12 of a day the fraction is far below half a second.
    constexpr qint64 NegligibleMagnitude = -12;
    const bool tooLarge = serial.integerDigitCount() > MaxSerialDigits;
    qint64 days = tooLarge ? 0 : serial.integerPart().toLongLong();
    const QString fraction
        = serial.magnitude() < NegligibleMagnitude ? QString() : serial.fractionPart();
    const int seconds = roundedSeconds(fraction);
    if (seconds == SecondsPerDay)
        ++days;
    if (serial.negative || (!tooLarge && days < epoch.firstSerial)) {
        return invalidDateTime(
            ValueError::Kind::Range, text, target,
            ValueParser::tr("as an Excel serial day number it comes before %1, the "
                            "first Excel date (serial %2)")
                .arg(formatDate(epoch.firstDate))
                .arg(epoch.firstSerial));
    }
    if (tooLarge || days > epoch.lastSerial) {
        return invalidDateTime(
            ValueError::Kind::Range, text, target,
            ValueParser::tr("as an Excel serial day number it comes after 9999-12-31 "
                            "(serial %1)")
                .arg(epoch.lastSerial));
    }
    if (system == DateSystem::Excel1900 && days == 60) {
        return invalidDateTime(
            ValueError::Kind::Format, text, target,
            ValueParser::tr("Excel serial day 60 is 29 February 1900, a day that never "
                            "existed (Excel counts 1900 as a leap year)"));
    }
    DateTimeValue value;
    value.date = serialToDate(days, system);
    value.hasTime = !fraction.isEmpty();
    const int timeOfDay = seconds % SecondsPerDay;
    value.hour = timeOfDay / 3600;
    value.minute = timeOfDay / 60 % 60;
    value.second = timeOfDay % 60;
    return value;
}

} // namespace dateparser

} // namespace sluice
