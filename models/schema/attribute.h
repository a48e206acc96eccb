// SPDX-License-Identifier: MIT
#pragma once

#include "models/schema/attributetype.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace sluice {

// One column of a resource's table, as the catalogue documents it.
struct Attribute
{
    QString name;
    AttributeType type = AttributeType::String;
    std::optional<bool> required; // nullopt: the documentation does not say
    std::optional<bool> nullable; // nullopt: the documentation does not say
    bool primaryKey = false;
    QStringList enumValues; // exact, case-sensitive allowed values; empty: any value
    QString references; // foreign key "<resource id>.<attribute>", e.g. "INV.PRODUCTS.product_id"
    QString description;

    // Key attributes must always be present, whatever the documentation says of "required".
    bool isRequired() const { return primaryKey || required.value_or(false); }
    bool hasEnum() const { return !enumValues.isEmpty(); }
};

} // namespace sluice
