// SPDX-License-Identifier: MIT
#include "ui/pages/cataloguedetails.h"

#include "models/schema/endpoint.h"

namespace sluice {

namespace {

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(label, value);
}

QString yesNo(std::optional<bool> value)
{
    if (!value)
        return CatalogueDetails::tr("not documented");
    return *value ? CatalogueDetails::tr("yes") : CatalogueDetails::tr("no");
}

QString attributeRow(const Attribute &attribute, bool highlighted)
{
    QStringList details;
    if (attribute.hasEnum())
        details.append(CatalogueDetails::tr("one of: %1")
                           .arg(attribute.enumValues.join(QStringLiteral(", ")).toHtmlEscaped()));
    if (!attribute.references.isEmpty())
        details.append(CatalogueDetails::tr("references %1").arg(attribute.references));
    details.append(attribute.description.toHtmlEscaped());
    const QString name = attribute.primaryKey ? CatalogueDetails::tr("%1 (key)").arg(attribute.name)
                                              : attribute.name;
    const QString cells = QStringLiteral("<td>%1</td><td>%2</td><td>%3</td><td>%4</td>")
                              .arg(name, attributeTypeName(attribute.type),
                                   attribute.isRequired() ? CatalogueDetails::tr("required")
                                                          : yesNo(attribute.required),
                                   details.join(QStringLiteral("<br>")));
    return highlighted ? QStringLiteral("<tr style=\"font-weight:bold\">%1</tr>").arg(cells)
                       : QStringLiteral("<tr>%1</tr>").arg(cells);
}

} // namespace

QString CatalogueDetails::overviewHtml()
{
    return tr("<h2>Resource catalogue</h2>"
              "<p>Every solution and resource the Data Ingestion API accepts, with the "
              "attributes, types, keys and allowed values of each.</p>"
              "<p>Select a resource to see its table name, endpoint, primary key and attributes. "
              "Type in the search field (Ctrl+F) to find a resource or an attribute by name or "
              "description; several words narrow the search, e.g. <i>orders date</i>.</p>");
}

QString CatalogueDetails::solutionHtml(const Catalogue &catalogue, const Solution &solution)
{
    QString html = QStringLiteral("<h2>%1</h2><table cellspacing=\"6\">")
                       .arg(solution.displayName().toHtmlEscaped());
    html += row(tr("Solution id"), solution.id);
    html += row(tr("Product"), solution.product.toHtmlEscaped());
    html += row(tr("solutionName"), solution.solutionName);
    html += row(tr("Table prefix"), solution.prefix.isEmpty() ? tr("(none)") : solution.prefix);
    html += row(tr("Table suffix"), solution.suffix.isEmpty() ? tr("(none)") : solution.suffix);
    html += row(tr("Resources"), QString::number(catalogue.resourcesOf(solution.id).size()));
    html += QStringLiteral("</table>");
    if (!solution.namingDocumented)
        html += tr("<p><b>Note:</b> the documentation does not give this solution's name, prefix "
                   "and suffix; these are a guess. Check them with your tenant.</p>");
    return html;
}

QString CatalogueDetails::resourceHtml(const Catalogue &catalogue, const Resource &resource,
                                       const QString &highlightedAttribute)
{
    const Solution *solution = catalogue.solution(resource.solutionId);
    const QString table = solution ? Endpoint::tableName(*solution, resource) : resource.objectName;
    const Result<QUrl> url
        = Endpoint::ingestUrl(Endpoint::defaultHost(), Endpoint::defaultPathTemplate(), table);

    QString html = QStringLiteral("<h2>%1</h2>").arg(resource.displayName.toHtmlEscaped());
    if (!resource.description.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(resource.description.toHtmlEscaped());
    html += QStringLiteral("<table cellspacing=\"6\">");
    html += row(tr("Resource id"), resource.id);
    html += row(tr("Table"), table);
    html += row(tr("Endpoint"), url ? QStringLiteral("POST ") + url->toString() : QString());
    html += row(tr("Primary key"), resource.primaryKey.join(QStringLiteral(", ")));
    html += row(tr("Recommended operation"),
                resource.recommendedOperation ? operationTypeName(*resource.recommendedOperation)
                                              : tr("not documented (UPSERT is preselected)"));
    html += QStringLiteral("</table>");
    if (!resource.attributesComplete)
        html += tr("<p><b>Incomplete:</b> the public documentation of this resource was cut "
                   "short; it may have more attributes than listed here.</p>");
    html += tr("<h3>Attributes (%1)</h3>").arg(resource.attributes.size());
    html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">");
    html += tr("<tr><th>Name</th><th>Type</th><th>Required</th><th>Details</th></tr>");
    for (const Attribute &attribute : resource.attributes)
        html += attributeRow(attribute, attribute.name == highlightedAttribute);
    html += QStringLiteral("</table>");
    if (!resource.notes.isEmpty()) {
        html += tr("<h3>Notes</h3>") + QStringLiteral("<ul>");
        for (const QString &note : resource.notes)
            html += QStringLiteral("<li>%1</li>").arg(note.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    return html;
}

} // namespace sluice
