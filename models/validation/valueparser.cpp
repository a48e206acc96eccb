// SPDX-License-Identifier: MIT
#include "models/validation/valueparser.h"

#include "models/validation/dateparser.h"
#include "models/validation/dateparser_p.h"
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
        return dateparser::readPattern(text, options.datePattern, target);
    return dateparser::parseText(text, options, target);
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
        parsed = dateparser::toUtc(*parsed, options.timeZone, zone);
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
