// SPDX-License-Identifier: MIT
#include "models/validation/valueparser.h"

#include "models/validation/dateparser.h"
#include "models/validation/numberparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace sluice {

namespace {

using ParseResult = Result<ApiValue, ValueError>;

// Bytes the text takes in UTF-8, without building the UTF-8: a lone surrogate becomes U+FFFD.
qsizetype utf8Length(QStringView text)
{
    qsizetype bytes = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80) {
            bytes += 1;
        } else if (c < 0x800) {
            bytes += 2;
        } else if (QChar::isHighSurrogate(c) && i + 1 < text.size()
                   && text[i + 1].isLowSurrogate()) {
            bytes += 4;
            ++i;
        } else {
            bytes += 3;
        }
    }
    return bytes;
}

ParseResult parseString(QStringView cell)
{
    // Three bytes per UTF-16 unit at most: short cells need no count.
    if (cell.size() * 3 > ValueParser::MaxStringBytes) {
        const qsizetype bytes = utf8Length(cell);
        if (bytes > ValueParser::MaxStringBytes) {
            return ValueError {
                ValueError::Kind::Length,
                ValueParser::tr("%1 is %2 bytes long in UTF-8; the API takes at most "
                                "%3 bytes")
                    .arg(numberparser::quoted(cell))
                    .arg(bytes)
                    .arg(ValueParser::MaxStringBytes)};
        }
    }
    return ApiValue::string(cell.toString());
}

ParseResult parseBoolean(QStringView text)
{
    static constexpr std::array<std::pair<QStringView, bool>, 12> Words {{
        {u"true", true},
        {u"false", false},
        {u"t", true},
        {u"f", false},
        {u"yes", true},
        {u"no", false},
        {u"y", true},
        {u"n", false},
        {u"1", true},
        {u"0", false},
        {u"on", true},
        {u"off", false},
    }};
    for (const auto &[word, value] : Words) {
        if (text.compare(word, Qt::CaseInsensitive) == 0)
            return ApiValue::boolean(value);
    }
    return ValueError {ValueError::Kind::Type,
                       ValueParser::tr("%1 is not a boolean; write true/false, yes/no, y/n, t/f, "
                                       "1/0 or on/off")
                           .arg(numberparser::quoted(text))};
}

ParseResult parseNumber(AttributeType type, QStringView text, const ParseOptions &options)
{
    const auto scanned = numberparser::scan(text, options.number);
    if (!scanned)
        return scanned.error();
    switch (type) {
    case AttributeType::Integer:
        return numberparser::toInteger(*scanned, text);
    case AttributeType::Numeric:
        return numberparser::toNumeric(*scanned, text, options.numericPrecision,
                                       options.numericScale);
    default:
        return numberparser::toFloat(*scanned, text);
    }
}

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

Result<DateTimeValue, ValueError> readPattern(QStringView text, QStringView pattern,
                                              dateparser::Target target)
{
    return PatternReader(text, pattern, target).read();
}

// A number cell is an Excel serial; its text is machine-made, so try the plain '.' form before
// the configured separators. Text that is no number at all is still read as a written date.
Result<DateTimeValue, ValueError> readDateTime(QStringView text, const ParseOptions &options,
                                               dateparser::Target target)
{
    if (options.cellIsSerialNumber) {
        auto serial = numberparser::scan(text, NumberSeparators {u'.', QChar()});
        if (!serial)
            serial = numberparser::scan(text, options.number);
        if (serial)
            return dateparser::fromSerial(*serial, text, options.dateSystem, target);
    }
    if (!options.datePattern.isEmpty())
        return readPattern(text, options.datePattern, target);
    return dateparser::parseText(text, options, target);
}

qint64 offsetAt(const QTimeZone &zone, qint64 utcSeconds)
{
    return zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utcSeconds, Qt::UTC));
}

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

ParseResult parseDate(QStringView text, const ParseOptions &options)
{
    const auto parsed = readDateTime(text, options, dateparser::Target::Date);
    if (!parsed)
        return parsed.error();
    if (!parsed->isMidnight()) {
        return ValueError {
            ValueError::Kind::Format,
            ValueParser::tr("%1 has a time of day (%2); a date attribute takes a "
                            "date only")
                .arg(numberparser::quoted(text), dateparser::formatTimeOfDay(*parsed))};
    }
    return ApiValue::string(dateparser::formatDate(parsed->date));
}

ParseResult parseTimestamp(QStringView text, const ParseOptions &options, const QTimeZone &zone)
{
    auto parsed = readDateTime(text, options, dateparser::Target::Timestamp);
    if (parsed && !options.timeZone.isEmpty())
        parsed = toUtc(*parsed, options.timeZone, zone);
    if (!parsed)
        return parsed.error();
    return ApiValue::string(dateparser::formatTimestamp(*parsed, options.timestampForm));
}

