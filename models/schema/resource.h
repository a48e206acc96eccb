// SPDX-License-Identifier: MIT
#pragma once

#include "models/schema/attribute.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sluice {

// A primary key seen on another generation of the documentation.
struct KeyVariant
{
    QString tag;
    QStringList primaryKey;
};

// A resource (table) a solution accepts rows for.
class Resource
{
public:
    QString id;         // "INV.CUSTOMER_ORDERS"
    QString solutionId; // "INV"
    QString objectName; // "CUSTOMER_ORDERS"; the table is prefix + objectName + suffix
    QString displayName;
    QString description;
    QString source; // where the documentation came from
    QStringList primaryKey;
    std::optional<OperationType> recommendedOperation; // nullopt: not documented
    bool attributesComplete = true;                    // false: the public page was cut short
    QList<Attribute> attributes;
    QStringList notes;
    QList<KeyVariant> variants;
    QString schemaSameAs; // id of a resource documented with the same schema, or empty

    // The API matches attribute names case-insensitively (API.md §3), so lookups do too.
    const Attribute *attribute(QStringView name) const;
    qsizetype attributeIndex(QStringView name) const;
    QList<const Attribute *> requiredAttributes() const;

    // UPSERT when the documentation recommends nothing: resending it is idempotent (API.md §8).
    OperationType defaultOperation() const
    {
        return recommendedOperation.value_or(OperationType::Upsert);
    }
};

} // namespace sluice
