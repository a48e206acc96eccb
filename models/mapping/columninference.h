// SPDX-License-Identifier: MIT
#pragma once

#include "models/mapping/mapping.h"
#include "models/source/cellkind.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace sluice {

// One cell of a source column: the text as the user sees it and what the file says it is. A
// real spreadsheet date or number needs no reading settings; only text does.
struct SourceCell
{
    QString text;
    CellKind kind = CellKind::Text;
};

struct InferenceOptions
{
    // Eight digits are read as yyyyMMdd dates only when the user says so: far more often they
    // are order numbers or ids.
    bool compactDates = false;
};

// What a column's values say about how they are written.
struct InferredFormat
{
    enum class Kind {
        Empty,  // no value to judge by
        Text,   // neither dates nor numbers (or too few of them): nothing to set
        Date,   // dates or timestamps
        Number, // numbers, possibly with currency or percent signs
    };

    Kind kind = Kind::Empty;
    // The reading settings found: dayOrder and datePattern for dates; number, stripCurrency and
    // percent for numbers. The other fields keep their defaults.
    Transforms transforms;
    // True when the values allow more than one reading, or contradict each other: the settings
    // are then only the default, and the user has to choose. Never a silent guess.
    bool ambiguous = false;
    // 0 to 1: the share of values that fit, halved when ambiguous.
    double confidence = 0;
    // One or two sentences a person can check ("'31/01/2025' and 7 more have a day above 12 in
    // the first place: day first").
    QString reason;
    // When ambiguous: each possible reading, in words, for the user to pick from.
    QStringList readings;
    // A few of the values the decision rests on.
    QStringList evidence;
};

// Infers, per column, how dates and numbers are written, from a sample of its values. Pure and
// independent of the machine's locale: the values decide, never the system settings.
class ColumnInference
{
    Q_DECLARE_TR_FUNCTIONS(ColumnInference)

public:
    static InferredFormat infer(const QList<SourceCell> &cells,
                                const InferenceOptions &options = {});

    // "€ 1.234,50" → "1.234,50", "-$12" → "-12", "12 EUR" → "12"; symbol receives what was
    // removed. Text without a currency comes back trimmed and unchanged otherwise.
    static QString stripCurrency(QStringView text, QString *symbol = nullptr);
    // "12.5 %" → "12.5"; found tells whether there was a percent sign.
    static QString stripPercent(QStringView text, bool *found = nullptr);
};

} // namespace sluice
