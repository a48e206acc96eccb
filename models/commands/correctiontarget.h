// SPDX-License-Identifier: MIT
#pragma once

#include "models/mapping/mapping.h"

#include <QString>

#include <optional>
#include <vector>

namespace sluice {

// One cell of the file, by table row and column (0-based), and the text it is to hold: nullopt
// for the text the file has (an edit reverted).
struct CellText
{
    qsizetype tableRow = 0;
    int column = 0;
    std::optional<QString> text;

    friend bool operator==(const CellText &, const CellText &) = default;
};

// What the correction commands change. The import session implements it: a command only says
// what to set, the session sets it, re-checks what changed and tells the views.
class CorrectionTarget
{
public:
    virtual void applyCellTexts(const std::vector<CellText> &cells) = 0;
    virtual void applyMapping(const Mapping &mapping) = 0;
    virtual void applyExclusion(const std::vector<qsizetype> &tableRows, bool excluded) = 0;

protected:
    ~CorrectionTarget() = default;
};

} // namespace sluice
