// SPDX-License-Identifier: MIT
#include "models/session/targetsession.h"

#include "models/schema/endpoint.h"
#include "models/session/localsandbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace sluice {

namespace {

constexpr int TestTimeoutMs = 15 * 1000;
// Long enough to span a burst of keystrokes in the URL field, short enough to feel immediate.
constexpr int TokenReadDelayMs = 300;

// The keychain account and the name the user sees: the host, with its port when one is given
// (two servers on one machine are two targets).
QString accountOf(const QUrl &host)
{
    if (host.isEmpty())
        return QString();
    return host.port() == -1 ? host.host() : u"%1:%2"_s.arg(host.host()).arg(host.port());
}

// API.md §7: a list of {"solutionName", …}. Read tolerantly: the real body is not documented,
// so a wrapping object or a list of plain names is accepted too.
std::optional<QStringList> solutionNamesOf(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    const QJsonValue wrapped = document.object().value(u"solutions");
    if (!document.isArray() && !wrapped.isArray())
        return std::nullopt;
    QStringList names;
    for (const QJsonValue &entry : document.isArray() ? document.array() : wrapped.toArray()) {
        const QString name = entry.isString() ? entry.toString()
                                              : entry.toObject().value(u"solutionName").toString();
        if (!name.isEmpty())
            names.append(name);
    }
    return names;
}

QString failureOf(const QNetworkReply &reply, int status, const QString &host)
{
    if (status == 401 || status == 403)
        return TargetSession::tr("The token was refused (%1): check that it is a current personal "
                                 "access token for %2.")
            .arg(status)
            .arg(host);
    if (status == 404)
        return TargetSession::tr(
                   "%1 answered 404 (not found) to the solutions list: check that the "
                   "URL is the ingestion API's host.")
            .arg(host);
    if (status >= 500)
        return TargetSession::tr("%1 had a problem answering (HTTP %2). Try again in a moment.")
            .arg(host)
            .arg(status);
    if (status > 0)
        return TargetSession::tr("%1 answered HTTP %2 to the solutions list.")
            .arg(host)
            .arg(status);
    switch (reply.error()) {
    case QNetworkReply::ConnectionRefusedError:
        return TargetSession::tr("Cannot connect to %1: the connection was refused. Check the "
                                 "address and that the server is running.")
            .arg(host);
    case QNetworkReply::HostNotFoundError:
        return TargetSession::tr("Cannot find %1: check the address and the network connection.")
            .arg(host);
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // what the transfer timeout reports
        return TargetSession::tr("%1 did not answer within %2 seconds.")
            .arg(host)
            .arg(TestTimeoutMs / 1000);
    case QNetworkReply::SslHandshakeFailedError:
        return TargetSession::tr("The secure connection to %1 failed: %2")
            .arg(host, reply.errorString());
    default:
        return TargetSession::tr("Cannot reach %1: %2").arg(host, reply.errorString());
    }
}

} // namespace

