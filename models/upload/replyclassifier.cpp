// SPDX-License-Identifier: MIT
#include "models/upload/replyclassifier.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sluice {

namespace {

using Kind = ClassifiedReply::Kind;

// API.md §5: the array of failed rows may be named failed, failedRows or errors.
QJsonArray failedArray(const QJsonObject &answer)
{
    for (const auto *name : {"failed", "failedRows", "errors"}) {
        const QJsonValue value = answer.value(QLatin1String(name));
        if (value.isArray())
            return value.toArray();
    }
    return {};
}

// One failed row: {"rowIndex": 3, "errors": [...]} or, tolerated, a flat {"rowIndex", "code", …}.
std::optional<std::pair<qsizetype, QList<ServerRowError>>> failedRow(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    const QJsonValue index = object.value(QLatin1String("rowIndex"));
    if (!index.isDouble() || index.toDouble() < 0)
        return std::nullopt;
    QList<ServerRowError> errors;
    const QJsonValue list = object.value(QLatin1String("errors"));
    if (list.isArray()) {
        errors = ServerRowError::listFromJson(list.toArray());
    } else {
        errors.append(ServerRowError::fromJson(object));
    }
    return std::pair {qsizetype(index.toDouble()), errors};
}

bool lostAfterSending(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // a transfer timeout ends this way
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::InternalServerError:
        return true;
    default:
        return false;
    }
}

} // namespace

ClassifiedReply ReplyClassifier::classify(const ReplyFacts &facts)
{
    ClassifiedReply reply;
    reply.httpStatus = facts.httpStatus;
    reply.requestId = QString::fromUtf8(facts.requestIdHeader);
    if (facts.httpStatus == 0) {
        reply.message = facts.errorText;
        // A request that never fully left cannot have been acted on: resending it is safe.
        const bool mayHaveArrived = facts.bodySent && lostAfterSending(facts.error);
        reply.kind = mayHaveArrived ? Kind::Lost : Kind::Retry;
        if (facts.error == QNetworkReply::SslHandshakeFailedError)
            reply.kind = Kind::Permanent; // never worked around: the user must fix the host
        return reply;
    }
    const int status = facts.httpStatus;
    if (status >= 200 && status < 300) {
        reply.kind = Kind::Answered;
        readAnswer(facts.body, reply);
        return reply;
    }
    reply.message = errorMessage(facts.body);
    if (reply.message.isEmpty())
        reply.message = tr("the server answered HTTP %1").arg(status);
    if (status == 401 || status == 403)
        reply.kind = Kind::Auth;
    else if (status == 413)
        reply.kind = Kind::Split;
    else if (status == 429 || status == 408 || status >= 500)
        reply.kind = Kind::Retry;
    else
        reply.kind = Kind::Permanent;
    reply.retryAfterMs = parseRetryAfter(facts.retryAfter, QDateTime::currentDateTimeUtc());
    return reply;
}

void ReplyClassifier::readAnswer(const QByteArray &body, ClassifiedReply &into)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject()) {
        // 200 means accepted and buffered (API.md §5); without a readable body no row can be
        // said to have failed.
        into.message = tr("the server accepted the batch but its reply could not be read");
        return;
    }
    const QJsonObject answer = document.object();
    if (const QString id = answer.value(QLatin1String("requestId")).toString(); !id.isEmpty())
        into.requestId = id;
    const QJsonValue accepted = answer.value(QLatin1String("accepted"));
    if (accepted.isDouble())
        into.accepted = qsizetype(accepted.toDouble());
    for (const QJsonValue &value : failedArray(answer)) {
        if (auto row = failedRow(value))
            into.failed.append(*row);
    }
}

QString ReplyClassifier::errorMessage(const QByteArray &body)
{
    const QJsonObject error
        = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    const QString message = error.value(QLatin1String("message")).toString();
    const QString code = error.value(QLatin1String("code")).toString();
    if (message.isEmpty())
        return code;
    return code.isEmpty() ? message : code + QStringLiteral(": ") + message;
}

std::optional<int> ReplyClassifier::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qlonglong seconds = trimmed.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? std::nullopt
                           : std::optional<int>(int(std::min(seconds, 3600LL) * 1000));
    // An IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"); Qt's RFC 2822 reader wants the zone
    // as an offset.
    QString text = QString::fromLatin1(trimmed);
    if (text.endsWith(QLatin1String(" GMT")))
        text = text.chopped(4) + QStringLiteral(" +0000");
    const QDateTime when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return int(std::clamp<qint64>(now.msecsTo(when), 0, 3600 * 1000));
}

} // namespace sluice
