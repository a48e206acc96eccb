// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace sluice {

// Turns a header ("Order No.", "orderDate", "Qté livrée") or an attribute name ("order_date")
// into comparable words. Three strengths, because the automapper explains which one matched:
// words() only splits and folds, canonical() also expands abbreviations (qty, no, dt, …) and
// stems() also drops inflections, so "Shipped Qty" and "ship_quantity" meet.
class HeaderNormaliser
{
public:
    // Lower-case words without accents; camelCase, digits and punctuation split words, and "#"
    // becomes its own word. "OrderID" → order, id; "N° Commande" → n, commande.
    static QStringList words(QStringView header);
    // words() with abbreviations replaced by the word they stand for: qty → quantity,
    // no/nr/#/num → number, dt → date, cust → customer, …
    static QStringList canonical(QStringView header);
    // canonical() reduced to stems: "ordered", "orders" → order; "shipped" → ship.
    static QStringList stems(QStringView header);

    static QString stem(const QString &word);
    // The word an abbreviation stands for, or the word itself.
    static QString expand(const QString &word);
};

} // namespace sluice
