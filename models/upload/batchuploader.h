// SPDX-License-Identifier: MIT
#pragma once

#include "models/upload/batchplanner.h"
#include "models/upload/replyclassifier.h"
#include "models/upload/requestpacer.h"
#include "models/upload/retrypolicy.h"
#include "models/upload/rowoutcomes.h"
#include "models/upload/uploadsettings.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>
#include <memory>
#include <random>
#include <unordered_map>

namespace sluice {

// Sends the planned batches of one run: a few requests in flight, paced under the API's rate,
// each reply classified (API.md §6) and each batch retried, split or settled. Every data row
// ends with an outcome; signals report each batch and the progress, and the journal listens.
// Runs on the thread of the QNetworkAccessManager it is given and never blocks it.
class BatchUploader : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Running, Paused, Stopping, Finished };
    enum class StopReason { Completed, Cancelled, AuthenticationFailed };

    // The planner, its row source and the network manager must outlive the uploader. outcomes
    // may hold the results of an earlier, interrupted part of the run.
    BatchUploader(QNetworkAccessManager &network, UploadTarget target, UploadSettings settings,
                  BatchPlanner &planner, const RowSource &source, QString token,
                  RowOutcomes outcomes, QObject *parent = nullptr);
    ~BatchUploader() override;

    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    void setRandomSeed(quint64 seed) { m_random.seed(seed); }
    // Names the run in each request's X-Sluice-Batch header, with the batch and its sheet rows,
    // so that the server's request log can be matched to the journal.
    void setRunId(const QString &runId) { m_runId = runId; }
    // A resumed run goes on numbering batches after the journal's last one.
    void setFirstBatchId(int id) { m_nextBatchId = id; }
    // Rows an earlier, unanswered attempt may have stored: "key exists" means accepted for them.
    void setMaybeStored(QSet<qsizetype> rows) { m_maybeStored = std::move(rows); }

    void start();
    void pause();
    void resume();
    // Starts nothing new; requests in flight are answered and recorded, so that nothing sent
    // becomes uncertain. abort() also drops the requests in flight.
    void cancel();
    void abort();

    State state() const { return m_state; }
    StopReason stopReason() const { return m_stopReason; }
    const RowOutcomes &outcomes() const { return m_outcomes; }
    UploadProgress progress() const;
    QString stopMessage() const { return m_stopMessage; }

Q_SIGNALS:
    // Just before a batch goes out (each attempt): the journal notes it as possibly stored.
    void batchSending(int batchId, const std::vector<qsizetype> &rows, int attempt);
    void batchFinished(const sluice::BatchResult &result);
    void progressed(const sluice::UploadProgress &progress);
    void stateChanged(sluice::BatchUploader::State state);
    void finished(sluice::BatchUploader::StopReason reason);

private:
    struct Batch
    {
        int id = 0;
        PlannedBatch planned;
        int attempts = 0;
        int throttled = 0;        // attempts answered 429: flow control, not failures
        bool maybeStored = false; // an earlier attempt was sent and its reply lost
        qint64 firstSentMs = -1;
        ReplyFacts lastFacts;
    };

    void pump();
    std::unique_ptr<Batch> takeReady();
    void send(std::unique_ptr<Batch> batch);
    QNetworkRequest requestFor(const Batch &batch) const;
    void onReplyFinished(QNetworkReply *reply);
    void handle(std::unique_ptr<Batch> batch, const ClassifiedReply &reply);
    void settleAnswered(Batch &batch, const ClassifiedReply &reply);
    void retryOrSettle(std::unique_ptr<Batch> batch, const ClassifiedReply &reply);
    void splitOrSettle(std::unique_ptr<Batch> batch, const ClassifiedReply &reply);
    void settle(Batch &batch, BatchStatus status, const ClassifiedReply &reply,
                bool gaveUp = false);
    void settleCancelled(Batch &batch);
    BatchResult resultOf(const Batch &batch, BatchStatus status) const;
    void finishIfDone();
    void setState(State state);

    QNetworkAccessManager &m_network;
    UploadTarget m_target;
    UploadSettings m_settings;
    BatchPlanner &m_planner;
    const RowSource &m_source;
    QString m_token;
    RowOutcomes m_outcomes;
    RetryPolicy m_policy;
    RequestPacer m_pacer;
    std::mt19937_64 m_random;
    QString m_runId;
    QSet<qsizetype> m_maybeStored;

    State m_state = State::Idle;
    StopReason m_stopReason = StopReason::Completed;
    QString m_stopMessage;
    std::deque<std::unique_ptr<Batch>> m_ready;
    std::unordered_map<QNetworkReply *, std::unique_ptr<Batch>> m_inFlight;
    std::unordered_map<QTimer *, std::unique_ptr<Batch>> m_waiting; // backing off
    QTimer m_pumpTimer;
    QElapsedTimer m_clock;
    int m_nextBatchId = 1;
    int m_batchesDone = 0;
    qsizetype m_rowsAtStart = 0; // rows with an outcome before this part of the run
};

} // namespace sluice
