// SPDX-License-Identifier: MIT
#pragma once

// The date parser's internals, shared by its source files: the explicit-pattern reader and the
// time-zone conversion that ValueParser calls, and the general text parser (dateparser.cpp reads
// the date, datescanner.cpp the characters, timeparser.cpp the time of day and the offset).

#include "models/validation/dateparser.h"

#include <QString>
#include <QStringView>
#include <QTimeZone>

#include <optional>

namespace sluice::dateparser {

// Reads text written in an explicit pattern (see ParseOptions::datePattern) into plain fields.
// In datepattern.cpp.
Result<DateTimeValue, ValueError> readPattern(QStringView text, QStringView pattern, Target target);

// A wall-clock time in a named zone, converted to UTC; a value with its own offset is returned
// as written. In timezoneconversion.cpp.
Result<DateTimeValue, ValueError> toUtc(DateTimeValue value, const QString &zoneId,
                                        const QTimeZone &zone);

namespace detail {

using Problem = std::optional<ValueError>;

inline bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// The value of a run of ASCII digits, as QStringView::toInt() reads it: every caller passes at
// most eight digits from readDigits(), so it cannot overflow. toInt() went through QLocale and
// cost more than the rest of the date.
inline int digitsValue(QStringView digits)
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

inline bool isSign(QChar c)
{
    return c == u'+' || c == u'-' || c == QChar(0x2212);
}

inline bool isDateSeparator(QChar c)
{
    return c == u'-' || c == u'/' || c == u'.';
}

inline bool ciEquals(QStringView a, QStringView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

inline ValueError invalid(ValueError::Kind kind, QStringView text, Target target,
                          const QString &detail)
{
    return invalidDateTime(kind, text, target, detail);
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

} // namespace detail

} // namespace sluice::dateparser
