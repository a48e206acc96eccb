// SPDX-License-Identifier: MIT
#pragma once

#include "models/mapping/mapping.h"
#include "models/schema/resource.h"
#include "models/source/headerdetector.h"
#include "models/source/sheetcorrections.h"
#include "models/validation/cellvaluebuilder.h"
#include "models/validation/rowsource.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace sluice {

// The rows of a read sheet seen through a mapping: the data rows (blank rows and footer rows such
// as totals left out), each normalised attribute by attribute with its CellValueBuilder. Cells
// the user corrected are read from the corrections instead of the table, and rows the user
// excluded count as excluded. The table, layout, resource and corrections must outlive it.
class MappedRowSource : public RowSource
{
public:
    MappedRowSource(const SheetTable &table, const SheetLayout &layout, const Resource &resource,
                    const Mapping &mapping, const ParseOptions &base = {},
                    std::shared_ptr<const SheetCorrections> corrections = {});
    // The same data rows (table, layout and corrections) under another mapping, without looking
    // for blank and footer rows again: a bulk fix changes one attribute's transforms.
    // corrections: others than sameRows' (a copy the session goes on with); null: the same.
    MappedRowSource(const MappedRowSource &sameRows, const Resource &resource,
                    const Mapping &mapping, const ParseOptions &base = {},
                    std::shared_ptr<const SheetCorrections> corrections = {});

    qsizetype rowCount() const override { return qsizetype(m_rows.size()); }
    void normalise(qsizetype row, std::vector<NormalisedCell> &cells) const override;
    // One attribute of a row: what a bulk fix compares before and after.
    void normaliseAttribute(qsizetype row, int attribute, NormalisedCell &cell) const;
    qsizetype sheetRow(qsizetype row) const override { return m_rows[size_t(row)] + 1; }
    bool isExcluded(qsizetype row) const override
    {
        return m_corrections && m_corrections->isExcluded(m_rows[size_t(row)]);
    }

    // The table row (0-based) of a data row, and back (-1: not a data row).
    qsizetype tableRow(qsizetype row) const { return m_rows[size_t(row)]; }
    qsizetype dataRow(qsizetype tableRow) const;
    const SheetTable &table() const { return m_table; }
    // The file's column headers (repaired), by table column.
    const QStringList &columnNames() const { return m_columnNames; }
    const SheetCorrections *corrections() const { return m_corrections.get(); }

    // The table column an attribute reads when it reads exactly one (the cells that editing it
    // in the grid changes); -1 for a joined, constant or unmapped attribute, or a missing column.
    int sourceColumn(int attribute) const;
    // The text of that cell now (corrected or as read), and as read in the file.
    QString cellText(qsizetype row, int attribute) const;
    QString originalText(qsizetype row, int attribute) const override;
    bool isEditable(int attribute) const override { return sourceColumn(attribute) >= 0; }
    // Whether the user corrected the cell behind row and attribute.
    bool isEdited(qsizetype row, int attribute) const override;
    // The value the attribute would take from text typed into its cell: the same builder (and so
    // the same transforms and parser) as the rows' own cells.
    Result<ApiValue, ValueError> valueOfText(int attribute, const QString &text) const;
    // Columns the mapping names that the file does not have: their cells read as empty.
    const QStringList &missingColumns() const { return m_missingColumns; }

private:
    void addAttributes(const Resource &resource, const Mapping &mapping, const ParseOptions &base);
    SourceCell readCell(qsizetype tableRow, int column) const;
    void normaliseCell(qsizetype tableRow, size_t attribute, NormalisedCell &cell,
                       QString &buffer) const;

    struct AttributeSource
    {
        CellValueBuilder builder;
        std::vector<int> columns; // table columns, -1 where the file lacks the named one
        bool mapped;
    };

    const SheetTable &m_table;
    // Shared: a check or upload winding down keeps reading the ones it started with.
    std::shared_ptr<const SheetCorrections> m_corrections;
    QStringList m_columnNames;
    std::vector<AttributeSource> m_attributes;
    std::vector<qsizetype> m_rows;
    QStringList m_missingColumns;
};

} // namespace sluice
