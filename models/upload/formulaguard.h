// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

namespace sluice {

// Spreadsheet programs run a cell that starts with '=', '+', '-' or '@' (and, through some import
// paths, tab or carriage return) as a formula, so a value taken from uploaded data could call a
// function or open a link in the user's spreadsheet ("CSV injection"). Following OWASP's advice,
// such a cell gets a leading apostrophe, which every spreadsheet program shows as text.
//
// A plain number ("-12.5", "+3", "-1,234.50", "-0.5e3") is left as it is: results files are full
// of negative amounts, and an apostrophe would turn each into text that no longer sums. A number
// cannot run anything. "-1+2" or "-A1" are not plain numbers and are guarded.
QString neutraliseFormula(const QString &cell);

// Whether the text is an optional sign, ASCII digits (optionally grouped by thousands with ',' in
// groups of three), an optional decimal part and an optional exponent: "1", "-1,234.50", "+.5",
// "6.02e23". Exposed for tests.
bool isPlainNumber(QStringView text);

} // namespace sluice
