// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUrl>

namespace sluice::test {

// Reads what a sandbox stored through its admin endpoints, over real HTTP.
class SandboxClient
{
public:
    SandboxClient(QUrl base, QByteArray token)
        : m_base(std::move(base))
        , m_token(std::move(token))
    {}

    QJsonDocument call(const QByteArray &verb, const QString &path)
    {
        QUrl url = m_base;
        const qsizetype query = path.indexOf(u'?');
        url.setPath(query < 0 ? path : path.left(query));
        if (query >= 0)
            url.setQuery(path.mid(query + 1));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", m_token);
        request.setTransferTimeout(60000);
        QNetworkReply *reply = m_network.sendCustomRequest(request, verb);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(90000))
            qFatal("the sandbox did not answer %s", qPrintable(path));
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        m_lastBody = body;
        return QJsonDocument::fromJson(body);
    }

    qsizetype count(const QString &table)
    {
        return qsizetype(call("GET", QStringLiteral("/admin/tables/%1/count").arg(table))
                             .object()
                             .value(u"rows")
                             .toDouble(-1));
    }

    // Every stored record of a table, in insertion order.
    QList<QJsonObject> records(const QString &table)
    {
        call("GET", QStringLiteral("/admin/tables/%1/export").arg(table));
        QList<QJsonObject> records;
        for (const QByteArray &line : m_lastBody.split('\n')) {
            if (!line.trimmed().isEmpty())
                records.append(QJsonDocument::fromJson(line).object());
        }
        return records;
    }

    QJsonArray requests(qint64 since = 0)
    {
        return call("GET", QStringLiteral("/admin/requests?since=%1").arg(since))
            .object()
            .value(u"requests")
            .toArray();
    }

    void reset() { call("POST", QStringLiteral("/admin/reset")); }

private:
    QUrl m_base;
    QByteArray m_token;
    QNetworkAccessManager m_network;
    QByteArray m_lastBody;
};

} // namespace sluice::test