TargetSession::TargetSession(std::shared_ptr<const Catalogue> catalogue,
                             QNetworkAccessManager &network, CredentialStore &credentials,
                             LocalSandbox *sandbox, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_tokens(credentials)
    , m_sandbox(sandbox)
{
    m_readTimer.setSingleShot(true);
    m_readTimer.setInterval(TokenReadDelayMs);
    connect(&m_readTimer, &QTimer::timeout, this, &TargetSession::readPendingToken);
    connect(&m_tokens, &TokenKeeper::changed, this, &TargetSession::tokenChanged);
    connect(&m_tokens, &TokenKeeper::problem, this, &TargetSession::tokenProblem);
    if (m_sandbox) {
        connect(m_sandbox, &LocalSandbox::started, this, [this](const QUrl &url) {
            m_sandboxStarting = false;
            m_sandboxError.clear();
            Q_EMIT sandboxStarted(url);
            hostMayHaveChanged();
            Q_EMIT changed();
        });
        connect(m_sandbox, &LocalSandbox::failed, this, [this](const QString &message) {
            m_sandboxStarting = false;
            m_sandboxError = message;
            Q_EMIT sandboxFailed(message);
            Q_EMIT changed();
        });
    }
    setCatalogue(std::move(catalogue));
}

TargetSession::~TargetSession()
{
    // Nobody is left to hear the answer; the reply belongs to the shared network manager.
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void TargetSession::setCatalogue(std::shared_ptr<const Catalogue> catalogue)
{
    m_catalogue = std::move(catalogue);
    if (m_catalogue && !m_catalogue->solution(m_solutionId)) {
        m_solutionId.clear();
        if (!m_catalogue->solutions().isEmpty())
            setSolution(m_catalogue->solutions().constFirst().id);
    }
    Q_EMIT catalogueChanged();
    Q_EMIT changed();
}

void TargetSession::setEnvironment(Environment environment)
{
    const bool same = environment == m_environment;
    m_environment = environment;
    if (isSandbox())
        startSandbox();
    const bool moved = hostMayHaveChanged();
    // A deliberate choice: read the token now rather than after the typing pause.
    m_readTimer.stop();
    readPendingToken();
    if (!same || moved)
        Q_EMIT changed();
}

void TargetSession::startSandbox()
{
    if (!m_sandbox) {
        m_sandboxError = tr("This build has no local sandbox.");
        return;
    }
    if (m_sandbox->isRunning() || m_sandboxStarting)
        return;
    m_sandboxError.clear();
    m_sandboxStarting = true;
    m_sandbox->start();
}

void TargetSession::setRegion(const QString &cluster)
{
    if (cluster == m_region)
        return;
    m_region = cluster;
    hostMayHaveChanged();
    Q_EMIT changed();
}

void TargetSession::setCustomUrl(const QString &url)
{
    if (url == m_customUrl)
        return;
    m_customUrl = url;
    hostMayHaveChanged();
    Q_EMIT changed();
}

QUrl TargetSession::host() const
{
    switch (m_environment) {
    case Environment::LocalSandbox:
        return m_sandbox && m_sandbox->isRunning() ? m_sandbox->url() : QUrl();
    case Environment::Hub:
        return Endpoint::defaultHost();
    case Environment::Regional: {
        const Result<QUrl> url = Endpoint::regionalHost(m_region);
        return url ? *url : QUrl();
    }
    case Environment::Custom:
        break;
    }
    const Result<QUrl> url = Endpoint::checkHost(QUrl(m_customUrl.trimmed(), QUrl::StrictMode));
    return url ? *url : QUrl();
}

QString TargetSession::hostProblem() const
{
    switch (m_environment) {
    case Environment::LocalSandbox:
        if (!m_sandboxError.isEmpty())
            return tr("The local sandbox could not start: %1").arg(m_sandboxError);
        return m_sandbox && m_sandbox->isRunning() ? QString()
                                                   : tr("The local sandbox is still starting");
    case Environment::Hub:
        return QString();
    case Environment::Regional: {
        if (m_region.trimmed().isEmpty())
            return tr("Enter the cluster of your regional host, e.g. eu-west-1");
        const Result<QUrl> url = Endpoint::regionalHost(m_region);
        return url ? QString() : url.error().message;
    }
    case Environment::Custom:
        break;
    }
    if (m_customUrl.trimmed().isEmpty())
        return tr("Enter the URL of the host, e.g. https://ingestion.example.com");
    const Result<QUrl> url = Endpoint::checkHost(QUrl(m_customUrl.trimmed(), QUrl::StrictMode));
    return url ? QString() : url.error().message;
}

bool TargetSession::hostMayHaveChanged()
{
    const QUrl now = host();
    if (now == m_host)
        return false;
    m_host = now;
    // The names came from the previous host; they say nothing about this one.
    if (!m_liveSolutions.isEmpty()) {
        m_liveSolutions.clear();
        Q_EMIT liveSolutionsChanged(m_liveSolutions);
    }
    if (!isSandbox())
        m_readTimer.start();
    Q_EMIT tokenChanged();
    return true;
}

void TargetSession::setSolution(const QString &solutionId)
{
    const Solution *solution = m_catalogue ? m_catalogue->solution(solutionId) : nullptr;
    if (!solution || solution->id == m_solutionId)
        return;
    m_solutionId = solution->id;
    m_prefix = solution->prefix;
    m_suffix = solution->suffix;
    Q_EMIT changed();
}

void TargetSession::setPrefix(const QString &prefix)
{
    if (prefix == m_prefix)
        return;
    m_prefix = prefix;
    Q_EMIT changed();
}

void TargetSession::setSuffix(const QString &suffix)
{
    if (suffix == m_suffix)
        return;
    m_suffix = suffix;
    Q_EMIT changed();
}

void TargetSession::setOperation(OperationType operation)
{
    if (operation == m_operation)
        return;
    m_operation = operation;
    Q_EMIT changed();
}

OperationType TargetSession::recommendedOperation(const Resource &resource)
{
    if (resource.recommendedOperation)
        return *resource.recommendedOperation;
    return resource.primaryKey.isEmpty() ? OperationType::Append : OperationType::Upsert;
}

void TargetSession::setPathTemplate(const QString &pathTemplate)
{
    if (pathTemplate == m_pathTemplate)
        return;
    m_pathTemplate = pathTemplate;
    Q_EMIT changed();
}

QString TargetSession::tokenAccount() const
{
    return isSandbox() ? QString() : accountOf(host());
}

void TargetSession::setToken(const QString &token)
{
    const QString account = tokenAccount();
    if (!account.isEmpty()) // a token belongs to a host; the sandbox has its own
        m_tokens.setToken(account, token);
}

QString TargetSession::token() const
{
    if (isSandbox())
        return m_sandbox && m_sandbox->isRunning() ? m_sandbox->token() : QString();
    return m_tokens.token(tokenAccount());
}

void TargetSession::saveToken()
{
    const QString account = tokenAccount();
    if (account.isEmpty()) {
        const QString problem
            = isSandbox() ? tr("The local sandbox needs no token.") : hostProblem();
        QMetaObject::invokeMethod(
            this, [this, problem] { Q_EMIT tokenProblem(problem); }, Qt::QueuedConnection);
        return;
    }
    m_tokens.save(account);
}

void TargetSession::forgetToken()
{
    const QString account = tokenAccount();
    if (!account.isEmpty())
        m_tokens.forget(account);
}

void TargetSession::readPendingToken()
{
    const QString account = tokenAccount();
    if (!account.isEmpty())
        m_tokens.read(account);
}

void TargetSession::answerLater(bool ok, const QString &message)
{
    QMetaObject::invokeMethod(
        this, [this, ok, message] { Q_EMIT connectionTested(ok, message); }, Qt::QueuedConnection);
}

void TargetSession::testConnection()
{
    if (m_reply)
        return; // one test at a time; its answer comes
    const QUrl where = host();
    if (where.isEmpty())
        return answerLater(false, hostProblem());
    if (!hasToken())
        return answerLater(false, tr("Enter a token first"));
    const Result<QUrl> url = Endpoint::schemaSolutionsUrl(where);
    if (!url)
        return answerLater(false, url.error().message);
    QNetworkRequest request(*url);
    const QByteArray raw = token().toUtf8();
    request.setRawHeader("Authorization", m_bearerPrefix ? "Bearer " + raw : raw);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(TestTimeoutMs);
    QNetworkReply *reply = m_network.get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, where] { connectionAnswered(reply, where); });
}

