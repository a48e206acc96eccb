// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstdint>
#include <vector>

namespace sluice {

// What became of one data row. NotSent is also the state of rows still waiting.
enum class RowOutcome : std::uint8_t {
    NotSent,   // never sent: waiting, cancelled, or the run stopped before it
    Accepted,  // the server acknowledged it
    Rejected,  // the server refused it (its errors are attached) or the batch failed for good
    Uncertain, // sent, but the reply was lost: the server may or may not hold it
    Skipped,   // left out before sending: local errors or excluded by the user
};

QString rowOutcomeName(RowOutcome outcome); // "accepted", "rejected", …

// One error the server reported for one row (API.md §5).
struct ServerRowError
{
    QString code; // DI_E_10002
    QString category;
    QString column; // the attribute as the server spelled it; may be empty
    QString message;

    // {"code","category","column","message"}: the server's form (API.md §5), which the journal
    // and the report keep too.
    static ServerRowError fromJson(const QJsonObject &object);
    static QList<ServerRowError> listFromJson(const QJsonArray &array);
    static QJsonArray toJson(const QList<ServerRowError> &errors);

    friend bool operator==(const ServerRowError &, const ServerRowError &) = default;
};

// What became of one batch, as the per-batch table and the journal show it.
enum class BatchStatus : std::uint8_t {
    Acknowledged, // 200: every row accepted or rejected one by one
    Failed,       // a permanent refusal of the whole batch (400, 404, a row too big to send)
    Uncertain,    // the reply was lost on an APPEND run: held back, not resent
    GaveUp,       // retried until the policy gave up; the server answered every time, so no row
                  // of it is stored
    Cancelled,    // the user cancelled or the run stopped (401/403) before it was acknowledged
};

QString batchStatusName(BatchStatus status);

struct BatchResult
{
    int id = 0;
    std::vector<qsizetype> rows; // data rows, in request order
    BatchStatus status = BatchStatus::Acknowledged;
    int httpStatus = 0; // the last reply's; 0 when none came
    int attempts = 0;
    bool gaveUp = false;   // the retry policy ran out: the network or the server kept failing
    qint64 durationMs = 0; // first send to final answer, waits included
    QString requestId;
    QString message; // why the batch failed, for the per-batch table
    QByteArray rawResponse;
    qsizetype accepted = 0;
    // Rejected rows of this batch: (data row, its errors).
    QList<std::pair<qsizetype, QList<ServerRowError>>> rejected;
};

struct UploadProgress
{
    qsizetype rowsTotal = 0; // rows this run sends
    qsizetype rowsDone = 0;  // rows with a final outcome
    qsizetype accepted = 0;
    qsizetype rejected = 0;
    qsizetype uncertain = 0;
    int batchesTotal = 0; // known when planning is complete, else an estimate
    int batchesDone = 0;
    double rowsPerSecond = 0;
    qint64 msLeft = -1; // -1: not known yet
};

} // namespace sluice
