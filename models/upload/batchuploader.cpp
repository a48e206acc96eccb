// SPDX-License-Identifier: MIT
#include "models/upload/batchuploader.h"

#include "models/common/logging.h"
#include "models/upload/uploadjournal.h"

#include <QNetworkReply>

namespace sluice {

namespace {
using Kind = ClassifiedReply::Kind;
constexpr int MaxThrottled = 100; // 429s for one batch before it is given up
} // namespace

BatchUploader::BatchUploader(QNetworkAccessManager &network, UploadTarget target,
                             UploadSettings settings, BatchPlanner &planner,
                             const RowSource &source, QString token, RowOutcomes outcomes,
                             QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_target(std::move(target))
    , m_settings(settings)
    , m_planner(planner)
    , m_source(source)
    , m_token(std::move(token))
    , m_outcomes(std::move(outcomes))
    , m_pacer(settings.requestsPerSecond)
    , m_random(std::random_device {}())
{
    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &BatchUploader::pump);
    m_rowsAtStart = m_outcomes.rowCount() - m_outcomes.count(RowOutcome::NotSent);
}

BatchUploader::~BatchUploader()
{
    // Replies still in flight belong to the network manager; make sure none calls back.
    for (auto &[reply, batch] : m_inFlight) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void BatchUploader::start()
{
    if (m_state != State::Idle)
        return;
    m_clock.start();
    setState(State::Running);
    pump();
}

void BatchUploader::pause()
{
    if (m_state == State::Running)
        setState(State::Paused);
}

void BatchUploader::resume()
{
    if (m_state != State::Paused)
        return;
    setState(State::Running);
    pump();
}

void BatchUploader::cancel()
{
    if (m_state == State::Finished || m_state == State::Stopping)
        return;
    if (m_state == State::Idle)
        m_clock.start();
    m_stopReason = StopReason::Cancelled;
    setState(State::Stopping);
    finishIfDone();
}

void BatchUploader::abort()
{
    cancel();
    // Each aborted reply finishes with OperationCanceledError and is settled by its handler,
    // possibly at once, so the list is copied first.
    std::vector<QNetworkReply *> replies;
    for (const auto &entry : m_inFlight)
        replies.push_back(entry.first);
    for (QNetworkReply *reply : replies)
        reply->abort();
}

void BatchUploader::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

UploadProgress BatchUploader::progress() const
{
    UploadProgress progress;
    progress.rowsTotal = m_planner.rowsTotal() + m_rowsAtStart;
    progress.accepted = m_outcomes.count(RowOutcome::Accepted);
    progress.rejected = m_outcomes.count(RowOutcome::Rejected);
    progress.uncertain = m_outcomes.count(RowOutcome::Uncertain);
    const qsizetype skipped = m_outcomes.count(RowOutcome::Skipped);
    progress.rowsDone = progress.accepted + progress.rejected + progress.uncertain + skipped;
    progress.rowsTotal = std::max(progress.rowsTotal, progress.rowsDone);
    progress.batchesDone = m_batchesDone;
    const int perBatch = std::max(1, m_settings.batchRows);
    progress.batchesTotal = int((m_planner.rowsTotal() + perBatch - 1) / perBatch);
    const qsizetype doneNow = progress.rowsDone - m_rowsAtStart;
    const qint64 elapsed = m_clock.isValid() ? m_clock.elapsed() : 0;
    if (elapsed > 0 && doneNow > 0) {
        progress.rowsPerSecond = double(doneNow) * 1000.0 / double(elapsed);
        progress.msLeft = qint64(double(progress.rowsTotal - progress.rowsDone) * 1000.0
                                 / progress.rowsPerSecond);
    }
    return progress;
}

void BatchUploader::pump()
{
    while (m_state == State::Running && qsizetype(m_inFlight.size()) < m_settings.concurrency) {
        const qint64 wait = m_pacer.waitMs(m_clock.elapsed());
        if (wait > 0) {
            if (!m_pumpTimer.isActive())
                m_pumpTimer.start(int(wait));
            return;
        }
        std::unique_ptr<Batch> batch = takeReady();
        if (!batch)
            break;
        send(std::move(batch));
    }
    finishIfDone();
}

std::unique_ptr<BatchUploader::Batch> BatchUploader::takeReady()
{
    if (!m_ready.empty()) {
        std::unique_ptr<Batch> batch = std::move(m_ready.front());
        m_ready.pop_front();
        return batch;
    }
    std::optional<PlannedBatch> planned = m_planner.next();
    if (!planned)
        return nullptr;
    auto batch = std::make_unique<Batch>();
    batch->id = m_nextBatchId++;
    batch->planned = std::move(*planned);
    return batch;
}

QNetworkRequest BatchUploader::requestFor(const Batch &batch) const
{
    QNetworkRequest request(m_target.ingestUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray token = m_token.toUtf8();
    request.setRawHeader("Authorization", m_settings.bearerPrefix ? "Bearer " + token : token);
    request.setRawHeader("X-Sluice-Batch",
                         QStringLiteral("run=%1;batch=%2;rows=%3")
                             .arg(m_runId)
                             .arg(batch.id)
                             .arg(UploadJournal::sheetRowRanges(batch.planned.rows, m_source))
                             .toUtf8());
    request.setTransferTimeout(m_settings.transferTimeoutMs);
    // A body that went out must not be sent again behind the engine's back: the journal decides.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    return request;
}

void BatchUploader::send(std::unique_ptr<Batch> batch)
{
    ++batch->attempts;
    if (batch->firstSentMs < 0)
        batch->firstSentMs = m_clock.elapsed();
    Q_EMIT batchSending(batch->id, batch->planned.rows, batch->attempts);
    m_pacer.started(m_clock.elapsed());
    batch->lastFacts = {};
    QNetworkReply *reply
        = m_network.post(requestFor(*batch), m_planner.writer().body(batch->planned.records));
    Batch *raw = batch.get();
    // Qt's HTTP layer sends a request again, on its own, when the connection closes before any
    // answer (Qt 6.4 has no switch for it, and its requestSent() signal does not fire for
    // HTTP/1). The first copy may have been stored, and on an APPEND run the server then answers
    // "key exists" for rows that are in fact ours. The upload progress gives the resend away: it
    // reaches the full size a second time, or starts over.
    connect(reply, &QNetworkReply::uploadProgress, this,
            [raw, lastSent = qint64(0), completions = 0](qint64 sent, qint64 total) mutable {
                if (sent > 0)
                    raw->lastFacts.bodySent = true;
                if (total <= 0)
                    return; // Qt's closing (0, 0) report
                if (sent < lastSent || (sent == total && ++completions > 1))
                    raw->maybeStored = true;
                lastSent = sent;
            });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });
    m_inFlight.emplace(reply, std::move(batch));
}

void BatchUploader::onReplyFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    auto found = m_inFlight.find(reply);
    if (found == m_inFlight.end())
        return;
    std::unique_ptr<Batch> batch = std::move(found->second);
    m_inFlight.erase(found);
    ReplyFacts &facts = batch->lastFacts;
    facts.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    facts.error = reply->error();
    facts.errorText = reply->errorString();
    facts.body = reply->readAll();
    facts.retryAfter = reply->rawHeader("Retry-After");
    facts.requestIdHeader = reply->rawHeader("X-Request-Id");
    handle(std::move(batch), ReplyClassifier::classify(facts));
    pump();
}

