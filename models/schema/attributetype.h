// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

namespace sluice {

// The value types of the ingestion API (API.md §4).
enum class AttributeType { String, Integer, Float, Numeric, Boolean, Date, Timestamp, Json };

// The catalogue's spelling: "string", "integer", …
QString attributeTypeName(AttributeType type);
std::optional<AttributeType> attributeTypeFromName(const QString &name);

enum class OperationType { Upsert, Append };

// The request's spelling: "UPSERT" or "APPEND".
QString operationTypeName(OperationType type);
std::optional<OperationType> operationTypeFromName(const QString &name);

} // namespace sluice
