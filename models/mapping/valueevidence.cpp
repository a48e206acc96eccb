// SPDX-License-Identifier: MIT
#include "models/mapping/valueevidence.h"

#include <QRegularExpression>

namespace sluice {

namespace {

// Fewer values than this only ever support a match: three samples cannot prove a header wrong.
constexpr int MinimumToDoubt = 3;

bool isDate(const QString &value)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^(\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}"
        "|\\d{1,2}[ -]\\p{L}{3,9}\\.?[ -]\\d{2,4}|\\p{L}{3,9}\\.? \\d{1,2},? \\d{4})"
        "([ T]\\d{1,2}:\\d{2}(:\\d{2}([.,]\\d+)?)?)?\\s*(Z|[+-]\\d{2}:?\\d{2}|UTC)?$"));
    return pattern.match(value).hasMatch();
}

bool isInteger(const QString &value)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[-+]?(\\d+|\\d{1,3}([,.' \\x{00A0}]\\d{3})+)$"));
    return pattern.match(value).hasMatch();
}

bool isDecimal(const QString &value)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[-+]?[€$£¥]?\\s?[-+]?[\\d.,' \\x{00A0}]*\\d[\\d.,' "
                       "\\x{00A0}]*\\s?(%|[€$£¥]|[A-Z]{3})?$"));
    return pattern.match(value).hasMatch();
}

bool isBoolean(const QString &value)
{
    static const QStringList words
        = QStringLiteral("true false yes no y n ja nein j oui non si sí x wahr "
                         "falsch vrai faux verdadero falso 0 1")
              .split(u' ');
    return words.contains(value.toLower());
}

bool isCode(const QString &value)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(?=.*\\d)[\\p{L}\\d]+([-_/.][\\p{L}\\d]+)*$|^[A-Z]{2,}([-_][A-Z\\d]+)+$"));
    return pattern.match(value).hasMatch();
}

bool isProse(const QString &value)
{
    return value.count(u' ') >= 2 || value.size() > 30;
}

QString fraction(int part, int whole)
{
    return ValueEvidence::tr("%1 of %2").arg(part).arg(whole);
}

bool isIdentifierName(const QString &name)
{
    return name.endsWith(u"_id") || name.endsWith(u"_number") || name == u"id";
}

} // namespace

ValueShape ValueShape::of(const QStringList &values)
{
    ValueShape shape;
    for (const QString &raw : values) {
        const QString value = raw.trimmed();
        if (value.isEmpty())
            continue;
        ++shape.total;
        shape.booleans += isBoolean(value) ? 1 : 0;
        if (isDate(value)) {
            ++shape.dates;
        } else if (isInteger(value)) {
            ++shape.integers;
            const qlonglong number = value.toLongLong();
            shape.serials += number >= 32874 && number <= 80000 ? 1 : 0; // 1990-01-01 to 2119
        } else if (isDecimal(value)) {
            ++shape.decimals;
        } else if (isCode(value)) {
            ++shape.codes;
        } else if (isProse(value)) {
            ++shape.prose;
        }
    }
    return shape;
}

int ValueEvidence::enumMembers(const Attribute &attribute, const QStringList &values)
{
    int members = 0;
    for (const QString &value : values) {
        const QString trimmed = value.trimmed();
        if (!trimmed.isEmpty() && attribute.enumValues.contains(trimmed, Qt::CaseInsensitive))
            ++members;
    }
    return members;
}

std::optional<Evidence> ValueEvidence::enumAlone(const Attribute &attribute, const QString &column,
                                                 const QStringList &values, const ValueShape &shape)
{
    constexpr double EnumAloneConfidence = 0.6; // above the threshold, below any header synonym
    if (!attribute.hasEnum() || shape.total < MinimumToDoubt)
        return std::nullopt;
    QStringList distinct;
    for (const QString &value : values) {
        const QString folded = value.trimmed().toLower();
        if (attribute.enumValues.contains(folded, Qt::CaseInsensitive)
            && !distinct.contains(folded))
            distinct.append(folded);
    }
    const int members = enumMembers(attribute, values);
    if (members * 10 < shape.total * 9 || distinct.size() < 2)
        return std::nullopt;
    return Evidence {EnumAloneConfidence,
                     tr("values of '%1' are allowed values of %2 (%3), though the header does "
                        "not say so")
                         .arg(column, attribute.name, fraction(members, shape.total))};
}

Evidence ValueEvidence::judge(const Attribute &attribute, const ValueShape &shape,
                              const QStringList &values)
{
    if (shape.total == 0)
        return {};
    switch (attribute.type) {
    case AttributeType::Date:
    case AttributeType::Timestamp:
        return judgeDate(shape);
    case AttributeType::Integer:
    case AttributeType::Float:
    case AttributeType::Numeric:
        return judgeNumber(attribute, shape);
    case AttributeType::Boolean:
        return judgeBoolean(shape);
    case AttributeType::String:
        if (attribute.hasEnum())
            return judgeEnum(attribute, shape, values);
        if (isIdentifierName(attribute.name) || attribute.primaryKey)
            return judgeIdentifier(shape);
        if (shape.dates * 10 >= shape.total * 8 && shape.total >= MinimumToDoubt)
            return {
                -0.2,
                tr("but its values look like dates (%1)").arg(fraction(shape.dates, shape.total))};
        return {};
    case AttributeType::Json:
        return {};
    }
    return {};
}

