// SPDX-License-Identifier: MIT
#include "models/validation/cellvaluebuilder.h"

#include "models/validation/numberparser.h"

namespace sluice {

namespace {

bool isNumberType(AttributeType type)
{
    return type == AttributeType::Integer || type == AttributeType::Float
        || type == AttributeType::Numeric;
}

bool isDateType(AttributeType type)
{
    return type == AttributeType::Date || type == AttributeType::Timestamp;
}

// "north EAST o'neil" → "North East O'neil": a letter after a letter or digit (or an
// apostrophe inside a word) is lower case, the first of a word upper case.
QString titleCase(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool inWord = false;
    for (const QChar c : text) {
        out += inWord ? c.toLower() : c.toUpper();
        inWord = c.isLetterOrNumber() || (inWord && c == u'\'');
    }
    return out;
}

enum class Reading { Text, Typed, Machine, Serial };

ParseOptions optionsFor(ParseOptions options, const Transforms &transforms, Reading reading)
{
    options.timeZone = transforms.timeZone;
    options.timestampForm = transforms.timestampForm;
    options.cellIsSerialNumber = reading == Reading::Serial;
    switch (reading) {
    case Reading::Text:
        options.number = transforms.number;
        options.dayOrder = transforms.dayOrder;
        options.datePattern = transforms.datePattern;
        break;
    case Reading::Typed:
        options.number = NumberSeparators {};
        options.dayOrder = DayOrder::Unspecified;
        options.datePattern.clear();
        break;
    case Reading::Machine:
    case Reading::Serial:
        options.number = NumberSeparators {u'.', QChar()};
        options.dayOrder = DayOrder::Unspecified;
        options.datePattern.clear();
        break;
    }
    return options;
}

} // namespace

CellValueBuilder::CellValueBuilder(AttributeMapping mapping, AttributeType type,
                                   const ParseOptions &base)
    : m_mapping(std::move(mapping))
    , m_type(type)
    , m_textParser(optionsFor(base, m_mapping.transforms, Reading::Text))
    , m_typedParser(optionsFor(base, m_mapping.transforms, Reading::Typed))
    , m_machineParser(optionsFor(base, m_mapping.transforms, Reading::Machine))
    , m_serialParser(optionsFor(base, m_mapping.transforms, Reading::Serial))
{}

Result<ApiValue, ValueError> CellValueBuilder::build(const SourceRow &row) const
{
    QList<SourceCell> cells;
    cells.reserve(m_mapping.columns.size());
    for (const QString &column : m_mapping.columns)
        cells.append(row.value(column));
    return build(std::span<const SourceCell>(cells.cbegin(), cells.cend()));
}

Result<ApiValue, ValueError> CellValueBuilder::build(std::span<const SourceCell> cells) const
{
    using Source = AttributeMapping::Source;
    if (m_mapping.source == Source::Unmapped)
        return ApiValue::null();
    if (m_mapping.source == Source::Constant) {
        bool mapped = false;
        return parse(applyTextTransforms(m_mapping.constant, mapped), Origin::Typed,
                     CellKind::Text);
    }
    const SourceCell cell = sourceCell(cells);
    if (cell.kind == CellKind::Error) {
        return ValueError {
            ValueError::Kind::Type,
            tr("the spreadsheet cell holds the error %1, not a value").arg(cell.text)};
    }
    if (QStringView(cell.text).trimmed().isEmpty()) { // a view: no copy to test for blank
        if (m_mapping.defaultValue.isEmpty())
            return ApiValue::null();
        bool mapped = false;
        return parse(applyTextTransforms(m_mapping.defaultValue, mapped), Origin::Typed,
                     CellKind::Text);
    }
    bool mapped = false;
    const QString text = applyTextTransforms(cell.text, mapped);
    const bool machine = cell.kind == CellKind::Number || cell.kind == CellKind::DateTime;
    const Origin origin = mapped ? Origin::Typed : machine ? Origin::Machine : Origin::Text;
    return parse(text, origin, cell.kind);
}

// One column's cell, or the joined text of several: empty parts are left out, so a missing
// middle name does not leave a double separator.
SourceCell CellValueBuilder::sourceCell(std::span<const SourceCell> cells) const
{
    if (m_mapping.source == AttributeMapping::Source::Column)
        return cells.empty() ? SourceCell {} : cells.front();
    QStringList parts;
    for (const SourceCell &cell : cells) {
        if (cell.kind == CellKind::Error)
            return cell;
        const QString part = m_mapping.transforms.trim ? cell.text.trimmed() : cell.text;
        if (!part.trimmed().isEmpty())
            parts << part;
    }
    return SourceCell {parts.join(m_mapping.separator), CellKind::Text};
}

QString CellValueBuilder::valueMapKey(const Transforms &t, const QString &text)
{
    // Most cells have nothing to trim: seeing that from the two ends saves trimmed()'s call.
    const bool untrimmed = !text.isEmpty() && (text.front().isSpace() || text.back().isSpace());
    const QString out = t.trim && untrimmed ? text.trimmed() : text;
    switch (t.letterCase) {
    case Transforms::Case::Keep:
        return out;
    case Transforms::Case::Upper:
        return out.toUpper();
    case Transforms::Case::Lower:
        return out.toLower();
    case Transforms::Case::Title:
        return titleCase(out);
    }
    return out;
}

QString CellValueBuilder::applyTextTransforms(const QString &text, bool &mapped) const
{
    const Transforms &t = m_mapping.transforms;
    const QString out = valueMapKey(t, text);
    const auto hit = t.valueMap.constFind(out);
    mapped = hit != t.valueMap.constEnd();
    return mapped ? *hit : out;
}

Result<ApiValue, ValueError> CellValueBuilder::parse(const QString &text, Origin origin,
                                                     CellKind kind) const
{
    switch (origin) {
    case Origin::Typed:
        return m_typedParser.parse(m_type, text);
    case Origin::Machine:
        return kind == CellKind::Number && isDateType(m_type) ? m_serialParser.parse(m_type, text)
                                                              : m_machineParser.parse(m_type, text);
    case Origin::Text:
        break;
    }
    if (isNumberType(m_type))
        return parseNumberText(text);
    return m_textParser.parse(m_type, text);
}

// Currency and percent signs come off before the number is read; a percentage moves the decimal
// point on the digit text (12.5 % → 0.125), so no double ever rounds it.
Result<ApiValue, ValueError> CellValueBuilder::parseNumberText(const QString &text) const
{
    const Transforms &t = m_mapping.transforms;
    // Text already in canonical form is its own value (see ValueParser::parse): no scan, and the
    // value shares the text.
    if (!t.stripCurrency && !t.percent && numberparser::hasPlainSeparators(t.number)
        && (m_type == AttributeType::Integer || m_type == AttributeType::Float)
        && numberparser::isCanonical(text, m_type == AttributeType::Integer))
        return ApiValue::number(text);
    QString body = t.stripCurrency ? ColumnInference::stripCurrency(text) : text.trimmed();
    if (t.percent)
        body = ColumnInference::stripPercent(body);
    if (body.isEmpty()) {
        return ValueError {ValueError::Kind::Type,
                           tr("%1 has no number in it").arg(numberparser::quoted(text))};
    }
    auto scanned = numberparser::scan(body, t.number);
    if (!scanned)
        return scanned.error();
    Decimal value = *scanned;
    if (t.percent && !value.isZero())
        value.exponent -= 2;
    switch (m_type) {
    case AttributeType::Integer:
        return numberparser::toInteger(value, text);
    case AttributeType::Numeric:
        return numberparser::toNumeric(value, text, m_textParser.options().numericPrecision,
                                       m_textParser.options().numericScale);
    default:
        return numberparser::toFloat(value, text);
    }
}

} // namespace sluice
