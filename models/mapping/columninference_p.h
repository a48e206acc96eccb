// SPDX-License-Identifier: MIT
// Private to column inference: what columninference.cpp shares with the date and number halves
// (dateinference.cpp, numberinference.cpp).
#pragma once

#include "models/mapping/columninference.h"

#include <QChar>
#include <QHash>
#include <QString>
#include <QStringList>

namespace sluice::inference {

inline constexpr int EvidenceCount = 3;

QString quoted(const QString &text);
// Three examples: "'31/01/2025', '13/02/2025' and 4 more".
QString examples(const QStringList &values);

// ---- dates -------------------------------------------------------------------------------

struct DateLook
{
    enum class Form { None, YearFirst, Numeric, MonthName, Compact };
    Form form = Form::None;
    int first = 0; // Numeric: the first and second numbers
    int second = 0;
    QString shape; // the pattern with A and B for the first two numbers: "A.B.yyyy HH:mm"
};

struct DateTally
{
    QStringList dayFirst;   // first number above 12
    QStringList monthFirst; // second number above 12
    QStringList either;     // both 12 or below, and different
    QStringList numeric;    // every numeric date
    QStringList other;      // year first, month names, compact
    QStringList spreadsheet;
    QStringList shapes; // distinct shapes seen
};

DateLook lookAtDate(const QString &text, const InferenceOptions &options);
void tallyDate(DateTally &tally, const QString &text, const DateLook &look);
InferredFormat judgeDates(const DateTally &tally);

// ---- numbers ------------------------------------------------------------------------------

struct NumberLook
{
    bool isNumber = false;
    QChar decimal;   // known decimal separator, or null
    QChar group;     // known group separator, or null
    QChar ambiguous; // a lone '.' or ',' followed by three digits: "1,234"
    bool currency = false;
    bool percent = false;
};

struct NumberTally
{
    QHash<QChar, QStringList> decimals;
    QHash<QChar, QStringList> groups;
    QHash<QChar, QStringList> ambiguous;
    QStringList currency;
    QStringList percent;
    QStringList text;        // number-like text values
    QStringList spreadsheet; // real number cells
};

NumberLook lookAtNumber(const QString &text);
void tallyNumber(NumberTally &tally, const QString &text, const NumberLook &look);
InferredFormat judgeNumbers(const NumberTally &tally);

} // namespace sluice::inference
