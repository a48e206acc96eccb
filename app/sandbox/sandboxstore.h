// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <map>
#include <memory>
#include <optional>

class QSqlQuery;

namespace sluice {

// One line of the request log: what came in and what the sandbox did with it.
struct SandboxRequestLogEntry
{
    qint64 seq = 0;   // set by SandboxStore::logRequest, increasing, never reused
    QString time;     // UTC, ISO-8601 with milliseconds
    QString path;     // the request's path
    QString table;    // as the path named it
    QString batch;    // the X-Sluice-Batch header; empty when absent
    qint64 rows = -1; // rows in the body; -1 when the body is unreadable
    int status = 0;   // HTTP status sent; 0 when the connection was dropped
    QString outcome;  // answered, dropped, injected-failure, throttled, too-large, rejected,
                      // unauthorized
    QString requestId;
    QString operationType; // as sent; empty when absent
    bool dryRun = false;
};

// A record to write: its canonical primary key (empty: none) and its JSON text, both UTF-8.
struct SandboxRecord
{
    QByteArray key;
    QByteArray body;
};

struct SandboxTableCount
{
    QString table;
    qint64 rows = 0;
};

// The sandbox's SQLite store (Qt SQL, QSQLITE): the records of every table, one row per primary
// key; failed rows as records of "<table>_failed_rows"; and the request log. A file or memory.
// Each instance has its own connection; the server is single-threaded, so is the store.
class SandboxStore
{
public:
    // An empty path keeps everything in memory.
    explicit SandboxStore(QString databasePath);
    ~SandboxStore();
    SandboxStore(const SandboxStore &) = delete;
    SandboxStore &operator=(const SandboxStore &) = delete;

    // Opens (or creates) the database and its tables. The error names the file.
    std::optional<Error> open();
    bool isOpen() const { return m_open; }
    const QString &databasePath() const { return m_path; }

    // The writes of one request share one transaction.
    std::optional<Error> begin();
    std::optional<Error> commit();
    void rollback();

    // key: a canonical primary key, or empty for a table without one. Keys and bodies are UTF-8
    // (bound as bytes and cast to TEXT in SQL: no conversion to UTF-16 and back per row).
    bool containsKey(const QString &table, const QByteArray &key);
    // Upsert replaces the body stored under a key, or adds a record (an empty key always adds).
    // Append adds records; a key already stored fails the write (roll the transaction back).
    // Many records go in multi-row statements: Qt binds each value through a costly generic
    // path, and table and request id are bound once per statement.
    enum class Write { Upsert, Append };
    std::optional<Error> write(Write mode, const QString &table,
                               const QList<SandboxRecord> &records, const QString &requestId);
    std::optional<Error> upsert(const QString &table, const QByteArray &key, const QByteArray &body,
                                const QString &requestId)
    {
        return write(Write::Upsert, table, {{key, body}}, requestId);
    }
    std::optional<Error> append(const QString &table, const QByteArray &key, const QByteArray &body,
                                const QString &requestId)
    {
        return write(Write::Append, table, {{key, body}}, requestId);
    }

    std::optional<Error> logRequest(SandboxRequestLogEntry &entry);
    QList<SandboxRequestLogEntry> requests(qint64 sinceSeq);

    // Tables with at least one record, by name.
    QList<SandboxTableCount> tables();
    qint64 count(const QString &table);
    // Stored bodies in insertion order (an upsert keeps a record's place). limit < 0: all.
    QList<QString> rows(const QString &table, qint64 offset, qint64 limit);
    // Empties records and the request log; sequence numbers keep increasing.
    std::optional<Error> reset();

private:
    std::optional<Error> createSchema();
    std::optional<Error> prepareStatements();
    QSqlQuery *writeStatement(Write mode, qsizetype rows);
    std::optional<Error> exec(const QString &statement);
    Error queryError(const QSqlQuery &query) const;

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    bool m_open = false;
    std::map<qsizetype, std::unique_ptr<QSqlQuery>> m_upserts; // by rows per statement
    std::map<qsizetype, std::unique_ptr<QSqlQuery>> m_appends;
    std::unique_ptr<QSqlQuery> m_containsKey;
    std::unique_ptr<QSqlQuery> m_logRequest;
};

} // namespace sluice
