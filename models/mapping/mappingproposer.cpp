// SPDX-License-Identifier: MIT
#include "models/mapping/mappingproposer.h"

#include "models/source/columnprofile.h"

namespace sluice {

namespace {

bool readsDatesOrNumbers(AttributeType type)
{
    return type != AttributeType::String && type != AttributeType::Boolean
        && type != AttributeType::Json;
}

QList<SourceCell> sampleCells(const SheetTable &table, const SheetLayout &layout, int column)
{
    QList<SourceCell> cells;
    const qsizetype end
        = std::min(layout.dataEndRow, layout.firstDataRow + MappingProposer::SampleRows);
    for (qsizetype row = layout.firstDataRow; row < end; ++row) {
        if (!table.isEmpty(row, column))
            cells.append({table.text(row, column), table.kind(row, column)});
    }
    return cells;
}

// The automapper's view of each column: its profile and the sampled values' text.
QList<SourceColumn> sourceColumns(const SheetTable &table, const SheetLayout &layout,
                                  const QList<QList<SourceCell>> &samples)
{
    const QList<ColumnProfile> profiles = ColumnProfiler::profile(table, layout);
    QList<SourceColumn> columns;
    for (int column = 0; column < layout.columnNames.size(); ++column) {
        SourceColumn source;
        source.name = layout.columnNames.at(column);
        source.profile = profiles.value(column);
        for (const SourceCell &cell : samples.at(column))
            source.values.append(cell.text);
        columns.append(source);
    }
    return columns;
}

} // namespace

MappingProposal MappingProposer::propose(const Resource &resource, const SheetTable &table,
                                         const SheetLayout &layout,
                                         const std::optional<Mapping> &saved)
{
    Automapper automapper(resource);
    if (saved)
        automapper.setSavedMapping(*saved);
    // Sampled once: the automapper reads the values, the inference their kinds too.
    QList<QList<SourceCell>> samples;
    for (int column = 0; column < layout.columnNames.size(); ++column)
        samples.append(sampleCells(table, layout, column));
    MappingProposal proposal;
    proposal.automap = automapper.propose(sourceColumns(table, layout, samples));
    for (AttributeMapping &mapping : proposal.automap.mapping.attributes) {
        const Attribute *attribute = resource.attribute(mapping.attribute);
        if (attribute == nullptr || mapping.source != AttributeMapping::Source::Column
            || mapping.columns.size() != 1 || !readsDatesOrNumbers(attribute->type))
            continue;
        // A saved mapping's reading settings are the user's: they stand.
        if (saved && saved->find(mapping.attribute) != nullptr)
            continue;
        const int column = int(layout.columnNames.indexOf(mapping.columns.first()));
        if (column < 0)
            continue;
        const InferredFormat format = ColumnInference::infer(samples.at(column));
        if (format.kind != InferredFormat::Kind::Date
            && format.kind != InferredFormat::Kind::Number)
            continue;
        if (!format.ambiguous) {
            Transforms &transforms = mapping.transforms;
            transforms.dayOrder = format.transforms.dayOrder;
            transforms.datePattern = format.transforms.datePattern;
            transforms.number = format.transforms.number;
            transforms.stripCurrency = format.transforms.stripCurrency;
            transforms.percent = format.transforms.percent;
        }
        proposal.formats.append({mapping.attribute, mapping.columns.first(), format});
    }
    return proposal;
}

} // namespace sluice
