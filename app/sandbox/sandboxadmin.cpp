// SPDX-License-Identifier: MIT
// SandboxServer: the /admin endpoints, for tests and people to see what the sandbox stored and
// what it was asked. Same token as the API; never throttled, failed, delayed or dropped.
#include "app/sandbox/sandboxserver.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace sluice {

namespace {

using StatusCode = QHttpServerResponse::StatusCode;

QHttpServerResponse adminError(StatusCode status, const QString &category, const QString &message)
{
    const QJsonObject error {{QStringLiteral("code"), QStringLiteral("DI_E_00%1").arg(int(status))},
                             {QStringLiteral("category"), category},
                             {QStringLiteral("message"), message}};
    return QHttpServerResponse(QJsonObject {{QStringLiteral("error"), error}}, status);
}

QHttpServerResponse unauthorised()
{
    return adminError(StatusCode::Unauthorized, QStringLiteral("AUTH"),
                      QStringLiteral("missing or unknown token"));
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// A query item as a number ≥ 0; fallback when absent. False when present but not such a number.
bool readCount(const QUrlQuery &query, const QString &name, qint64 fallback, qint64 *value)
{
    if (!query.hasQueryItem(name)) {
        *value = fallback;
        return true;
    }
    bool ok = false;
    *value = query.queryItemValue(name).toLongLong(&ok);
    return ok && *value >= 0;
}

} // namespace

void SandboxServer::addAdminRoutes()
{
    using Method = QHttpServerRequest::Method;
    using Request = QHttpServerRequest;
    m_server.route(QStringLiteral("/admin/tables"), Method::Get,
                   [this](const Request &request) { return adminTables(request); });
    m_server.route(QStringLiteral("/admin/tables/<arg>/count"), Method::Get,
                   [this](const QString &table, const Request &request) {
                       return adminCount(table, request);
                   });
    m_server.route(
        QStringLiteral("/admin/tables/<arg>/rows"), Method::Get,
        [this](const QString &table, const Request &request) { return adminRows(table, request); });
    m_server.route(QStringLiteral("/admin/tables/<arg>/export"), Method::Get,
                   [this](const QString &table, const Request &request) {
                       return adminExport(table, request);
                   });
    m_server.route(QStringLiteral("/admin/requests"), Method::Get,
                   [this](const Request &request) { return adminRequests(request); });
    m_server.route(QStringLiteral("/admin/reset"), Method::Post,
                   [this](const Request &request) { return adminReset(request); });
}

// The stored spelling of a table the path names in any case, "<table>_failed_rows" included.
QString SandboxServer::canonicalTable(const QString &name) const
{
    const QLatin1String failedSuffix("_failed_rows");
    const bool failed = name.endsWith(failedSuffix, Qt::CaseInsensitive);
    const QString base = failed ? name.chopped(failedSuffix.size()) : name;
    const auto target = m_targets.constFind(base.toUpper());
    if (target == m_targets.cend())
        return name;
    return failed ? target->table + failedSuffix : target->table;
}

QHttpServerResponse SandboxServer::adminTables(const QHttpServerRequest &request)
{
    if (!isAuthorised(request))
        return unauthorised();
    QJsonArray tables;
    for (const SandboxTableCount &count : m_store.tables()) {
        tables.append(QJsonObject {{QStringLiteral("table"), count.table},
                                   {QStringLiteral("rows"), count.rows}});
    }
    return QHttpServerResponse(QJsonObject {{QStringLiteral("tables"), tables}});
}

QHttpServerResponse SandboxServer::adminCount(const QString &table,
                                              const QHttpServerRequest &request)
{
    if (!isAuthorised(request))
        return unauthorised();
    const QString name = canonicalTable(table);
    return QHttpServerResponse(QJsonObject {{QStringLiteral("table"), name},
                                            {QStringLiteral("rows"), m_store.count(name)}});
}

QHttpServerResponse SandboxServer::adminRows(const QString &table,
                                             const QHttpServerRequest &request)
{
    if (!isAuthorised(request))
        return unauthorised();
    qint64 offset = 0;
    qint64 limit = -1;
    const QUrlQuery query = request.query();
    if (!readCount(query, QStringLiteral("offset"), 0, &offset)
        || !readCount(query, QStringLiteral("limit"), -1, &limit))
        return adminError(StatusCode::BadRequest, QStringLiteral("BAD_REQUEST"),
                          QStringLiteral("offset and limit must be whole numbers from 0"));
    const QString name = canonicalTable(table);
    // The records are JSON text already: they go out as stored, numbers digit for digit.
    QByteArray body = QByteArrayLiteral("{\"table\":") + SandboxJsonReader::quote(name)
        + QByteArrayLiteral(",\"rows\":[");
    bool first = true;
    for (const QString &record : m_store.rows(name, offset, limit)) {
        if (!first)
            body.append(',');
        body.append(record.toUtf8());
        first = false;
    }
    body.append("]}");
    return QHttpServerResponse(QByteArrayLiteral("application/json"), body);
}

QHttpServerResponse SandboxServer::adminExport(const QString &table,
                                               const QHttpServerRequest &request)
{
    if (!isAuthorised(request))
        return unauthorised();
    QByteArray lines;
    for (const QString &record : m_store.rows(canonicalTable(table), 0, -1))
        lines.append(record.toUtf8()).append('\n');
    return QHttpServerResponse(QByteArrayLiteral("application/x-ndjson"), lines);
}

QHttpServerResponse SandboxServer::adminRequests(const QHttpServerRequest &request)
{
    if (!isAuthorised(request))
        return unauthorised();
    qint64 since = 0;
    if (!readCount(request.query(), QStringLiteral("since"), 0, &since))
        return adminError(StatusCode::BadRequest, QStringLiteral("BAD_REQUEST"),
                          QStringLiteral("since must be a whole number from 0"));
    QJsonArray requests;
    for (const SandboxRequestLogEntry &entry : m_store.requests(since)) {
        requests.append(QJsonObject {
            {QStringLiteral("seq"), entry.seq},
            {QStringLiteral("time"), entry.time},
            {QStringLiteral("path"), entry.path},
            {QStringLiteral("table"), textOrNull(entry.table)},
            {QStringLiteral("batch"), textOrNull(entry.batch)},
            {QStringLiteral("rows"), entry.rows},
            {QStringLiteral("status"), entry.status},
            {QStringLiteral("outcome"), entry.outcome},
            {QStringLiteral("requestId"), entry.requestId},
            {QStringLiteral("operationType"), textOrNull(entry.operationType)},
            {QStringLiteral("dryRun"), entry.dryRun},
        });
    }
    return QHttpServerResponse(QJsonObject {{QStringLiteral("requests"), requests}});
}

QHttpServerResponse SandboxServer::adminReset(const QHttpServerRequest &request)
{
    if (!isAuthorised(request))
        return unauthorised();
    if (std::optional<Error> error = m_store.reset())
        return adminError(StatusCode::InternalServerError, QStringLiteral("STORAGE"),
                          QStringLiteral("cannot reset the store: %1").arg(error->message));
    return QHttpServerResponse(QJsonObject {{QStringLiteral("reset"), true}});
}

} // namespace sluice