void BatchUploader::handle(std::unique_ptr<Batch> batch, const ClassifiedReply &reply)
{
    qCDebug(lcNet) << "batch" << batch->id << "attempt" << batch->attempts << "status"
                   << reply.httpStatus << int(reply.kind);
    switch (reply.kind) {
    case Kind::Answered:
        m_pacer.answered();
        settleAnswered(*batch, reply);
        return;
    case Kind::Split:
        splitOrSettle(std::move(batch), reply);
        return;
    case Kind::Retry:
    case Kind::Lost:
        retryOrSettle(std::move(batch), reply);
        return;
    case Kind::Permanent:
        settle(*batch, BatchStatus::Failed, reply);
        return;
    case Kind::Auth:
        m_stopReason = StopReason::AuthenticationFailed;
        m_stopMessage = reply.message;
        settleCancelled(*batch);
        setState(State::Stopping);
        return;
    }
}

void BatchUploader::settleAnswered(Batch &batch, const ClassifiedReply &reply)
{
    BatchResult result = resultOf(batch, BatchStatus::Acknowledged);
    QSet<qsizetype> failedIndexes;
    for (const auto &[index, errors] : reply.failed) {
        if (index >= batch.planned.rowCount())
            continue;
        const qsizetype row = batch.planned.rows[size_t(index)];
        // After a lost reply the first attempt may have stored the row: the server's "key
        // exists" then means this row is in, not that it clashed with someone else's.
        const bool storedEarlier = (batch.maybeStored || m_maybeStored.contains(row))
            && !errors.isEmpty()
            && std::all_of(errors.begin(), errors.end(), [](const ServerRowError &error) {
                                       return error.code == QLatin1String("DI_E_10008");
                                   });
        if (storedEarlier)
            continue;
        failedIndexes.insert(index);
        m_outcomes.reject(row, errors);
        result.rejected.append({row, errors});
    }
    for (qsizetype i = 0; i < batch.planned.rowCount(); ++i) {
        if (!failedIndexes.contains(i))
            m_outcomes.set(batch.planned.rows[size_t(i)], RowOutcome::Accepted);
    }
    result.accepted = batch.planned.rowCount() - failedIndexes.size();
    result.requestId = reply.requestId;
    result.message = reply.message;
    ++m_batchesDone;
    Q_EMIT batchFinished(result);
    Q_EMIT progressed(progress());
}

