// SPDX-License-Identifier: MIT
#pragma once

#include "models/mapping/mapping.h"
#include "models/schema/resource.h"
#include "models/source/headerdetector.h"
#include "models/validation/cellvaluebuilder.h"
#include "models/validation/rowsource.h"

#include <QStringList>

#include <vector>

namespace sluice {

// The rows of a read sheet seen through a mapping: the data rows (blank rows and footer rows such
// as totals left out), each normalised attribute by attribute with its CellValueBuilder. The
// table, layout and resource must outlive it.
class MappedRowSource : public RowSource
{
public:
    MappedRowSource(const SheetTable &table, const SheetLayout &layout, const Resource &resource,
                    const Mapping &mapping, const ParseOptions &base = {});

    qsizetype rowCount() const override { return qsizetype(m_rows.size()); }
    void normalise(qsizetype row, std::vector<NormalisedCell> &cells) const override;
    qsizetype sheetRow(qsizetype row) const override { return m_rows[size_t(row)] + 1; }

    // The table row (0-based) of a data row.
    qsizetype tableRow(qsizetype row) const { return m_rows[size_t(row)]; }
    // Columns the mapping names that the file does not have: their cells read as empty.
    const QStringList &missingColumns() const { return m_missingColumns; }

private:
    struct AttributeSource
    {
        CellValueBuilder builder;
        std::vector<int> columns; // table columns, -1 where the file lacks the named one
        bool mapped;
    };

    const SheetTable &m_table;
    std::vector<AttributeSource> m_attributes;
    std::vector<qsizetype> m_rows;
    QStringList m_missingColumns;
};

} // namespace sluice
