// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace sluice::test {

// One valid INV.CUSTOMER_ORDERS row per number, in the resource's attribute order; the key
// (order_id, order_line_id, updated_at) differs for every n.
inline QStringList orderRow(qsizetype n)
{
    const QString id = QStringLiteral("ORD-%1").arg(n, 7, 10, QLatin1Char('0'));
    return {id,
            QStringLiteral("L-1"),
            QStringLiteral("2025-01-10 09:00:00"),
            QStringLiteral("2025-01-17 00:00:00"),
            QStringLiteral("2025-01-17 00:00:00"),
            QString(),
            QStringLiteral("PROD-%1").arg(n % 97),
            QStringLiteral("LOC-001"),
            QString::number(n % 50 + 1),
            QStringLiteral("249.9"),
            QStringLiteral("2025-01-16 14:30:00"),
            QStringLiteral("open"),
            QString(),
            QString()};
}

} // namespace sluice::test
