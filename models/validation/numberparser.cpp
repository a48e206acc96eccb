// SPDX-License-Identifier: MIT
#include "models/validation/numberparser.h"

#include <QVarLengthArray>

#include <algorithm>
#include <optional>

namespace sluice {

namespace {

// Plain notation up to this many digits; beyond it a float keeps its exponent, so "1e300" does
// not become a 301-character request field.
constexpr qint64 MaxPlainDigits = 40;
// Exponents saturate here: far beyond any double, and far from overflowing qint64 arithmetic.
constexpr qint64 ExponentCap = 1'000'000'000'000;
constexpr QStringView Int64Max = u"9223372036854775807";
constexpr QStringView Int64MinMagnitude = u"9223372036854775808";
// DBL_MAX is 1.7976931348623157e308: its digits compare as text against a mantissa.
constexpr QStringView DoubleMaxDigits = u"17976931348623157";
constexpr qint64 DoubleMaxMagnitude = 308;
// Below about 2.5e-324 a double rounds to zero.
constexpr qint64 DoubleMinMagnitude = -324;

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

int digitValue(QChar c)
{
    return c.unicode() - u'0';
}

bool isSign(QChar c)
{
    return c == u'+' || c == u'-' || c == QChar(0x2212);
}

bool isSpaceSeparator(QChar c)
{
    return c == u' ' || c == QChar(0x00A0) || c == QChar(0x202F);
}

QString zeros(qint64 count)
{
    return QString(static_cast<qsizetype>(count), u'0');
}

QString notNumber(QStringView text, const QString &detail)
{
    return ValueParser::tr("%1 is not a number: %2").arg(numberparser::quoted(text), detail);
}

// The digits of the integer and fraction parts in one buffer on the stack: the scan allocates
// only the Decimal's final digit string.
using DigitBuffer = QVarLengthArray<QChar, 64>;

class DecimalScanner
{
public:
    DecimalScanner(QStringView text, const NumberSeparators &format)
        : m_text(text)
        , m_format(format)
    {}

    Result<Decimal, ValueError> scan();

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    bool at(QChar c) const { return !atEnd() && m_text[m_pos] == c; }
    bool isGroup(QChar c) const;
    QString misplacedGroup() const;
    QString unexpected() const;
    std::optional<QString> scanIntegerPart(DigitBuffer &digits);
    void scanDigits(DigitBuffer &digits);
    std::optional<QString> scanExponent(qint64 &exponent);
    ValueError fail(const QString &detail) const { return {ValueError::Kind::Type, detail}; }

