// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QString>

namespace sluice {

// The value formats of API.md §4 that need more than a JSON kind, checked on the UTF-8 text.
class SandboxValueCheck
{
public:
    // YYYY-MM-DD, a real calendar date.
    static bool isDate(QByteArrayView text);
    // YYYY-MM-DD HH:MM:SS, optionally " +hh:mm" or " -hh:mm"; or ISO-8601
    // YYYY-MM-DDTHH:MM:SS[.fff](Z|+hh:mm|-hh:mm).
    static bool isTimestamp(QByteArrayView text);
    // A whole number (1, -7, 1.0, 15e1) that fits in 64 bits; number is a valid JSON number.
    // Counted on the text, never through a double. *problem says why not.
    static bool isInteger(QByteArrayView number, QString *problem);
    // precision ≤ 38 and scale ≤ 37, counted on the text (1.50 has scale 2).
    static bool isNumeric(QByteArrayView number, QString *problem);
};

} // namespace sluice
