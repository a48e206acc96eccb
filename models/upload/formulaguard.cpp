// SPDX-License-Identifier: MIT
#include "models/upload/formulaguard.h"

namespace sluice {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Digits from pos; returns how many.
qsizetype skipDigits(QStringView text, qsizetype &pos)
{
    const qsizetype start = pos;
    while (pos < text.size() && isDigit(text[pos]))
        ++pos;
    return pos - start;
}

// The integer part: plain digits, or 1-3 digits followed by groups of ",ddd". Returns its digit
// count (0 when there is none, as in ".5").
qsizetype skipIntegerPart(QStringView text, qsizetype &pos)
{
    qsizetype digits = skipDigits(text, pos);
    if (digits == 0 || pos >= text.size() || text[pos] != u',')
        return digits;
    if (digits > 3)
        return -1; // "1234,567" is not a grouping anyone writes
    while (pos < text.size() && text[pos] == u',') {
        ++pos;
        if (skipDigits(text, pos) != 3)
            return -1;
        digits += 3;
    }
    return digits;
}

} // namespace

bool isPlainNumber(QStringView text)
{
    qsizetype pos = 0;
    if (pos < text.size() && (text[pos] == u'+' || text[pos] == u'-'))
        ++pos;
    qsizetype digits = skipIntegerPart(text, pos);
    if (digits < 0)
        return false;
    if (pos < text.size() && text[pos] == u'.') {
        ++pos;
        const qsizetype fraction = skipDigits(text, pos);
        if (fraction == 0)
            return false; // "5." and "." are not how a number is written in a results file
        digits += fraction;
    }
    if (digits == 0)
        return false;
    if (pos < text.size() && (text[pos] == u'e' || text[pos] == u'E')) {
        ++pos;
        if (pos < text.size() && (text[pos] == u'+' || text[pos] == u'-'))
            ++pos;
        if (skipDigits(text, pos) == 0)
            return false;
    }
    return pos == text.size();
}

QString neutraliseFormula(const QString &cell)
{
    if (cell.isEmpty())
        return cell;
    const QChar first = cell.front();
    const bool triggers = first == u'=' || first == u'+' || first == u'-' || first == u'@'
        || first == u'\t' || first == u'\r';
    if (!triggers)
        return cell;
    if ((first == u'+' || first == u'-') && isPlainNumber(cell))
        return cell;
    return u'\'' + cell;
}

} // namespace sluice
