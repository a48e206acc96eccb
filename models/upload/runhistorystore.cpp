// SPDX-License-Identifier: MIT
#include "models/upload/runhistorystore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace sluice {

namespace {

QString when(const QDateTime &moment)
{
    return moment.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject toJson(const RunHistoryEntry &entry)
{
    QJsonObject json {{QStringLiteral("runId"), entry.runId},
                      {QStringLiteral("started"), when(entry.started)},
                      {QStringLiteral("finished"), when(entry.finished)},
                      {QStringLiteral("file"), entry.filePath},
                      {QStringLiteral("url"), entry.url},
                      {QStringLiteral("table"), entry.table},
                      {QStringLiteral("resource"), entry.resourceId},
                      {QStringLiteral("operation"), entry.operation},
                      {QStringLiteral("dryRun"), entry.dryRun},
                      {QStringLiteral("stopReason"), entry.stopReason},
                      {QStringLiteral("accepted"), qint64(entry.accepted)},
                      {QStringLiteral("rejected"), qint64(entry.rejected)},
                      {QStringLiteral("uncertain"), qint64(entry.uncertain)},
                      {QStringLiteral("notSent"), qint64(entry.notSent)},
                      {QStringLiteral("skipped"), qint64(entry.skipped)},
                      {QStringLiteral("journal"), entry.journalPath}};
    if (!entry.resendOf.isEmpty())
        json.insert(QStringLiteral("resendOf"), entry.resendOf);
    return json;
}

std::optional<RunHistoryEntry> fromJson(const QJsonObject &json)
{
    RunHistoryEntry entry;
    entry.runId = json.value(QStringLiteral("runId")).toString();
    if (entry.runId.isEmpty())
        return std::nullopt;
    entry.started = QDateTime::fromString(json.value(QStringLiteral("started")).toString(),
                                          Qt::ISODateWithMs);
    entry.finished = QDateTime::fromString(json.value(QStringLiteral("finished")).toString(),
                                           Qt::ISODateWithMs);
    entry.filePath = json.value(QStringLiteral("file")).toString();
    entry.url = json.value(QStringLiteral("url")).toString();
    entry.table = json.value(QStringLiteral("table")).toString();
    entry.resourceId = json.value(QStringLiteral("resource")).toString();
    entry.operation = json.value(QStringLiteral("operation")).toString();
    entry.dryRun = json.value(QStringLiteral("dryRun")).toBool();
    entry.stopReason = json.value(QStringLiteral("stopReason")).toString();
    entry.resendOf = json.value(QStringLiteral("resendOf")).toString();
    const auto count = [&json](const char *name) {
        return qsizetype(json.value(QLatin1String(name)).toInteger());
    };
    entry.accepted = count("accepted");
    entry.rejected = count("rejected");
    entry.uncertain = count("uncertain");
    entry.notSent = count("notSent");
    entry.skipped = count("skipped");
    entry.journalPath = json.value(QStringLiteral("journal")).toString();
    return entry;
}

} // namespace

RunHistoryStore::RunHistoryStore(QString path)
    : m_path(path.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
                     + QStringLiteral("/runs.jsonl")
                            : std::move(path))
{}

std::optional<Error> RunHistoryStore::append(const RunHistoryEntry &entry)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile file(m_path);
    if (!file.open(QIODevice::Append))
        return Error {tr("cannot write the run history %1: %2").arg(m_path, file.errorString())};
    QByteArray line = QJsonDocument(toJson(entry)).toJson(QJsonDocument::Compact);
    line += '\n';
    // A line cut short by an earlier crash must not swallow this one.
    if (file.size() > 0) {
        QFile reader(m_path);
        if (reader.open(QIODevice::ReadOnly) && reader.seek(file.size() - 1)
            && reader.read(1) != "\n")
            line.prepend('\n');
    }
    if (file.write(line) != line.size() || !file.flush())
        return Error {tr("cannot write the run history %1: %2").arg(m_path, file.errorString())};
    return std::nullopt;
}

QList<RunHistoryEntry> RunHistoryStore::entries(qsizetype limit) const
{
    QList<RunHistoryEntry> entries;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return entries;
    while (!file.atEnd()) {
        const QJsonObject json = QJsonDocument::fromJson(file.readLine()).object();
        if (auto entry = fromJson(json))
            entries.append(std::move(*entry));
    }
    if (limit > 0 && entries.size() > limit)
        entries.remove(0, entries.size() - limit);
    return entries;
}

} // namespace sluice
