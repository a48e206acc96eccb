// SPDX-License-Identifier: MIT
#include "models/validation/dateparser_p.h"

#include <algorithm>
#include <array>
#include <optional>

namespace sluice::dateparser {

namespace {

// Reads text written in an explicit pattern (see ParseOptions::datePattern) into plain fields.
class PatternReader
{
public:
    PatternReader(QStringView text, QStringView pattern, dateparser::Target target)
        : m_text(text)
        , m_pattern(pattern)
        , m_target(target)
    {}

    Result<DateTimeValue, ValueError> read();

private:
    ValueError fail(ValueError::Kind kind, const QString &detail) const
    {
        return dateparser::invalidDateTime(kind, m_text, m_target, detail);
    }
    ValueError mismatch() const
    {
        return fail(ValueError::Kind::Format,
                    ValueParser::tr("it does not match the pattern %1 at position %2")
                        .arg(m_pattern)
                        .arg(m_t + 1));
    }
    bool readNumber(qsizetype minDigits, qsizetype maxDigits, int &value);
    bool readMonthName(int &value);
    bool readLiteral(QStringView literal);
    bool readField(QChar letter, qsizetype run);
    std::optional<ValueError> finish(DateTimeValue &value) const;

    QStringView m_text;
    QStringView m_pattern;
    dateparser::Target m_target;
    qsizetype m_t = 0;
    int m_year = -1, m_month = -1, m_day = -1, m_hour = 0, m_minute = 0, m_second = 0;
    bool m_hasTime = false;
    int m_meridiem = 0; // 0: none, 1: AM, 2: PM
};

bool PatternReader::readNumber(qsizetype minDigits, qsizetype maxDigits, int &value)
{
    qsizetype end = m_t;
    while (end < m_text.size() && end - m_t < maxDigits && m_text[end].isDigit()
           && m_text[end].unicode() < 0x80)
        ++end;
    if (end - m_t < minDigits)
        return false;
    value = m_text.mid(m_t, end - m_t).toInt();
    m_t = end;
    return true;
}

bool PatternReader::readMonthName(int &value)
{
    static constexpr std::array<QStringView, 12> Names {
        u"january", u"february", u"march",     u"april",   u"may",      u"june",
        u"july",    u"august",   u"september", u"october", u"november", u"december"};
    qsizetype end = m_t;
    while (end < m_text.size() && m_text[end].isLetter())
        ++end;
    const QStringView word = m_text.mid(m_t, end - m_t);
    for (std::size_t i = 0; i < Names.size(); ++i) {
        if (word.compare(Names[i], Qt::CaseInsensitive) == 0
            || word.compare(Names[i].left(3), Qt::CaseInsensitive) == 0) {
            value = static_cast<int>(i) + 1;
            m_t = end;
            return true;
        }
    }
    return false;
}

bool PatternReader::readLiteral(QStringView literal)
{
    if (!m_text.mid(m_t).startsWith(literal))
        return false;
    m_t += literal.size();
    return true;
}

bool PatternReader::readField(QChar letter, qsizetype run)
{
    switch (letter.unicode()) {
    case u'y':
        if (run != 2)
            return readNumber(4, 4, m_year);
        if (!readNumber(2, 2, m_year))
            return false;
        m_year += m_year < 30 ? 2000 : 1900; // Excel's two-digit year window
        return true;
    case u'M':
        return run >= 3 ? readMonthName(m_month) : readNumber(1, 2, m_month);
    case u'd':
        return readNumber(1, 2, m_day);
    case u'H':
    case u'h':
        m_hasTime = true;
        return readNumber(1, 2, m_hour);
    case u'm':
        return readNumber(1, 2, m_minute);
    case u's':
        return readNumber(1, 2, m_second);
    default:
        return readLiteral(QString(run, letter));
    }
}

std::optional<ValueError> PatternReader::finish(DateTimeValue &value) const
{
    if (m_year < 0 || m_month < 0 || m_day < 0) {
        return fail(ValueError::Kind::Format,
                    ValueParser::tr("the pattern %1 needs a year (yyyy), a month (MM) and a day "
                                    "(dd)")
                        .arg(m_pattern));
    }
    if (!QDate::isValid(m_year, m_month, m_day)) {
        return fail(ValueError::Kind::Format,
                    ValueParser::tr("there is no day %1 in month %2 of %3")
                        .arg(m_day)
                        .arg(m_month)
                        .arg(m_year));
    }
    int hour = m_hour;
    if (m_meridiem != 0) {
        if (hour < 1 || hour > 12)
            return fail(ValueError::Kind::Range,
                        ValueParser::tr("hour %1 is out of range with AM/PM (1–12)").arg(hour));
        hour = hour % 12 + (m_meridiem == 2 ? 12 : 0);
    }
    if (hour > 23 || m_minute > 59 || m_second > 59) {
        return fail(ValueError::Kind::Range,
                    ValueParser::tr("the time %1:%2:%3 is out of range")
                        .arg(hour)
                        .arg(m_minute, 2, 10, QChar(u'0'))
                        .arg(m_second, 2, 10, QChar(u'0')));
    }
    value.date = QDate(m_year, m_month, m_day);
    value.hasTime = m_hasTime;
    value.hour = hour;
    value.minute = m_minute;
    value.second = m_second;
    return std::nullopt;
}

Result<DateTimeValue, ValueError> PatternReader::read()
{
    qsizetype p = 0;
    while (p < m_pattern.size()) {
        const QChar c = m_pattern[p];
        qsizetype run = 1;
        while (p + run < m_pattern.size() && m_pattern[p + run] == c)
            ++run;
        bool ok = true;
        if (c == u'\'') {
            const qsizetype end = m_pattern.indexOf(u'\'', p + 1);
            run = (end < 0 ? m_pattern.size() : end + 1) - p;
            ok = readLiteral(m_pattern.mid(p + 1, std::max<qsizetype>(run - 2, 0)));
        } else if (c.isSpace()) {
            const qsizetype start = m_t;
            while (m_t < m_text.size() && m_text[m_t].isSpace())
                ++m_t;
            ok = m_t > start;
        } else if ((c == u'A' || c == u'a') && p + 1 < m_pattern.size()
                   && m_pattern[p + 1].toLower() == u'p') {
            run = 2;
            const QStringView rest = m_text.mid(m_t);
            m_meridiem = rest.startsWith(u"am", Qt::CaseInsensitive) ? 1
                : rest.startsWith(u"pm", Qt::CaseInsensitive)        ? 2
                                                                     : 0;
            ok = m_meridiem != 0;
            m_t += ok ? 2 : 0;
        } else {
            ok = readField(c, run);
        }
        if (!ok)
            return mismatch();
        p += run;
    }
    if (m_t != m_text.size())
        return mismatch();
    DateTimeValue value;
    if (auto problem = finish(value))
        return *problem;
    return value;
}

} // namespace

Result<DateTimeValue, ValueError> readPattern(QStringView text, QStringView pattern,
                                              dateparser::Target target)
{
    return PatternReader(text, pattern, target).read();
}

} // namespace sluice::dateparser
