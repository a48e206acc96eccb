// SPDX-License-Identifier: MIT
#include "models/schema/attributetype.h"

#include <array>
#include <utility>

namespace sluice {

namespace {

constexpr std::array<std::pair<AttributeType, QStringView>, 8> TypeNames {{
    {AttributeType::String, u"string"},
    {AttributeType::Integer, u"integer"},
    {AttributeType::Float, u"float"},
    {AttributeType::Numeric, u"numeric"},
    {AttributeType::Boolean, u"boolean"},
    {AttributeType::Date, u"date"},
    {AttributeType::Timestamp, u"timestamp"},
    {AttributeType::Json, u"json"},
}};

} // namespace

QString attributeTypeName(AttributeType type)
{
    for (const auto &[value, name] : TypeNames) {
        if (value == type)
            return name.toString();
    }
    return {};
}

std::optional<AttributeType> attributeTypeFromName(const QString &name)
{
    for (const auto &[value, typeName] : TypeNames) {
        if (typeName == name)
            return value;
    }
    return std::nullopt;
}

QString operationTypeName(OperationType type)
{
    return type == OperationType::Upsert ? QStringLiteral("UPSERT") : QStringLiteral("APPEND");
}

std::optional<OperationType> operationTypeFromName(const QString &name)
{
    if (name == u"UPSERT")
        return OperationType::Upsert;
    if (name == u"APPEND")
        return OperationType::Append;
    return std::nullopt;
}

} // namespace sluice
