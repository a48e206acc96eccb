// SPDX-License-Identifier: MIT
#include "models/schema/cataloguereader.h"

#include "models/common/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <exception>

namespace sluice {

namespace {

// Thrown inside the reader only, so each field check is one line instead of an error return
// threaded through every level; read() turns it into a Result.
struct FormatError
{
    QString message;
};

[[noreturn]] void fail(const QString &message)
{
    throw FormatError {message};
}

// Keeps the reader's position in sync with the loop that walks an array. While a FormatError
// unwinds, the position is left as it is, so the message can say where the problem was.
class PathScope
{
public:
    PathScope(QStringList &path, QString step)
        : m_path(path)
        , m_exceptionsAtStart(std::uncaught_exceptions())
    {
        m_path.append(std::move(step));
    }
    ~PathScope()
    {
        if (std::uncaught_exceptions() == m_exceptionsAtStart)
            m_path.removeLast();
    }
    PathScope(const PathScope &) = delete;
    PathScope &operator=(const PathScope &) = delete;

private:
    QStringList &m_path;
    int m_exceptionsAtStart;
};

QString lineAndColumn(const QByteArray &json, qsizetype offset)
{
    const QByteArray before = json.left(offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return CatalogueReader::tr("line %1, column %2").arg(line).arg(column);
}

QString requireString(const QJsonObject &object, const QString &key, bool allowEmpty = false)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        fail(CatalogueReader::tr("'%1' must be a string").arg(key));
    if (!allowEmpty && value.toString().trimmed().isEmpty())
        fail(CatalogueReader::tr("'%1' must not be empty").arg(key));
    return value.toString();
}

QString optionalString(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString())
        fail(CatalogueReader::tr("'%1' must be a string").arg(key));
    return value.toString();
}

std::optional<bool> optionalBool(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isBool())
        fail(CatalogueReader::tr("'%1' must be true, false or null").arg(key));
    return value.toBool();
}

QStringList stringList(const QJsonObject &object, const QString &key, bool required)
{
    const QJsonValue value = object.value(key);
    if (!required && (value.isUndefined() || value.isNull()))
        return {};
    if (!value.isArray())
        fail(CatalogueReader::tr("'%1' must be a list of strings").arg(key));
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString())
            fail(CatalogueReader::tr("'%1' must be a list of strings").arg(key));
        list.append(item.toString());
    }
    return list;
}

QJsonArray requireArray(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (!value.isArray() || value.toArray().isEmpty())
        fail(CatalogueReader::tr("'%1' must be a non-empty list").arg(key));
    return value.toArray();
}

QJsonObject requireObject(const QJsonValue &value)
{
    if (!value.isObject())
        fail(CatalogueReader::tr("must be a JSON object"));
    return value.toObject();
}

QString typeNames()
{
    QStringList names;
    for (int type = 0; type <= static_cast<int>(AttributeType::Json); ++type)
        names.append(attributeTypeName(static_cast<AttributeType>(type)));
    return names.join(QStringLiteral(", "));
}

QString stepName(const QString &list, qsizetype index, const QJsonValue &item, const QString &key)
{
    const QString name = item.toObject().value(key).toString();
    const QString step = QStringLiteral("%1[%2]").arg(list).arg(index);
    return name.isEmpty() ? step : QStringLiteral("%1 (%2)").arg(step, name);
}

} // namespace

CatalogueReader::CatalogueReader(QString sourceName)
    : m_sourceName(std::move(sourceName))
{}

Result<Catalogue> CatalogueReader::read(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error {tr("%1: not valid JSON at %2: %3")
                          .arg(m_sourceName, lineAndColumn(json, parseError.offset),
                               parseError.errorString())};
    }
    m_path.clear();
    try {
        if (!document.isObject())
            fail(tr("the top level must be a JSON object"));
        const QJsonObject root = document.object();
        Catalogue catalogue;
        catalogue.m_sourceName = m_sourceName;
        catalogue.m_title = optionalString(root, QStringLiteral("title"));
        catalogue.m_version = optionalString(root, QStringLiteral("version"));

        const QJsonArray solutions = requireArray(root, QStringLiteral("solutions"));
        for (qsizetype i = 0; i < solutions.size(); ++i) {
            PathScope scope(
                m_path,
                stepName(QStringLiteral("solutions"), i, solutions[i], QStringLiteral("id")));
            catalogue.m_solutions.append(readSolution(requireObject(solutions[i])));
        }
        const QJsonArray resources = requireArray(root, QStringLiteral("resources"));
        for (qsizetype i = 0; i < resources.size(); ++i) {
            PathScope scope(
                m_path,
                stepName(QStringLiteral("resources"), i, resources[i], QStringLiteral("id")));
            catalogue.m_resources.append(readResource(requireObject(resources[i]), catalogue));
        }
        checkReferences(catalogue);
        qCDebug(lcSchema) << "catalogue" << m_sourceName << "version" << catalogue.m_version << ":"
                          << catalogue.m_resources.size() << "resources";
        return catalogue;
    } catch (const FormatError &error) {
        const QString where = m_path.isEmpty()
            ? QString()
            : m_path.join(QStringLiteral(" › ")) + QStringLiteral(": ");
        return Error {QStringLiteral("%1: %2%3").arg(m_sourceName, where, error.message)};
    }
}

Solution CatalogueReader::readSolution(const QJsonObject &object) const
{
    Solution solution;
    solution.id = requireString(object, QStringLiteral("id"));
    solution.module = optionalString(object, QStringLiteral("module"));
    solution.product = optionalString(object, QStringLiteral("product"));
    solution.solutionName = requireString(object, QStringLiteral("solutionName"));
    solution.prefix = requireString(object, QStringLiteral("prefix"), true);
    solution.suffix = requireString(object, QStringLiteral("suffix"), true);
    solution.namingDocumented
        = optionalBool(object, QStringLiteral("namingDocumented")).value_or(false);
    return solution;
}

