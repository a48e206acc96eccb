// SPDX-License-Identifier: MIT
#include "models/validation/mappedrowsource.h"

#include <algorithm>

namespace sluice {

namespace {

// UTF-8 into out, reusing out's buffer when no one else holds it: this runs for every mapped
// cell, and a fresh QString per cell (with the UTF-8 decoder behind it) was a tenth of the
// validation. ASCII, nearly every cell, is widened byte by byte; the rest goes through Qt.
void assignUtf8(QString &out, QByteArrayView utf8)
{
    const qsizetype size = utf8.size();
    const char *bytes = utf8.data();
    out.resize(size);
    char16_t *target = reinterpret_cast<char16_t *>(out.data());
    for (qsizetype i = 0; i < size; ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (byte >= 0x80) {
            out = QString::fromUtf8(utf8);
            return;
        }
        target[i] = byte;
    }
}

// Per worker thread, one decoding buffer per attribute, kept across rows. A buffer is reused in
// place only when nothing shares it any more: a string value or an issue that took the text
// keeps its copy, and the buffer then detaches.
thread_local std::vector<QString> t_buffers;

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
    m_rows = table.nonBlankRows(layout.firstDataRow, layout.dataEndRow, layout.columnCount);
    if (!footer.isEmpty())
        std::erase_if(m_rows, [&footer](qsizetype row) { return footer.contains(row); });
}

void MappedRowSource::normalise(qsizetype row, std::vector<NormalisedCell> &cells) const
{
    const qsizetype tableRow = m_rows[size_t(row)];
    cells.resize(m_attributes.size());
    SourceCell sources[8];
    std::vector<SourceCell> more;
    std::vector<QString> &buffers = t_buffers;
    if (buffers.size() < m_attributes.size())
        buffers.resize(m_attributes.size());
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
        if (count == 1) {
            // One column, the common case: the source text, the builder's input and (for a
            // string) the value share one buffer instead of three copies.
            cell.value = ApiValue::null(); // may share last row's buffer: let go of it first
            const int column = attribute.columns.front();
            SourceCell &source = sources[0];
            source.kind = column < 0 ? CellKind::Empty : m_table.kind(tableRow, column);
            const QByteArrayView utf8
                = column < 0 ? QByteArrayView() : m_table.utf8(tableRow, column);
            if (!utf8.isEmpty()) {
                assignUtf8(buffers[i], utf8);
                cell.source = buffers[i];
                source.text = cell.source;
            }
            auto value = attribute.builder.build(std::span<const SourceCell>(sources, 1));
            source.text = QString();
            if (value) {
                cell.value = std::move(value).value();
            } else {
                cell.error = value.error();
            }
            continue;
        }
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
