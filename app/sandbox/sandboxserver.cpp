// SPDX-License-Identifier: MIT
#include "app/sandbox/sandboxserver.h"

#include "app/sandbox/quickacktcpserver.h"
#include "models/schema/endpoint.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <cmath>

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

quint64 randomSeed()
{
    std::random_device device;
    return (quint64(device()) << 32) ^ quint64(device());
}

} // namespace

SandboxServer::SandboxServer(std::shared_ptr<const Catalogue> catalogue, SandboxOptions options,
                             QObject *parent)
    : QObject(parent)
    , m_catalogue(std::move(catalogue))
    , m_options(std::move(options))
    , m_store(m_options.databasePath)
    , m_seed(m_options.seed != 0 ? m_options.seed : randomSeed())
    , m_random(m_seed)
    , m_rateTokens(std::max(1.0, m_options.rateLimit))
{
    for (const Solution &solution : m_catalogue->solutions()) {
        for (const Resource *resource : m_catalogue->resourcesOf(solution.id)) {
            const QString table = Endpoint::tableName(solution, *resource);
            if (!m_targets.contains(table.toUpper()))
                m_targets.insert(table.toUpper(), Target {&solution, resource, table});
        }
    }
    m_rateClock.start();
    // API.md §1: the sandbox serves every documented path form, with and without /ingestion-api.
    addRoutes(QString());
    addRoutes(QStringLiteral("/ingestion-api"));
    addAdminRoutes();
}

SandboxServer::~SandboxServer() = default;

std::optional<Error> SandboxServer::open()
{
    return m_store.open();
}

quint16 SandboxServer::listen(const QHostAddress &address, quint16 port)
{
    if (m_store.open())
        return 0;
    auto *socket = new QuickAckTcpServer(this);
    if (!socket->listen(address, port)) {
        delete socket;
        return 0;
    }
    m_server.bind(socket);
    return socket->serverPort();
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
        m_server.route(base + path, QHttpServerRequest::Method::Post,
                       [this](const QString &table, const QHttpServerRequest &request,
                              QHttpServerResponder &&responder) {
                           ingest(table, request, std::move(responder));
                       });
    }
}

