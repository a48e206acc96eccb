// SPDX-License-Identifier: MIT
#pragma once

#include "models/schema/attribute.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace sluice {

// What a column's sample values look like, counted per shape. A cheap look, not validation:
// it only has to tell dates from numbers from codes from prose well enough to support or doubt
// a header match.
struct ValueShape
{
    int total = 0;    // non-empty values looked at
    int dates = 0;    // 2025-01-31, 31/01/2025, 31 Jan 2025, with or without a time
    int integers = 0; // 12, -3, 1,234
    int decimals = 0; // 12.5, 1.234,50, € 12, 12 %
    int booleans = 0; // yes/no, true/false, ja/nein, oui/non, x, 0/1
    int codes = 0;    // one word mixing letters with digits or dashes: CUST-001, SKU123, DE01
    int prose = 0;    // several words or a long text: "call before delivery"
    int serials = 0;  // whole numbers an Excel date could be stored as (1990 to 2120)

    int numbers() const { return integers + decimals; }
    static ValueShape of(const QStringList &values);
};

// How the values bear on one attribute: a change to the header's confidence and the words that
// explain it ("values look like dates (98 of 100)"). Zero and no words when they say nothing.
struct Evidence
{
    double adjustment = 0;
    QString reason;
};

class ValueEvidence
{
    Q_DECLARE_TR_FUNCTIONS(ValueEvidence)

public:
    static Evidence judge(const Attribute &attribute, const ValueShape &shape,
                          const QStringList &values);
    // How many distinct values are allowed values of the attribute's enum (ignoring case,
    // because a value map fixes "Shipped" → "shipped" later) and how many are not.
    // A column whose header says nothing, but whose values are all allowed values of the
    // attribute's enum (more than one of them, so a column of "1" does not claim a one-value
    // enum): the confidence and reason to map it on the values alone, or nullopt.
    static std::optional<Evidence> enumAlone(const Attribute &attribute, const QString &column,
                                             const QStringList &values, const ValueShape &shape);
    static int enumMembers(const Attribute &attribute, const QStringList &values);

private:
    static Evidence judgeDate(const ValueShape &shape);
    static Evidence judgeNumber(const Attribute &attribute, const ValueShape &shape);
    static Evidence judgeBoolean(const ValueShape &shape);
    static Evidence judgeEnum(const Attribute &attribute, const ValueShape &shape,
                              const QStringList &values);
    static Evidence judgeIdentifier(const ValueShape &shape);
};

} // namespace sluice
