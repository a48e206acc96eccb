// SPDX-License-Identifier: MIT
#include "models/validation/mappedrowsource.h"

#include <algorithm>

namespace sluice {

namespace {

bool isBlankRow(const SheetTable &table, qsizetype row, int columns)
{
    for (int column = 0; column < columns; ++column) {
        if (!table.isEmpty(row, column) && !table.utf8(row, column).trimmed().isEmpty())
            return false;
    }
    return true;
}

} // namespace

MappedRowSource::MappedRowSource(const SheetTable &table, const SheetLayout &layout,
                                 const Resource &resource, const Mapping &mapping,
                                 const ParseOptions &base)
    : m_table(table)
{
    for (const Attribute &attribute : resource.attributes) {
        const AttributeMapping *found = mapping.find(attribute.name);
        AttributeMapping attributeMapping = found ? *found : AttributeMapping {};
        attributeMapping.attribute = attribute.name;
        std::vector<int> columns;
        for (const QString &name : attributeMapping.columns) {
            const auto index = layout.columnNames.indexOf(name);
            columns.push_back(int(index));
            if (index < 0 && !m_missingColumns.contains(name))
                m_missingColumns.append(name);
        }
        const bool mapped = attributeMapping.isMapped();
        m_attributes.push_back(
            {CellValueBuilder(std::move(attributeMapping), attribute.type, base), columns, mapped});
    }
    const QList<qsizetype> &footer = layout.footerRows;
    for (qsizetype row = layout.firstDataRow; row < layout.dataEndRow; ++row) {
        if (!footer.contains(row) && !isBlankRow(table, row, layout.columnCount))
            m_rows.push_back(row);
    }
}

void MappedRowSource::normalise(qsizetype row, std::vector<NormalisedCell> &cells) const
{
    const qsizetype tableRow = m_rows[size_t(row)];
    cells.resize(m_attributes.size());
    SourceCell sources[8];
    std::vector<SourceCell> more;
    for (size_t i = 0; i < m_attributes.size(); ++i) {
        const AttributeSource &attribute = m_attributes[i];
        NormalisedCell &cell = cells[i];
        cell.mapped = attribute.mapped;
        cell.error.reset();
        cell.source.clear();
        if (!attribute.mapped) {
            cell.value = ApiValue::null();
            continue;
        }
        const size_t count = attribute.columns.size();
        SourceCell *target = sources;
        if (count > std::size(sources)) {
            more.resize(count);
            target = more.data();
        }
        for (size_t c = 0; c < count; ++c) {
            const int column = attribute.columns[c];
            target[c].kind = column < 0 ? CellKind::Empty : m_table.kind(tableRow, column);
            target[c].text = column < 0 ? QString() : m_table.text(tableRow, column);
            if (!target[c].text.isEmpty()) {
                if (!cell.source.isEmpty())
                    cell.source += u' ';
                cell.source += target[c].text;
            }
        }
        auto value = attribute.builder.build(std::span<const SourceCell>(target, count));
        if (value) {
            cell.value = std::move(value).value();
        } else {
            cell.value = ApiValue::null();
            cell.error = value.error();
        }
    }
}

} // namespace sluice
