// SPDX-License-Identifier: MIT
#include "models/validation/rowrules.h"

#include "models/common/editdistance.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace sluice {

namespace {

// Pairs of attributes where the first should not be above the second; checked when a resource
// has both. Warnings only: a late correction can make any of them legitimate.
struct ComparisonRule
{
    const char *lower;
    const char *higher;
    bool dates;
};

constexpr ComparisonRule ComparisonRules[] = {
    {"shipped_units", "ordered_units", false},  {"shipped_value", "ordered_value", false},
    {"order_date", "actual_ship_date", true},   {"order_date", "requested_ship_date", true},
    {"order_date", "expected_ship_date", true}, {"valid_from", "valid_to", true},
    {"start_date", "end_date", true},
};

// Timestamps of either output form compare as text once the date/time separator agrees; the
// offset is left out (a warning does not need it). Compared in place: copying the first 19
// characters of both sides cost four allocations per row.
bool laterTime(QStringView a, QStringView b)
{
    a = a.left(19);
    b = b.left(19);
    const qsizetype common = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (i == 10)
            continue; // the date/time separator, ' ' or 'T', reads as ' ' on both sides
        if (a[i] != b[i])
            return a[i] > b[i];
    }
    return a.size() > b.size();
}

// A plain decimal ("-12.50") of at most 15 digits, the ones DBL_DIG guarantees: such values
// convert to doubles distinctly and in order, so comparing them exactly gives the same answer
// as comparing their toDouble(), without its cost.
struct SmallDecimal
{
    bool negative = false; // false for zero, so -0 equals 0 as it does as a double
    qint64 integer = 0;
    qint64 fraction = 0; // scaled to 15 digits
};

constexpr qsizetype SmallDecimalDigits = 15;

std::optional<SmallDecimal> smallDecimal(QStringView text)
{
    SmallDecimal value;
    qsizetype pos = 0;
    const bool negative = !text.isEmpty() && text.front() == u'-';
    if (negative)
        ++pos;
    qsizetype digits = 0;
    const qsizetype integerStart = pos;
    for (; pos < text.size() && text[pos] >= u'0' && text[pos] <= u'9'; ++pos, ++digits)
        value.integer = value.integer * 10 + (text[pos].unicode() - u'0');
    if (pos == integerStart || digits > SmallDecimalDigits)
        return std::nullopt;
    qsizetype scale = 0;
    if (pos < text.size() && text[pos] == u'.') {
        ++pos;
        for (; pos < text.size() && text[pos] >= u'0' && text[pos] <= u'9'; ++pos, ++scale) {
            if (++digits > SmallDecimalDigits)
                return std::nullopt;
            value.fraction = value.fraction * 10 + (text[pos].unicode() - u'0');
        }
        if (scale == 0)
            return std::nullopt;
    }
    if (pos != text.size())
        return std::nullopt;
    for (; scale < SmallDecimalDigits; ++scale)
        value.fraction *= 10;
    value.negative = negative && (value.integer != 0 || value.fraction != 0);
    return value;
}

// lower > upper as toDouble() reads the two texts.
bool greaterNumber(const QString &lower, const QString &upper)
{
    const auto a = smallDecimal(lower);
    const auto b = smallDecimal(upper);
    if (!a || !b)
        return lower.toDouble() > upper.toDouble();
    if (a->negative != b->negative)
        return b->negative;
    const bool magnitudeAbove
        = std::pair(a->integer, a->fraction) > std::pair(b->integer, b->fraction);
    const bool magnitudeBelow
        = std::pair(a->integer, a->fraction) < std::pair(b->integer, b->fraction);
    return a->negative ? magnitudeBelow : magnitudeAbove;
}

} // namespace

RowRules::RowRules(const Resource &resource, ReferenceSets references)
    : m_resource(resource)
    , m_references(std::move(references))
{
    for (const ComparisonRule &rule : ComparisonRules) {
        const auto lower = resource.attributeIndex(QString::fromLatin1(rule.lower));
        const auto higher = resource.attributeIndex(QString::fromLatin1(rule.higher));
        if (lower >= 0 && higher >= 0)
            m_comparisons.push_back({int(lower), int(higher), rule.dates});
    }
}

