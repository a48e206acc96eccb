// SPDX-License-Identifier: MIT
// The canonical text of dates and timestamps (API.md §4), and the reasons' wording.
#include "models/validation/dateparser.h"

namespace sluice {

namespace dateparser {

namespace {

// The text of a date or timestamp, built on the stack and copied into a QString once: appending
// field by field to a QString cost a call (and a growth check) per character, on every date cell
// of a million-row validation.
class TextBuffer
{
public:
    void add(char16_t c) { m_text[m_size++] = c; }
    void add(QStringView text)
    {
        for (const QChar c : text)
            add(c.unicode());
    }
    // value in decimal, zeros in front up to width characters ("-5" becomes "0-5", as
    // QString::number and padding did; no valid field is negative).
    void addPadded(int value, int width)
    {
        char16_t digits[12];
        int count = 0;
        const bool negative = value < 0;
        qint64 rest = negative ? -qint64 {value} : qint64 {value};
        do {
            digits[count++] = static_cast<char16_t>(u'0' + rest % 10);
            rest /= 10;
        } while (rest > 0);
        if (negative)
            digits[count++] = u'-';
        for (int i = count; i < width; ++i)
            add(u'0');
        while (count > 0)
            add(digits[--count]);
    }
    void addClock(int hour, int minute, int second)
    {
        addPadded(hour, 2);
        add(u':');
        addPadded(minute, 2);
        add(u':');
        addPadded(second, 2);
    }
    void addDate(int year, int month, int day)
    {
        addPadded(year, 4);
        add(u'-');
        addPadded(month, 2);
        add(u'-');
        addPadded(day, 2);
    }
    QString toString() const { return QString(reinterpret_cast<const QChar *>(m_text), m_size); }

private:
    // Eleven characters per int field at most: a timestamp's eight fields and separators fit.
    char16_t m_text[128];
    qsizetype m_size = 0;
};

// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(int year, int month, int day)
{
    const qint64 y = year - (month <= 2 ? 1 : 0);
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yearOfEra = y - era * 400;
    const qint64 dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

constexpr qint64 JulianDayOfEpoch = 2440588; // 1970-01-01
constexpr qint64 FirstJulianDay = 1721426;   // 0001-01-01
constexpr qint64 LastJulianDay = 5373484;    // 9999-12-31

} // namespace

bool isValidDate(int year, int month, int day)
{
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
        return QDate::isValid(year, month, day); // outside the fast range
    static constexpr int Days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    return day <= Days[month - 1] + (month == 2 && leap ? 1 : 0);
}

QDate dateOf(int year, int month, int day)
{
    if (year < 1 || year > 9999)
        return QDate(year, month, day);
    return QDate::fromJulianDay(daysFromCivil(year, month, day) + JulianDayOfEpoch);
}

void civilFromDate(QDate date, int &year, int &month, int &day)
{
    const qint64 julian = date.toJulianDay();
    if (!date.isValid() || julian < FirstJulianDay || julian > LastJulianDay) {
        year = date.year();
        month = date.month();
        day = date.day();
        return;
    }
    // H. Hinnant's civil_from_days.
    const qint64 z = julian - JulianDayOfEpoch + 719468;
    const qint64 era = z / 146097; // z > 0 in the range
    const qint64 dayOfEra = z - era * 146097;
    const qint64 yearOfEra
        = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    day = static_cast<int>(dayOfYear - (153 * mp + 2) / 5 + 1);
    month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    year = static_cast<int>(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
}

ValueError invalidDateTime(ValueError::Kind kind, QStringView text, Target target,
                           const QString &detail)
{
    const QString reason = target == Target::Date
        ? ValueParser::tr("%1 is not a valid date: %2")
        : ValueParser::tr("%1 is not a valid timestamp: %2");
    return {kind, reason.arg(numberparser::quoted(text), detail)};
}

QString formatDate(int year, int month, int day)
{
    TextBuffer out;
    out.addDate(year, month, day);
    return out.toString();
}

QString formatDate(QDate date)
{
    int year = 0, month = 0, day = 0;
    civilFromDate(date, year, month, day);
    return formatDate(year, month, day);
}

QString formatTimestamp(const DateTimeValue &value, TimestampForm form)
{
    const bool iso = form == TimestampForm::Iso8601;
    int year = 0, month = 0, day = 0;
    civilFromDate(value.date, year, month, day);
    TextBuffer out;
    out.addDate(year, month, day);
    out.add(iso ? u'T' : u' ');
    out.addClock(value.hour, value.minute, value.second);
    switch (value.zone.kind) {
    case ZoneOffset::Kind::None:
        break;
    case ZoneOffset::Kind::Utc:
        out.add(iso ? QStringView(u"Z") : QStringView(u" +00:00"));
        break;
    case ZoneOffset::Kind::Offset:
        if (!iso)
            out.add(u' ');
        out.add(value.zone.negative ? u'-' : u'+');
        out.addPadded(value.zone.hours, 2);
        out.add(u':');
        out.addPadded(value.zone.minutes, 2);
        break;
    }
    return out.toString();
}

QString formatTimeOfDay(const DateTimeValue &value)
{
    TextBuffer out;
    out.addPadded(value.hour, 2);
    out.add(u':');
    out.addPadded(value.minute, 2);
    if (value.second != 0) {
        out.add(u':');
        out.addPadded(value.second, 2);
    }
    return out.toString();
}

} // namespace dateparser

} // namespace sluice
