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
                                 const ParseOptions &base,
                                 std::shared_ptr<const SheetCorrections> corrections)
    : m_table(table)
    , m_corrections(std::move(corrections))
    , m_columnNames(layout.columnNames)
{
    addAttributes(resource, mapping, base);
    const QList<qsizetype> &footer = layout.footerRows;
    m_rows = table.nonBlankRows(layout.firstDataRow, layout.dataEndRow, layout.columnCount);
    if (!footer.isEmpty())
        std::erase_if(m_rows, [&footer](qsizetype row) { return footer.contains(row); });
}

MappedRowSource::MappedRowSource(const MappedRowSource &sameRows, const Resource &resource,
                                 const Mapping &mapping, const ParseOptions &base,
                                 std::shared_ptr<const SheetCorrections> corrections)
    : m_table(sameRows.m_table)
    , m_corrections(corrections ? std::move(corrections) : sameRows.m_corrections)
    , m_columnNames(sameRows.m_columnNames)
    , m_rows(sameRows.m_rows)
{
    addAttributes(resource, mapping, base);
}

void MappedRowSource::addAttributes(const Resource &resource, const Mapping &mapping,
                                    const ParseOptions &base)
{
    for (const Attribute &attribute : resource.attributes) {
        const AttributeMapping *found = mapping.find(attribute.name);
        AttributeMapping attributeMapping = found ? *found : AttributeMapping {};
        attributeMapping.attribute = attribute.name;
        std::vector<int> columns;
        for (const QString &name : attributeMapping.columns) {
            const auto index = m_columnNames.indexOf(name);
            columns.push_back(int(index));
            if (index < 0 && !m_missingColumns.contains(name))
                m_missingColumns.append(name);
        }
        const bool mapped = attributeMapping.isMapped();
        m_attributes.push_back(
            {CellValueBuilder(std::move(attributeMapping), attribute.type, base), columns, mapped});
    }
}

qsizetype MappedRowSource::dataRow(qsizetype tableRow) const
{
    const auto found = std::lower_bound(m_rows.begin(), m_rows.end(), tableRow);
    return found != m_rows.end() && *found == tableRow ? qsizetype(found - m_rows.begin()) : -1;
}

int MappedRowSource::sourceColumn(int attribute) const
{
    if (attribute < 0 || size_t(attribute) >= m_attributes.size())
        return -1;
    const AttributeSource &source = m_attributes[size_t(attribute)];
    if (source.builder.mapping().source != AttributeMapping::Source::Column
        || source.columns.size() != 1)
        return -1;
    return source.columns.front();
}

QString MappedRowSource::cellText(qsizetype row, int attribute) const
{
    const int column = sourceColumn(attribute);
    if (column < 0)
        return {};
    const qsizetype at = tableRow(row);
    if (m_corrections) {
        if (const QString *edited = m_corrections->editedText(at, column))
            return *edited;
    }
    return m_table.text(at, column);
}

QString MappedRowSource::originalText(qsizetype row, int attribute) const
{
    const int column = sourceColumn(attribute);
    return column < 0 ? QString() : m_table.text(tableRow(row), column);
}

bool MappedRowSource::isEdited(qsizetype row, int attribute) const
{
    const int column = sourceColumn(attribute);
    return column >= 0 && m_corrections && m_corrections->editedText(tableRow(row), column);
}

Result<ApiValue, ValueError> MappedRowSource::valueOfText(int attribute, const QString &text) const
{
    const SourceCell cell {text, text.isEmpty() ? CellKind::Empty : CellKind::Text};
    return m_attributes.at(size_t(attribute)).builder.build(std::span<const SourceCell>(&cell, 1));
}

// A corrected cell is text the user typed: its kind is Text (or Empty), whatever the file held.
SourceCell MappedRowSource::readCell(qsizetype tableRow, int column) const
{
    if (column < 0)
        return {QString(), CellKind::Empty};
    if (m_corrections) {
        if (const QString *edited = m_corrections->editedText(tableRow, column))
            return {*edited, edited->isEmpty() ? CellKind::Empty : CellKind::Text};
    }
    return {m_table.text(tableRow, column), m_table.kind(tableRow, column)};
}

void MappedRowSource::normalise(qsizetype row, std::vector<NormalisedCell> &cells) const
{
    const qsizetype tableRow = m_rows[size_t(row)];
    cells.resize(m_attributes.size());
    std::vector<QString> &buffers = t_buffers;
    if (buffers.size() < m_attributes.size())
        buffers.resize(m_attributes.size());
    for (size_t i = 0; i < m_attributes.size(); ++i)
        normaliseCell(tableRow, i, cells[i], buffers[i]);
}

void MappedRowSource::normaliseAttribute(qsizetype row, int attribute, NormalisedCell &cell) const
{
    std::vector<QString> &buffers = t_buffers;
    if (buffers.size() < m_attributes.size())
        buffers.resize(m_attributes.size());
    normaliseCell(m_rows[size_t(row)], size_t(attribute), cell, buffers[size_t(attribute)]);
}

void MappedRowSource::normaliseCell(qsizetype tableRow, size_t index, NormalisedCell &cell,
                                    QString &buffer) const
{
    const AttributeSource &attribute = m_attributes[index];
    cell.mapped = attribute.mapped;
    cell.error.reset();
    cell.source.clear();
    if (!attribute.mapped) {
        cell.value = ApiValue::null();
        return;
    }
    const size_t count = attribute.columns.size();
    if (count == 1) {
        // One column, the common case: the source text, the builder's input and (for a string)
        // the value share one buffer instead of three copies.
        cell.value = ApiValue::null(); // may share last row's buffer: let go of it first
        const int column = attribute.columns.front();
        SourceCell source;
        const QString *edited
            = m_corrections && column >= 0 ? m_corrections->editedText(tableRow, column) : nullptr;
        if (edited) {
            source.kind = edited->isEmpty() ? CellKind::Empty : CellKind::Text;
            cell.source = *edited;
            source.text = cell.source;
        } else {
            source.kind = column < 0 ? CellKind::Empty : m_table.kind(tableRow, column);
        }
        const QByteArrayView utf8
            = column < 0 || edited ? QByteArrayView() : m_table.utf8(tableRow, column);
        if (!utf8.isEmpty()) {
            assignUtf8(buffer, utf8);
            cell.source = buffer;
            source.text = cell.source;
        }
        auto value = attribute.builder.build(std::span<const SourceCell>(&source, 1));
        source.text = QString();
        if (value)
            cell.value = std::move(value).value();
        else
            cell.error = value.error();
        return;
    }
    std::vector<SourceCell> sources(count);
    for (size_t c = 0; c < count; ++c) {
        sources[c] = readCell(tableRow, attribute.columns[c]);
        if (!sources[c].text.isEmpty()) {
            if (!cell.source.isEmpty())
                cell.source += u' ';
            cell.source += sources[c].text;
        }
    }
    auto value = attribute.builder.build(std::span<const SourceCell>(sources));
    if (value) {
        cell.value = std::move(value).value();
    } else {
        cell.value = ApiValue::null();
        cell.error = value.error();
    }
}

} // namespace sluice