// QJsonParseError counts bytes of the wrapped text; a person counts characters of the cell.
qsizetype characterPosition(const QByteArray &wrapped, int byteOffset)
{
    const qsizetype cellBytes = std::clamp<qsizetype>(byteOffset - 1, 0, wrapped.size() - 2);
    return QString::fromUtf8(wrapped.constData() + 1, cellBytes).size() + 1;
}

// The valid JSON text without insignificant white space. Minifying the cell's own text, instead
// of writing Qt's parse of it back out, keeps every number exact (QJsonValue holds doubles, which
// would round 12345678901234567890) and keeps the keys in the analyst's order.
QString minifiedJson(QStringView valid)
{
    QString out;
    out.reserve(valid.size());
    bool inString = false;
    bool escaped = false;
    for (const QChar c : valid) {
        const bool whiteSpace = c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
        if (!inString && whiteSpace)
            continue;
        if (escaped)
            escaped = false;
        else if (inString && c == u'\\')
            escaped = true;
        else if (c == u'"')
            inString = !inString;
        out += c;
    }
    return out;
}

// Qt 6.4 parses only an object or an array at the top level, so the cell goes inside one.
ParseResult parseJson(QStringView text)
{
    const QByteArray wrapped = '[' + text.toUtf8() + ']';
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError) {
        return ValueError {ValueError::Kind::Type,
                           ValueParser::tr("%1 is not valid JSON: %2 at character %3")
                               .arg(numberparser::quoted(text), error.errorString(),
                                    QString::number(characterPosition(wrapped, error.offset)))};
    }
    const QJsonArray array = document.array();
    if (array.size() != 1) {
        return ValueError {ValueError::Kind::Type,
                           ValueParser::tr("%1 is %2 JSON values separated by commas; a json "
                                           "attribute takes one value (wrap them in [ ])")
                               .arg(numberparser::quoted(text))
                               .arg(array.size())};
    }
    return ApiValue::json(minifiedJson(text));
}

} // namespace

ValueParser::ValueParser(ParseOptions options)
    : m_options(std::move(options))
    , m_timeZone(m_options.timeZone.isEmpty() ? QTimeZone()
                                              : QTimeZone(m_options.timeZone.toUtf8()))
{}

Result<ApiValue, ValueError> ValueParser::parse(AttributeType type, const QString &cell) const
{
    // Cells that are already their canonical value are that value, sharing the cell's text:
    // short strings need no length check (see parseString), and machine-made files write dates,
    // timestamps and numbers in the API's own forms. Anything else takes the general path.
    switch (type) {
    case AttributeType::String:
        if (cell.size() * 3 <= MaxStringBytes) {
            if (cell.isEmpty() || (cell.front().isSpace() && QStringView(cell).trimmed().isEmpty()))
                return ApiValue::null();
            return ApiValue::string(cell);
        }
        break;
    case AttributeType::Date:
    case AttributeType::Timestamp: {
        const bool isDate = type == AttributeType::Date;
        const bool plainText = !m_options.cellIsSerialNumber && m_options.datePattern.isEmpty()
            && (isDate || m_options.timeZone.isEmpty());
        const QChar separator = m_options.timestampForm == TimestampForm::Iso8601 ? u'T' : u' ';
        DateTimeValue value;
        if (plainText && cell.size() == (isDate ? 10 : 19) && (isDate || cell[10] == separator)
            && dateparser::readCanonical(cell, value))
            return ApiValue::string(cell);
        break;
    }
    case AttributeType::Integer:
    case AttributeType::Float:
        if (numberparser::hasPlainSeparators(m_options.number)
            && numberparser::isCanonical(cell, type == AttributeType::Integer))
            return ApiValue::number(cell);
        break;
    case AttributeType::Numeric:
    case AttributeType::Boolean:
    case AttributeType::Json:
        break;
    }
    return parse(type, QStringView(cell));
}

Result<ApiValue, ValueError> ValueParser::parse(AttributeType type, QStringView cell) const
{
    // QChar::isSpace covers tabs, U+00A0 and U+202F, which spreadsheets leave around values.
    const QStringView text = cell.trimmed();
    if (text.isEmpty())
        return ApiValue::null();
    switch (type) {
    case AttributeType::String:
        return parseString(cell);
    case AttributeType::Integer:
    case AttributeType::Float:
    case AttributeType::Numeric:
        return parseNumber(type, text, m_options);
    case AttributeType::Boolean:
        return parseBoolean(text);
    case AttributeType::Date:
        return parseDate(text, m_options);
    case AttributeType::Timestamp:
        return parseTimestamp(text, m_options, m_timeZone);
    case AttributeType::Json:
        return parseJson(text);
    }
    return ApiValue::string(cell.toString());
}

} // namespace sluice
