// SPDX-License-Identifier: MIT
#include "app/cli/clioutput.h"

#include "models/common/editdistance.h"
#include "models/schema/endpoint.h"

#include <QJsonArray>

#include <algorithm>

namespace sluice::cli {

namespace {

QString tableOf(const Catalogue &catalogue, const Resource &resource)
{
    const Solution *solution = catalogue.solution(resource.solutionId);
    return solution ? Endpoint::tableName(*solution, resource) : resource.objectName;
}

QJsonValue optionalBoolJson(std::optional<bool> value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonObject attributeJson(const Attribute &attribute)
{
    QJsonObject object {
        {QStringLiteral("name"), attribute.name},
        {QStringLiteral("type"), attributeTypeName(attribute.type)},
        {QStringLiteral("required"), optionalBoolJson(attribute.required)},
        {QStringLiteral("nullable"), optionalBoolJson(attribute.nullable)},
        {QStringLiteral("primaryKey"), attribute.primaryKey},
        {QStringLiteral("description"), attribute.description},
    };
    if (attribute.hasEnum())
        object.insert(QStringLiteral("enum"), QJsonArray::fromStringList(attribute.enumValues));
    if (!attribute.references.isEmpty())
        object.insert(QStringLiteral("references"), attribute.references);
    return object;
}

// Pads each column to its widest cell; the last column is not padded.
QString alignedTable(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        widths.resize(std::max(widths.size(), row.size()));
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        text += line.trimmed() + u'\n';
    }
    return text;
}

QString yesNoUnknown(std::optional<bool> value)
{
    if (!value)
        return QStringLiteral("?");
    return *value ? QStringLiteral("yes") : QStringLiteral("no");
}

QString operationText(const Resource &resource)
{
    return resource.recommendedOperation ? operationTypeName(*resource.recommendedOperation)
                                         : QStringLiteral("-");
}

} // namespace

QJsonObject resourceSummaryJson(const Catalogue &catalogue, const Resource &resource)
{
    return {
        {QStringLiteral("id"), resource.id},
        {QStringLiteral("solution"), resource.solutionId},
        {QStringLiteral("object"), resource.objectName},
        {QStringLiteral("displayName"), resource.displayName},
        {QStringLiteral("table"), tableOf(catalogue, resource)},
        {QStringLiteral("primaryKey"), QJsonArray::fromStringList(resource.primaryKey)},
        {QStringLiteral("recommendedOperation"),
         resource.recommendedOperation
             ? QJsonValue(operationTypeName(*resource.recommendedOperation))
             : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("attributesComplete"), resource.attributesComplete},
        {QStringLiteral("attributeCount"), resource.attributes.size()},
    };
}

QJsonObject resourceDetailJson(const Catalogue &catalogue, const Resource &resource)
{
    QJsonObject object = resourceSummaryJson(catalogue, resource);
    object.remove(QStringLiteral("attributeCount"));
    const Solution *solution = catalogue.solution(resource.solutionId);
    object.insert(QStringLiteral("solutionName"), solution ? solution->solutionName : QString());
    object.insert(QStringLiteral("description"), resource.description);
    QJsonArray attributes;
    for (const Attribute &attribute : resource.attributes)
        attributes.append(attributeJson(attribute));
    object.insert(QStringLiteral("attributes"), attributes);
    object.insert(QStringLiteral("notes"), QJsonArray::fromStringList(resource.notes));
    return object;
}

QString resourceListText(const Catalogue &catalogue, const QList<const Resource *> &resources)
{
    QList<QStringList> rows {{QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("TABLE"),
                              QStringLiteral("OPERATION"), QStringLiteral("ATTRS"),
                              QStringLiteral("PRIMARY KEY")}};
    for (const Resource *resource : resources) {
        const QString count = QString::number(resource->attributes.size())
            + (resource->attributesComplete ? QString() : QStringLiteral("+"));
        rows.append({resource->id, resource->displayName, tableOf(catalogue, *resource),
                     operationText(*resource), count, resource->primaryKey.join(u", ")});
    }
    return alignedTable(rows);
}

QString resourceDetailText(const Catalogue &catalogue, const Resource &resource)
{
    QString text = QStringLiteral("%1 (%2)\n").arg(resource.displayName, resource.id);
    if (!resource.description.isEmpty())
        text += resource.description + u'\n';
    text += QStringLiteral("table:       %1\n").arg(tableOf(catalogue, resource));
    text += QStringLiteral("primary key: %1\n").arg(resource.primaryKey.join(u", "));
    text += QStringLiteral("operation:   %1\n").arg(operationText(resource));
    if (!resource.attributesComplete)
        text += QStringLiteral("note:        the documented attribute list is incomplete\n");
    text += u'\n';
    QList<QStringList> rows {{QStringLiteral("ATTRIBUTE"), QStringLiteral("TYPE"),
                              QStringLiteral("REQUIRED"), QStringLiteral("NULLABLE"),
                              QStringLiteral("KEY"), QStringLiteral("DETAILS")}};
    for (const Attribute &attribute : resource.attributes) {
        QStringList details;
        if (attribute.hasEnum())
            details.append(QStringLiteral("one of: ") + attribute.enumValues.join(u", "));
        if (!attribute.references.isEmpty())
            details.append(QStringLiteral("references ") + attribute.references);
        details.append(attribute.description);
        rows.append({attribute.name, attributeTypeName(attribute.type),
                     yesNoUnknown(attribute.required), yesNoUnknown(attribute.nullable),
                     attribute.primaryKey ? QStringLiteral("key") : QString(),
                     details.join(QStringLiteral("; "))});
    }
    return text + alignedTable(rows);
}

QStringList closestResourceIds(const Catalogue &catalogue, const QString &typed, int count)
{
    const QString needle = typed.toUpper();
    // Ids further than this are no suggestion: the distance need not be computed past it.
    const int limit = int(std::max<qsizetype>(3, needle.size() / 3));
    QList<std::pair<int, QString>> scored;
    for (const Resource &resource : catalogue.resources()) {
        const bool contains = resource.id.contains(needle) || needle.contains(resource.objectName);
        const int distance = contains ? 0 : editDistance(resource.id, needle, limit);
        scored.append({distance, resource.id});
    }
    std::sort(scored.begin(), scored.end());
    QStringList ids;
    for (const auto &[distance, id] : scored) {
        if (ids.size() == count || distance > limit)
            break;
        ids.append(id);
    }
    return ids;
}

} // namespace sluice::cli