void BatchUploader::retryOrSettle(std::unique_ptr<Batch> batch, const ClassifiedReply &reply)
{
    if (reply.kind == Kind::Lost)
        batch->maybeStored = true;
    if (reply.httpStatus == 429)
        m_pacer.throttled(m_clock.elapsed());
    const bool appendOnly = m_target.operation == OperationType::Append && !m_target.dryRun;
    if (reply.kind == Kind::Lost && appendOnly && !m_settings.resendUncertain) {
        settle(*batch, BatchStatus::Uncertain, reply);
        return;
    }
    // A 429 says "later", not "failed": it does not use up the batch's retries, or a fast run
    // would give batches up while the server is only pacing it. A server that never lets a
    // batch through still ends it after MaxThrottled waits.
    const bool throttledNow = reply.httpStatus == 429;
    batch->throttled += throttledNow ? 1 : 0;
    const int failures = batch->attempts - batch->throttled;
    const std::optional<int> delay = m_state == State::Stopping || batch->throttled > MaxThrottled
        ? std::nullopt
        : m_policy.delayMs(throttledNow ? 1 : failures, reply.retryAfterMs,
                           std::uniform_real_distribution<double>(0, 1)(m_random));
    if (!delay) {
        if (m_state == State::Stopping && !batch->maybeStored)
            settleCancelled(*batch);
        else
            settle(*batch, batch->maybeStored ? BatchStatus::Uncertain : BatchStatus::GaveUp, reply,
                   true);
        return;
    }
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, timer] {
        auto found = m_waiting.find(timer);
        if (found != m_waiting.end()) {
            m_ready.push_front(std::move(found->second));
            m_waiting.erase(found);
        }
        timer->deleteLater();
        pump();
    });
    m_waiting.emplace(timer, std::move(batch));
    timer->start(*delay);
}

