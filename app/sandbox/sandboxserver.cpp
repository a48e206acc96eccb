// SPDX-License-Identifier: MIT
#include "app/sandbox/sandboxserver.h"

#include "models/schema/endpoint.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace sluice {

namespace {

// The error envelope of API.md §6.
QHttpServerResponse errorResponse(QHttpServerResponse::StatusCode status, const QString &code,
                                  const QString &category, const QString &message)
{
    const QJsonObject error {{QStringLiteral("code"), code},
                             {QStringLiteral("category"), category},
                             {QStringLiteral("message"), message}};
    return QHttpServerResponse(QJsonObject {{QStringLiteral("error"), error}}, status);
}

QJsonValue optionalBoolJson(std::optional<bool> value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonObject tableJson(const Solution &solution, const Resource &resource)
{
    QJsonArray columns;
    for (const Attribute &attribute : resource.attributes) {
        columns.append(QJsonObject {
            {QStringLiteral("name"), attribute.name},
            {QStringLiteral("type"), attributeTypeName(attribute.type)},
            {QStringLiteral("required"), optionalBoolJson(attribute.required)},
            {QStringLiteral("nullable"), optionalBoolJson(attribute.nullable)},
            {QStringLiteral("enum"), QJsonArray::fromStringList(attribute.enumValues)},
        });
    }
    return {{QStringLiteral("objectName"), resource.objectName},
            {QStringLiteral("tableName"), Endpoint::tableName(solution, resource)},
            {QStringLiteral("primaryKey"), QJsonArray::fromStringList(resource.primaryKey)},
            {QStringLiteral("columns"), columns}};
}

} // namespace

SandboxServer::SandboxServer(std::shared_ptr<const Catalogue> catalogue, QStringList tokens,
                             QObject *parent)
    : QObject(parent)
    , m_catalogue(std::move(catalogue))
    , m_tokens(std::move(tokens))
{
    // API.md §1: the sandbox serves every documented path form, with and without /ingestion-api.
    addRoutes(QString());
    addRoutes(QStringLiteral("/ingestion-api"));
}

quint16 SandboxServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

void SandboxServer::addRoutes(const QString &base)
{
    m_server.route(base + QStringLiteral("/api/v2/schema/solutions"),
                   QHttpServerRequest::Method::Get,
                   [this](const QHttpServerRequest &request) { return solutions(request); });
    m_server.route(base + QStringLiteral("/api/v2/schema"), QHttpServerRequest::Method::Get,
                   [this](const QHttpServerRequest &request) { return schema(request); });
    for (const QString &path :
         {QStringLiteral("/api/v2/ingest/object/<arg>"), QStringLiteral("/api/v2/objects/<arg>"),
          QStringLiteral("/api/v2/object/<arg>")}) {
        m_server.route(base + path, [](const QString &, const QHttpServerRequest &) {
            return errorResponse(QHttpServerResponse::StatusCode::NotImplemented,
                                 QStringLiteral("DI_E_00501"), QStringLiteral("NOT_IMPLEMENTED"),
                                 QStringLiteral("this sandbox version does not ingest rows yet"));
        });
    }
}

bool SandboxServer::isAuthorised(const QHttpServerRequest &request) const
{
    QString token = QString::fromUtf8(request.value(QByteArrayLiteral("Authorization"))).trimmed();
    if (token.startsWith(QStringLiteral("Bearer "), Qt::CaseInsensitive))
        token = token.mid(7).trimmed();
    return !token.isEmpty() && m_tokens.contains(token);
}

QHttpServerResponse SandboxServer::solutions(const QHttpServerRequest &request) const
{
    if (!isAuthorised(request))
        return errorResponse(QHttpServerResponse::StatusCode::Unauthorized,
                             QStringLiteral("DI_E_00401"), QStringLiteral("AUTH"),
                             QStringLiteral("missing or unknown token"));
    QJsonArray list;
    for (const Solution &solution : m_catalogue->solutions()) {
        list.append(QJsonObject {
            {QStringLiteral("solutionName"), solution.solutionName},
            {QStringLiteral("prefix"), solution.prefix},
            {QStringLiteral("suffix"), solution.suffix},
            {QStringLiteral("targetSchemaName"), solution.solutionName.toLower()},
            {QStringLiteral("tableCount"), m_catalogue->resourcesOf(solution.id).size()},
        });
    }
    return QHttpServerResponse(list);
}

QHttpServerResponse SandboxServer::schema(const QHttpServerRequest &request) const
{
    if (!isAuthorised(request))
        return errorResponse(QHttpServerResponse::StatusCode::Unauthorized,
                             QStringLiteral("DI_E_00401"), QStringLiteral("AUTH"),
                             QStringLiteral("missing or unknown token"));
    const QString name = request.query().queryItemValue(QStringLiteral("solutionName"));
    for (const Solution &solution : m_catalogue->solutions()) {
        if (solution.solutionName != name)
            continue;
        QJsonArray tables;
        for (const Resource *resource : m_catalogue->resourcesOf(solution.id))
            tables.append(tableJson(solution, *resource));
        return QHttpServerResponse(QJsonObject {{QStringLiteral("solutionName"), name},
                                                {QStringLiteral("tables"), tables}});
    }
    return errorResponse(QHttpServerResponse::StatusCode::NotFound, QStringLiteral("DI_E_00404"),
                         QStringLiteral("NOT_FOUND"),
                         QStringLiteral("no solution named '%1'").arg(name));
}

} // namespace sluice
