// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace sluice {

// What a reader refuses to go past, so a hostile or broken file ends in an error, never in a
// crash, a hang or an exhausted memory.
struct ReadLimits
{
    qint64 maxInflatedBytes = qint64(8) << 30; // one zip part, after inflating
    double maxCompressionRatio = 500;          // inflated / compressed, past the first 1 MiB
    qint64 maxCellBytes = 1 << 20;             // one cell's text (Excel allows 32,767 chars)
    int maxColumns = 16384;                    // Excel's XFD
    qint64 maxRows = 1 << 24;                  // far beyond Excel's 1,048,576
};

} // namespace sluice
