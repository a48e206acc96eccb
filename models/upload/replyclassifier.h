// SPDX-License-Identifier: MIT
#pragma once

#include "models/upload/uploadoutcome.h"

#include <QCoreApplication>
#include <QNetworkReply>

#include <optional>

namespace sluice {

// What one reply (or the lack of one) means for its batch, per API.md §5–§6.
struct ClassifiedReply
{
    enum class Kind {
        Answered,  // 200: the batch was taken; failed rows are listed one by one
        Split,     // 413: too big, send it in halves
        Retry,     // 429, 408, 5xx, or the request never reached the server
        Lost,      // sent, then no answer: the server may have stored the rows
        Permanent, // any other 4xx: resending the same batch cannot help
        Auth,      // 401/403: the token is missing, wrong or not allowed; stop the run
    };

    Kind kind = Kind::Permanent;
    int httpStatus = 0;
    std::optional<int> retryAfterMs;
    QString requestId;
    QString message;         // the server's error message or the network error, for the batch table
    qsizetype accepted = -1; // -1: the reply did not say
    // Failed rows: (index inside the request's data, errors).
    QList<std::pair<qsizetype, QList<ServerRowError>>> failed;
};

// The facts of one finished request. bodySent: every byte of the request went out, so the server
// may have acted on it even if no answer came.
struct ReplyFacts
{
    int httpStatus = 0; // 0: no HTTP answer
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorText;
    QByteArray body;
    QByteArray retryAfter; // the header's raw value
    QByteArray requestIdHeader;
    bool bodySent = false;
};

class ReplyClassifier
{
    Q_DECLARE_TR_FUNCTIONS(ReplyClassifier)

public:
    static ClassifiedReply classify(const ReplyFacts &facts);

    // Retry-After in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
    static std::optional<int> parseRetryAfter(const QByteArray &value, const QDateTime &now);

private:
    static void readAnswer(const QByteArray &body, ClassifiedReply &into);
    static QString errorMessage(const QByteArray &body);
};

} // namespace sluice