void TargetSession::connectionAnswered(QNetworkReply *reply, const QUrl &tested)
{
    reply->deleteLater();
    m_reply = nullptr;
    const QString name = accountOf(tested);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status > 299) {
        Q_EMIT connectionTested(false, failureOf(*reply, status, name));
        return;
    }
    const std::optional<QStringList> names = solutionNamesOf(reply->readAll());
    if (!names) {
        Q_EMIT connectionTested(
            true, tr("Connected to %1, but its list of solutions could not be read").arg(name));
        return;
    }
    // The user may have chosen another host while the answer travelled.
    if (tested == host()) {
        m_liveSolutions = *names;
        Q_EMIT liveSolutionsChanged(m_liveSolutions);
    }
    Q_EMIT connectionTested(true,
                            names->size() == 1
                                ? tr("Connected to %1: 1 solution").arg(name)
                                : tr("Connected to %1: %2 solutions").arg(name).arg(names->size()));
}

Result<UploadTarget> TargetSession::target(const Resource &resource, bool dryRun) const
{
    const QUrl where = host();
    if (where.isEmpty())
        return Error {hostProblem()};
    if (!hasToken())
        return Error {tr("Enter a token for %1").arg(tokenAccount())};
    const Solution *solution = m_catalogue ? m_catalogue->solution(resource.solutionId) : nullptr;
    if (!solution)
        return Error {tr("%1 belongs to no solution of the catalogue").arg(resource.id)};
    const Result<QUrl> url = ingestUrl(resource);
    if (!url)
        return url.error();
    UploadTarget target;
    target.table = tableName(resource);
    target.ingestUrl = *url;
    target.solutionName = solution->solutionName;
    target.operation = m_operation;
    target.dryRun = dryRun;
    return target;
}

Result<QUrl> TargetSession::ingestUrl(const Resource &resource) const
{
    const QUrl where = host();
    if (where.isEmpty())
        return Error {hostProblem()};
    return Endpoint::ingestUrl(
        where, m_pathTemplate.isEmpty() ? Endpoint::defaultPathTemplate() : m_pathTemplate,
        tableName(resource));
}

QString TargetSession::tableName(const Resource &resource) const
{
    if (resource.solutionId.compare(m_solutionId, Qt::CaseInsensitive) == 0)
        return Endpoint::tableName(m_prefix, resource.objectName, m_suffix);
    const Solution *solution = m_catalogue ? m_catalogue->solution(resource.solutionId) : nullptr;
    return solution ? Endpoint::tableName(*solution, resource) : resource.objectName;
}

void TargetSession::saveSettings(QSettings &settings) const
{
    settings.beginGroup(u"target"_s);
    settings.setValue(
        u"environment"_s,
        QString::fromLatin1(QMetaEnum::fromType<Environment>().valueToKey(int(m_environment))));
    settings.setValue(u"region"_s, m_region);
    settings.setValue(u"customUrl"_s, m_customUrl);
    settings.setValue(u"solution"_s, m_solutionId);
    settings.setValue(u"prefix"_s, m_prefix);
    settings.setValue(u"suffix"_s, m_suffix);
    settings.endGroup();
}

void TargetSession::restoreSettings(const QSettings &settings)
{
    const auto value = [&settings](const QString &key) {
        return settings.value(u"target/"_s + key).toString();
    };
    setRegion(value(u"region"_s));
    setCustomUrl(value(u"customUrl"_s));
    setSolution(value(u"solution"_s));
    if (settings.contains(u"target/prefix"_s) && value(u"solution"_s) == m_solutionId) {
        setPrefix(value(u"prefix"_s));
        setSuffix(value(u"suffix"_s));
    }
    bool known = false;
    const int environment = QMetaEnum::fromType<Environment>().keyToValue(
        value(u"environment"_s).toLatin1().constData(), &known);
    setEnvironment(known ? Environment(environment) : Environment::LocalSandbox);
}

} // namespace sluice
