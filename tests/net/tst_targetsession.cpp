// SPDX-License-Identifier: MIT
// TargetSession: environments and hosts, the token in the keychain, Test connection against the
// in-process sandbox, and the UploadTarget it hands to an upload.
#include "app/sandbox/sandboxserver.h"
#include "models/schema/endpoint.h"
#include "models/session/localsandbox.h"
#include "models/session/targetsession.h"
#include "models/upload/credentialstore.h"
#include "tests/support/catalogues.h"

#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

namespace {

const QString SandboxToken = QStringLiteral("sandbox-token-7d3");
const QString RightToken = QStringLiteral("pat-right-51c0");
const QString HubAccount = QStringLiteral("ingestion.peak.ai");

// The Local sandbox as the composition root provides it, here on the test's own thread: a
// SandboxServer on an ephemeral loopback port, started on the next turn of the event loop.
class TestSandbox : public LocalSandbox
{
public:
    explicit TestSandbox(std::shared_ptr<const Catalogue> catalogue)
        : m_catalogue(std::move(catalogue))
    {}

    void start() override
    {
        ++starts;
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (failWith.isEmpty() && !m_server) {
                    SandboxOptions options;
                    options.tokens = {SandboxToken};
                    m_server = std::make_unique<SandboxServer>(m_catalogue, options);
                    const quint16 port = m_server->listen(QHostAddress::LocalHost, 0);
                    m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
                }
                if (failWith.isEmpty())
                    Q_EMIT started(m_url);
                else
                    Q_EMIT failed(failWith);
            },
            Qt::QueuedConnection);
    }
    bool isRunning() const override { return !m_url.isEmpty(); }
    QUrl url() const override { return m_url; }
    QString token() const override { return SandboxToken; }

    int starts = 0;
    QString failWith;

private:
    std::shared_ptr<const Catalogue> m_catalogue;
    std::unique_ptr<SandboxServer> m_server;
    QUrl m_url;
};

// A keychain in a map, answering on the next turn of the event loop like a real one.
class MemorySecretBackend : public SecretBackend
{
public:
    explicit MemorySecretBackend(QHash<QString, QString> *secrets)
        : m_secrets(secrets)
    {}

    void read(const QString &service, const QString &key, Callback done) override
    {
        Reply reply = failure.value_or(Reply {});
        if (!failure && !m_secrets->contains(service + '/' + key))
            reply.status = Status::NotFound;
        else if (!failure)
            reply.secret = m_secrets->value(service + '/' + key);
        answer(std::move(done), reply);
    }
    void write(const QString &service, const QString &key, const QString &secret,
               Callback done) override
    {
        if (!failure)
            m_secrets->insert(service + '/' + key, secret);
        answer(std::move(done), failure.value_or(Reply {}));
    }
    void remove(const QString &service, const QString &key, Callback done) override
    {
        if (!failure)
            m_secrets->remove(service + '/' + key);
        answer(std::move(done), failure.value_or(Reply {}));
    }

    std::optional<Reply> failure;

private:
    static void answer(Callback done, const Reply &reply)
    {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [done = std::move(done), reply] { done(reply); },
            Qt::QueuedConnection);
    }

    QHash<QString, QString> *m_secrets;
};

// A session with its keychain and sandbox, as the composition root wires them.
struct Fixture
{
    explicit Fixture(std::shared_ptr<const Catalogue> catalogue,
                     QHash<QString, QString> *secrets = nullptr)
        : backend(new MemorySecretBackend(secrets ? secrets : &ownSecrets))
        , credentials(std::unique_ptr<SecretBackend>(backend))
        , sandbox(catalogue)
        , session(catalogue, network, credentials, &sandbox)
    {}

    QHash<QString, QString> ownSecrets;
    QNetworkAccessManager network;
    MemorySecretBackend *backend; // owned by credentials
    CredentialStore credentials;
    TestSandbox sandbox;
    TargetSession session;
};

} // namespace

class TestTargetSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theSandboxStartsWhenChosen();
    void aSandboxThatCannotStartSaysWhy();
    void testConnectionListsTheLiveSolutions();
    void aWrongTokenIsRefused();
    void aRefusedPortIsNamed();
    void testingWithoutATokenAnswersLater();
    void plainHttpIsOnlyForThisComputer();
    void aRegionalHostIsBuiltFromTheCluster();
    void theTargetCarriesPrefixSuffixAndOperation();
    void aTokenIsSavedAndReadBackButNeverInTheSettings();
    void aKeychainFailureIsReported();
    void theRecommendedOperationFollowsTheKey();

private:
    std::shared_ptr<const Catalogue> m_catalogue;
    std::unique_ptr<SandboxServer> m_server;
    QUrl m_serverUrl;
    QTemporaryDir m_dir;
};

void TestTargetSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_catalogue = test::builtInCatalogue();
    SandboxOptions options;
    options.tokens = {RightToken};
    m_server = std::make_unique<SandboxServer>(m_catalogue, options);
    const quint16 port = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    m_serverUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

void TestTargetSession::theSandboxStartsWhenChosen()
{
    Fixture f(m_catalogue);
    const Resource &orders = *m_catalogue->resource(u"INV.CUSTOMER_ORDERS");
    QVERIFY(f.session.isSandbox()); // the safe default
    QVERIFY(f.session.host().isEmpty());
    QCOMPARE(f.session.target(orders, false).error().message,
             QStringLiteral("The local sandbox is still starting"));

    QSignalSpy started(&f.session, &TargetSession::sandboxStarted);
    QSignalSpy changed(&f.session, &TargetSession::changed);
    f.session.setEnvironment(TargetSession::Environment::LocalSandbox);
    QVERIFY(f.session.isSandboxStarting());
    QCOMPARE(started.size(), 0); // the sandbox answers later
    QVERIFY(started.wait());
    QCOMPARE(started.first().first().toUrl(), f.sandbox.url());
    QVERIFY(changed.size() > 0);
    QCOMPARE(f.session.host(), f.sandbox.url());
    QCOMPARE(f.session.token(), SandboxToken);
    QVERIFY(f.session.hasToken());

    const Result<UploadTarget> target = f.session.target(orders, true);
    QVERIFY2(target, qPrintable(target ? QString() : target.error().message));
    QCOMPARE(target->ingestUrl.toString(),
             f.sandbox.url().toString() + "/api/v2/ingest/object/INV_CUSTOMER_ORDERS_OOTB");
    QVERIFY(target->dryRun);

    // Choosing it again does not start a second server.
    f.session.setEnvironment(TargetSession::Environment::Hub);
    f.session.setEnvironment(TargetSession::Environment::LocalSandbox);
    QCOMPARE(f.sandbox.starts, 1);
    QCOMPARE(f.session.host(), f.sandbox.url());

    // And the sandbox passes a Test connection with its own token.
    QSignalSpy tested(&f.session, &TargetSession::connectionTested);
    f.session.testConnection();
    QVERIFY(tested.wait(10000));
    QCOMPARE(tested.first().at(0).toBool(), true);
}

void TestTargetSession::aSandboxThatCannotStartSaysWhy()
{
    Fixture f(m_catalogue);
    f.sandbox.failWith = QStringLiteral("no free port");
    QSignalSpy failed(&f.session, &TargetSession::sandboxFailed);
    f.session.setEnvironment(TargetSession::Environment::LocalSandbox);
    QVERIFY(failed.wait());
    QCOMPARE(failed.first().first().toString(), QStringLiteral("no free port"));
    QVERIFY(!f.session.isSandboxStarting());
    QVERIFY(f.session.hostProblem().contains(u"no free port"));
    const Resource &orders = *m_catalogue->resource(u"INV.CUSTOMER_ORDERS");
    QCOMPARE(f.session.target(orders, false).error().message, f.session.hostProblem());
}

