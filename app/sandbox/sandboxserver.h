// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/sandboxoptions.h"
#include "app/sandbox/sandboxrowchecker.h"
#include "app/sandbox/sandboxstore.h"
#include "models/schema/catalogue.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

#include <memory>
#include <optional>
#include <random>

namespace sluice {

// A local imitation of the Data Ingestion API (API.md), for trying Sluice without credentials.
// It serves the schema endpoints (§7) from the catalogue, ingests rows on every path form of §1
// with the checks of §2–§6 into a SQLite store, injects faults (rate limit, failures, latency,
// dropped connections) on demand, and offers /admin endpoints to read what was stored. It runs
// in-process (tests, the GUI's local sandbox) or as sluice-sandbox; several instances may coexist.
class SandboxServer : public QObject
{
    Q_OBJECT

public:
    SandboxServer(std::shared_ptr<const Catalogue> catalogue, SandboxOptions options,
                  QObject *parent = nullptr);
    ~SandboxServer() override;

    // Opens the store (the database file, or memory). listen() opens it too when this was not
    // called; call it first to learn why a database cannot be opened.
    std::optional<Error> open();
    // Port 0 picks a free port. Returns the port listened on, or 0 when listening (or opening
    // the store) failed.
    quint16 listen(const QHostAddress &address, quint16 port);

    const SandboxOptions &options() const { return m_options; }
    // The seed of the fail and drop draws: options().seed, or the random one picked for 0.
    quint64 seed() const { return m_seed; }

private:
    struct Target
    {
        const Solution *solution = nullptr;
        const Resource *resource = nullptr;
        QString table;
    };
    // One ingest request as it goes through the gates.
    struct Call
    {
        QString requestId;
        QString path;
        QString table; // as the path names it
        QString batch; // X-Sluice-Batch
        QByteArray body;
        std::optional<SandboxJsonValue> json; // the parsed body (its texts point into body)
        QString jsonError;
        qint64 rows = -1; // elements of data; -1 when unreadable
        QString operationType;
        bool dryRun = false;
    };
    struct Answer
    {
        int status = 200;
        QByteArray body;
        QString outcome;
        int retryAfter = 0; // seconds, for 429
    };

    void addRoutes(const QString &base);
    void addAdminRoutes();
    bool isAuthorised(const QHttpServerRequest &request) const;
    QHttpServerResponse solutions(const QHttpServerRequest &request) const;
    QHttpServerResponse schema(const QHttpServerRequest &request) const;

    // Ingest (sandboxserver.cpp: the gates; sandboxingest.cpp: the body and the rows).
    void ingest(const QString &table, const QHttpServerRequest &request,
                QHttpServerResponder &&responder);
    Answer screen(Call &call, const QHttpServerRequest &request);
    bool takeRateToken(int *retryAfterSeconds);
    bool draw(double probability);
    void deliver(QHttpServerResponder &&responder, const Call &call, const Answer &answer);
    void log(const Call &call, int status, const QString &outcome);
    static void readBody(Call &call);
    static Answer errorAnswer(const Call &call, int status, const QString &category,
                              const QString &message, const QString &outcome);
    Answer process(Call &call);
    std::optional<Answer> checkBody(const Call &call, Target *target) const;
    Answer storeRows(Call &call, const Target &target, const QList<SandboxCheckedRow> &rows);
    const SandboxRowChecker &checkerFor(const Resource &resource);

    // Admin (sandboxadmin.cpp).
    QString canonicalTable(const QString &name) const;
    QHttpServerResponse adminTables(const QHttpServerRequest &request);
    QHttpServerResponse adminCount(const QString &table, const QHttpServerRequest &request);
    QHttpServerResponse adminRows(const QString &table, const QHttpServerRequest &request);
    QHttpServerResponse adminExport(const QString &table, const QHttpServerRequest &request);
    QHttpServerResponse adminRequests(const QHttpServerRequest &request);
    QHttpServerResponse adminReset(const QHttpServerRequest &request);

    std::shared_ptr<const Catalogue> m_catalogue;
    SandboxOptions m_options;
    SandboxStore m_store;
    QHash<QString, Target> m_targets; // by upper-case table name
    QHash<const Resource *, std::shared_ptr<const SandboxRowChecker>> m_checkers;
    quint64 m_seed = 0;
    std::mt19937_64 m_random;
    double m_rateTokens = 0;
    QElapsedTimer m_rateClock;
    QHttpServer m_server;
};

} // namespace sluice
