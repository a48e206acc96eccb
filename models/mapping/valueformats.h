// SPDX-License-Identifier: MIT
#pragma once

#include <QChar>

namespace sluice {

// How the values of a column are written: part of a mapping's transforms (chosen by the user or
// inferred from the column), and what the value parser reads them with.

// How to read a date whose parts are all numbers (31/01/2025, 01/31/2025, 2025/01/31).
// Unspecified accepts only dates whose order is unambiguous (year first with four digits, or a
// day above 12) and rejects the rest with a reason, rather than guessing.
enum class DayOrder { Unspecified, DayMonthYear, MonthDayYear, YearMonthDay };

// Excel's two serial date epochs: 1900 (Windows default, with its fictitious 29 Feb 1900) and 1904.
enum class DateSystem { Excel1900, Excel1904 };

// Timestamp output: the API's "YYYY-MM-DD HH:MM:SS[ +hh:mm]" or ISO-8601
// "YYYY-MM-DDTHH:MM:SS[Z|+hh:mm]".
enum class TimestampForm { Api, Iso8601 };

struct NumberSeparators
{
    QChar decimalSeparator = u'.';
    // QChar() when numbers carry no grouping. A space also accepts U+00A0 and U+202F.
    QChar groupSeparator = u',';

    friend bool operator==(const NumberSeparators &, const NumberSeparators &) = default;
};

} // namespace sluice
