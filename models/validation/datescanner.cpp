// SPDX-License-Identifier: MIT
// The general text parser's reading of characters: digits, letters, separators, and the
// messages for text it cannot read.
#include "models/validation/dateparser_p.h"
#include "models/validation/numberparser.h"

namespace sluice::dateparser::detail {

QStringView TextParser::readDigits()
{
    const qsizetype start = m_pos;
    while (atDigit())
        ++m_pos;
    return m_text.mid(start, m_pos - start);
}

QStringView TextParser::readLetters()
{
    const qsizetype start = m_pos;
    while (atLetter())
        ++m_pos;
    return m_text.mid(start, m_pos - start);
}

qsizetype TextParser::skipSpaces()
{
    const qsizetype start = m_pos;
    while (!atEnd() && peek().isSpace())
        ++m_pos;
    return m_pos - start;
}

// Between a month name and a number any mix of spaces and - / . , reads unambiguously.
qsizetype TextParser::skipSeparatorRun()
{
    const qsizetype start = m_pos;
    while (!atEnd() && (peek().isSpace() || isDateSeparator(peek()) || peek() == u','))
        ++m_pos;
    return m_pos - start;
}

bool TextParser::skipSeparator(QChar separator)
{
    if (separator.isSpace())
        return skipSpaces() > 0;
    if (peek() != separator)
        return false;
    ++m_pos;
    return true;
}

void TextParser::skipOrdinalSuffix()
{
    const qsizetype start = m_pos;
    const QStringView word = readLetters();
    for (const QStringView suffix : {u"st", u"nd", u"rd", u"th"}) {
        if (ciEquals(word, suffix))
            return;
    }
    m_pos = start;
}

ValueError TextParser::unexpected() const
{
    if (atEnd())
        return unrecognised();
    return format(ValueParser::tr("unexpected %1 at position %2")
                      .arg(numberparser::describeCharacter(m_text, m_pos))
                      .arg(m_pos + 1));
}

ValueError TextParser::unrecognised() const
{
    return format(m_target == Target::Date
                      ? ValueParser::tr("it is not in a date format Sluice reads; write dates "
                                        "like 2025-01-31")
                      : ValueParser::tr("it is not in a timestamp format Sluice reads; write "
                                        "timestamps like 2025-01-31 10:30:00"));
}

} // namespace sluice::dateparser::detail
