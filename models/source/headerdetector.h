// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/sheettable.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sluice {

// Where a sheet's table is: which row holds the column labels, which rows are data, which rows
// under the data are a footer (totals), and what each column is called.
struct SheetLayout
{
    qsizetype headerRow = 0;     // 0-based row of the labels
    qsizetype firstDataRow = 1;  // headerRow + 1
    qsizetype dataEndRow = 1;    // one past the last data row (trailing empty rows left out)
    QList<qsizetype> footerRows; // rows after the data that are not data (shown, not uploaded)
    int columnCount = 0;         // trailing empty columns left out
    QStringList columnNames;     // repaired: never empty, never duplicated
    QString reason;              // why this header row, for the user

    qsizetype dataRowCount() const { return dataEndRow - firstDataRow; }
};

// Finds the header row the way a person would: skip title rows and blank rows, take the row of
// distinct text labels that is as wide as the table, above rows of typed values. The caller may
// override the row (the user picked another) and everything else follows from it.
class HeaderDetector
{
    Q_DECLARE_TR_FUNCTIONS(HeaderDetector)

public:
    static constexpr int RowsExamined = 30;
    static constexpr int FooterRowsExamined = 3;

    static SheetLayout detect(const SheetTable &table,
                              std::optional<qsizetype> headerRowOverride = std::nullopt);

    // "Order No." → "Order No."; "" in column C → "Column C"; a second "Qty" → "Qty (2)";
    // line breaks inside a label become spaces.
    static QStringList repairedNames(const QStringList &labels);
    // "A", "B", … "Z", "AA": the spreadsheet's own name for a 0-based column.
    static QString columnLetters(int column);
};

} // namespace sluice
