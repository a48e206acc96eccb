// SPDX-License-Identifier: MIT
// SandboxServer: the body of an ingest request (API.md §3), its rows (§4, §6) and the answer (§5).
#include "app/sandbox/sandboxserver.h"

namespace sluice {

namespace {

using Kind = SandboxJsonValue::Kind;

// The body's tree is kept down to the data objects' members: root, data, row.
constexpr int KeptDepth = 3;

QByteArray failedRowJson(qsizetype index, const SandboxJsonValue &row, const QByteArray &errors)
{
    return QByteArrayLiteral("{\"rowIndex\":") + QByteArray::number(index)
        + QByteArrayLiteral(",\"row\":") + row.text.toByteArray()
        + QByteArrayLiteral(",\"errors\":") + errors + '}';
}

QByteArray errorsJson(const QList<SandboxRowError> &errors)
{
    QByteArray json = "[";
    for (const SandboxRowError &error : errors) {
        if (json.size() > 1)
            json.append(',');
        json.append(error.toJson());
    }
    json.append(']');
    return json;
}

} // namespace

void SandboxServer::readBody(Call &call)
{
    Result<SandboxJsonValue> parsed = SandboxJsonReader::read(call.body, KeptDepth);
    if (!parsed) {
        call.jsonError = parsed.error().message;
        return;
    }
    call.json = std::move(parsed).value();
    if (call.json->kind != Kind::Object)
        return;
    const SandboxJsonValue *data = call.json->member("data");
    if (data && data->kind == Kind::Array)
        call.rows = qint64(data->elements.size());
    const SandboxJsonValue *operation = call.json->member("operationType");
    if (operation && operation->kind == Kind::String)
        call.operationType = operation->toString();
    const SandboxJsonValue *dryRun = call.json->member("dryRun");
    call.dryRun = dryRun && dryRun->kind == Kind::Boolean && dryRun->boolean;
}

std::optional<SandboxServer::Answer> SandboxServer::checkBody(const Call &call,
                                                              Target *target) const
{
    const auto reject = [&call](int status, const QString &message) {
        return errorAnswer(call, status,
                           status == 404 ? QStringLiteral("NOT_FOUND")
                                         : QStringLiteral("BAD_REQUEST"),
                           message, QStringLiteral("rejected"));
    };
    if (!call.json)
        return reject(400, QStringLiteral("the body is not JSON: %1").arg(call.jsonError));
    if (call.json->kind != Kind::Object)
        return reject(400, QStringLiteral("the body must be a JSON object"));
    const SandboxJsonValue *solutionName = call.json->member("solutionName");
    if (!solutionName || solutionName->kind != Kind::String || solutionName->inner().isEmpty())
        return reject(400, QStringLiteral("solutionName is missing or not a string"));
    const SandboxJsonValue *data = call.json->member("data");
    if (!data || data->kind != Kind::Array)
        return reject(400, QStringLiteral("data is missing or not an array"));
    const SandboxJsonValue *operation = call.json->member("operationType");
    if (!operation || operation->kind != Kind::String)
        return reject(400, QStringLiteral("operationType is missing or not a string"));
    if (!operationTypeFromName(operation->toString()))
        return reject(400,
                      QStringLiteral("unknown operationType '%1'; use UPSERT or APPEND")
                          .arg(operation->toString()));
    const SandboxJsonValue *dryRun = call.json->member("dryRun");
    if (dryRun && dryRun->kind != Kind::Boolean && !dryRun->isNull())
        return reject(400, QStringLiteral("dryRun must be true or false"));
    *target = m_targets.value(call.table.toUpper());
    if (!target->resource)
        return reject(404, QStringLiteral("no table named '%1'").arg(call.table));
    if (target->solution->solutionName != solutionName->toString())
        return reject(
            400,
            QStringLiteral("solution '%1' does not own table %2 (solution '%3' does)")
                .arg(solutionName->toString(), target->table, target->solution->solutionName));
    return std::nullopt;
}

const SandboxRowChecker &SandboxServer::checkerFor(const Resource &resource)
{
    std::shared_ptr<const SandboxRowChecker> &checker = m_checkers[&resource];
    if (!checker)
        checker = std::make_shared<const SandboxRowChecker>(resource);
    return *checker;
}

SandboxServer::Answer SandboxServer::process(Call &call)
{
    Target target;
    if (std::optional<Answer> rejected = checkBody(call, &target))
        return *rejected;
    const SandboxRowChecker &checker = checkerFor(*target.resource);
    const std::vector<SandboxJsonValue> &data = call.json->member("data")->elements;
    QList<SandboxCheckedRow> rows;
    rows.reserve(qsizetype(data.size()));
    for (const SandboxJsonValue &row : data)
        rows.append(checker.check(row));
    SandboxRowChecker::markDuplicateKeys(rows, *target.resource);
    if (call.operationType == u"APPEND") {
        for (SandboxCheckedRow &row : rows) {
            if (!row.errors.isEmpty() || !m_store.containsKey(target.table, row.key))
                continue;
            row.errors.append(
                {SandboxRowError::KeyExists, target.resource->primaryKey.join(u','),
                 QStringLiteral("APPEND of the primary key %1, which %2 already holds")
                     .arg(QString::fromUtf8(row.key), target.table)});
            row.record.clear();
        }
    }
    return storeRows(call, target, rows);
}

SandboxServer::Answer SandboxServer::storeRows(Call &call, const Target &target,
                                               const QList<SandboxCheckedRow> &rows)
{
    const std::vector<SandboxJsonValue> &data = call.json->member("data")->elements;
    const QByteArray quotedId = SandboxJsonReader::quote(call.requestId);
    QList<SandboxRecord> records;
    QList<SandboxRecord> failedRecords;
    QByteArray failed;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const SandboxCheckedRow &row = rows[i];
        if (row.errors.isEmpty()) {
            records.append({row.key, row.record});
            continue;
        }
        QByteArray json = failedRowJson(i, data[size_t(i)], errorsJson(row.errors));
        failed.append(failed.isEmpty() ? "" : ",").append(json);
        json.chop(1); // the failed rows table also names the request
        failedRecords.append({QByteArray(), json + ",\"requestId\":" + quotedId + '}'});
    }
    if (!call.dryRun) {
        const auto mode = call.operationType == u"APPEND" ? SandboxStore::Write::Append
                                                          : SandboxStore::Write::Upsert;
        std::optional<Error> error = m_store.begin();
        if (!error)
            error = m_store.write(mode, target.table, records, call.requestId);
        if (!error)
            error = m_store.write(SandboxStore::Write::Append,
                                  target.table + QStringLiteral("_failed_rows"), failedRecords,
                                  call.requestId);
        if (!error)
            error = m_store.commit();
        if (error) {
            m_store.rollback();
            return errorAnswer(
                call, 500, QStringLiteral("STORAGE"),
                QStringLiteral("the sandbox could not store the rows: %1").arg(error->message),
                QStringLiteral("answered"));
        }
    }
    const qsizetype accepted = records.size();
    const QByteArray body = QByteArrayLiteral("{\"requestId\":") + quotedId
        + QByteArrayLiteral(",\"table\":") + SandboxJsonReader::quote(target.table)
        + QByteArrayLiteral(",\"operationType\":") + SandboxJsonReader::quote(call.operationType)
        + QByteArrayLiteral(",\"dryRun\":") + (call.dryRun ? "true" : "false")
        + QByteArrayLiteral(",\"received\":") + QByteArray::number(rows.size())
        + QByteArrayLiteral(",\"accepted\":") + QByteArray::number(accepted)
        + QByteArrayLiteral(",\"failed\":[") + failed + QByteArrayLiteral("]}");
    return Answer {200, body, QStringLiteral("answered"), 0};
}

} // namespace sluice
