// SPDX-License-Identifier: MIT
#pragma once

#include "models/mapping/valueformats.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace sluice {

// How the text of a cell is changed before it is parsed as the attribute's type. Applied in this
// order: trim, case, value map, then parsing with the date/number settings, then the time zone.
struct Transforms
{
    enum class Case { Keep, Upper, Lower, Title };

    bool trim = true; // spaces around a value are never meant (and break enums and keys)
    Case letterCase = Case::Keep;
    // Exact source text (after trim and case) → the value to send instead: "Shipped",
    // "SHIPPED", "dispatched" → "shipped". Values not in the map pass unchanged.
    QHash<QString, QString> valueMap;

    // Dates written as text: the order of day, month and year, or an explicit pattern in Qt's
    // QDateTime format ("dd.MM.yyyy HH:mm"); the pattern wins when both are set.
    DayOrder dayOrder = DayOrder::Unspecified;
    QString datePattern;
    // Numbers written as text: separators, and the signs around them to strip.
    NumberSeparators number;
    bool stripCurrency = false; // "€ 1.234,50", "$12", "12 EUR" → the number
    bool percent = false;       // "12.5 %" → 0.125

    // Timestamps without an offset are in this IANA zone ("Europe/Berlin") and are converted to
    // UTC; empty: they are UTC already.
    QString timeZone;
    TimestampForm timestampForm = TimestampForm::Api;

    friend bool operator==(const Transforms &, const Transforms &) = default;
};

// Where one attribute's value comes from.
struct AttributeMapping
{
    enum class Source {
        Unmapped, // nothing: the attribute is left out (an error when it is required)
        Column,   // one source column (several attributes may read the same one)
        Joined,   // several columns joined with a separator ("first" + " " + "last")
        Constant, // the same value for every row
    };

    QString attribute; // the catalogue's spelling
    Source source = Source::Unmapped;
    // Source columns by their (repaired) header name, not by position: a profile applied to next
    // month's file finds them wherever they moved. Column: one name; Joined: several.
    QStringList columns;
    QString separator = QStringLiteral(" "); // Joined
    QString constant;                        // Constant
    // Used where the source cell is empty; empty: an empty cell stays empty (null).
    QString defaultValue;
    Transforms transforms;

    // How sure the automapper was (0 to 1) and why, in words a person can check ("header
    // 'Order Date' matches 'order_date' after normalising"). A choice the user made has
    // confidence 1 and the reason "chosen by you".
    double confidence = 0;
    QString reason;

    bool isMapped() const { return source != Source::Unmapped; }
    friend bool operator==(const AttributeMapping &, const AttributeMapping &) = default;
};

// The whole mapping of a file's columns onto one resource.
struct Mapping
{
    QString resourceId;                 // "INV.CUSTOMER_ORDERS"
    QList<AttributeMapping> attributes; // one per attribute of the resource, in its order
    QStringList ignoredColumns;         // source columns the user chose not to load

    const AttributeMapping *find(QStringView attribute) const
    {
        for (const AttributeMapping &mapping : attributes) {
            if (mapping.attribute.compare(attribute, Qt::CaseInsensitive) == 0)
                return &mapping;
        }
        return nullptr;
    }
    // Non-const iteration detaches the list first: a pointer into data shared with another
    // Mapping would change both.
    AttributeMapping *find(QStringView attribute)
    {
        for (AttributeMapping &mapping : attributes) {
            if (mapping.attribute.compare(attribute, Qt::CaseInsensitive) == 0)
                return &mapping;
        }
        return nullptr;
    }
    friend bool operator==(const Mapping &, const Mapping &) = default;
};

} // namespace sluice
