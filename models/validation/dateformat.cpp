// SPDX-License-Identifier: MIT
// The canonical text of dates and timestamps (API.md §4), and the reasons' wording.
#include "models/validation/dateparser.h"

namespace sluice {

namespace dateparser {

namespace {

void appendPadded(QString &out, int value, int width)
{
    const QString digits = QString::number(value);
    for (qsizetype i = digits.size(); i < width; ++i)
        out += u'0';
    out += digits;
}

void appendClock(QString &out, int hour, int minute, int second)
{
    appendPadded(out, hour, 2);
    out += u':';
    appendPadded(out, minute, 2);
    out += u':';
    appendPadded(out, second, 2);
}

} // namespace

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
    QString out;
    appendPadded(out, year, 4);
    out += u'-';
    appendPadded(out, month, 2);
    out += u'-';
    appendPadded(out, day, 2);
    return out;
}

QString formatDate(QDate date)
{
    return formatDate(date.year(), date.month(), date.day());
}

QString formatTimestamp(const DateTimeValue &value, TimestampForm form)
{
    const bool iso = form == TimestampForm::Iso8601;
    QString out = formatDate(value.date);
    out += iso ? u'T' : u' ';
    appendClock(out, value.hour, value.minute, value.second);
    switch (value.zone.kind) {
    case ZoneOffset::Kind::None:
        break;
    case ZoneOffset::Kind::Utc:
        out += iso ? QStringLiteral("Z") : QStringLiteral(" +00:00");
        break;
    case ZoneOffset::Kind::Offset:
        if (!iso)
            out += u' ';
        out += value.zone.negative ? u'-' : u'+';
        appendPadded(out, value.zone.hours, 2);
        out += u':';
        appendPadded(out, value.zone.minutes, 2);
        break;
    }
    return out;
}

QString formatTimeOfDay(const DateTimeValue &value)
{
    QString out;
    appendPadded(out, value.hour, 2);
    out += u':';
    appendPadded(out, value.minute, 2);
    if (value.second != 0) {
        out += u':';
        appendPadded(out, value.second, 2);
    }
    return out;
}

} // namespace dateparser

} // namespace sluice
