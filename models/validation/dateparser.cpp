// SPDX-License-Identifier: MIT
#include "models/validation/dateparser.h"

#include "models/validation/dateparser_p.h"

#include <algorithm>
#include <array>
#include <optional>

namespace sluice {

namespace dateparser {

namespace detail {

namespace {

constexpr std::array<QStringView, 12> MonthNames {
    u"January", u"February", u"March",     u"April",   u"May",      u"June",
    u"July",    u"August",   u"September", u"October", u"November", u"December"};
constexpr std::array<QStringView, 7> WeekdayNames {
    u"Monday", u"Tuesday", u"Wednesday", u"Thursday", u"Friday", u"Saturday", u"Sunday"};
// Excel's own two-digit year window: 00–29 are 20xx, 30–99 are 19xx.
constexpr int TwoDigitYearPivot = 30;

// 1–12 for an English month name, full or three letters ("Jan", also "Sept"); 0 otherwise.
int monthFromName(QStringView word)
{
    int month = 1;
    for (const QStringView name : MonthNames) {
        if (ciEquals(word, name) || ciEquals(word, name.left(3)))
            return month;
        ++month;
    }
    return ciEquals(word, u"sept") ? 9 : 0;
}

// 1 (Monday) – 7 for an English weekday name, full, three letters, "Tues" or "Thur(s)"; else 0.
int weekdayFromName(QStringView word)
{
    int weekday = 1;
    for (const QStringView name : WeekdayNames) {
        if (ciEquals(word, name) || ciEquals(word, name.left(3)))
            return weekday;
        ++weekday;
    }
    if (ciEquals(word, u"tues"))
        return 2;
    return ciEquals(word, u"thur") || ciEquals(word, u"thurs") ? 4 : 0;
}

QString nameAt(const auto &names, int oneBased)
{
    return names[static_cast<std::size_t>(oneBased - 1)].toString();
}

// "-12", "3.5" or "45658,25": text that is only a number, which as text is never a date.
bool isPlainNumber(QStringView text)
{
    qsizetype pos = !text.isEmpty() && isSign(text.front()) ? 1 : 0;
    const qsizetype digitsStart = pos;
    while (pos < text.size() && isAsciiDigit(text[pos]))
        ++pos;
    if (pos == digitsStart)
        return false;
    if (pos < text.size() && (text[pos] == u'.' || text[pos] == u',')) {
        const qsizetype fractionStart = ++pos;
        while (pos < text.size() && isAsciiDigit(text[pos]))
            ++pos;
        if (pos == fractionStart)
            return false;
    }
    return pos == text.size();
}

} // namespace

Problem TextParser::makeDate(int year, int month, int day, QDate &date) const
{
    if (year < 1 || year > 9999)
        return format(ValueParser::tr("year %1 is out of range (0001–9999)").arg(year));
    if (month < 1 || month > 12)
        return format(ValueParser::tr("month %1 is out of range (1–12)").arg(month));
    if (day < 1 || day > 31)
        return format(ValueParser::tr("day %1 is out of range (1–31)").arg(day));
    if (!isValidDate(year, month, day)) {
        return format(ValueParser::tr("%1 %2 has no day %3")
                          .arg(nameAt(MonthNames, month))
                          .arg(year)
                          .arg(day));
    }
    date = dateOf(year, month, day);
    return std::nullopt;
}

// Without a configured order a date is read only when both orders agree or only one can be
// valid by its numbers; guessing would silently swap day and month on half the rows.
Problem TextParser::resolveDayMonth(int first, int second, int year, QDate &date) const
{
    switch (m_dayOrder) {
    case DayOrder::DayMonthYear:
        return makeDate(year, second, first, date);
    case DayOrder::MonthDayYear:
        return makeDate(year, first, second, date);
    case DayOrder::Unspecified:
    case DayOrder::YearMonthDay:
        break;
    }
    if (first > 12 && second > 12)
        return format(ValueParser::tr("neither %1 nor %2 can be a month").arg(first).arg(second));
    if (first == second || first > 12)
        return makeDate(year, second, first, date);
    if (second > 12)
        return makeDate(year, first, second, date);
    if (first == 0 || second == 0)
        return format(ValueParser::tr("0 is neither a day nor a month"));
    return format(ValueParser::tr("it could be either %1 (day/month/year) or %2 (month/day/year); "
                                  "choose a day order in the import settings")
                      .arg(formatDate(year, second, first), formatDate(year, first, second)));
}

Problem TextParser::readYear(int &year)
{
    const QStringView digits = readDigits();
    if (digits.isEmpty())
        return unexpected();
    if (digits.size() != 2 && digits.size() != 4)
        return format(ValueParser::tr("the year %1 must have two or four digits").arg(digits));
    year = digitsValue(digits);
    if (digits.size() == 2)
        year += year < TwoDigitYearPivot ? 2000 : 1900;
    return std::nullopt;
}

Problem TextParser::readMonthName(int &month)
{
    const QStringView word = readLetters();
    month = monthFromName(word);
    if (month == 0)
        return format(ValueParser::tr("'%1' is not a month name").arg(word));
    return std::nullopt;
}

int TextParser::parseWeekday()
{
    if (!atLetter())
        return 0; // nearly every date starts with a digit: no need to try seventeen names
    const qsizetype start = m_pos;
    const int weekday = weekdayFromName(readLetters());
    if (weekday == 0) {
        m_pos = start;
        return 0;
    }
    if (peek() == u'.')
        ++m_pos;
    skipSpaces();
    if (peek() == u',')
        ++m_pos;
    skipSpaces();
    return weekday;
}

Problem TextParser::parseDate(QDate &date)
{
    if (atLetter())
        return parseMonthFirst(date);
    if (!atDigit())
        return unexpected();
    const QStringView first = readDigits();
    const QChar next = peek();
    if (first.size() == 8 && (atEnd() || next == u'T' || next == u't' || next.isSpace())) {
        return makeDate(digitsValue(first.left(4)), digitsValue(first.mid(4, 2)),
                        digitsValue(first.mid(6)), date);
    }
    if (first.size() == 4 && isDateSeparator(next))
        return parseYearFirst(first, date);
    if (first.size() > 2 || atEnd())
        return unrecognised();
    if (next == u':')
        return format(ValueParser::tr("it has a time of day but no date"));
    return parseAfterDay(first, date);
}

Problem TextParser::parseYearFirst(QStringView year, QDate &date)
{
    const QChar separator = m_text[m_pos++];
    int month = 0;
    if (atLetter()) {
        if (auto problem = readMonthName(month))
            return problem;
    } else {
        const QStringView digits = readDigits();
        if (digits.isEmpty() || digits.size() > 2)
            return unrecognised();
        month = digitsValue(digits);
    }
    if (!skipSeparator(separator))
        return unexpected();
    const QStringView day = readDigits();
    if (day.isEmpty() || day.size() > 2)
        return unrecognised();
    return makeDate(digitsValue(year), month, digitsValue(day), date);
}

Problem TextParser::parseAfterDay(QStringView day, QDate &date)
{
    skipOrdinalSuffix();
    const qsizetype start = m_pos;
    const QChar separator = peek();
    if (isDateSeparator(separator) || separator.isSpace()) {
        skipSeparator(separator);
        if (atDigit())
            return parseNumericDate(day, separator, date);
        m_pos = start;
    }
    skipSeparatorRun();
    if (atLetter())
        return parseDayFirstMonthName(day, date);
    return unexpected();
}

Problem TextParser::parseNumericDate(QStringView first, QChar separator, QDate &date)
{
    const QStringView second = readDigits();
    if (second.size() > 2)
        return unrecognised();
    if (!skipSeparator(separator))
        return unexpected();
    const qsizetype yearStart = m_pos;
    int year = 0;
    if (auto problem = readYear(year))
        return problem;
    // "25/01/31" could be yy/mm/dd, which a year-first order suggests; refuse to guess.
    if (m_dayOrder == DayOrder::YearMonthDay && m_pos - yearStart == 2) {
        return format(ValueParser::tr("it could be year-first or year-last; with the year/month/"
                                      "day order write the year with four digits"));
    }
    return resolveDayMonth(digitsValue(first), digitsValue(second), year, date);
}

Problem TextParser::parseDayFirstMonthName(QStringView day, QDate &date)
{
    int month = 0;
    if (auto problem = readMonthName(month))
        return problem;
    skipSeparatorRun();
    int year = 0;
    if (auto problem = readYear(year))
        return problem;
    return makeDate(year, month, digitsValue(day), date);
}

Problem TextParser::parseMonthFirst(QDate &date)
{
    int month = 0;
    if (auto problem = readMonthName(month))
        return problem;
    skipSeparatorRun();
    const QStringView day = readDigits();
    if (day.isEmpty() || day.size() > 2)
        return day.isEmpty() ? unexpected() : unrecognised();
    skipOrdinalSuffix();
    if (skipSeparatorRun() == 0)
        return unexpected();
    int year = 0;
    if (auto problem = readYear(year))
        return problem;
    return makeDate(year, month, digitsValue(day), date);
}

// A bare number as text is far more often a quantity or a year than a date; only a number cell
// is read as an Excel serial.
Problem TextParser::checkPreconditions() const
{
    if (std::none_of(m_text.begin(), m_text.end(), isAsciiDigit)) {
        return fail(ValueError::Kind::Type,
                    m_target == Target::Date
                        ? ValueParser::tr("it has no digits; write dates like 2025-01-31")
                        : ValueParser::tr("it has no digits; write timestamps like 2025-01-31 "
                                          "10:30:00"));
    }
    const bool compactDate
        = m_text.size() == 8 && std::all_of(m_text.begin(), m_text.end(), isAsciiDigit);
    if (isPlainNumber(m_text) && !compactDate) {
        return format(ValueParser::tr("it is a plain number, not a date; it may be an Excel serial "
                                      "day number, which is read as a date only from a number "
                                      "cell"));
    }
    return std::nullopt;
}

Result<DateTimeValue, ValueError> TextParser::parse()
{
    if (auto problem = checkPreconditions())
        return *problem;
    DateTimeValue value;
    const int weekday = parseWeekday();
    if (auto problem = parseDate(value.date))
        return *problem;
    if (weekday != 0 && value.date.dayOfWeek() != weekday) {
        return format(ValueParser::tr("%1 is a %2, not a %3")
                          .arg(formatDate(value.date), nameAt(WeekdayNames, value.date.dayOfWeek()),
                               nameAt(WeekdayNames, weekday)));
    }
    if (atEnd())
        return value;
    if (auto problem = parseTimeSeparator())
        return *problem;
    if (auto problem = parseTime(value))
        return *problem;
    if (auto problem = parseZone(value.zone))
        return *problem;
    if (!atEnd())
        return unexpected();
    return value;
}

} // namespace detail

bool readCanonical(QStringView text, DateTimeValue &value)
{
    const qsizetype size = text.size();
    if (size != 10 && size != 19)
        return false;
    // Two digits at pos, or -1.
    const auto two = [text](qsizetype pos) {
        const QChar a = text[pos], b = text[pos + 1];
        return detail::isAsciiDigit(a) && detail::isAsciiDigit(b)
            ? (a.unicode() - u'0') * 10 + (b.unicode() - u'0')
            : -1;
    };
    const int century = two(0), yearOfCentury = two(2), month = two(5), day = two(8);
    if (century < 0 || yearOfCentury < 0 || month < 0 || day < 0 || text[4] != u'-'
        || text[7] != u'-')
        return false;
    const int year = century * 100 + yearOfCentury;
    if (year < 1 || !isValidDate(year, month, day))
        return false;
    int hour = 0, minute = 0, second = 0;
    if (size == 19) {
        const QChar separator = text[10];
        if (separator != u' ' && separator != u'T' && separator != u't')
            return false;
        hour = two(11);
        minute = two(14);
        second = two(17);
        if (text[13] != u':' || text[16] != u':' || hour < 0 || hour > 23 || minute < 0
            || minute > 59 || second < 0 || second > 59)
            return false;
    }
    value = DateTimeValue {};
    value.date = dateOf(year, month, day);
    value.hasTime = size == 19;
    value.hour = hour;
    value.minute = minute;
    value.second = second;
    return true;
}

Result<DateTimeValue, ValueError> parseText(QStringView text, const ParseOptions &options,
                                            Target target)
{
    // Nearly every cell of a machine-made file is in the API's own form.
    if (DateTimeValue value; readCanonical(text, value))
        return value;
    return detail::TextParser(text, options, target).parse();
}

} // namespace dateparser

} // namespace sluice
