// SPDX-License-Identifier: MIT
// The general text parser's reading of a time of day: hours, minutes, seconds, AM/PM and a UTC
// designator or an offset.
#include "models/validation/dateparser_p.h"

#include <algorithm>
#include <optional>

namespace sluice::dateparser::detail {

namespace {

constexpr int MaxOffsetHours = 14;

} // namespace

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

} // namespace sluice::dateparser::detail