Evidence ValueEvidence::judgeDate(const ValueShape &shape)
{
    const QString counted = fraction(shape.dates, shape.total);
    if (shape.dates * 10 >= shape.total * 8)
        return {0.1, tr("values look like dates (%1)").arg(counted)};
    // Whole numbers in the range of Excel serial days may be dates stored as numbers: no doubt.
    if (shape.serials * 10 >= shape.total * 8)
        return {0, tr("values could be Excel serial dates")};
    if (shape.total >= MinimumToDoubt && shape.dates * 10 < shape.total * 2)
        return {-0.4, tr("but its values do not look like dates (%1)").arg(counted)};
    return {};
}

Evidence ValueEvidence::judgeNumber(const Attribute &attribute, const ValueShape &shape)
{
    const bool whole = attribute.type == AttributeType::Integer;
    if (shape.total >= MinimumToDoubt && shape.dates * 2 >= shape.total)
        return {-0.4,
                tr("but its values look like dates (%1), not numbers")
                    .arg(fraction(shape.dates, shape.total))};
    if (whole && shape.integers * 10 >= shape.total * 8)
        return {0.05,
                tr("values are whole numbers (%1)").arg(fraction(shape.integers, shape.total))};
    if (shape.numbers() * 10 >= shape.total * 8) {
        if (whole)
            return {-0.05,
                    tr("values are numbers, but %1 have decimals")
                        .arg(fraction(shape.decimals, shape.total))};
        return {0.05, tr("values are numbers (%1)").arg(fraction(shape.numbers(), shape.total))};
    }
    if (shape.total >= MinimumToDoubt && shape.numbers() * 10 < shape.total * 2)
        return {-0.4,
                tr("but its values are not numbers (%1 are)")
                    .arg(fraction(shape.numbers(), shape.total))};
    return {};
}

Evidence ValueEvidence::judgeBoolean(const ValueShape &shape)
{
    const QString counted = fraction(shape.booleans, shape.total);
    if (shape.booleans * 10 >= shape.total * 8)
        return {0.1, tr("values are yes/no (%1)").arg(counted)};
    if (shape.total >= MinimumToDoubt && shape.booleans * 10 < shape.total * 2)
        return {-0.4, tr("but its values are not yes/no (%1 are)").arg(counted)};
    return {};
}

Evidence ValueEvidence::judgeEnum(const Attribute &attribute, const ValueShape &shape,
                                  const QStringList &values)
{
    const int members = enumMembers(attribute, values);
    const QString allowed = attribute.enumValues.join(QStringLiteral(", "));
    if (members * 10 >= shape.total * 8)
        return {0.15,
                tr("values are allowed values of %1 (%2)")
                    .arg(attribute.name, fraction(members, shape.total))};
    if (members > 0)
        return {0,
                tr("only %1 values are allowed values of %2 (%3)")
                    .arg(fraction(members, shape.total), attribute.name, allowed)};
    if (shape.total < MinimumToDoubt)
        return {};
    // Prose where a short code is expected means the header names something else (a comment
    // column called "Status" next to the real one): doubting it hard keeps it from a silent map.
    if (shape.prose * 2 >= shape.total)
        return {-0.6,
                tr("but its values are free text, none an allowed value of %1 (%2)")
                    .arg(attribute.name, allowed)};
    return {
        -0.3,
        tr("but none of its values is an allowed value of %1 (%2)").arg(attribute.name, allowed)};
}

Evidence ValueEvidence::judgeIdentifier(const ValueShape &shape)
{
    if (shape.total < MinimumToDoubt)
        return {};
    if (shape.dates * 10 >= shape.total * 8)
        return {-0.35,
                tr("but its values look like dates (%1), not identifiers")
                    .arg(fraction(shape.dates, shape.total))};
    if (shape.prose * 2 >= shape.total)
        return {-0.3,
                tr("but its values are free text (%1), not identifiers")
                    .arg(fraction(shape.prose, shape.total))};
    if (shape.booleans * 10 >= shape.total * 8 && shape.integers < shape.total)
        return {-0.3,
                tr("but its values are yes/no (%1), not identifiers")
                    .arg(fraction(shape.booleans, shape.total))};
    if ((shape.codes + shape.integers) * 10 >= shape.total * 8)
        return {0.05,
                tr("values look like identifiers (%1)")
                    .arg(fraction(shape.codes + shape.integers, shape.total))};
    return {};
}

} // namespace sluice
