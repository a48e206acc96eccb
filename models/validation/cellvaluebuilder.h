// SPDX-License-Identifier: MIT
#pragma once

#include "models/mapping/columninference.h"
#include "models/mapping/mapping.h"
#include "models/schema/attributetype.h"
#include "models/validation/valueparser.h"

#include <QCoreApplication>
#include <QHash>

#include <span>

namespace sluice {

// The source cells of one row, by (repaired) header name.
using SourceRow = QHash<QString, SourceCell>;

// Turns the source cells of one row into one attribute's value, applying the mapping and its
// transforms in the documented order: join or constant, default for an empty cell, trim, case,
// value map, then parsing with the date and number settings, the time zone and the output form.
//
// Text a person typed into Sluice (a constant, a default, a value map's target) is written in
// the API's own forms ("2025-01-31", "12.5"), so the column's reading settings (day order,
// pattern, separators, currency, percent) do not apply to it; trim, case, the value map (not
// for a target), the time zone and the output form do. Real spreadsheet numbers and dates are
// machine-made and are read without the reading settings too: Excel stores 12.5 % as 0.125.
// With percent on, a number written as text is a percentage with or without its sign ("12.5"
// in a "Discount %" column is 0.125).
//
// Pure and thread-safe once built: validation calls build() from worker threads.
class CellValueBuilder
{
    Q_DECLARE_TR_FUNCTIONS(CellValueBuilder)

public:
    // base: options the mapping does not set (date system, numeric precision and scale).
    CellValueBuilder(AttributeMapping mapping, AttributeType type, const ParseOptions &base = {});

    const AttributeMapping &mapping() const { return m_mapping; }
    AttributeType type() const { return m_type; }
    // The source columns build() reads, in this order; empty for a constant or an unmapped one.
    const QStringList &columns() const { return m_mapping.columns; }

    // cells: one per columns() entry, in that order; missing trailing cells count as empty.
    Result<ApiValue, ValueError> build(std::span<const SourceCell> cells) const;
    // Looks the columns up by name; a column the row lacks counts as empty.
    Result<ApiValue, ValueError> build(const SourceRow &row) const;
    // text after trim and case: what the value map is looked up with.
    static QString valueMapKey(const Transforms &transforms, const QString &text);

private:
    enum class Origin { Typed, Text, Machine };

    SourceCell sourceCell(std::span<const SourceCell> cells) const;
    QString applyTextTransforms(const QString &text, bool &mapped) const;
    Result<ApiValue, ValueError> parse(const QString &text, Origin origin, CellKind kind) const;
    Result<ApiValue, ValueError> parseNumberText(const QString &text) const;

    AttributeMapping m_mapping;
    AttributeType m_type;
    // Built once: a time zone lookup per cell would dominate a million-row validation.
    ValueParser m_textParser;    // the column's reading settings
    ValueParser m_typedParser;   // API forms: constants, defaults, value-map targets
    ValueParser m_machineParser; // spreadsheet numbers and dates
    ValueParser m_serialParser;  // spreadsheet numbers read as Excel serial dates
};

} // namespace sluice
