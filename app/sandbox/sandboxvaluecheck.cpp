// SPDX-License-Identifier: MIT
#include "app/sandbox/sandboxvaluecheck.h"

#include <QDate>

#include <algorithm>

namespace sluice {

namespace {

// Exponents beyond this are out of every range here; capping keeps the arithmetic in 64 bits.
constexpr qint64 ExponentCap = 1000000;
constexpr qsizetype MaxIntegerDigits = 19;
constexpr int MaxPrecision = 38;
constexpr int MaxScale = 37;
// The parts of a valid JSON number's text.
struct NumberParts
{
    bool negative = false;
    QByteArray digits;   // integer and fraction digits, as written
    qint64 pointPos = 0; // where the decimal point goes in digits, after the exponent
};

NumberParts splitNumber(QByteArrayView text)
{
    NumberParts parts;
    qsizetype i = 0;
    if (i < text.size() && text[i] == '-') {
        parts.negative = true;
        ++i;
    }
    qsizetype integerDigits = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++integerDigits)
        parts.digits.append(text[i]);
    if (i < text.size() && text[i] == '.') {
        for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
            parts.digits.append(text[i]);
    }
    qint64 exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        const bool negativeExponent = i < text.size() && text[i] == '-';
        if (i < text.size() && (text[i] == '-' || text[i] == '+'))
            ++i;
        for (; i < text.size(); ++i)
            exponent = std::min(ExponentCap, exponent * 10 + (text[i] - '0'));
        if (negativeExponent)
            exponent = -exponent;
    }
    parts.pointPos = integerDigits + exponent;
    return parts;
}

bool digitsAt(QByteArrayView text, qsizetype pos, qsizetype count, int *value)
{
    if (pos + count > text.size())
        return false;
    int result = 0;
    for (qsizetype i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        result = result * 10 + (text[i] - '0');
    }
    *value = result;
    return true;
}

// HH:MM:SS at pos.
bool isTime(QByteArrayView text, qsizetype pos)
{
    int hour = 0, minute = 0, second = 0;
    return digitsAt(text, pos, 2, &hour) && text[pos + 2] == ':'
        && digitsAt(text, pos + 3, 2, &minute) && text[pos + 5] == ':'
        && digitsAt(text, pos + 6, 2, &second) && hour < 24 && minute < 60 && second < 60;
}

// +hh:mm or -hh:mm, and nothing after it.
bool isOffset(QByteArrayView text)
{
    int hours = 0, minutes = 0;
    return text.size() == 6 && (text[0] == '+' || text[0] == '-') && digitsAt(text, 1, 2, &hours)
        && text[3] == ':' && digitsAt(text, 4, 2, &minutes) && hours < 24 && minutes < 60;
}
} // namespace

bool SandboxValueCheck::isDate(QByteArrayView text)
{
    int year = 0, month = 0, day = 0;
    return text.size() == 10 && digitsAt(text, 0, 4, &year) && text[4] == '-'
        && digitsAt(text, 5, 2, &month) && text[7] == '-' && digitsAt(text, 8, 2, &day)
        && QDate::isValid(year, month, day);
}

bool SandboxValueCheck::isTimestamp(QByteArrayView text)
{
    if (text.size() < 19 || !isDate(text.first(10)) || !isTime(text, 11))
        return false;
    QByteArrayView rest = text.sliced(19);
    if (text[10] == ' ') // YYYY-MM-DD HH:MM:SS, optionally " +hh:mm"
        return rest.isEmpty() || (rest[0] == ' ' && isOffset(rest.sliced(1)));
    if (text[10] != 'T')
        return false;
    if (rest.startsWith('.')) {
        qsizetype digits = 1;
        while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9')
            ++digits;
        if (digits == 1 || digits > 10)
            return false;
        rest = rest.sliced(digits);
    }
    return rest == "Z" || isOffset(rest);
}

bool SandboxValueCheck::isInteger(QByteArrayView number, QString *problem)
{
    NumberParts parts = splitNumber(number);
    qint64 exponent = parts.pointPos - qint64(parts.digits.size());
    while (parts.digits.endsWith('0')) {
        parts.digits.chop(1);
        ++exponent;
    }
    qsizetype first = 0;
    while (first < parts.digits.size() && parts.digits[first] == '0')
        ++first;
    const QByteArray significant = parts.digits.sliced(first);
    if (significant.isEmpty())
        return true; // zero, however written
    if (exponent < 0) {
        *problem = QStringLiteral("expected a whole number, got %1").arg(QString::fromUtf8(number));
        return false;
    }
    const qint64 length = significant.size() + exponent;
    bool fits = length < MaxIntegerDigits;
    if (length == MaxIntegerDigits) {
        const QByteArray whole = significant + QByteArray(qsizetype(exponent), '0');
        fits = whole <= QByteArray(parts.negative ? "9223372036854775808" : "9223372036854775807");
    }
    if (!fits)
        *problem = QStringLiteral("%1 is out of the range of a 64-bit integer")
                       .arg(QString::fromUtf8(number));
    return fits;
}

bool SandboxValueCheck::isNumeric(QByteArrayView number, QString *problem)
{
    const NumberParts parts = splitNumber(number);
    const qint64 length = parts.digits.size();
    qint64 leading = 0;
    while (leading < length && parts.digits[qsizetype(leading)] == '0')
        ++leading;
    const qint64 scale = std::max<qint64>(0, length - parts.pointPos);
    const qint64 integerDigits
        = leading == length ? 0 : std::max<qint64>(0, parts.pointPos - leading);
    const qint64 precision = std::max<qint64>(1, integerDigits + scale);
    if (precision <= MaxPrecision && scale <= MaxScale)
        return true;
    *problem = QStringLiteral("%1 has precision %2 and scale %3; numeric allows at most %4 and %5")
                   .arg(QString::fromUtf8(number))
                   .arg(precision)
                   .arg(scale)
                   .arg(MaxPrecision)
                   .arg(MaxScale);
    return false;
}

} // namespace sluice
