// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace sluice {

// Headers that mean a catalogue attribute without sharing its words: "Qty" for ordered_units,
// "Warehouse" for location_id, "Kundennummer" for customer_id. The table covers the attribute
// names the catalogue uses across resources, in English and the German, French and Spanish
// spellings analysts really put in ERP exports. Phrases are compared by their stems, so
// "Order No.", "order #" and "ORDER_NUMBER" are one phrase.
class Synonyms
{
public:
    // The table's phrase for attribute that header says, or an empty string.
    static QString match(QStringView attribute, QStringView header);
    // The longest phrase for attribute whose words all appear in header ("Warehouse Code"
    // holds "warehouse"), or an empty string. Phrases of only generic words (date, name, id, …)
    // are skipped: "Invoice Date" does not say order_date.
    static QString partOf(QStringView attribute, QStringView header);
    // Words like id, date, name, value say what kind of thing a column holds, not which one.
    static bool isGeneric(const QString &stem);
    // Whether a header's last word names another kind of thing than the attribute's: "Customer
    // Name" is not customer_id, "Ship Date" is not shipped_units. Both are stems.
    static bool headsConflict(const QStringList &header, const QStringList &attribute);
    // Every phrase listed for attribute, as written in the table.
    static QStringList phrases(QStringView attribute);
};

} // namespace sluice
