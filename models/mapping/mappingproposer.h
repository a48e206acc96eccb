// SPDX-License-Identifier: MIT
#pragma once

#include "models/mapping/automapper.h"
#include "models/mapping/columninference.h"
#include "models/source/headerdetector.h"

#include <QCoreApplication>

#include <optional>

namespace sluice {

// How the values of one mapped column are read, as inferred from them.
struct ColumnFormatNote
{
    QString attribute;
    QString column;
    InferredFormat format;
};

struct MappingProposal
{
    AutomapResult automap;
    // For each attribute mapped to one column of dates or numbers written as text: what the
    // values say. The settings are in the mapping's transforms unless the note is ambiguous:
    // then the user has to choose, and values that need the choice fail validation meanwhile.
    QList<ColumnFormatNote> formats;
};

// The first mapping Sluice offers for a read sheet: the automapper's choice of columns (a saved
// mapping's choices first), then, per chosen column of text dates or numbers, the day order and
// number settings its values show.
class MappingProposer
{
    Q_DECLARE_TR_FUNCTIONS(MappingProposer)

public:
    static constexpr int SampleRows = 500;

    static MappingProposal propose(const Resource &resource, const SheetTable &table,
                                   const SheetLayout &layout,
                                   const std::optional<Mapping> &saved = std::nullopt);
};

} // namespace sluice
