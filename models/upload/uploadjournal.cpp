// SPDX-License-Identifier: MIT
#include "models/upload/uploadjournal.h"

#include "models/mapping/mappingprofile.h"
#include "models/source/sheetcorrections.h"
#include "models/upload/journalformat_p.h"
#include "models/validation/mappedrowsource.h"
#include "models/validation/rowsource.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sluice {

namespace {

QJsonObject runJson(const JournalRunInfo &run)
{
    return {{journal::Type, journal::TypeRun},
            {journal::Format, journal::FormatVersion},
            {journal::RunId, run.runId},
            {journal::Started, run.started.toUTC().toString(Qt::ISODateWithMs)},
            {journal::File,
             QJsonObject {{journal::Path, run.filePath},
                          {journal::Size, run.fileSize},
                          {journal::Sha256, QString::fromLatin1(run.fileSha256)},
                          {journal::Sheet, run.sheet}}},
            {journal::Target,
             QJsonObject {{journal::Url, run.url},
                          {journal::Table, run.table},
                          {journal::Solution, run.solutionName},
                          {journal::Operation, operationTypeName(run.operation)},
                          {journal::DryRun, run.dryRun}}},
            {journal::Profile, run.profile},
            {journal::MappingSha256, QString::fromLatin1(run.mappingSha256)},
            {journal::DataRows, run.dataRows}};
}

} // namespace

UploadJournal::UploadJournal(QString path)
    : m_path(std::move(path))
    , m_file(m_path)
{}

bool UploadJournal::open(QIODevice::OpenMode mode)
{
    if (m_file.open(mode | QIODevice::WriteOnly)) {
        m_syncer = std::make_unique<DiskSyncer>(m_file.handle());
        return true;
    }
    m_error = tr("cannot write the journal %1: %2").arg(m_path, m_file.errorString());
    return false;
}

Result<std::unique_ptr<UploadJournal>> UploadJournal::create(const QString &path,
                                                             const JournalRunInfo &run)
{
    std::unique_ptr<UploadJournal> journal(new UploadJournal(path));
    if (!journal->open(QIODevice::NewOnly))
        return Error {journal->m_error};
    journal->writeLine(runJson(run), Durability::SyncedNow);
    if (!journal->m_error.isEmpty())
        return Error {journal->m_error};
    return journal;
}

Result<std::unique_ptr<UploadJournal>> UploadJournal::reopen(const QString &path)
{
    std::unique_ptr<UploadJournal> journal(new UploadJournal(path));
    if (!QFile::exists(path))
        return Error {tr("there is no journal %1").arg(path)};
    if (!journal->open(QIODevice::Append | QIODevice::ReadOnly))
        return Error {journal->m_error};
    // A crash may have cut the last line short: end it, so the reader skips only that line.
    QFile &file = journal->m_file;
    if (file.size() > 0 && file.seek(file.size() - 1) && file.peek(1) != "\n")
        file.write("\n");
    return journal;
}

void UploadJournal::writeLine(const QJsonObject &line, Durability durability)
{
    if (!m_error.isEmpty())
        return;
    QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact);
    bytes += '\n';
    bool ok = m_file.write(bytes) == bytes.size() && m_file.flush();
    if (ok && durability == Durability::SyncedNow)
        ok = m_syncer->syncNow();
    else if (ok && durability == Durability::SyncedSoon)
        m_syncer->syncSoon();
    if (!ok || m_syncer->hasFailed())
        m_error = tr("cannot write the journal %1: %2").arg(m_path, m_file.errorString());
}

void UploadJournal::recordSending(int batchId, const QString &sheetRows, int attempt, bool sync)
{
    writeLine({{journal::Type, journal::TypeSending},
               {journal::Batch, batchId},
               {journal::Rows, sheetRows},
               {journal::Attempt, attempt},
               {journal::At, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}},
              sync ? Durability::SyncedNow : Durability::Flushed);
}

