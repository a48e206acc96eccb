// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/sandboxjson.h"
#include "models/schema/resource.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QVarLengthArray>

#include <optional>

namespace sluice {

// A row error of API.md §6: code DI_E_<n>, category, the column (the catalogue's name; for an
// unknown column the key as sent; for a duplicate key the key's names joined by ',') and a
// sentence for a person.
struct SandboxRowError
{
    enum Code {
        Required = 10001,
        Type = 10002,
        Format = 10003,
        Enum = 10004,
        Null = 10005,
        UnknownColumn = 10006,
        DuplicateKey = 10007,
        KeyExists = 10008,
    };

    Code code = Type;
    QString column;
    QString message;

    QString codeText() const; // "DI_E_10002"
    QString category() const; // "TYPE"
    // {"code","category","column","message"} as JSON text.
    QByteArray toJson() const;
};

// One data object of a request after the checks.
struct SandboxCheckedRow
{
    QList<SandboxRowError> errors;
    // Canonical primary key (a JSON array of the key values), empty when the table has no key
    // or the row misses part of it.
    QByteArray key;
    // The object as received, re-serialised with the catalogue's attribute names; every value's
    // text is kept as received. Only built for rows without errors.
    QByteArray record;
};

// Checks data objects against one resource: names (case-insensitive), required, null, types and
// formats of API.md §4, enums. Keys within a request and against the store are checked by the
// caller (markDuplicateKeys, SandboxStore::containsKey).
class SandboxRowChecker
{
public:
    explicit SandboxRowChecker(const Resource &resource);

    SandboxCheckedRow check(const SandboxJsonValue &row) const;
    // DI_E_10007 on every row that shares its key with another row of the same request.
    static void markDuplicateKeys(QList<SandboxCheckedRow> &rows, const Resource &resource);

private:
    qsizetype attributeIndexOf(const SandboxJsonMember &member, qsizetype hint) const;
    std::optional<SandboxRowError> checkValue(const Attribute &attribute,
                                              const SandboxJsonValue *value) const;
    static std::optional<SandboxRowError> checkType(const Attribute &attribute,
                                                    const SandboxJsonValue &value);
    // Per row: the value of each attribute, the attribute of each member. On the stack for
    // tables of up to 32 attributes, since this runs for every row.
    using ValueSlots = QVarLengthArray<const SandboxJsonValue *, 32>;
    using MemberSlots = QVarLengthArray<qsizetype, 32>;
    QByteArray keyOf(const ValueSlots &values) const;
    QByteArray recordOf(const SandboxJsonValue &row, const ValueSlots &values,
                        const MemberSlots &attributeOfMember) const;

    const Resource &m_resource;
    QList<QByteArray> m_utf8Names;
    QHash<QString, qsizetype> m_attributeByLowerName;
    QList<qsizetype> m_keyAttributes;
    QList<QByteArray> m_quotedNames;
};

} // namespace sluice