Resource CatalogueReader::readResource(const QJsonObject &object, const Catalogue &catalogue) const
{
    static const QRegularExpression objectPattern(QStringLiteral("^[A-Z][A-Z0-9_]*$"));
    Resource resource;
    resource.id = requireString(object, QStringLiteral("id"));
    if (catalogue.resource(resource.id))
        fail(tr("the id '%1' is used twice").arg(resource.id));
    resource.solutionId = requireString(object, QStringLiteral("solution"));
    if (!catalogue.solution(resource.solutionId))
        fail(tr("solution '%1' is not in 'solutions'").arg(resource.solutionId));
    resource.objectName = requireString(object, QStringLiteral("object"));
    if (!objectPattern.match(resource.objectName).hasMatch())
        fail(tr("object '%1' must be upper-case letters, digits and '_'").arg(resource.objectName));
    if (resource.id != resource.solutionId + u'.' + resource.objectName)
        fail(tr("the id must be '%1.%2'").arg(resource.solutionId, resource.objectName));
    resource.displayName = requireString(object, QStringLiteral("displayName"));
    resource.description = optionalString(object, QStringLiteral("description"));
    resource.source = optionalString(object, QStringLiteral("source"));
    resource.notes = stringList(object, QStringLiteral("notes"), false);
    resource.schemaSameAs = optionalString(object, QStringLiteral("schemaSameAs"));
    resource.attributesComplete
        = optionalBool(object, QStringLiteral("attributesComplete")).value_or(true);

    const QString operation = optionalString(object, QStringLiteral("recommendedOperation"));
    if (!operation.isEmpty()) {
        resource.recommendedOperation = operationTypeFromName(operation);
        if (!resource.recommendedOperation)
            fail(tr("recommendedOperation '%1' must be UPSERT, APPEND or null").arg(operation));
    }

    const QJsonArray attributes = requireArray(object, QStringLiteral("attributes"));
    for (qsizetype i = 0; i < attributes.size(); ++i) {
        PathScope scope(
            m_path,
            stepName(QStringLiteral("attributes"), i, attributes[i], QStringLiteral("name")));
        Attribute attribute = readAttribute(requireObject(attributes[i]));
        if (resource.attribute(attribute.name))
            fail(tr("the attribute name '%1' is used twice").arg(attribute.name));
        resource.attributes.append(std::move(attribute));
    }
    resource.primaryKey = stringList(object, QStringLiteral("primaryKey"), true);
    checkKeys(resource);

    for (const QJsonValue &variant : object.value(QStringLiteral("variants")).toArray()) {
        const QJsonObject variantObject = variant.toObject();
        resource.variants.append({variantObject.value(QStringLiteral("tag")).toString(),
                                  stringList(variantObject, QStringLiteral("primaryKey"), false)});
    }
    return resource;
}

Attribute CatalogueReader::readAttribute(const QJsonObject &object) const
{
    Attribute attribute;
    attribute.name = requireString(object, QStringLiteral("name"));
    const QString type = requireString(object, QStringLiteral("type"));
    const std::optional<AttributeType> parsedType = attributeTypeFromName(type);
    if (!parsedType)
        fail(tr("unknown type '%1' (expected one of %2)").arg(type, typeNames()));
    attribute.type = *parsedType;
    attribute.required = optionalBool(object, QStringLiteral("required"));
    attribute.nullable = optionalBool(object, QStringLiteral("nullable"));
    attribute.primaryKey = optionalBool(object, QStringLiteral("primaryKey")).value_or(false);
    attribute.enumValues = stringList(object, QStringLiteral("enum"), false);
    attribute.references = optionalString(object, QStringLiteral("references"));
    attribute.description = optionalString(object, QStringLiteral("description"));
    return attribute;
}

void CatalogueReader::checkKeys(const Resource &resource) const
{
    if (resource.primaryKey.isEmpty())
        fail(tr("'primaryKey' must name at least one attribute"));
    for (const QString &key : resource.primaryKey) {
        if (!resource.attribute(key))
            fail(tr("primary key attribute '%1' is not among the attributes").arg(key));
    }
    for (const Attribute &attribute : resource.attributes) {
        if (attribute.primaryKey != resource.primaryKey.contains(attribute.name))
            fail(tr("attribute '%1' has primaryKey=%2 but the resource's primaryKey is [%3]")
                     .arg(attribute.name,
                          attribute.primaryKey ? QStringLiteral("true") : QStringLiteral("false"),
                          resource.primaryKey.join(QStringLiteral(", "))));
    }
}

void CatalogueReader::checkReferences(const Catalogue &catalogue) const
{
    for (const Resource &resource : catalogue.resources()) {
        PathScope scope(m_path, resource.id);
        for (const Attribute &attribute : resource.attributes) {
            if (attribute.references.isEmpty())
                continue;
            const qsizetype dot = attribute.references.lastIndexOf(u'.');
            const Resource *target
                = dot > 0 ? catalogue.resource(attribute.references.left(dot)) : nullptr;
            if (!target || !target->attribute(attribute.references.mid(dot + 1)))
                fail(tr("attribute '%1' references '%2', which is not in the catalogue")
                         .arg(attribute.name, attribute.references));
        }
        if (!resource.schemaSameAs.isEmpty() && !catalogue.resource(resource.schemaSameAs))
            fail(tr("schemaSameAs '%1' is not in the catalogue").arg(resource.schemaSameAs));
    }
}

} // namespace sluice