QString RowRules::closestAllowed(const QString &value, const QStringList &allowed)
{
    for (const QString &candidate : allowed) {
        if (candidate.compare(value.trimmed(), Qt::CaseInsensitive) == 0)
            return candidate;
    }
    QString best;
    int bestDistance = 3;
    for (const QString &candidate : allowed) {
        const int distance = editDistance(value.toLower(), candidate.toLower(), 2);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

QString RowRules::suggestedFix(IssueCode code, AttributeType type)
{
    const bool number = type == AttributeType::Integer || type == AttributeType::Float
        || type == AttributeType::Numeric;
    const bool time = type == AttributeType::Date || type == AttributeType::Timestamp;
    switch (code) {
    case IssueCode::Required:
        return tr("fill the cell, or give the column a default value");
    case IssueCode::Null:
        return tr("give the column a default value, or leave the attribute unmapped");
    case IssueCode::Type:
        return number ? tr("correct the value; if the column writes numbers with a currency or "
                           "a decimal comma, set its number format")
            : time    ? tr("correct the value, or set the column's date pattern")
                      : tr("correct the value");
    case IssueCode::Format:
        return tr("correct the date, or set the column's day order or date pattern");
    case IssueCode::Enum:
        return tr("map the value to an allowed one");
    case IssueCode::DuplicateKey:
        return tr("keep one of these rows, or correct the key");
    case IssueCode::Reference:
        return tr("check the value, or load the reference file that holds it");
    case IssueCode::Length:
        return tr("shorten the text to 65,535 bytes");
    case IssueCode::Range:
        return tr("correct the value");
    case IssueCode::Suspicious:
        return tr("check both values; send the row as it is if they are right");
    case IssueCode::UnknownColumn:
        return tr("check the mapping against the table's columns");
    case IssueCode::KeyExists:
        return tr("send the row with UPSERT to update it, or leave it out");
    case IssueCode::Server:
        return tr("correct the value as the server's message says");
    }
    return {};
}

CellIssue RowRules::issue(qsizetype row, int attribute, IssueCode code,
                          const NormalisedCell &cell) const
{
    CellIssue issue;
    issue.suggestion = suggestedFix(code, m_resource.attributes.at(attribute).type);
    issue.row = row;
    issue.attribute = attribute;
    issue.code = code;
    issue.severity = defaultSeverity(code);
    issue.value = cell.source;
    return issue;
}

void RowRules::check(qsizetype row, const std::vector<NormalisedCell> &cells,
                     std::vector<CellIssue> &out) const
{
    const auto count = std::min<qsizetype>(m_resource.attributes.size(), qsizetype(cells.size()));
    for (qsizetype i = 0; i < count; ++i)
        checkCell(row, int(i), cells[size_t(i)], out);
    checkComparisons(row, cells, out);
}

void RowRules::checkCell(qsizetype row, int attribute, const NormalisedCell &cell,
                         std::vector<CellIssue> &out) const
{
    const Attribute &definition = m_resource.attributes.at(attribute);
    if (cell.error) {
        static constexpr IssueCode Codes[]
            = {IssueCode::Type, IssueCode::Format, IssueCode::Range, IssueCode::Length};
        CellIssue found = issue(row, attribute, Codes[int(cell.error->kind)], cell);
        found.message = cell.error->reason;
        found.cause = found.code == IssueCode::Type
            ? tr("is not a valid %1").arg(attributeTypeName(definition.type))
            : found.code == IssueCode::Format
            ? tr("is not a valid %1 (format)").arg(attributeTypeName(definition.type))
            : cell.error->reason;
        out.push_back(std::move(found));
        return;
    }
    if (cell.value.isNull()) {
        // A mapped, optional attribute that must not be null: the record would send null for
        // the empty cell, and the API refuses it (DI_E_10005).
        if (!definition.isRequired() && cell.mapped && definition.nullable == false) {
            CellIssue found = issue(row, attribute, IssueCode::Null, cell);
            found.cause = tr("is empty, but it may not be null");
            found.message = tr("%1 %2 (give a default value, or leave it unmapped)")
                                .arg(definition.name, found.cause);
            out.push_back(std::move(found));
        }
        if (!definition.isRequired())
            return;
        CellIssue found = issue(row, attribute, IssueCode::Required, cell);
        if (!cell.mapped)
            found.suggestion = tr("map a column to it, or give a constant");
        found.cause = !cell.mapped  ? tr("has no source: map a column or give a constant")
            : definition.primaryKey ? tr("is empty, but it is part of the primary key")
                                    : tr("is empty, but it is required");
        found.message = tr("%1 %2").arg(definition.name, found.cause);
        out.push_back(std::move(found));
        return;
    }
    const QString &text = cell.value.text();
    if (definition.hasEnum() && !definition.enumValues.contains(text)) {
        CellIssue found = issue(row, attribute, IssueCode::Enum, cell);
        found.cause = tr("is not one of %1").arg(definition.enumValues.join(QStringLiteral(", ")));
        found.message
            = tr("'%1' is not an allowed %2 (allowed: %3)")
                  .arg(text, definition.name, definition.enumValues.join(QStringLiteral(", ")));
        if (const QString near = closestAllowed(text, definition.enumValues); !near.isEmpty())
            found.suggestion = tr("did you mean '%1'?").arg(near);
        out.push_back(std::move(found));
    }
    if (!definition.references.isEmpty()) {
        const auto set = m_references.constFind(definition.references);
        if (set != m_references.constEnd() && !set->contains(text)) {
            CellIssue found = issue(row, attribute, IssueCode::Reference, cell);
            found.cause = tr("is not in the loaded %1").arg(definition.references);
            found.message = tr("'%1' is not a %2 of the loaded reference data")
                                .arg(text, definition.references);
            out.push_back(std::move(found));
        }
    }
}

void RowRules::checkComparisons(qsizetype row, const std::vector<NormalisedCell> &cells,
                                std::vector<CellIssue> &out) const
{
    for (const Comparison &comparison : m_comparisons) {
        if (size_t(std::max(comparison.lower, comparison.higher)) >= cells.size())
            continue;
        const NormalisedCell &lower = cells[size_t(comparison.lower)];
        const NormalisedCell &higher = cells[size_t(comparison.higher)];
        if (lower.value.isNull() || higher.value.isNull() || lower.error || higher.error)
            continue;
        const bool above = comparison.dates
            ? laterTime(lower.value.text(), higher.value.text())
            : greaterNumber(lower.value.text(), higher.value.text());
        if (!above)
            continue;
        const QString &lowerName = m_resource.attributes.at(comparison.lower).name;
        const QString &higherName = m_resource.attributes.at(comparison.higher).name;
        CellIssue found = issue(row, comparison.lower, IssueCode::Suspicious, lower);
        found.cause = comparison.dates ? tr("is after %1").arg(higherName)
                                       : tr("is more than %1").arg(higherName);
        found.message = tr("%1 (%2) %3 (%4)")
                            .arg(lowerName, lower.value.text(), found.cause, higher.value.text());
        out.push_back(std::move(found));
    }
}

} // namespace sluice
