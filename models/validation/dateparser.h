// SPDX-License-Identifier: MIT
#pragma once

#include "models/validation/numberparser.h"
#include "models/validation/valueparser.h"

#include <QDate>
#include <QStringView>

namespace sluice {

// A UTC designator or an offset exactly as written: the API takes the offset, so nothing is ever
// converted between zones.
struct ZoneOffset
{
    enum class Kind { None, Utc, Offset };
    Kind kind = Kind::None;
    bool negative = false;
    int hours = 0;
    int minutes = 0;
};

// A calendar date with an optional wall-clock time: plain fields, never a QDateTime, so the
// machine's time zone cannot shift anything.
struct DateTimeValue
{
    QDate date;
    bool hasTime = false;
    int hour = 0;
    int minute = 0;
    int second = 0;
    ZoneOffset zone;

    bool isMidnight() const { return hour == 0 && minute == 0 && second == 0; }
};

namespace dateparser {

enum class Target { Date, Timestamp };

// The API's own forms "2025-01-31" and "2025-01-31 10:30:00" (or with T), valid: the value
// parseText() reads from them, without its general parser. False for any other text, which
// parseText() then reads (or explains).
bool readCanonical(QStringView text, DateTimeValue &value);

// Reads a date or a date and time written as text; text is already trimmed.
Result<DateTimeValue, ValueError> parseText(QStringView text, const ParseOptions &options,
                                            Target target);
// Reads an Excel serial day number; text is the cell, for reasons.
Result<DateTimeValue, ValueError> fromSerial(const Decimal &serial, QStringView text,
                                             DateSystem system, Target target);

// Plain Gregorian arithmetic for the years 0001–9999, where it agrees with QDate exactly; QDate
// goes through QCalendar, which cost more than the rest of a date cell's parsing.
bool isValidDate(int year, int month, int day);
// The date of a valid year, month and day, as QDate(year, month, day) would make it.
QDate dateOf(int year, int month, int day);
// date.year(), date.month() and date.day() in one step.
void civilFromDate(QDate date, int &year, int &month, int &day);

// "2025-01-31"
QString formatDate(QDate date);
QString formatDate(int year, int month, int day);
// "2025-01-31 10:30:00 +05:30" or "2025-01-31T10:30:00+05:30"
QString formatTimestamp(const DateTimeValue &value, TimestampForm form);
// "10:30", or "10:30:15" when there are seconds
QString formatTimeOfDay(const DateTimeValue &value);

// "'31/02/2025' is not a valid date: February 2025 has no day 31"
ValueError invalidDateTime(ValueError::Kind kind, QStringView text, Target target,
                           const QString &detail);

} // namespace dateparser

} // namespace sluice