void UploadJournal::recordResult(const BatchResult &result, const RowSource &rows)
{
    QJsonArray rejected;
    for (const auto &[row, errors] : result.rejected) {
        rejected.append(QJsonObject {{journal::Row, rows.sheetRow(row)},
                                     {journal::Errors, ServerRowError::toJson(errors)}});
    }
    writeLine({{journal::Type, journal::TypeResult},
               {journal::Batch, result.id},
               {journal::Rows, sheetRowRanges(result.rows, rows)},
               {journal::Status, batchStatusName(result.status)},
               {journal::HttpStatus, result.httpStatus},
               {journal::Attempts, result.attempts},
               {journal::DurationMs, result.durationMs},
               {journal::RequestId, result.requestId},
               {journal::Message, result.message},
               {journal::Accepted, result.accepted},
               {journal::Rejected, rejected}},
              Durability::SyncedSoon);
}

void UploadJournal::recordResumed(const QDateTime &when)
{
    writeLine({{journal::Type, journal::TypeResumed},
               {journal::At, when.toUTC().toString(Qt::ISODateWithMs)}},
              Durability::SyncedNow);
}

void UploadJournal::recordCorrections(const SheetCorrections &corrections,
                                      const MappedRowSource &rows, const QString &resendOf)
{
    if (corrections.isEmpty() && resendOf.isEmpty())
        return;
    QJsonArray edits;
    const QStringList &columns = rows.columnNames();
    for (const SheetCorrections::CellEdit &edit : corrections.edits()) {
        edits.append(
            QJsonObject {{QStringLiteral("sheetRow"), qint64(edit.tableRow + 1)},
                         {QStringLiteral("column"), columns.value(edit.column)},
                         {QStringLiteral("old"), rows.table().text(edit.tableRow, edit.column)},
                         {QStringLiteral("new"), edit.text},
                         {journal::At, edit.when.toUTC().toString(Qt::ISODateWithMs)}});
    }
    std::vector<qsizetype> excluded; // data rows, as the batch lines name theirs
    for (const qsizetype tableRow : corrections.excludedRows()) {
        if (const qsizetype row = rows.dataRow(tableRow); row >= 0)
            excluded.push_back(row);
    }
    QJsonObject line {{journal::Type, journal::TypeCorrections},
                      {journal::Edits, edits},
                      {journal::Excluded, sheetRowRanges(excluded, rows)}};
    if (!resendOf.isEmpty())
        line.insert(journal::ResendOf, resendOf);
    writeLine(line, Durability::SyncedNow);
}

void UploadJournal::recordEnd(const QDateTime &when, const QString &reason)
{
    writeLine({{journal::Type, journal::TypeEnd},
               {journal::At, when.toUTC().toString(Qt::ISODateWithMs)},
               {journal::Reason, reason}},
              Durability::SyncedNow);
}

QByteArray UploadJournal::fileSha256(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (file.open(QIODevice::ReadOnly))
        hash.addData(&file);
    return hash.result().toHex();
}

QByteArray UploadJournal::mappingSha256(const Mapping &mapping)
{
    MappingProfile profile; // only the mapping: names and dates must not change the hash
    profile.mapping = mapping;
    return QCryptographicHash::hash(profile.toJson(), QCryptographicHash::Sha256).toHex();
}

QString UploadJournal::sheetRowRanges(const std::vector<qsizetype> &rows, const RowSource &source)
{
    QString text;
    for (size_t i = 0; i < rows.size();) {
        const qsizetype first = source.sheetRow(rows[i]);
        qsizetype last = first;
        while (++i < rows.size() && source.sheetRow(rows[i]) == last + 1)
            ++last;
        if (!text.isEmpty())
            text += QLatin1Char(',');
        text += QString::number(first);
        if (last != first)
            text += QLatin1Char('-') + QString::number(last);
    }
    return text;
}

} // namespace sluice
