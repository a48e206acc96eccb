// SPDX-License-Identifier: MIT
#pragma once

#include "models/schema/resource.h"
#include "models/validation/apivalue.h"
#include "models/validation/valueparser.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace sluice {

// One attribute of one data row after mapping and transforms: the value to send, or why there
// is none, and the source text the user sees (for messages and grouping).
struct NormalisedCell
{
    ApiValue value;
    std::optional<ValueError> error;
    QString source;
    bool mapped = true; // false: the attribute has no source and is left out of the record
};

// The mapped data, row by row: what validation checks and what the upload sends. normalise() is
// called from several threads at once and must not change shared state.
class RowSource
{
public:
    virtual ~RowSource() = default;
    virtual qsizetype rowCount() const = 0;
    // Fills cells with one entry per attribute of the resource, in its order.
    virtual void normalise(qsizetype row, std::vector<NormalisedCell> &cells) const = 0;
    // The row's number as the spreadsheet shows it (1-based, header and titles counted), for
    // messages that point at other rows.
    virtual qsizetype sheetRow(qsizetype row) const { return row + 1; }
    // A row the user left out: it is neither checked nor sent.
    virtual bool isExcluded(qsizetype row) const
    {
        Q_UNUSED(row);
        return false;
    }
    // Corrections, for the grid: whether an attribute's cells can be edited (it reads one
    // column), whether a cell was, and the file's own text of it.
    virtual bool isEditable(int attribute) const
    {
        Q_UNUSED(attribute);
        return false;
    }
    virtual bool isEdited(qsizetype row, int attribute) const
    {
        Q_UNUSED(row);
        Q_UNUSED(attribute);
        return false;
    }
    virtual QString originalText(qsizetype row, int attribute) const
    {
        Q_UNUSED(row);
        Q_UNUSED(attribute);
        return {};
    }
};

} // namespace sluice