void TestTargetSession::testConnectionListsTheLiveSolutions()
{
    Fixture f(m_catalogue);
    f.session.setEnvironment(TargetSession::Environment::Custom);
    f.session.setCustomUrl(m_serverUrl.toString());
    QCOMPARE(f.session.host(), m_serverUrl);
    QCOMPARE(f.session.hostProblem(), QString());
    f.session.setToken(RightToken);

    QSignalSpy tested(&f.session, &TargetSession::connectionTested);
    QSignalSpy live(&f.session, &TargetSession::liveSolutionsChanged);
    f.session.testConnection();
    QVERIFY(f.session.isTesting());
    QVERIFY(tested.wait(10000));
    QVERIFY(!f.session.isTesting());
    QCOMPARE(tested.first().at(0).toBool(), true);
    QCOMPARE(tested.first().at(1).toString(),
             QStringLiteral("Connected to 127.0.0.1:%1: 4 solutions").arg(m_serverUrl.port()));
    QCOMPARE(live.size(), 1);
    const QStringList expected {QStringLiteral("INV_OOTB"), QStringLiteral("QP_OOTB"),
                                QStringLiteral("B2C_OOTB"), QStringLiteral("RR_OOTB")};
    QCOMPARE(f.session.liveSolutionNames(), expected);

    // Another host: the names said nothing about it.
    f.session.setEnvironment(TargetSession::Environment::Hub);
    QVERIFY(f.session.liveSolutionNames().isEmpty());
    QCOMPARE(live.size(), 2);
}

void TestTargetSession::aWrongTokenIsRefused()
{
    Fixture f(m_catalogue);
    f.session.setEnvironment(TargetSession::Environment::Custom);
    f.session.setCustomUrl(m_serverUrl.toString());
    f.session.setToken(QStringLiteral("pat-wrong-999"));
    QSignalSpy tested(&f.session, &TargetSession::connectionTested);
    f.session.testConnection();
    QVERIFY(tested.wait(10000));
    QCOMPARE(tested.first().at(0).toBool(), false);
    const QString message = tested.first().at(1).toString();
    QVERIFY2(message.startsWith(u"The token was refused (401)"), qPrintable(message));
    QVERIFY(!message.contains(u"pat-wrong-999"));
    QVERIFY(f.session.liveSolutionNames().isEmpty());
}

void TestTargetSession::aRefusedPortIsNamed()
{
    // A port that was free a moment ago: nothing listens there now.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    Fixture f(m_catalogue);
    f.session.setEnvironment(TargetSession::Environment::Custom);
    f.session.setCustomUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    f.session.setToken(RightToken);
    QSignalSpy tested(&f.session, &TargetSession::connectionTested);
    f.session.testConnection();
    QVERIFY(tested.wait(20000));
    QCOMPARE(tested.first().at(0).toBool(), false);
    const QString message = tested.first().at(1).toString();
    QVERIFY2(message.contains(u"refused") && message.contains(QString::number(port)),
             qPrintable(message));
}

void TestTargetSession::testingWithoutATokenAnswersLater()
{
    Fixture f(m_catalogue);
    f.session.setEnvironment(TargetSession::Environment::Custom);
    f.session.setCustomUrl(m_serverUrl.toString());
    QSignalSpy tested(&f.session, &TargetSession::connectionTested);
    f.session.testConnection();
    QCOMPARE(tested.size(), 0);
    QVERIFY(tested.wait());
    QCOMPARE(tested.first(), (QVariantList {false, QStringLiteral("Enter a token first")}));
}

void TestTargetSession::plainHttpIsOnlyForThisComputer()
{
    Fixture f(m_catalogue);
    f.session.setEnvironment(TargetSession::Environment::Custom);
    QVERIFY(f.session.hostProblem().startsWith(u"Enter the URL"));
    f.session.setCustomUrl(QStringLiteral("http://example.com"));
    QVERIFY(f.session.host().isEmpty());
    QVERIFY2(f.session.hostProblem().contains(u"plain http is allowed only"),
             qPrintable(f.session.hostProblem()));
    f.session.setToken(RightToken); // ignored: a token belongs to a valid host
    const Resource &orders = *m_catalogue->resource(u"INV.CUSTOMER_ORDERS");
    QCOMPARE(f.session.target(orders, false).error().message, f.session.hostProblem());

    QSignalSpy tested(&f.session, &TargetSession::connectionTested);
    f.session.testConnection();
    QVERIFY(tested.wait());
    QCOMPARE(tested.first(), (QVariantList {false, f.session.hostProblem()}));

    f.session.setCustomUrl(QStringLiteral("https://example.com"));
    QCOMPARE(f.session.host(), QUrl(QStringLiteral("https://example.com")));
    QCOMPARE(f.session.hostProblem(), QString());
}

