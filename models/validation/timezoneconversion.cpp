// SPDX-License-Identifier: MIT
#include "models/validation/dateparser_p.h"

#include <QDateTime>

namespace sluice::dateparser {

namespace {

qint64 offsetAt(const QTimeZone &zone, qint64 utcSeconds)
{
    return zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utcSeconds, Qt::UTC));
}

} // namespace

// A wall-clock time in a named zone, converted to UTC by arithmetic on plain fields: the
// machine's own zone never takes part. A time the clocks skipped or passed twice is refused,
// since shifting it silently would move the event by an hour.
Result<DateTimeValue, ValueError> toUtc(DateTimeValue value, const QString &zoneId,
                                        const QTimeZone &zone)
{
    if (value.zone.kind != ZoneOffset::Kind::None)
        return value; // the cell names its own offset, which the API takes as written
    if (!zone.isValid()) {
        return ValueError {ValueError::Kind::Format,
                           ValueParser::tr("the time zone '%1' is not a known IANA zone name, "
                                           "such as Europe/Berlin")
                               .arg(zoneId)};
    }
    constexpr qint64 Day = 86400;
    const qint64 wall = (value.date.toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * Day
        + value.hour * 3600 + value.minute * 60 + value.second;
    // At most one transition lies within a day of any instant: its two offsets are the
    // candidates. With no transition near, the one offset is the answer.
    const qint64 before = offsetAt(zone, wall - Day);
    const qint64 after = offsetAt(zone, wall + Day);
    const bool fitsBefore = before == after || offsetAt(zone, wall - before) == before;
    const bool fitsAfter = before != after && offsetAt(zone, wall - after) == after;
    if (!fitsBefore && !fitsAfter) {
        return ValueError {
            ValueError::Kind::Range,
            ValueParser::tr("%1 does not exist in %2: the clocks skipped that time "
                            "(daylight saving time began)")
                .arg(dateparser::formatTimestamp(value, TimestampForm::Api), zoneId)};
    }
    if (fitsBefore && fitsAfter) {
        return ValueError {
            ValueError::Kind::Range,
            ValueParser::tr("%1 happened twice in %2 (daylight saving time ended); "
                            "write it with its offset to say which")
                .arg(dateparser::formatTimestamp(value, TimestampForm::Api), zoneId)};
    }
    const qint64 utc = wall - (fitsBefore ? before : after);
    const qint64 days = utc >= 0 ? utc / Day : -((-utc + Day - 1) / Day);
    const int secondOfDay = static_cast<int>(utc - days * Day);
    value.date = QDate::fromJulianDay(QDate(1970, 1, 1).toJulianDay() + days);
    value.hour = secondOfDay / 3600;
    value.minute = secondOfDay / 60 % 60;
    value.second = secondOfDay % 60;
    value.zone.kind = ZoneOffset::Kind::Utc;
    return value;
}

} // namespace sluice::dateparser
