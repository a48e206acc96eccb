// SPDX-License-Identifier: MIT
#include "app/sandbox/sandboxstore.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace sluice {

namespace {

// A SQL NULL for a text column.
QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// UTF-8 for a text column: the statement casts it, so SQLite stores TEXT without converting.
QVariant utf8OrNull(const QByteArray &utf8)
{
    return utf8.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(utf8);
}

// pk is the canonical primary key (NULL for a table without one); body the record's JSON text.
constexpr QLatin1String SchemaStatements[] = {
    QLatin1String("CREATE TABLE IF NOT EXISTS records("
                  "seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, pk TEXT, "
                  "body TEXT NOT NULL, request_id TEXT, UNIQUE(tbl, pk))"),
    QLatin1String("CREATE INDEX IF NOT EXISTS records_by_table ON records(tbl, seq)"),
    QLatin1String("CREATE TABLE IF NOT EXISTS requests("
                  "seq INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, "
                  "path TEXT NOT NULL, tbl TEXT, batch TEXT, rows INTEGER NOT NULL, "
                  "status INTEGER NOT NULL, outcome TEXT NOT NULL, request_id TEXT, "
                  "operation_type TEXT, dry_run INTEGER NOT NULL)"),
};

} // namespace

SandboxStore::SandboxStore(QString databasePath)
    : m_path(std::move(databasePath))
    , m_connectionName(QStringLiteral("sluice-sandbox-")
                       + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

SandboxStore::~SandboxStore()
{
    // Statements first: a connection still in use cannot be removed.
    m_upserts.clear();
    m_appends.clear();
    m_containsKey.reset();
    m_logRequest.reset();
    m_db.close();
    m_db = QSqlDatabase();
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

std::optional<Error> SandboxStore::open()
{
    if (m_open)
        return std::nullopt;
    const QString shownName = m_path.isEmpty() ? QStringLiteral("(in memory)") : m_path;
    if (!QSqlDatabase::contains(m_connectionName))
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid())
        return Error {QStringLiteral("cannot open the database %1: the Qt SQLite driver (QSQLITE) "
                                     "is not installed")
                          .arg(shownName)};
    m_db.setDatabaseName(m_path.isEmpty() ? QStringLiteral(":memory:") : m_path);
    if (!m_db.open())
        return Error {QStringLiteral("cannot open the database %1: %2")
                          .arg(shownName, m_db.lastError().text())};
    std::optional<Error> error = createSchema();
    if (!error)
        error = prepareStatements();
    if (error) {
        m_db.close();
        return Error {
            QStringLiteral("cannot open the database %1: %2").arg(shownName, error->message)};
    }
    m_open = true;
    return std::nullopt;
}

std::optional<Error> SandboxStore::createSchema()
{
    if (!m_path.isEmpty()) {
        // WAL with NORMAL sync: a commit survives a crash of the process, and it is fast. A
        // 64 MiB page cache keeps the key indexes of a million-row upload in memory.
        for (const QLatin1String pragma :
             {QLatin1String("PRAGMA journal_mode=WAL"), QLatin1String("PRAGMA synchronous=NORMAL"),
              QLatin1String("PRAGMA cache_size=-65536")}) {
            if (std::optional<Error> error = exec(QString(pragma)))
                return error;
        }
    }
    for (const QLatin1String statement : SchemaStatements) {
        if (std::optional<Error> error = exec(QString(statement)))
            return error;
    }
    return std::nullopt;
}

std::optional<Error> SandboxStore::prepareStatements()
{
    const auto prepare = [this](std::unique_ptr<QSqlQuery> &query, const QString &statement) {
        query = std::make_unique<QSqlQuery>(m_db);
        return query->prepare(statement);
    };
    const bool prepared = prepare(m_containsKey,
                                  QStringLiteral("SELECT 1 FROM records WHERE tbl = ? "
                                                 "AND pk = CAST(? AS TEXT)"))
        && prepare(m_logRequest,
                   QStringLiteral("INSERT INTO requests(time, path, tbl, batch, rows, status, "
                                  "outcome, request_id, operation_type, dry_run) "
                                  "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!prepared)
        return Error {m_db.lastError().text()};
    m_containsKey->setForwardOnly(true);
    return std::nullopt;
}

std::optional<Error> SandboxStore::exec(const QString &statement)
{
    QSqlQuery query(m_db);
    if (!query.exec(statement))
        return queryError(query);
    return std::nullopt;
}

Error SandboxStore::queryError(const QSqlQuery &query) const
{
    return Error {query.lastError().text()};
}

std::optional<Error> SandboxStore::begin()
{
    if (!m_db.transaction())
        return Error {m_db.lastError().text()};
    return std::nullopt;
}

std::optional<Error> SandboxStore::commit()
{
    if (!m_db.commit())
        return Error {m_db.lastError().text()};
    return std::nullopt;
}

void SandboxStore::rollback()
{
    m_db.rollback();
}

bool SandboxStore::containsKey(const QString &table, const QByteArray &key)
{
    if (key.isEmpty())
        return false;
    m_containsKey->bindValue(0, table);
    m_containsKey->bindValue(1, key);
    const bool found = m_containsKey->exec() && m_containsKey->next();
    m_containsKey->finish();
    return found;
}

QSqlQuery *SandboxStore::writeStatement(Write mode, qsizetype rows)
{
    std::unique_ptr<QSqlQuery> &query = (mode == Write::Upsert ? m_upserts : m_appends)[rows];
    if (query)
        return query.get();
    // :t is the table and :r the request id, for every row (QSQLITE binds a reused name once).
    QString sql = QStringLiteral("INSERT INTO records(tbl, pk, body, request_id) VALUES ");
    for (qsizetype i = 0; i < rows; ++i) {
        sql += QStringLiteral("%1(:t, CAST(:k%2 AS TEXT), CAST(:b%2 AS TEXT), :r)")
                   .arg(i == 0 ? QString() : QStringLiteral(", "))
                   .arg(i);
    }
    sql += mode == Write::Upsert ? QStringLiteral(" ON CONFLICT(tbl, pk) DO UPDATE SET "
                                                  "body = excluded.body, "
                                                  "request_id = excluded.request_id")
                                 : QStringLiteral(" ON CONFLICT(tbl, pk) DO NOTHING");
    query = std::make_unique<QSqlQuery>(m_db);
    if (query->prepare(sql))
        return query.get();
    query.reset();
    return nullptr;
}

std::optional<Error> SandboxStore::write(Write mode, const QString &table,
                                         const QList<SandboxRecord> &records,
                                         const QString &requestId)
{
    constexpr qsizetype ChunkRows = 50;
    for (qsizetype start = 0; start < records.size(); start += ChunkRows) {
        const qsizetype rows = std::min(ChunkRows, records.size() - start);
        QSqlQuery *query = writeStatement(mode, rows);
        if (!query)
            return Error {m_db.lastError().text()};
        query->bindValue(QStringLiteral(":t"), table);
        query->bindValue(QStringLiteral(":r"), requestId);
        for (qsizetype i = 0; i < rows; ++i) {
            const SandboxRecord &record = records[start + i];
            query->bindValue(QStringLiteral(":k%1").arg(i), utf8OrNull(record.key));
            query->bindValue(QStringLiteral(":b%1").arg(i), record.body);
        }
        if (!query->exec())
            return queryError(*query);
        if (mode == Write::Append && query->numRowsAffected() < rows)
            return Error {QStringLiteral("APPEND of a key that %1 already holds").arg(table)};
    }
    return std::nullopt;
}

std::optional<Error> SandboxStore::logRequest(SandboxRequestLogEntry &entry)
{
    if (entry.time.isEmpty())
        entry.time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QVariantList values {entry.time,
                               entry.path,
                               textOrNull(entry.table),
                               textOrNull(entry.batch),
                               entry.rows,
                               entry.status,
                               entry.outcome,
                               textOrNull(entry.requestId),
                               textOrNull(entry.operationType),
                               entry.dryRun ? 1 : 0};
    for (qsizetype i = 0; i < values.size(); ++i)
        m_logRequest->bindValue(int(i), values[i]);
    if (!m_logRequest->exec())
        return queryError(*m_logRequest);
    entry.seq = m_logRequest->lastInsertId().toLongLong();
    return std::nullopt;
}

QList<SandboxRequestLogEntry> SandboxStore::requests(qint64 sinceSeq)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT seq, time, path, tbl, batch, rows, status, outcome, "
                                 "request_id, operation_type, dry_run FROM requests "
                                 "WHERE seq > ? ORDER BY seq"));
    query.bindValue(0, sinceSeq);
    QList<SandboxRequestLogEntry> entries;
    if (!query.exec())
        return entries;
    while (query.next()) {
        entries.append(
            {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
             query.value(3).toString(), query.value(4).toString(), query.value(5).toLongLong(),
             query.value(6).toInt(), query.value(7).toString(), query.value(8).toString(),
             query.value(9).toString(), query.value(10).toInt() != 0});
    }
    return entries;
}