void TestTargetSession::aRegionalHostIsBuiltFromTheCluster()
{
    Fixture f(m_catalogue);
    f.session.setEnvironment(TargetSession::Environment::Regional);
    QVERIFY(f.session.hostProblem().startsWith(u"Enter the cluster"));
    f.session.setRegion(QStringLiteral("eu-west-1"));
    QCOMPARE(f.session.host(), QUrl(QStringLiteral("https://ingestion.eu-west-1.peak.ai")));
    QCOMPARE(f.session.tokenAccount(), QStringLiteral("ingestion.eu-west-1.peak.ai"));
    f.session.setRegion(QStringLiteral("eu west"));
    QVERIFY(f.session.host().isEmpty());
    QVERIFY(f.session.hostProblem().contains(u"not a cluster name"));
}

void TestTargetSession::theTargetCarriesPrefixSuffixAndOperation()
{
    Fixture f(m_catalogue);
    const Resource &orders = *m_catalogue->resource(u"INV.CUSTOMER_ORDERS");
    const Resource &customer = *m_catalogue->resource(u"QP.CUSTOMER");
    f.session.setEnvironment(TargetSession::Environment::Hub);
    QCOMPARE(f.session.target(orders, false).error().message,
             QStringLiteral("Enter a token for ingestion.peak.ai"));
    f.session.setToken(QStringLiteral("  pat-typed \n")); // pasted with its line break
    QCOMPARE(f.session.token(), QStringLiteral("pat-typed"));

    f.session.setSolution(QStringLiteral("INV"));
    QCOMPARE(f.session.prefix(), QStringLiteral("INV_"));
    QCOMPARE(f.session.suffix(), QStringLiteral("_OOTB"));
    f.session.setPrefix(QStringLiteral("ACME_"));
    f.session.setSuffix(QString());
    f.session.setOperation(OperationType::Append);
    Result<UploadTarget> target = f.session.target(orders, false);
    QVERIFY2(target, qPrintable(target ? QString() : target.error().message));
    QCOMPARE(target->ingestUrl,
             QUrl(QStringLiteral("https://ingestion.peak.ai/api/v2/ingest/object/"
                                 "ACME_CUSTOMER_ORDERS")));
    QCOMPARE(target->table, QStringLiteral("ACME_CUSTOMER_ORDERS"));
    QCOMPARE(target->solutionName, QStringLiteral("INV_OOTB"));
    QCOMPARE(target->operation, OperationType::Append);
    QVERIFY(!target->dryRun);
    // Choosing the same solution again keeps the user's naming; a resource of another solution
    // keeps its own solution's.
    f.session.setSolution(QStringLiteral("inv"));
    QCOMPARE(f.session.tableName(orders), QStringLiteral("ACME_CUSTOMER_ORDERS"));
    QCOMPARE(f.session.tableName(customer), QStringLiteral("QP_CUSTOMER_OOTB"));

    f.session.setPathTemplate(Endpoint::pathTemplate(Endpoint::PathForm::Objects));
    target = f.session.target(orders, false);
    QCOMPARE(target->ingestUrl.path(), QStringLiteral("/api/v2/objects/ACME_CUSTOMER_ORDERS"));
    f.session.setPrefix(QStringLiteral("AC-ME_"));
    QVERIFY(f.session.target(orders, false).error().message.contains(u"not a table name"));
}

