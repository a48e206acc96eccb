// SPDX-License-Identifier: MIT
#include "app/sandbox/sandboxrowchecker.h"

#include "app/sandbox/sandboxvaluecheck.h"

#include <QStringList>

#include <algorithm>
#include <cstring>

namespace sluice {

namespace {

using Kind = SandboxJsonValue::Kind;

// A value as a message shows it: strings in single quotes, everything else as sent.
QString shown(const SandboxJsonValue &value)
{
    QString text = value.kind == Kind::String ? value.toString() : QString::fromUtf8(value.text);
    if (text.size() > 60)
        text = text.left(57) + QStringLiteral("...");
    return value.kind == Kind::String ? QStringLiteral("'%1'").arg(text) : text;
}

SandboxRowError rowError(SandboxRowError::Code code, const QString &column, const QString &message)
{
    return SandboxRowError {code, column, message};
}

} // namespace

QString SandboxRowError::codeText() const
{
    return QStringLiteral("DI_E_%1").arg(int(code));
}

QString SandboxRowError::category() const
{
    switch (code) {
    case Required:
        return QStringLiteral("REQUIRED");
    case Type:
        return QStringLiteral("TYPE");
    case Format:
        return QStringLiteral("FORMAT");
    case Enum:
        return QStringLiteral("ENUM");
    case Null:
        return QStringLiteral("NULL");
    case UnknownColumn:
        return QStringLiteral("UNKNOWN_COLUMN");
    case DuplicateKey:
        return QStringLiteral("DUPLICATE_KEY");
    case KeyExists:
        return QStringLiteral("KEY_EXISTS");
    }
    return QString();
}

QByteArray SandboxRowError::toJson() const
{
    return QByteArrayLiteral("{\"code\":\"") + codeText().toLatin1()
        + QByteArrayLiteral("\",\"category\":\"") + category().toLatin1()
        + QByteArrayLiteral("\",\"column\":") + SandboxJsonReader::quote(column)
        + QByteArrayLiteral(",\"message\":") + SandboxJsonReader::quote(message) + '}';
}

SandboxRowChecker::SandboxRowChecker(const Resource &resource)
    : m_resource(resource)
{
    for (qsizetype i = 0; i < resource.attributes.size(); ++i) {
        m_utf8Names.append(resource.attributes[i].name.toUtf8());
        m_attributeByLowerName.insert(resource.attributes[i].name.toLower(), i);
        m_quotedNames.append(SandboxJsonReader::quote(resource.attributes[i].name));
    }
    for (const QString &name : resource.primaryKey)
        m_keyAttributes.append(resource.attributeIndex(name));
}

SandboxCheckedRow SandboxRowChecker::check(const SandboxJsonValue &row) const
{
    SandboxCheckedRow checked;
    if (row.kind != Kind::Object) {
        checked.errors.append(
            rowError(SandboxRowError::Type, QString(),
                     QStringLiteral("a row must be a JSON object, got %1").arg(shown(row))));
        return checked;
    }
    const QList<Attribute> &attributes = m_resource.attributes;
    ValueSlots values(attributes.size(), nullptr);
    MemberSlots attributeOfMember;
    attributeOfMember.reserve(qsizetype(row.members.size()));
    QList<SandboxRowError> unknown;
    qsizetype hint = 0;
    for (const SandboxJsonMember &member : row.members) {
        const qsizetype index = attributeIndexOf(member, hint);
        attributeOfMember.append(index);
        if (index >= 0) {
            values[index] = &member.value; // a later spelling of the same name wins
            hint = index + 1;
            continue;
        }
        const QString name = member.name();
        unknown.append(rowError(
            SandboxRowError::UnknownColumn, name,
            QStringLiteral("table %1 has no column '%2'").arg(m_resource.objectName, name)));
    }
    for (qsizetype i = 0; i < attributes.size(); ++i) {
        if (std::optional<SandboxRowError> error = checkValue(attributes[i], values[i]))
            checked.errors.append(*error);
    }
    checked.errors.append(unknown);
    checked.key = keyOf(values);
    if (checked.errors.isEmpty())
        checked.record = recordOf(row, values, attributeOfMember);
    return checked;
}

// Clients mostly send the catalogue's spelling in the catalogue's order: the member after the last
// one is tried first, then every name as spelled, then the lower-cased name.
qsizetype SandboxRowChecker::attributeIndexOf(const SandboxJsonMember &member, qsizetype hint) const
{
    if (!member.keyEscaped) {
        if (hint < m_utf8Names.size() && m_utf8Names[hint] == member.key)
            return hint;
        for (qsizetype i = 0; i < m_utf8Names.size(); ++i) {
            if (m_utf8Names[i] == member.key)
                return i;
        }
    }
    return m_attributeByLowerName.value(member.name().toLower(), -1);
}

std::optional<SandboxRowError> SandboxRowChecker::checkValue(const Attribute &attribute,
                                                             const SandboxJsonValue *value) const
{
    const QString &name = attribute.name;
    if (!value) {
        if (attribute.isRequired())
            return rowError(SandboxRowError::Required, name,
                            QStringLiteral("required attribute '%1' is missing").arg(name));
        return std::nullopt;
    }
    if (value->isNull()) {
        if (attribute.nullable == false)
            return rowError(SandboxRowError::Null, name,
                            QStringLiteral("'%1' must not be null").arg(name));
        if (attribute.isRequired())
            return rowError(SandboxRowError::Required, name,
                            QStringLiteral("required attribute '%1' is null").arg(name));
        return std::nullopt;
    }
    if (value->kind == Kind::String && value->inner().isEmpty() && attribute.isRequired())
        return rowError(SandboxRowError::Required, name,
                        QStringLiteral("required attribute '%1' is empty").arg(name));
    if (std::optional<SandboxRowError> error = checkType(attribute, *value))
        return error;
    if (attribute.hasEnum()) {
        const QString text
            = value->kind == Kind::String ? value->toString() : QString::fromUtf8(value->text);
        if (!attribute.enumValues.contains(text))
            return rowError(
                SandboxRowError::Enum, name,
                QStringLiteral("%1 is not one of: %2")
                    .arg(shown(*value), attribute.enumValues.join(QStringLiteral(", "))));
    }
    return std::nullopt;
}

std::optional<SandboxRowError> SandboxRowChecker::checkType(const Attribute &attribute,
                                                            const SandboxJsonValue &value)
{
    const QString &name = attribute.name;
    const auto typeError = [&](const QString &expected) {
        return rowError(SandboxRowError::Type, name,
                        QStringLiteral("expected %1, got %2").arg(expected, shown(value)));
    };
    QString problem;
    switch (attribute.type) {
    case AttributeType::String:
        if (value.kind != Kind::String)
            return typeError(QStringLiteral("a string"));
        break;
    case AttributeType::Integer:
        if (value.kind != Kind::Number)
            return typeError(QStringLiteral("an integer"));
        if (!SandboxValueCheck::isInteger(value.text, &problem))
            return rowError(SandboxRowError::Type, name, problem);
        break;
    case AttributeType::Float:
        if (value.kind != Kind::Number)
            return typeError(QStringLiteral("a number"));
        break;
    case AttributeType::Numeric:
        if (value.kind != Kind::Number)
            return typeError(QStringLiteral("a number"));
        if (!SandboxValueCheck::isNumeric(value.text, &problem))
            return rowError(SandboxRowError::Type, name, problem);
        break;
    case AttributeType::Boolean:
        if (value.kind != Kind::Boolean)
            return typeError(QStringLiteral("true or false"));
        break;
    case AttributeType::Date:
        if (value.kind != Kind::String)
            return typeError(QStringLiteral("a date string YYYY-MM-DD"));
        if (!SandboxValueCheck::isDate(value.utf8()))
            return rowError(SandboxRowError::Format, name,
                            QStringLiteral("expected a date YYYY-MM-DD, got %1").arg(shown(value)));
        break;
    case AttributeType::Timestamp:
        if (value.kind != Kind::String)
            return typeError(QStringLiteral("a timestamp string"));
        if (!SandboxValueCheck::isTimestamp(value.utf8()))
            return rowError(SandboxRowError::Format, name,
                            QStringLiteral("expected a timestamp YYYY-MM-DD HH:MM:SS [+hh:mm] or "
                                           "YYYY-MM-DDTHH:MM:SS[.fff](Z|+hh:mm), got %1")
                                .arg(shown(value)));
        break;
    case AttributeType::Json:
        break;
    }
    return std::nullopt;
}

QByteArray SandboxRowChecker::keyOf(const ValueSlots &values) const
{
    if (m_keyAttributes.isEmpty() || m_keyAttributes.contains(-1))
        return QByteArray();
    QByteArray key = "[";
    for (const qsizetype index : m_keyAttributes) {
        const SandboxJsonValue *value = values[index];
        if (!value || value->isNull())
            return QByteArray();
        if (key.size() > 1)
            key.append(',');
        // Strings with escapes are re-quoted so that "A" and "\u0041" are one key.
        if (value->kind == Kind::String && value->escaped)
            key.append(SandboxJsonReader::quote(value->toString()));
        else
            key.append(value->text);
    }
    key.append(']');
    return key;
}

// Written through a pointer into a buffer of the exact size: this runs for every stored row.
QByteArray SandboxRowChecker::recordOf(const SandboxJsonValue &row, const ValueSlots &values,
                                       const MemberSlots &attributeOfMember) const
{
    const auto kept = [&](size_t i) {
        const qsizetype index = attributeOfMember[qsizetype(i)];
        return index >= 0 && values[index] == &row.members[i].value;
    }; // false for an earlier spelling of a name that the row repeats
    qsizetype size = 2;
    for (size_t i = 0; i < row.members.size(); ++i) {
        if (kept(i))
            size += m_quotedNames[attributeOfMember[qsizetype(i)]].size()
                + row.members[i].value.text.size() + 2;
    }
    QByteArray record(size, Qt::Uninitialized);
    char *out = record.data();
    const auto put = [&out](QByteArrayView bytes) {
        std::memcpy(out, bytes.data(), size_t(bytes.size()));
        out += bytes.size();
    };
    *out++ = '{';
    for (size_t i = 0; i < row.members.size(); ++i) {
        if (!kept(i))
            continue;
        if (out - record.data() > 1)
            *out++ = ',';
        put(m_quotedNames[attributeOfMember[qsizetype(i)]]);
        *out++ = ':';
        put(row.members[i].value.text);
    }
    *out++ = '}';
    record.truncate(out - record.data());
    return record;
}

void SandboxRowChecker::markDuplicateKeys(QList<SandboxCheckedRow> &rows, const Resource &resource)
{
    QHash<QByteArray, QList<qsizetype>> rowsByKey;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (!rows[i].key.isEmpty())
            rowsByKey[rows[i].key].append(i);
    }
    const QString columns = resource.primaryKey.join(u',');
    for (auto it = rowsByKey.cbegin(); it != rowsByKey.cend(); ++it) {
        if (it.value().size() < 2)
            continue;
        QStringList indexes;
        for (const qsizetype i : it.value())
            indexes.append(QString::number(i));
        const QString message
            = QStringLiteral("rows %1 of this request share the primary key %2")
                  .arg(indexes.join(QStringLiteral(", ")), QString::fromUtf8(it.key()));
        for (const qsizetype i : it.value()) {
            rows[i].errors.append(rowError(SandboxRowError::DuplicateKey, columns, message));
            rows[i].record.clear();
        }
    }
}

} // namespace sluice
