// SPDX-License-Identifier: MIT
#include "models/source/numberformat.h"

namespace sluice {

namespace {

bool isDateLetter(QChar c)
{
    switch (c.toLower().unicode()) {
    case u'd':
    case u'm':
    case u'y':
    case u'h':
    case u's':
        return true;
    default:
        return false;
    }
}

// [h], [hh], [mm], [ss] …: one elapsed-time unit letter, repeated.
bool isElapsedToken(QStringView inside)
{
    if (inside.isEmpty())
        return false;
    const QChar unit = inside.front().toLower();
    if (unit != u'h' && unit != u'm' && unit != u's')
        return false;
    for (QChar c : inside) {
        if (c.toLower() != unit)
            return false;
    }
    return true;
}

} // namespace

NumberFormat::Kind NumberFormat::builtInKind(int id)
{
    if (id == 46)
        return Kind::Duration;
    if ((id >= 14 && id <= 22) || id == 45 || id == 47 || (id >= 27 && id <= 36)
        || (id >= 50 && id <= 58))
        return Kind::DateTime;
    return Kind::Number;
}

NumberFormat::Kind NumberFormat::codeKind(QStringView code)
{
    bool dateLetter = false;
    const qsizetype size = code.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = code[i];
        if (c == u';')
            break; // only the first section counts
        if (c == u'"') {
            const qsizetype close = code.indexOf(u'"', i + 1);
            i = close < 0 ? size : close;
        } else if (c == u'\\' || c == u'_' || c == u'*') {
            ++i; // an escaped character, or the character a padding repeats
        } else if (c == u'[') {
            const qsizetype close = code.indexOf(u']', i + 1);
            if (close < 0)
                break; // an unterminated bracket: the rest is not format
            if (isElapsedToken(code.sliced(i + 1, close - i - 1)))
                return Kind::Duration;
            i = close;
        } else if (isDateLetter(c)) {
            // "General" has none of the letters, so it needs no special case.
            dateLetter = true;
        }
    }
    return dateLetter ? Kind::DateTime : Kind::Number;
}

} // namespace sluice
