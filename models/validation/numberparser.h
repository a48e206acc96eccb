// SPDX-License-Identifier: MIT
#pragma once

#include "models/validation/valueparser.h"

#include <QString>
#include <QStringView>

namespace sluice {

// A finite decimal value, (-1)^negative × digits × 10^exponent. digits holds ASCII digits without
// leading or trailing zeros, so every value has exactly one representation; zero has no digits.
// All arithmetic stays on the digit text: a double would round 19-digit integers and numeric(38).
struct Decimal
{
    bool negative = false;
    QString digits;
    qint64 exponent = 0;

    bool isZero() const { return digits.isEmpty(); }
    // Power of ten of the leading digit: 1.5e300 → 300, 0.05 → -2.
    qint64 magnitude() const { return digits.size() - 1 + exponent; }
    // Digits before the decimal point in plain notation; 0 when the value is below 1.
    qint64 integerDigitCount() const;
    // Digits after the decimal point in plain notation.
    qint64 scale() const { return exponent < 0 ? -exponent : 0; }
    // Digits and zeros plain notation needs, without sign, point or the "0" of "0.5".
    qint64 plainDigitCount() const;

    // Plain notation: "-1234.5", "0.0001". The caller keeps plainDigitCount() sane.
    QString plainText() const;
    // Plain notation up to 40 digits, else "1.5e+300": the canonical text of a number.
    QString canonicalText() const;
    // Unsigned plain digits before the point ("" below 1) and after it ("" for whole numbers).
    QString integerPart() const;
    QString fractionPart() const;
};

namespace numberparser {

// Reads a number written with the given separators; text is already trimmed.
Result<Decimal, ValueError> scan(QStringView text, const NumberSeparators &format);

Result<ApiValue, ValueError> toInteger(const Decimal &value, QStringView text);
Result<ApiValue, ValueError> toFloat(const Decimal &value, QStringView text);
Result<ApiValue, ValueError> toNumeric(const Decimal &value, QStringView text, int precision,
                                       int scale);

// True when text is an integer (integer) or float exactly as toInteger() or toFloat() would
// write it ("-12.5", "1500", "0.05"; not "+1", "1.50", "-0", "007"), short enough to need no
// range check: the text is then its own value, with no scan.
bool isCanonical(QStringView text, bool integer);
// True when scan() with format reads canonical text as written: the decimal separator is the
// point (the group separator cannot interfere, as canonical text has no character to group).
inline bool hasPlainSeparators(const NumberSeparators &format)
{
    return format.decimalSeparator == u'.';
}

// The cell quoted for a reason, shortened so a 60,000-character cell keeps the reason readable.
QString quoted(QStringView text);
// The character at pos for a reason: "'a'", or "space" where quotes would hide it.
QString describeCharacter(QStringView text, qsizetype pos);

} // namespace numberparser

} // namespace sluice
