// SPDX-License-Identifier: MIT
#include "models/session/bulkfix.h"

#include "models/validation/rowrules.h"

#include <algorithm>
#include <initializer_list>

namespace sluice {

namespace {

constexpr int ShownInvalidValues = 3;

bool isDateType(AttributeType type)
{
    return type == AttributeType::Date || type == AttributeType::Timestamp;
}

bool hasSurroundingSpace(const QString &text)
{
    return !text.isEmpty() && (text.front().isSpace() || text.back().isSpace())
        && !QStringView(text).trimmed().isEmpty();
}

// Whether one of values (the group's top values) becomes an allowed value under another case.
bool caseWouldFix(const Attribute &attribute, const Transforms &current,
                  const QList<QPair<QString, qsizetype>> &values)
{
    if (!attribute.hasEnum())
        return false;
    for (const Transforms::Case letterCase :
         {Transforms::Case::Lower, Transforms::Case::Upper, Transforms::Case::Title}) {
        if (letterCase == current.letterCase)
            continue;
        Transforms changed = current;
        changed.letterCase = letterCase;
        for (const auto &[value, cells] : values) {
            if (attribute.enumValues.contains(BulkFix::valueMapKey(changed, value)))
                return true;
        }
    }
    return false;
}

// The attribute's mapping as the preview reads one source text: a joined attribute's issues
// carry the joined text already.
AttributeMapping previewMapping(AttributeMapping mapping)
{
    if (mapping.source == AttributeMapping::Source::Joined)
        mapping.source = AttributeMapping::Source::Column;
    return mapping;
}

BulkFix::Choice choiceOf(BulkFix::Kind kind)
{
    BulkFix::Choice choice;
    choice.kind = kind;
    return choice;
}

// The option that fixes the most cells; the first of equals.
template<typename T, typename Fixed>
T bestOf(std::initializer_list<T> options, Fixed fixed)
{
    T best = *options.begin();
    qsizetype bestCells = -1;
    for (const T option : options) {
        if (const qsizetype cells = fixed(option); cells > bestCells) {
            bestCells = cells;
            best = option;
        }
    }
    return best;
}

QString cellsText(qsizetype cells)
{
    // Plurals spelled out: without a loaded English translation, tr()'s %n gives "cell(s)".
    return cells == 1 ? BulkFix::tr("1 cell") : BulkFix::tr("%1 cells").arg(cells);
}

QString quoted(const QString &value)
{
    return value.isEmpty() ? BulkFix::tr("(empty)") : BulkFix::tr("'%1'").arg(value);
}

} // namespace

QList<BulkFix::Kind> BulkFix::offeredFor(const IssueGroup &group, const Attribute &attribute,
                                         const AttributeMapping *current)
{
    const Transforms transforms = current ? current->transforms : Transforms {};
    // A default fills an empty cell of a column; an unmapped attribute needs the mapping step.
    const bool readsColumns = !current || current->source == AttributeMapping::Source::Column
        || current->source == AttributeMapping::Source::Joined;
    const bool dates = isDateType(attribute.type);
    QList<Kind> kinds;
    switch (group.code) {
    case IssueCode::Format:
        kinds << Kind::ReformatDates << Kind::MapValues;
        break;
    case IssueCode::Type:
        if (dates)
            kinds << Kind::ReformatDates;
        kinds << Kind::MapValues;
        break;
    case IssueCode::Enum:
        kinds << Kind::MapValues;
        if (caseWouldFix(attribute, transforms, group.topValues))
            kinds << Kind::ChangeCase;
        break;
    case IssueCode::Reference:
        kinds << Kind::MapValues;
        break;
    case IssueCode::Required:
    case IssueCode::Null:
        if (readsColumns)
            kinds << Kind::FillEmpty;
        break;
    default:
        break;
    }
    // Trim is on by default; offered only where it is off and would change a value.
    const bool spaced
        = std::any_of(group.topValues.begin(), group.topValues.end(),
                      [](const auto &value) { return hasSurroundingSpace(value.first); });
    if (!transforms.trim && spaced && group.code != IssueCode::Required
        && group.code != IssueCode::Null)
        kinds << Kind::Trim;
    kinds << Kind::ExcludeRows;
    return kinds;
}

QString BulkFix::kindName(Kind kind)
{
    switch (kind) {
    case Kind::MapValues:
        return tr("Map the values to allowed ones");
    case Kind::ReformatDates:
        return tr("Read the dates in another format");
    case Kind::Trim:
        return tr("Trim spaces around the values");
    case Kind::ChangeCase:
        return tr("Change the case of the values");
    case Kind::FillEmpty:
        return tr("Fill the empty cells with a value");
    case Kind::ExcludeRows:
        return tr("Leave the rows out of the upload");
    }
    return {};
}

QString BulkFix::valueMapKey(const Transforms &transforms, const QString &text)
{
    return CellValueBuilder::valueMapKey(transforms, text);
}

AttributeMapping BulkFix::withValueMap(AttributeMapping mapping,
                                       const QHash<QString, QString> &valueMap)
{
    for (auto entry = valueMap.begin(); entry != valueMap.end(); ++entry) {
        const QString key = valueMapKey(mapping.transforms, entry.key());
        // An empty cell never reaches the value map (its default does instead).
        if (entry.value().isEmpty() || key.isEmpty())
            continue;
        if (key == entry.value())
            mapping.transforms.valueMap.remove(key); // the value as it is: no entry needed
        else
            mapping.transforms.valueMap.insert(key, entry.value());
    }
    return mapping;
}

AttributeMapping BulkFix::withChoice(AttributeMapping mapping, const Choice &choice)
{
    switch (choice.kind) {
    case Kind::MapValues:
        return withValueMap(std::move(mapping), choice.valueMap);
    case Kind::ReformatDates:
        mapping.transforms.dayOrder = choice.dayOrder;
        mapping.transforms.datePattern = choice.datePattern.trimmed();
        break;
    case Kind::Trim:
        mapping.transforms.trim = true;
        break;
    case Kind::ChangeCase:
        mapping.transforms.letterCase = choice.letterCase;
        break;
    case Kind::FillEmpty:
        mapping.defaultValue = choice.fillValue;
        break;
    case Kind::ExcludeRows:
        break;
    }
    return mapping;
}

Mapping BulkFix::withChoice(const Mapping &mapping, const QString &attribute, const Choice &choice)
{
    Mapping changed = mapping;
    if (AttributeMapping *found = changed.find(attribute))
        *found = withChoice(*found, choice);
    return changed;
}

Mapping BulkFix::withValueMap(const Mapping &mapping, const QString &attribute,
                              const QHash<QString, QString> &valueMap)
{
    Choice choice = choiceOf(Kind::MapValues);
    choice.valueMap = valueMap;
    return withChoice(mapping, attribute, choice);
}

Mapping BulkFix::withDateFormat(const Mapping &mapping, const QString &attribute, DayOrder dayOrder,
                                const QString &pattern)
{
    Choice choice = choiceOf(Kind::ReformatDates);
    choice.dayOrder = dayOrder;
    choice.datePattern = pattern;
    return withChoice(mapping, attribute, choice);
}

Mapping BulkFix::withTrim(const Mapping &mapping, const QString &attribute, bool trim)
{
    Mapping changed = mapping;
    if (AttributeMapping *found = changed.find(attribute))
        found->transforms.trim = trim;
    return changed;
}

Mapping BulkFix::withCase(const Mapping &mapping, const QString &attribute,
                          Transforms::Case letterCase)
{
    Choice choice = choiceOf(Kind::ChangeCase);
    choice.letterCase = letterCase;
    return withChoice(mapping, attribute, choice);
}

Mapping BulkFix::withDefault(const Mapping &mapping, const QString &attribute, const QString &value)
{
    Choice choice = choiceOf(Kind::FillEmpty);
    choice.fillValue = value;
    return withChoice(mapping, attribute, choice);
}

std::optional<QString> BulkFix::remainingProblem(const CellValueBuilder &builder,
                                                 const Attribute &attribute, const QString &text)
{
    const SourceCell cell {
        text, QStringView(text).trimmed().isEmpty() ? CellKind::Empty : CellKind::Text};
    const Result<ApiValue, ValueError> value = builder.build(std::span<const SourceCell>(&cell, 1));
    if (!value)
        return value.error().reason;
    const bool mapped = builder.mapping().isMapped();
    // The same rules as RowRules::checkCell, short of the references.
    if (value->isNull()) {
        if (attribute.isRequired())
            return mapped ? tr("is empty, but it is required") : tr("has no source");
        if (mapped && attribute.nullable == false)
            return tr("is empty, but it may not be null");
        return std::nullopt;
    }
    if (attribute.hasEnum() && !attribute.enumValues.contains(value->text())) {
        return tr("'%1' is not one of %2")
            .arg(value->text(), attribute.enumValues.join(QStringLiteral(", ")));
    }
    return std::nullopt;
}

BulkFix::Preview BulkFix::preview(const AttributeMapping &proposed, const Attribute &attribute,
                                  const QList<QPair<QString, qsizetype>> &values)
{
    const CellValueBuilder builder(previewMapping(proposed), attribute.type);
    Preview preview;
    for (const auto &[value, cells] : values) {
        preview.cells += cells;
        ++preview.values;
        if (std::optional<QString> problem = remainingProblem(builder, attribute, value)) {
            preview.stillInvalid.append({value, cells, std::move(*problem)});
        } else {
            preview.fixedCells += cells;
            ++preview.fixedValues;
        }
    }
    std::stable_sort(preview.stillInvalid.begin(), preview.stillInvalid.end(),
                     [](const Invalid &a, const Invalid &b) { return a.cells > b.cells; });
    return preview;
}

QString BulkFix::Preview::text() const
{
    if (cells == 0)
        return tr("No cells to fix.");
    const QString valueCount = values == 1 ? tr("1 value") : tr("%1 values").arg(values);
    if (fixedCells == cells)
        return tr("✓ Fixes %1 of %2 cells (%3)").arg(fixedCells).arg(cells).arg(valueCount);
    QString text = fixedCells == 0 ? tr("✖ Fixes none of the %1.").arg(cellsText(cells))
                                   : tr("Fixes %1 of %2 cells (%3 of %4).")
                                         .arg(fixedCells)
                                         .arg(cells)
                                         .arg(fixedValues)
                                         .arg(valueCount);
    QStringList shown;
    for (const Invalid &invalid :
         stillInvalid.first(std::min<qsizetype>(stillInvalid.size(), ShownInvalidValues)))
        shown << tr("%1 (%2)").arg(quoted(invalid.value), cellsText(invalid.cells));
    const qsizetype more = stillInvalid.size() - shown.size();
    if (more > 0)
        shown << (more == 1 ? tr("1 more value") : tr("%1 more values").arg(more));
    text += u'\n' + tr("✖ Still invalid: %1").arg(shown.join(QStringLiteral(", ")));
    if (!stillInvalid.isEmpty() && stillInvalid.size() <= ShownInvalidValues)
        text += tr(" (%1)").arg(stillInvalid.front().reason);
    return text;
}

QString BulkFix::suggestTarget(const QString &bad, const Attribute &attribute)
{
    if (!attribute.hasEnum())
        return {};
    const QString trimmed = bad.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (QString near = RowRules::closestAllowed(trimmed, attribute.enumValues); !near.isEmpty())
        return near;
    // An abbreviation ("pend", "arch") or a value with a suffix ("won (signed)"): only when one
    // allowed value fits, never a guess between two.
    QString found;
    for (const QString &allowed : attribute.enumValues) {
        const bool fits = (trimmed.size() >= 2 && allowed.startsWith(trimmed, Qt::CaseInsensitive))
            || (allowed.size() >= 2 && trimmed.startsWith(allowed, Qt::CaseInsensitive));
        if (!fits)
            continue;
        if (!found.isEmpty())
            return {};
        found = allowed;
    }
    return found;
}

DayOrder BulkFix::suggestDayOrder(const AttributeMapping &current, const Attribute &attribute,
                                  const QList<QPair<QString, qsizetype>> &values)
{
    return bestOf({DayOrder::DayMonthYear, DayOrder::MonthDayYear, DayOrder::YearMonthDay},
                  [&](DayOrder order) {
                      AttributeMapping proposed = current;
                      proposed.transforms.dayOrder = order;
                      proposed.transforms.datePattern.clear();
                      return preview(proposed, attribute, values).fixedCells;
                  });
}

Transforms::Case BulkFix::suggestCase(const AttributeMapping &current, const Attribute &attribute,
                                      const QList<QPair<QString, qsizetype>> &values)
{
    using Case = Transforms::Case;
    return bestOf({Case::Lower, Case::Upper, Case::Title}, [&](Case letterCase) {
        AttributeMapping proposed = current;
        proposed.transforms.letterCase = letterCase;
        return preview(proposed, attribute, values).fixedCells;
    });
}

QString BulkFix::dayOrderName(DayOrder order)
{
    switch (order) {
    case DayOrder::Unspecified:
        return tr("unambiguous dates only");
    case DayOrder::DayMonthYear:
        return tr("day/month/year");
    case DayOrder::MonthDayYear:
        return tr("month/day/year");
    case DayOrder::YearMonthDay:
        return tr("year/month/day");
    }
    return {};
}

QString BulkFix::description(const QString &attribute, const Choice &choice)
{
    switch (choice.kind) {
    case Kind::MapValues: {
        QStringList mapped;
        for (auto entry = choice.valueMap.begin(); entry != choice.valueMap.end(); ++entry) {
            if (!entry.value().isEmpty())
                mapped << entry.key();
        }
        if (mapped.size() == 1) {
            return tr("Map '%1' to '%2' in %3")
                .arg(mapped.front(), choice.valueMap.value(mapped.front()), attribute);
        }
        return tr("Map %1 values of %2").arg(mapped.size()).arg(attribute);
    }
    case Kind::ReformatDates:
        return tr("Read %1 as %2")
            .arg(attribute,
                 choice.datePattern.trimmed().isEmpty() ? dayOrderName(choice.dayOrder)
                                                        : choice.datePattern.trimmed());
    case Kind::Trim:
        return tr("Trim spaces around %1").arg(attribute);
    case Kind::ChangeCase:
        switch (choice.letterCase) {
        case Transforms::Case::Keep:
            return tr("Keep the case of %1 as written").arg(attribute);
        case Transforms::Case::Upper:
            return tr("Write %1 in upper case").arg(attribute);
        case Transforms::Case::Lower:
            return tr("Write %1 in lower case").arg(attribute);
        case Transforms::Case::Title:
            return tr("Write %1 in title case").arg(attribute);
        }
        return {};
    case Kind::FillEmpty:
        return choice.fillValue.isEmpty()
            ? tr("Leave empty %1 cells empty").arg(attribute)
            : tr("Fill empty %1 cells with '%2'").arg(attribute, choice.fillValue);
    case Kind::ExcludeRows:
        return tr("Leave out the rows with this %1 issue").arg(attribute);
    }
    return {};
}

} // namespace sluice