    QStringView m_text;
    NumberSeparators m_format;
    qsizetype m_pos = 0;
};

bool DecimalScanner::isGroup(QChar c) const
{
    const QChar group = m_format.groupSeparator;
    if (group.isNull() || group == m_format.decimalSeparator)
        return false;
    return c == group || (isSpaceSeparator(group) && isSpaceSeparator(c));
}

QString DecimalScanner::misplacedGroup() const
{
    const QString separator = isSpaceSeparator(m_format.groupSeparator)
        ? ValueParser::tr("space")
        : QStringLiteral("'%1'").arg(m_format.groupSeparator);
    return ValueParser::tr("the group separator %1 is misplaced; digit groups before the decimal "
                           "separator have exactly three digits")
        .arg(separator);
}

QString DecimalScanner::unexpected() const
{
    const QChar c = m_text[m_pos];
    if (c == m_format.decimalSeparator)
        return ValueParser::tr("a second decimal separator '%1'").arg(c);
    if (isGroup(c))
        return misplacedGroup();
    return ValueParser::tr("unexpected %1").arg(numberparser::describeCharacter(m_text, m_pos));
}

// Group separators are optional, but where present they split the integer part into groups of
// exactly three digits: with '.' as the decimal separator "1,5" is a typo, never fifteen.
std::optional<QString> DecimalScanner::scanIntegerPart(DigitBuffer &digits)
{
    qsizetype run = 0;
    bool grouped = false;
    while (!atEnd()) {
        const QChar c = m_text[m_pos];
        if (isAsciiDigit(c)) {
            digits.append(c);
            ++run;
        } else if (isGroup(c)) {
            if (run == 0 || run > 3 || (grouped && run != 3))
                return misplacedGroup();
            grouped = true;
            run = 0;
        } else {
            break;
        }
        ++m_pos;
    }
    if (grouped && run != 3)
        return misplacedGroup();
    return std::nullopt;
}

void DecimalScanner::scanDigits(DigitBuffer &digits)
{
    while (!atEnd() && isAsciiDigit(m_text[m_pos]))
        digits.append(m_text[m_pos++]);
}

std::optional<QString> DecimalScanner::scanExponent(qint64 &exponent)
{
    ++m_pos; // the 'e'
    bool negative = false;
    if (!atEnd() && isSign(m_text[m_pos]))
        negative = m_text[m_pos++] != u'+';
    qint64 value = 0;
    const qsizetype start = m_pos;
    for (; !atEnd() && isAsciiDigit(m_text[m_pos]); ++m_pos)
        value = std::min(value * 10 + digitValue(m_text[m_pos]), ExponentCap);
    if (m_pos == start)
        return atEnd() ? ValueParser::tr("the exponent has no digits") : unexpected();
    exponent = negative ? -value : value;
    return std::nullopt;
}

Decimal normalised(bool negative, const DigitBuffer &digits, qint64 exponent)
{
    qsizetype first = 0;
    while (first < digits.size() && digits[first] == u'0')
        ++first;
    qsizetype last = digits.size();
    while (last > first && digits[last - 1] == u'0')
        --last;
    if (first == last)
        return {}; // zero, and "-0" is zero too
    return {negative, QString(digits.constData() + first, last - first),
            exponent + (digits.size() - last)};
}

Result<Decimal, ValueError> DecimalScanner::scan()
{
    bool negative = false;
    if (!atEnd() && isSign(m_text[m_pos]))
        negative = m_text[m_pos++] != u'+';
    DigitBuffer digits; // the integer part's digits, then the fraction's
    if (const auto problem = scanIntegerPart(digits))
        return fail(notNumber(m_text, *problem));
    const qsizetype integerCount = digits.size();
    if (at(m_format.decimalSeparator)) {
        ++m_pos;
        scanDigits(digits);
    }
    const qsizetype fractionCount = digits.size() - integerCount;
    if (digits.isEmpty())
        return fail(
            notNumber(m_text, atEnd() ? ValueParser::tr("it has no digits") : unexpected()));
    qint64 exponent = 0;
    if (at(u'e') || at(u'E')) {
        if (const auto problem = scanExponent(exponent))
            return fail(notNumber(m_text, *problem));
    }
    if (!atEnd())
        return fail(notNumber(m_text, unexpected()));
    return normalised(negative, digits, exponent - fractionCount);
}

bool isNonFinite(QStringView text)
{
    if (!text.isEmpty() && isSign(text.front()))
        text = text.mid(1);
    // No other character case-folds to n or i: the words need not be compared for a number.
    if (text.isEmpty()
        || (text.front() != u'n' && text.front() != u'N' && text.front() != u'i'
            && text.front() != u'I'))
        return false;
    for (const QStringView word : {u"nan", u"inf", u"infinity"}) {
        if (text.compare(word, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString absolutePlainDigits(const Decimal &value)
{
    return value.digits + zeros(std::max<qint64>(value.exponent, 0));
}

} // namespace

qint64 Decimal::integerDigitCount() const
{
    return isZero() ? 0 : std::max<qint64>(digits.size() + exponent, 0);
}

qint64 Decimal::plainDigitCount() const
{
    const qint64 pointPosition = digits.size() + exponent;
    return digits.size() + std::max<qint64>(exponent, 0) + std::max<qint64>(-pointPosition, 0);
}

QString Decimal::integerPart() const
{
    if (isZero() || integerDigitCount() == 0)
        return {};
    if (exponent >= 0)
        return absolutePlainDigits(*this);
    return digits.left(static_cast<qsizetype>(digits.size() + exponent));
}

QString Decimal::fractionPart() const
{
    if (exponent >= 0)
        return {};
    const qint64 pointPosition = digits.size() + exponent;
    if (pointPosition > 0)
        return digits.mid(static_cast<qsizetype>(pointPosition));
    return zeros(-pointPosition) + digits;
}

// Written into one string of the right size: this runs for every number cell, and building the
// parts as strings first cost five allocations a cell.
QString Decimal::plainText() const
{
    if (isZero())
        return QStringLiteral("0");
    const qint64 pointPosition = digits.size() + exponent;
    QString text;
    text.reserve(static_cast<qsizetype>(plainDigitCount()) + 3);
    if (negative)
        text += u'-';
    if (pointPosition <= 0) {
        text += u'0';
    } else if (exponent >= 0) {
        text += digits;
        for (qint64 i = 0; i < exponent; ++i)
            text += u'0';
    } else {
        text += QStringView(digits).left(static_cast<qsizetype>(pointPosition));
    }
    if (exponent < 0) {
        text += u'.';
        if (pointPosition > 0) {
            text += QStringView(digits).mid(static_cast<qsizetype>(pointPosition));
        } else {
            for (qint64 i = pointPosition; i < 0; ++i)
                text += u'0';
            text += digits;
        }
    }
    return text;
}

QString Decimal::canonicalText() const
{
    if (plainDigitCount() <= MaxPlainDigits)
        return plainText();
    QString text = negative ? QStringLiteral("-") : QString();
    text += digits.front();
    if (digits.size() > 1) {
        text += u'.';
        text += QStringView(digits).mid(1);
    }
    const qint64 power = magnitude();
    text += power < 0 ? QStringLiteral("e-") : QStringLiteral("e+");
    return text + QString::number(power < 0 ? -power : power);
}

namespace numberparser {

bool isCanonical(QStringView text, bool integer)
{
    // Far below 19 digits (the 64-bit limit) and 40 (where a float takes an exponent).
    constexpr qsizetype MaxCanonical = 18;
    const qsizetype size = text.size();
    if (size == 0 || size > MaxCanonical)
        return false;
    qsizetype pos = text.front() == u'-' ? 1 : 0;
    const qsizetype integerStart = pos;
    while (pos < size && isAsciiDigit(text[pos]))
        ++pos;
    const qsizetype integerLength = pos - integerStart;
    if (integerLength == 0 || (integerLength > 1 && text[integerStart] == u'0'))
        return false;
    if (pos == size)
        return !(integerStart == 1 && integerLength == 1 && text[1] == u'0'); // "-0" is "0"
    if (integer || text[pos] != u'.')
        return false;
    const qsizetype fractionStart = ++pos;
    while (pos < size && isAsciiDigit(text[pos]))
        ++pos;
    return pos == size && pos > fractionStart && text[size - 1] != u'0';
}

QString quoted(QStringView text)
{
    constexpr qsizetype MaxQuoted = 60;
    if (text.size() <= MaxQuoted)
        return u'\'' + text.toString() + u'\'';
    qsizetype cut = MaxQuoted - 3;
    if (text[cut - 1].isHighSurrogate())
        --cut;
    return u'\'' + text.left(cut).toString() + QChar(0x2026) + u'\'';
}

QString describeCharacter(QStringView text, qsizetype pos)
{
    const QChar c = text[pos];
    if (c == u'\t')
        return ValueParser::tr("tab");
    if (c.isSpace())
        return ValueParser::tr("space");
    const qsizetype length = c.isHighSurrogate() && pos + 1 < text.size() ? 2 : 1;
    return u'\'' + text.mid(pos, length).toString() + u'\'';
}

Result<Decimal, ValueError> scan(QStringView text, const NumberSeparators &format)
{
    if (isNonFinite(text)) {
        return ValueError {
            ValueError::Kind::Type,
            ValueParser::tr("%1 is not a finite number; the API takes finite numbers "
                            "only")
                .arg(quoted(text))};
    }
    return DecimalScanner(text, format).scan();
}

Result<ApiValue, ValueError> toInteger(const Decimal &value, QStringView text)
{
    if (!value.isZero() && value.exponent < 0) {
        return ValueError {ValueError::Kind::Type,
                           ValueParser::tr("%1 has a fraction; an integer attribute takes whole "
                                           "numbers")
                               .arg(quoted(text))};
    }
    const qint64 length = value.integerDigitCount();
    const QStringView limit = value.negative ? Int64MinMagnitude : Int64Max;
    if (length > limit.size()
        || (length == limit.size() && absolutePlainDigits(value).compare(limit) > 0)) {
        return ValueError {ValueError::Kind::Range,
                           ValueParser::tr("%1 is outside the 64-bit integer range "
                                           "(-9223372036854775808 to 9223372036854775807)")
                               .arg(quoted(text))};
    }
    return ApiValue::number(value.plainText());
}

Result<ApiValue, ValueError> toFloat(const Decimal &value, QStringView text)
{
    if (value.isZero())
        return ApiValue::number(value.plainText());
    // Digit strings without trailing zeros compare as text in the order of their values.
    const qint64 power = value.magnitude();
    if (power > DoubleMaxMagnitude
        || (power == DoubleMaxMagnitude && value.digits.compare(DoubleMaxDigits) > 0)) {
        return ValueError {ValueError::Kind::Range,
                           ValueParser::tr("%1 is too large for a float (the largest is about "
                                           "1.8e+308)")
                               .arg(quoted(text))};
    }
    if (power < DoubleMinMagnitude
        || (power == DoubleMinMagnitude && value.digits.compare(u"25") < 0)) {
        return ValueError {ValueError::Kind::Range,
                           ValueParser::tr("%1 is too close to zero for a float (the smallest is "
                                           "about 4.9e-324)")
                               .arg(quoted(text))};
    }
    return ApiValue::number(value.canonicalText());
}

// Precision counts plain digits from the first non-zero one: 1000 has 4, 0.0012 has 2.
Result<ApiValue, ValueError> toNumeric(const Decimal &value, QStringView text, int precision,
                                       int scale)
{
    const qint64 integerDigits = value.integerDigitCount();
    const qint64 valueScale = value.scale();
    const qint64 valuePrecision
        = integerDigits > 0 ? integerDigits + valueScale : value.digits.size();
    if (valuePrecision > precision) {
        return ValueError {ValueError::Kind::Range,
                           ValueParser::tr("%1 has %2 significant digits; this numeric attribute "
                                           "takes at most %3")
                               .arg(quoted(text))
                               .arg(valuePrecision)
                               .arg(precision)};
    }
    if (valueScale > scale) {
        return ValueError {ValueError::Kind::Range,
                           ValueParser::tr("%1 has %2 digits after the decimal point; this numeric "
                                           "attribute takes at most %3")
                               .arg(quoted(text))
                               .arg(valueScale)
                               .arg(scale)};
    }
    return ApiValue::number(value.plainText());
}

} // namespace numberparser

} // namespace sluice
