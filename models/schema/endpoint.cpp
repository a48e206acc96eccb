// SPDX-License-Identifier: MIT
#include "models/schema/endpoint.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrlQuery>

namespace sluice {

namespace {

const QLatin1StringView TablePlaceholder("{table}");

bool isLoopback(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

QString Endpoint::pathTemplate(PathForm form)
{
    return form == PathForm::IngestObject ? QStringLiteral("/api/v2/ingest/object/{table}")
                                          : QStringLiteral("/api/v2/objects/{table}");
}

QUrl Endpoint::defaultHost()
{
    return QUrl(QStringLiteral("https://ingestion.peak.ai"));
}

QUrl Endpoint::legacyHost()
{
    return QUrl(QStringLiteral("https://service.peak.ai/ingestion-api"));
}

Result<QUrl> Endpoint::regionalHost(QStringView cluster)
{
    static const QRegularExpression clusterPattern(
        QStringLiteral("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"));
    const QString name = cluster.trimmed().toString().toLower();
    if (!clusterPattern.match(name).hasMatch())
        return Error {tr("'%1' is not a cluster name (letters, digits and '-')").arg(cluster)};
    return QUrl(QStringLiteral("https://ingestion.%1.peak.ai").arg(name));
}

QString Endpoint::tableName(QStringView prefix, QStringView objectName, QStringView suffix)
{
    return prefix.toString() + objectName.toString() + suffix.toString();
}

QString Endpoint::tableName(const Solution &solution, const Resource &resource)
{
    return tableName(solution.prefix, resource.objectName, solution.suffix);
}

Result<QUrl> Endpoint::checkHost(const QUrl &host)
{
    if (!host.isValid() || host.host().isEmpty())
        return Error {tr("'%1' is not a valid host URL").arg(host.toString())};
    if (host.hasQuery() || host.hasFragment() || !host.userInfo().isEmpty())
        return Error {
            tr("'%1': a host URL carries no query, fragment or user name").arg(host.toString())};
    const QString scheme = host.scheme().toLower();
    if (scheme == u"https")
        return host;
    if (scheme == u"http" && isLoopback(host.host()))
        return host;
    if (scheme == u"http")
        return Error {tr("'%1': plain http is allowed only for this computer (localhost); use "
                         "https")
                          .arg(host.toString())};
    return Error {tr("'%1': the scheme must be https").arg(host.toString())};
}

Result<QUrl> Endpoint::ingestUrl(const QUrl &host, const QString &pathTemplate,
                                 const QString &table)
{
    static const QRegularExpression tablePattern(QStringLiteral("^[A-Za-z0-9_]+$"));
    if (!pathTemplate.startsWith(u'/') || pathTemplate.count(TablePlaceholder) != 1)
        return Error {tr("the path template '%1' must start with '/' and contain {table} once")
                          .arg(pathTemplate)};
    if (!tablePattern.match(table).hasMatch())
        return Error {tr("'%1' is not a table name (letters, digits and '_')").arg(table)};
    QString path = pathTemplate;
    return withPath(host, path.replace(TablePlaceholder, table));
}

Result<QUrl> Endpoint::schemaSolutionsUrl(const QUrl &host)
{
    return withPath(host, QStringLiteral("/api/v2/schema/solutions"));
}

Result<QUrl> Endpoint::schemaUrl(const QUrl &host, const QString &solutionName)
{
    Result<QUrl> url = withPath(host, QStringLiteral("/api/v2/schema"));
    if (!url)
        return url;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("solutionName"), solutionName);
    QUrl withQuery = url.value();
    withQuery.setQuery(query);
    return withQuery;
}

Result<QUrl> Endpoint::withPath(const QUrl &host, const QString &path)
{
    const Result<QUrl> checked = checkHost(host);
    if (!checked)
        return checked;
    QString base = host.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    QUrl url = host;
    url.setPath(base + path);
    return url;
}

} // namespace sluice
