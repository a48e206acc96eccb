// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/headerdetector.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace sluice {

// What a column holds, from a sample of its data rows: shown by `sluice-cli inspect` and the
// Open page, and a hint for mapping.
struct ColumnProfile
{
    QString name;
    QString kind;        // "text", "number", "date/time", "boolean", "number as text", …, "mixed"
    QStringList samples; // the first distinct non-empty values
    int filled = 0;      // non-empty cells in the sample
    int sampled = 0;     // data rows in the sample
};

class ColumnProfiler
{
    Q_DECLARE_TR_FUNCTIONS(ColumnProfiler)

public:
    static QList<ColumnProfile> profile(const SheetTable &table, const SheetLayout &layout,
                                        int sampleRows = 1000, int sampleValues = 3);
};

} // namespace sluice