bool SandboxServer::isAuthorised(const QHttpServerRequest &request) const
{
    QString token = QString::fromUtf8(request.value(QByteArrayLiteral("Authorization"))).trimmed();
    if (token.startsWith(QStringLiteral("Bearer "), Qt::CaseInsensitive))
        token = token.mid(7).trimmed();
    return !token.isEmpty() && m_options.tokens.contains(token);
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

// The gates of an ingest request, in the order of the contract: token, rate limit, injected
// failure, size limits, then the body and its rows (process()). A processed batch may still be
// dropped; every request is logged.
void SandboxServer::ingest(const QString &table, const QHttpServerRequest &request,
                           QHttpServerResponder &&responder)
{
    Call call;
    call.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    call.path = request.url().path();
    call.table = table;
    call.batch = QString::fromUtf8(request.value(QByteArrayLiteral("X-Sluice-Batch")));
    call.body = request.body();
    readBody(call);
    const Answer answer = screen(call, request);
    if (answer.status == 200 && m_options.dropRate > 0 && draw(m_options.dropRate)) {
        // The batch is committed; the client learns nothing (API.md §8: "sent, reply lost").
        log(call, 0, QStringLiteral("dropped"));
        if (QTcpSocket *socket = responder.socket())
            socket->abort();
        return;
    }
    log(call, answer.status, answer.outcome);
    deliver(std::move(responder), call, answer);
}

SandboxServer::Answer SandboxServer::screen(Call &call, const QHttpServerRequest &request)
{
    if (!isAuthorised(request))
        return errorAnswer(call, 401, QStringLiteral("AUTH"),
                           QStringLiteral("missing or unknown token"),
                           QStringLiteral("unauthorized"));
    int retryAfter = 0;
    if (!takeRateToken(&retryAfter)) {
        Answer answer = errorAnswer(
            call, 429, QStringLiteral("RATE_LIMIT"),
            QStringLiteral("more than %1 requests per second").arg(m_options.rateLimit),
            QStringLiteral("throttled"));
        answer.retryAfter = retryAfter;
        return answer;
    }
    if (m_options.failRate > 0 && draw(m_options.failRate)) {
        const int status = isServableStatus(m_options.failStatus) ? m_options.failStatus : 500;
        return errorAnswer(call, status, QStringLiteral("INJECTED_FAILURE"),
                           QStringLiteral("failure injected by the sandbox (--fail-rate)"),
                           QStringLiteral("injected-failure"));
    }
    if (call.body.size() > m_options.maxBytes)
        return errorAnswer(call, 413, QStringLiteral("TOO_LARGE"),
                           QStringLiteral("the body has %1 bytes; the limit is %2")
                               .arg(call.body.size())
                               .arg(m_options.maxBytes),
                           QStringLiteral("too-large"));
    if (call.rows > m_options.maxRows)
        return errorAnswer(call, 413, QStringLiteral("TOO_LARGE"),
                           QStringLiteral("the request has %1 rows; the limit is %2")
                               .arg(call.rows)
                               .arg(m_options.maxRows),
                           QStringLiteral("too-large"));
    return process(call);
}

// A token bucket of rateLimit tokens, refilled at rateLimit per second, over all tokens.
bool SandboxServer::takeRateToken(int *retryAfterSeconds)
{
    const double rate = m_options.rateLimit;
    if (rate <= 0)
        return true;
    const double capacity = std::max(1.0, rate);
    m_rateTokens = std::min(capacity, m_rateTokens + double(m_rateClock.restart()) / 1000 * rate);
    if (m_rateTokens >= 1) {
        m_rateTokens -= 1;
        return true;
    }
    *retryAfterSeconds = std::max(1, int(std::ceil((1 - m_rateTokens) / rate)));
    return false;
}

// Uniform in [0, 1) from the top 53 bits, so a seed gives the same draws on every platform.
bool SandboxServer::draw(double probability)
{
    const double value = double(m_random() >> 11) * 0x1.0p-53;
    return value < probability;
}

void SandboxServer::deliver(QHttpServerResponder &&responder, const Call &call,
                            const Answer &answer)
{
    const auto write = [requestId = call.requestId.toUtf8(), answer](QHttpServerResponder &out) {
        out.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(answer.status));
        out.writeHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
        out.writeHeader(QByteArrayLiteral("Content-Length"),
                        QByteArray::number(answer.body.size()));
        out.writeHeader(QByteArrayLiteral("X-Request-Id"), requestId);
        if (answer.retryAfter > 0)
            out.writeHeader(QByteArrayLiteral("Retry-After"),
                            QByteArray::number(answer.retryAfter));
        out.writeBody(answer.body);
    };
    if (m_options.latencyMs <= 0) {
        write(responder);
        return;
    }
    // Hold the responder and answer later; the server goes on serving meanwhile. The socket may
    // be gone by then (the client gave up): QPointer tells.
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = held->socket();
    QTimer::singleShot(m_options.latencyMs, this, [held, socket, write] {
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            write(*held);
    });
}

void SandboxServer::log(const Call &call, int status, const QString &outcome)
{
    SandboxRequestLogEntry entry;
    entry.path = call.path;
    entry.table = call.table;
    entry.batch = call.batch;
    entry.rows = call.rows;
    entry.status = status;
    entry.outcome = outcome;
    entry.requestId = call.requestId;
    entry.operationType = call.operationType;
    entry.dryRun = call.dryRun;
    if (std::optional<Error> error = m_store.logRequest(entry))
        qWarning("sluice-sandbox: cannot log a request: %s", qUtf8Printable(error->message));
}

SandboxServer::Answer SandboxServer::errorAnswer(const Call &call, int status,
                                                 const QString &category, const QString &message,
                                                 const QString &outcome)
{
    const QByteArray code = QByteArrayLiteral("DI_E_00") + QByteArray::number(status);
    const QByteArray body = QByteArrayLiteral("{\"error\":{\"code\":\"") + code
        + QByteArrayLiteral("\",\"category\":") + SandboxJsonReader::quote(category)
        + QByteArrayLiteral(",\"message\":") + SandboxJsonReader::quote(message)
        + QByteArrayLiteral("},\"requestId\":") + SandboxJsonReader::quote(call.requestId) + '}';
    return Answer {status, body, outcome, 0};
}

} // namespace sluice