QList<SandboxTableCount> SandboxStore::tables()
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    QList<SandboxTableCount> counts;
    if (!query.exec(QStringLiteral("SELECT tbl, COUNT(*) FROM records GROUP BY tbl ORDER BY tbl")))
        return counts;
    while (query.next())
        counts.append({query.value(0).toString(), query.value(1).toLongLong()});
    return counts;
}

qint64 SandboxStore::count(const QString &table)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM records WHERE tbl = ?"));
    query.bindValue(0, table);
    return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
}

QList<QString> SandboxStore::rows(const QString &table, qint64 offset, qint64 limit)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT body FROM records WHERE tbl = ? ORDER BY seq LIMIT ? OFFSET ?"));
    query.bindValue(0, table);
    query.bindValue(1, limit < 0 ? qint64(-1) : limit);
    query.bindValue(2, std::max<qint64>(0, offset));
    QList<QString> bodies;
    if (!query.exec())
        return bodies;
    while (query.next())
        bodies.append(query.value(0).toString());
    return bodies;
}

std::optional<Error> SandboxStore::reset()
{
    if (std::optional<Error> error = begin())
        return error;
    std::optional<Error> error = exec(QStringLiteral("DELETE FROM records"));
    if (!error)
        error = exec(QStringLiteral("DELETE FROM requests"));
    if (error) {
        rollback();
        return error;
    }
    return commit();
}

} // namespace sluice