void BatchUploader::splitOrSettle(std::unique_ptr<Batch> batch, const ClassifiedReply &reply)
{
    if (batch->planned.rowCount() < 2) {
        ClassifiedReply tooBig = reply;
        tooBig.message = tr("this row alone is larger than the server accepts in one request "
                            "(%1)")
                             .arg(reply.message);
        settle(*batch, BatchStatus::Failed, tooBig);
        return;
    }
    auto [first, second] = batch->planned.split();
    for (PlannedBatch *half : {&second, &first}) {
        auto part = std::make_unique<Batch>();
        part->id = m_nextBatchId++;
        part->planned = std::move(*half);
        m_ready.push_front(std::move(part));
    }
    qCInfo(lcNet) << "batch" << batch->id << "too large; split in two";
}

void BatchUploader::settle(Batch &batch, BatchStatus status, const ClassifiedReply &reply,
                           bool gaveUp)
{
    // Given up without a doubt that nothing was stored: as far as the server is concerned the
    // rows were not sent, and the next run may send them.
    const RowOutcome outcome = status == BatchStatus::Uncertain ? RowOutcome::Uncertain
        : status == BatchStatus::GaveUp                         ? RowOutcome::NotSent
                                                                : RowOutcome::Rejected;
    BatchResult result = resultOf(batch, status);
    result.gaveUp = gaveUp;
    result.requestId = reply.requestId;
    result.message = gaveUp
        ? tr("gave up after %1 attempts: %2").arg(batch.attempts).arg(reply.message)
        : reply.message;
    const QList<ServerRowError> errors {
        {QString(), QStringLiteral("BATCH"), QString(), reply.message}};
    for (const qsizetype row : batch.planned.rows) {
        m_outcomes.set(row, outcome, errors);
        if (outcome == RowOutcome::Rejected)
            result.rejected.append({row, errors});
    }
    ++m_batchesDone;
    Q_EMIT batchFinished(result);
    Q_EMIT progressed(progress());
}

void BatchUploader::settleCancelled(Batch &batch)
{
    // Rows stay NotSent: nothing of them is stored, so a later run may send them.
    Q_EMIT batchFinished(resultOf(batch, BatchStatus::Cancelled));
}

// What every settled batch reports, whatever its end; the caller adds what the end adds.
BatchResult BatchUploader::resultOf(const Batch &batch, BatchStatus status) const
{
    BatchResult result;
    result.id = batch.id;
    result.rows = batch.planned.rows;
    result.status = status;
    result.httpStatus = batch.lastFacts.httpStatus;
    result.attempts = batch.attempts;
    result.durationMs = batch.firstSentMs < 0 ? 0 : m_clock.elapsed() - batch.firstSentMs;
    result.rawResponse = batch.lastFacts.body;
    return result;
}

void BatchUploader::finishIfDone()
{
    if (m_state == State::Finished || !m_inFlight.empty())
        return;
    if (m_state == State::Stopping) {
        // Batches waiting to retry or to go out were never stored (a lost one would have been
        // settled as uncertain, or is still in m_waiting with maybeStored set).
        for (auto &[timer, batch] : m_waiting) {
            timer->stop();
            timer->deleteLater();
            m_ready.push_back(std::move(batch));
        }
        m_waiting.clear();
        ClassifiedReply lost;
        lost.message = tr("an earlier attempt was sent and its reply lost");
        for (const std::unique_ptr<Batch> &batch : m_ready) {
            if (batch->maybeStored)
                settle(*batch, BatchStatus::Uncertain, lost);
            else
                settleCancelled(*batch);
        }
        m_ready.clear();
        m_pumpTimer.stop();
        setState(State::Finished);
        Q_EMIT progressed(progress());
        Q_EMIT finished(m_stopReason);
        return;
    }
    if (m_state != State::Running || !m_ready.empty() || !m_waiting.empty() || !m_planner.isDone())
        return;
    setState(State::Finished);
    Q_EMIT progressed(progress());
    Q_EMIT finished(StopReason::Completed);
}

} // namespace sluice
