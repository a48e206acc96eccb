// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QtGlobal>

namespace sluice {

// What the file says a cell is. Later steps need it: a real Excel date is not a text that looks
// like one, and a text "007" keeps its leading zeros where a number 7 would not.
enum class CellKind : quint8 {
    Empty,
    Text,     // exact text
    Number,   // the number as written in the file ("45658.5", "1E-3"), never reformatted
    Boolean,  // "true" / "false"
    DateTime, // "YYYY-MM-DDTHH:MM:SS[.mmm]", or "HH:MM:SS[.mmm]" for a time of day only
    Error,    // the error as stored: "#N/A", "#DIV/0!"
};

// "text", "number", … as the corpus and the CLI spell them.
QString cellKindName(CellKind kind);

} // namespace sluice
