// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

namespace sluice {

// Turns a spreadsheet's date values into the ISO text of CellKind::DateTime:
// "YYYY-MM-DDTHH:MM:SS[.mmm]", or "HH:MM:SS[.mmm]" for a time of day only.
class SpreadsheetDate
{
public:
    enum class Epoch {
        Excel1900, // 1899-12-30, with Excel's phantom 1900-02-29 (serials 1–59 one day later)
        Excel1904, // 1904-01-01
        Plain1899, // 1899-12-30 counted plainly (ODS)
    };

    // A serial day number with its fraction; empty when it is not a date (negative, from
    // 2958466 = year 10000 on, or not finite), so the cell stays a number.
    static QByteArray fromSerial(double serial, Epoch epoch);
    // The same into out (at least BufferSize bytes), without allocating; the length, 0 when it
    // is not a date.
    static constexpr qsizetype BufferSize = 32;
    static qsizetype writeSerial(double serial, Epoch epoch, char *out);
    // The text of an OOXML t="d" cell ("2021-01-01", "2021-01-01T10:10:10.5Z", "10:10:10")
    // in the form above, the zone dropped; empty when it is not an ISO date or time.
    static QByteArray fromIsoText(QByteArrayView text);
};

} // namespace sluice
