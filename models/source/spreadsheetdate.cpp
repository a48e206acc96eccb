// SPDX-License-Identifier: MIT
#include "models/source/spreadsheetdate.h"

#include <QDate>

#include <cmath>

namespace sluice {

namespace {

constexpr qint64 MsPerDay = 86400000;
constexpr double FirstNonDate = 2958466; // 10000-01-01

// Formatting runs for millions of cells, so it writes digits into a buffer, no allocations.
char *writeDigits(char *out, qint64 value, int width)
{
    for (int i = width - 1; i >= 0; --i, value /= 10)
        out[i] = static_cast<char>('0' + value % 10);
    return out + width;
}

char *writeTime(char *out, qint64 ms)
{
    const qint64 seconds = ms / 1000;
    out = writeDigits(out, seconds / 3600, 2);
    *out++ = ':';
    out = writeDigits(out, seconds / 60 % 60, 2);
    *out++ = ':';
    out = writeDigits(out, seconds % 60, 2);
    if (ms % 1000 != 0) {
        *out++ = '.';
        out = writeDigits(out, ms % 1000, 3);
    }
    return out;
}

// Days since 1970-01-01 to year, month, day (proleptic Gregorian; H. Hinnant's algorithm).
char *writeDate(char *out, qint64 days)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra
        = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153;
    const qint64 day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
    const qint64 month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    out = writeDigits(out, year, 4);
    *out++ = '-';
    out = writeDigits(out, month, 2);
    *out++ = '-';
    return writeDigits(out, day, 2);
}

QByteArray timeText(qint64 ms)
{
    char buffer[SpreadsheetDate::BufferSize];
    return QByteArray(buffer, writeTime(buffer, ms) - buffer);
}

QByteArray dateText(const QDate &date)
{
    char buffer[SpreadsheetDate::BufferSize];
    const qint64 days = date.toJulianDay() - QDate(1970, 1, 1).toJulianDay();
    return QByteArray(buffer, writeDate(buffer, days) - buffer);
}

// Digits at text[pos, pos + count) as a number, or -1.
int digitsAt(QByteArrayView text, qsizetype pos, qsizetype count)
{
    if (pos + count > text.size())
        return -1;
    int value = 0;
    for (qsizetype i = pos; i < pos + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

// "HH:MM[:SS[.fff…]]" at pos as milliseconds of the day, or -1.
qint64 isoTime(QByteArrayView text, qsizetype pos)
{
    const int hours = digitsAt(text, pos, 2);
    const int minutes
        = pos + 2 < text.size() && text[pos + 2] == ':' ? digitsAt(text, pos + 3, 2) : -1;
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
        return -1;
    qint64 ms = (hours * 60 + minutes) * qint64(60000);
    pos += 5;
    if (pos < text.size() && text[pos] == ':') {
        const int seconds = digitsAt(text, pos + 1, 2);
        if (seconds < 0 || seconds > 59)
            return -1;
        ms += seconds * 1000;
        pos += 3;
        if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
            int scale = 100;
            for (++pos; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
                ms += (text[pos] - '0') * scale;
                scale /= 10;
            }
        }
    }
    return ms;
}

} // namespace

qsizetype SpreadsheetDate::writeSerial(double serial, Epoch epoch, char *out)
{
    if (!std::isfinite(serial) || serial < 0 || serial >= FirstNonDate)
        return 0;
    double day = std::floor(serial);
    // Round half to even, as the reference reader (Python's round) does.
    qint64 ms = static_cast<qint64>(std::nearbyint((serial - day) * double(MsPerDay)));
    if (serial < 1 && ms < MsPerDay)
        return writeTime(out, ms) - out;
    if (epoch == Epoch::Excel1900 && serial < 60)
        day += 1; // the phantom 1900-02-29 that Excel counts
    // Days from 1970-01-01 to the epoch: 1899-12-30 is -25569, 1904-01-01 is -24107.
    const qint64 epochDays = epoch == Epoch::Excel1904 ? -24107 : -25569;
    const qint64 days = epochDays + static_cast<qint64>(day) + ms / MsPerDay;
    if (days >= 2932897) // 10000-01-01
        return 0;
    char *end = writeDate(out, days);
    *end++ = 'T';
    return writeTime(end, ms % MsPerDay) - out;
}

QByteArray SpreadsheetDate::fromSerial(double serial, Epoch epoch)
{
    char buffer[BufferSize];
    return QByteArray(buffer, writeSerial(serial, epoch, buffer));
}

QByteArray SpreadsheetDate::fromIsoText(QByteArrayView text)
{
    text = text.trimmed();
    if (text.size() >= 3 && text[2] == ':') {
        const qint64 ms = isoTime(text, 0);
        return ms < 0 ? QByteArray() : timeText(ms);
    }
    const int year = digitsAt(text, 0, 4);
    const int month = text.size() > 4 && text[4] == '-' ? digitsAt(text, 5, 2) : -1;
    const int day = text.size() > 7 && text[7] == '-' ? digitsAt(text, 8, 2) : -1;
    const QDate date(year, month, day);
    if (year < 0 || !date.isValid())
        return {};
    qint64 ms = 0;
    if (text.size() > 10 && (text[10] == 'T' || text[10] == ' ')) {
        ms = isoTime(text, 11);
        if (ms < 0)
            return {};
    }
    return dateText(date) + 'T' + timeText(ms);
}

} // namespace sluice