void TestTargetSession::aTokenIsSavedAndReadBackButNeverInTheSettings()
{
    QHash<QString, QString> secrets;
    const QString settingsPath = m_dir.filePath(QStringLiteral("target.ini"));
    {
        Fixture f(m_catalogue, &secrets);
        f.session.setEnvironment(TargetSession::Environment::Hub);
        QVERIFY(f.session.isReadingToken());
        QTRY_VERIFY(!f.session.isReadingToken()); // nothing stored yet: no token, no problem
        QVERIFY(!f.session.hasToken());
        f.session.setToken(QStringLiteral("pat-saved-0042"));
        QVERIFY(!f.session.isTokenSaved());
        f.session.saveToken();
        QTRY_VERIFY(f.session.isTokenSaved());
        QCOMPARE(secrets.value(QStringLiteral("Sluice/") + HubAccount),
                 QStringLiteral("pat-saved-0042"));

        // Kept in memory per host while another one is chosen.
        f.session.setEnvironment(TargetSession::Environment::Custom);
        f.session.setCustomUrl(m_serverUrl.toString());
        QVERIFY(!f.session.hasToken());
        f.session.setEnvironment(TargetSession::Environment::Hub);
        QCOMPARE(f.session.token(), QStringLiteral("pat-saved-0042"));

        QSettings settings(settingsPath, QSettings::IniFormat);
        f.session.saveSettings(settings);
    }
    QFile written(settingsPath);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray ini = written.readAll();
    QVERIFY(ini.contains("Hub"));
    QVERIFY(!ini.contains("pat-saved-0042"));

    // A new session (the next start of the app) finds the token in the keychain.
    Fixture again(m_catalogue, &secrets);
    QSignalSpy tokenChanged(&again.session, &TargetSession::tokenChanged);
    again.session.restoreSettings(QSettings(settingsPath, QSettings::IniFormat));
    QCOMPARE(again.session.environment(), TargetSession::Environment::Hub);
    QTRY_COMPARE(again.session.token(), QStringLiteral("pat-saved-0042"));
    QVERIFY(again.session.isTokenSaved());
    QVERIFY(tokenChanged.size() > 0);

    again.session.forgetToken();
    QVERIFY(!again.session.hasToken());
    QTRY_VERIFY(secrets.isEmpty());
}

void TestTargetSession::aKeychainFailureIsReported()
{
    Fixture f(m_catalogue);
    f.backend->failure = SecretBackend::Reply {SecretBackend::Status::Unavailable, {}, {}};
    QSignalSpy problem(&f.session, &TargetSession::tokenProblem);
    f.session.setEnvironment(TargetSession::Environment::Hub);
    QVERIFY(problem.wait());
    QVERIFY(problem.first().first().toString().contains(u"no system keychain"));
    QVERIFY(!f.session.isReadingToken());

    f.session.setToken(QStringLiteral("pat-unsaved-77"));
    f.session.saveToken();
    QVERIFY(problem.wait());
    const QString message = problem.last().first().toString();
    QVERIFY(message.startsWith(u"Cannot save the token for ingestion.peak.ai"));
    QVERIFY(!message.contains(u"pat-unsaved-77"));
    QVERIFY(!f.session.isTokenSaved());
    QCOMPARE(f.session.token(), QStringLiteral("pat-unsaved-77")); // still usable this session
}

void TestTargetSession::theRecommendedOperationFollowsTheKey()
{
    Resource keyed;
    keyed.primaryKey = {QStringLiteral("order_id")};
    QCOMPARE(TargetSession::recommendedOperation(keyed), OperationType::Upsert);
    Resource keyless;
    QCOMPARE(TargetSession::recommendedOperation(keyless), OperationType::Append);
    // The catalogue's own recommendation wins: QP.CUSTOMER has a key but is documented APPEND.
    QCOMPARE(TargetSession::recommendedOperation(*m_catalogue->resource(u"QP.CUSTOMER")),
             OperationType::Append);
    QCOMPARE(TargetSession::recommendedOperation(*m_catalogue->resource(u"INV.CUSTOMER_ORDERS")),
             OperationType::Upsert);
}

QTEST_GUILESS_MAIN(TestTargetSession)
#include "tst_targetsession.moc"
