// SPDX-License-Identifier: MIT
#include "models/validation/dateparser.h"

#include <algorithm>
#include <array>
#include <optional>

namespace sluice {

namespace dateparser {

namespace {

using Problem = std::optional<ValueError>;

constexpr std::array<QStringView, 12> MonthNames {
    u"January", u"February", u"March",     u"April",   u"May",      u"June",
    u"July",    u"August",   u"September", u"October", u"November", u"December"};
constexpr std::array<QStringView, 7> WeekdayNames {
    u"Monday", u"Tuesday", u"Wednesday", u"Thursday", u"Friday", u"Saturday", u"Sunday"};
// Excel's own two-digit year window: 00–29 are 20xx, 30–99 are 19xx.
constexpr int TwoDigitYearPivot = 30;
constexpr int MaxOffsetHours = 14;

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// The value of a run of ASCII digits, as QStringView::toInt() reads it: every caller passes at
// most eight digits from readDigits(), so it cannot overflow. toInt() went through QLocale and
// cost more than the rest of the date.
int digitsValue(QStringView digits)
{
    if (digits.isEmpty() || digits.size() > 9)
        return digits.toInt();
    int value = 0;
    for (const QChar c : digits) {
        if (!isAsciiDigit(c))
            return digits.toInt();
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

bool isSign(QChar c)
{
    return c == u'+' || c == u'-' || c == QChar(0x2212);
}

bool isDateSeparator(QChar c)
{
    return c == u'-' || c == u'/' || c == u'.';
}

bool ciEquals(QStringView a, QStringView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

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

ValueError invalid(ValueError::Kind kind, QStringView text, Target target, const QString &detail)
{
    return invalidDateTime(kind, text, target, detail);
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

enum class Meridiem { None, Am, Pm };

class TextParser
{
public:
    TextParser(QStringView text, const ParseOptions &options, Target target)
        : m_text(text)
        , m_dayOrder(options.dayOrder)
        , m_target(target)
    {}

    Result<DateTimeValue, ValueError> parse();

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : QChar();
    }
    bool atDigit() const { return isAsciiDigit(peek()); }
    bool atLetter() const { return peek().isLetter(); }
    QStringView readDigits();
    QStringView readLetters();
    qsizetype skipSpaces();
    qsizetype skipSeparatorRun();
    bool skipSeparator(QChar separator);
    void skipOrdinalSuffix();

    ValueError fail(ValueError::Kind kind, const QString &detail) const
    {
        return invalid(kind, m_text, m_target, detail);
    }
    ValueError format(const QString &detail) const
    {
        return fail(ValueError::Kind::Format, detail);
    }
    ValueError unexpected() const;
    ValueError unrecognised() const;

    Problem checkPreconditions() const;
    Problem makeDate(int year, int month, int day, QDate &date) const;
    Problem resolveDayMonth(int first, int second, int year, QDate &date) const;
    Problem readYear(int &year);
    Problem readMonthName(int &month);
    int parseWeekday();
    Problem parseDate(QDate &date);
    Problem parseYearFirst(QStringView year, QDate &date);
    Problem parseAfterDay(QStringView day, QDate &date);
    Problem parseNumericDate(QStringView first, QChar separator, QDate &date);
    Problem parseDayFirstMonthName(QStringView day, QDate &date);
    Problem parseMonthFirst(QDate &date);
    Problem parseTimeSeparator();
    Problem parseTime(DateTimeValue &value);
    Problem parseFraction();
    Meridiem parseMeridiem();
    Problem checkTime(DateTimeValue &value, Meridiem meridiem) const;
    Problem parseZone(ZoneOffset &zone);
    Problem parseOffset(ZoneOffset &zone);

    QStringView m_text;
    DayOrder m_dayOrder;
    Target m_target;
    qsizetype m_pos = 0;
};

QStringView TextParser::readDigits()
{
    const qsizetype start = m_pos;
    while (atDigit())
        ++m_pos;
    return m_text.mid(start, m_pos - start);
}

QStringView TextParser::readLetters()
{
    const qsizetype start = m_pos;
    while (atLetter())
        ++m_pos;
    return m_text.mid(start, m_pos - start);
}

qsizetype TextParser::skipSpaces()
{
    const qsizetype start = m_pos;
    while (!atEnd() && peek().isSpace())
        ++m_pos;
    return m_pos - start;
}

// Between a month name and a number any mix of spaces and - / . , reads unambiguously.
qsizetype TextParser::skipSeparatorRun()
{
    const qsizetype start = m_pos;
    while (!atEnd() && (peek().isSpace() || isDateSeparator(peek()) || peek() == u','))
        ++m_pos;
    return m_pos - start;
}

bool TextParser::skipSeparator(QChar separator)
{
    if (separator.isSpace())
        return skipSpaces() > 0;
    if (peek() != separator)
        return false;
    ++m_pos;
    return true;
}

void TextParser::skipOrdinalSuffix()
{
    const qsizetype start = m_pos;
    const QStringView word = readLetters();
    for (const QStringView suffix : {u"st", u"nd", u"rd", u"th"}) {
        if (ciEquals(word, suffix))
            return;
    }
    m_pos = start;
}

ValueError TextParser::unexpected() const
{
    if (atEnd())
        return unrecognised();
    return format(ValueParser::tr("unexpected %1 at position %2")
                      .arg(numberparser::describeCharacter(m_text, m_pos))
                      .arg(m_pos + 1));
}

ValueError TextParser::unrecognised() const
{
    return format(m_target == Target::Date
                      ? ValueParser::tr("it is not in a date format Sluice reads; write dates "
                                        "like 2025-01-31")
                      : ValueParser::tr("it is not in a timestamp format Sluice reads; write "
                                        "timestamps like 2025-01-31 10:30:00"));
}

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

Problem TextParser::parseTimeSeparator()
{
    if ((peek() == u'T' || peek() == u't') && isAsciiDigit(peek(1))) {
        ++m_pos;
        return std::nullopt;
    }
    qsizetype skipped = skipSpaces();
    if (peek() == u',') {
        ++m_pos;
        skipped += 1 + skipSpaces();
    }
    if (skipped == 0 || !atDigit())
        return unexpected();
    return std::nullopt;
}

Problem TextParser::parseTime(DateTimeValue &value)
{
    const QStringView hour = readDigits();
    if (hour.size() > 2 || peek() != u':')
        return format(ValueParser::tr("the time needs hours and minutes, like 10:30"));
    ++m_pos;
    const QStringView minute = readDigits();
    if (minute.size() != 2)
        return format(ValueParser::tr("the minutes need two digits, like 10:05"));
    QStringView second;
    if (peek() == u':') {
        ++m_pos;
        second = readDigits();
        if (second.size() != 2)
            return format(ValueParser::tr("the seconds need two digits, like 10:05:09"));
        if (auto problem = parseFraction())
            return problem;
    }
    value.hasTime = true;
    value.hour = digitsValue(hour);
    value.minute = digitsValue(minute);
    value.second = second.isEmpty() ? 0 : digitsValue(second);
    return checkTime(value, parseMeridiem());
}

Problem TextParser::parseFraction()
{
    if ((peek() != u'.' && peek() != u',') || !isAsciiDigit(peek(1)))
        return std::nullopt;
    ++m_pos;
    const QStringView digits = readDigits();
    if (digits.size() > 9)
        return format(ValueParser::tr("the fraction of a second has more than nine digits"));
    if (std::any_of(digits.begin(), digits.end(), [](QChar c) { return c != u'0'; })) {
        return format(
            ValueParser::tr("it has fractional seconds (.%1); the API takes whole seconds")
                .arg(digits));
    }
    return std::nullopt;
}

// "AM", "pm", "a.m.": only when no letter follows, so a zone such as "AEST" stays a zone.
Meridiem TextParser::parseMeridiem()
{
    const qsizetype start = m_pos;
    skipSpaces();
    const QChar first = peek().toLower();
    if (first == u'a' || first == u'p') {
        ++m_pos;
        if (peek() == u'.')
            ++m_pos;
        if (peek().toLower() == u'm') {
            ++m_pos;
            if (peek() == u'.')
                ++m_pos;
            if (!atLetter())
                return first == u'a' ? Meridiem::Am : Meridiem::Pm;
        }
    }
    m_pos = start;
    return Meridiem::None;
}

Problem TextParser::checkTime(DateTimeValue &value, Meridiem meridiem) const
{
    const ValueError::Kind range = ValueError::Kind::Range;
    if (meridiem != Meridiem::None) {
        if (value.hour < 1 || value.hour > 12) {
            return fail(
                range,
                ValueParser::tr("hour %1 is out of range with AM/PM (1–12)").arg(value.hour));
        }
        value.hour = value.hour % 12 + (meridiem == Meridiem::Pm ? 12 : 0);
    } else if (value.hour > 23) {
        return fail(range, ValueParser::tr("hour %1 is out of range (0–23)").arg(value.hour));
    }
    if (value.minute > 59)
        return fail(range, ValueParser::tr("minute %1 is out of range (0–59)").arg(value.minute));
    if (value.second > 59)
        return fail(range, ValueParser::tr("second %1 is out of range (0–59)").arg(value.second));
    return std::nullopt;
}

Problem TextParser::parseZone(ZoneOffset &zone)
{
    skipSpaces();
    if (atEnd())
        return std::nullopt;
    if (isSign(peek()))
        return parseOffset(zone);
    if (!atLetter())
        return unexpected();
    const QStringView word = readLetters();
    if (ciEquals(word, u"z") || ciEquals(word, u"utc") || ciEquals(word, u"gmt")) {
        zone.kind = ZoneOffset::Kind::Utc;
        // "GMT+01:00" names its offset after all.
        return word.size() > 1 && isSign(peek()) ? parseOffset(zone) : std::nullopt;
    }
    return format(ValueParser::tr("the time zone '%1' is not supported; write Z or an offset such "
                                  "as +05:30")
                      .arg(word));
}

Problem TextParser::parseOffset(ZoneOffset &zone)
{
    zone.negative = peek() != u'+';
    ++m_pos;
    const QStringView digits = readDigits();
    QStringView hours = digits;
    QStringView minutes;
    if (digits.size() == 4) {
        hours = digits.left(2);
        minutes = digits.mid(2);
    } else if (!digits.isEmpty() && digits.size() <= 2 && peek() == u':') {
        ++m_pos;
        minutes = readDigits();
        if (minutes.size() != 2)
            return format(ValueParser::tr("the offset must look like +05:30, +0530 or +05"));
    } else if (digits.isEmpty() || digits.size() > 2) {
        return format(ValueParser::tr("the offset must look like +05:30, +0530 or +05"));
    }
    zone.kind = ZoneOffset::Kind::Offset;
    zone.hours = digitsValue(hours);
    zone.minutes = minutes.isEmpty() ? 0 : digitsValue(minutes);
    const ValueError::Kind range = ValueError::Kind::Range;
    if (zone.hours > MaxOffsetHours)
        return fail(range,
                    ValueParser::tr("offset hour %1 is out of range (0–14)").arg(zone.hours));
    if (zone.minutes > 59)
        return fail(range,
                    ValueParser::tr("offset minute %1 is out of range (0–59)").arg(zone.minutes));
    return std::nullopt;
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

} // namespace

bool readCanonical(QStringView text, DateTimeValue &value)
{
    const qsizetype size = text.size();
    if (size != 10 && size != 19)
        return false;
    // Two digits at pos, or -1.
    const auto two = [text](qsizetype pos) {
        const QChar a = text[pos], b = text[pos + 1];
        return isAsciiDigit(a) && isAsciiDigit(b) ? (a.unicode() - u'0') * 10 + (b.unicode() - u'0')
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
    return TextParser(text, options, target).parse();
}

} // namespace dateparser

} // namespace sluice
