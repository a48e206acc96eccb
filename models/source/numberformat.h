// SPDX-License-Identifier: MIT
#pragma once

#include <QStringView>

namespace sluice {

// Decides from a spreadsheet number format whether a number is a date/time, following the rule
// of ../shared/corpus/README.md ("When is a number a date?"). Shared by the XLSX, XLS and ODS
// readers so they agree on every cell.
class NumberFormat
{
public:
    enum class Kind : quint8 {
        Number,   // shown as a number (or text, percent, currency …): the cell stays a number
        DateTime, // a date, a time of day, or both
        Duration, // elapsed time ([h]:mm): a number of days, not a point in time
    };

    // Built-in OOXML/BIFF format ids that mean a date or a duration whatever the file says;
    // Number for every other id (whose code, if the file defines one, decides instead).
    static Kind builtInKind(int id);
    static bool isBuiltInDate(int id) { return builtInKind(id) != Kind::Number; }
    // The kind of a format code such as "yyyy-mm-dd", "[h]:mm" or "#,##0.00".
    static Kind codeKind(QStringView code);
};

} // namespace sluice
