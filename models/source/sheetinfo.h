// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace sluice {

enum class SheetState { Visible, Hidden, VeryHidden };
enum class SheetKind { Worksheet, Chartsheet, Macrosheet, Module };

// One sheet of a workbook as the file lists it, before its cells are read.
struct SheetInfo
{
    QString name;
    SheetState state = SheetState::Visible;
    SheetKind kind = SheetKind::Worksheet; // only worksheets have cells
};

} // namespace sluice
