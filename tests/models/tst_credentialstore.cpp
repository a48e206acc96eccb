// SPDX-License-Identifier: MIT
// CredentialStore over an in-memory backend, and over the system keychain where there is none.
#include "models/upload/credentialstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace sluice;

namespace {

// A keychain in a map. Answers on the next turn of the event loop, like a real one, unless told
// to answer inside the call (to show that the store defers even then) or to hold its answers in
// a list that the test releases.
class MemorySecretBackend : public SecretBackend
{
public:
    enum class Mode { Queued, Immediate, Held };

    explicit MemorySecretBackend(QHash<QString, QString> *secrets, Mode mode = Mode::Queued,
                                 QList<std::function<void()>> *held = nullptr)
        : m_secrets(secrets)
        , m_mode(mode)
        , m_held(held)
    {}

    void read(const QString &service, const QString &key, Callback done) override
    {
        const QString id = service + '/' + key;
        Reply reply;
        if (m_failure)
            reply = *m_failure;
        else if (!m_secrets->contains(id))
            reply.status = Status::NotFound;
        else
            reply.secret = m_secrets->value(id);
        answer(std::move(done), reply);
    }

    void write(const QString &service, const QString &key, const QString &secret,
               Callback done) override
    {
        if (!m_failure)
            m_secrets->insert(service + '/' + key, secret);
        answer(std::move(done), m_failure.value_or(Reply {}));
    }

    void remove(const QString &service, const QString &key, Callback done) override
    {
        Reply reply = m_failure.value_or(Reply {});
        if (!m_failure && m_secrets->remove(service + '/' + key) == 0)
            reply.status = Status::NotFound;
        answer(std::move(done), reply);
    }

    void failWith(const Reply &reply) { m_failure = reply; }

private:
    void answer(Callback done, const Reply &reply)
    {
        auto call = [done = std::move(done), reply] {
            done(reply);
        };
        if (m_mode == Mode::Immediate)
            call();
        else if (m_mode == Mode::Held)
            m_held->append(call);
        else
            QMetaObject::invokeMethod(QCoreApplication::instance(), call, Qt::QueuedConnection);
    }

    QHash<QString, QString> *m_secrets;
    Mode m_mode;
    std::optional<Reply> m_failure;
    QList<std::function<void()>> *m_held; // Held: where the answers wait, outliving the backend
};

const QString Account = QStringLiteral("ingestion.peak.ai");
const QString Token = QStringLiteral("pat-4f1c9e2b7a-SECRET");

} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writeReadDeleteRead();
    void answersNeverArriveInsideTheCall();
    void tokensAreTrimmedAndControlCharactersRefused();
    void emptyAccountIsRefused();
    void deletingAMissingTokenSucceeds();
    void backendFailuresReadWellWithoutTheToken_data();
    void backendFailuresReadWellWithoutTheToken();
    void storeDestroyedBeforeTheAnswer();
    void systemKeychainUnavailableFailsCleanly();
    void environmentNames_data();
    void environmentNames();
    void tokenFromEnvironment();
};

void TestCredentialStore::writeReadDeleteRead()
{
    QHash<QString, QString> secrets;
    CredentialStore store(std::make_unique<MemorySecretBackend>(&secrets));
    QSignalSpy written(&store, &CredentialStore::tokenWritten);
    QSignalSpy read(&store, &CredentialStore::tokenRead);
    QSignalSpy deleted(&store, &CredentialStore::tokenDeleted);
    QSignalSpy failed(&store, &CredentialStore::failed);

    store.writeToken(Account, Token);
    QVERIFY(written.wait());
    QCOMPARE(written.takeFirst(), QVariantList {Account});
    QCOMPARE(secrets.value("Sluice/" + Account), Token); // filed under the service "Sluice"

    store.readToken(Account);
    QVERIFY(read.wait());
    QCOMPARE(read.takeFirst(), (QVariantList {Account, Token}));

    store.deleteToken(Account);
    QVERIFY(deleted.wait());
    QCOMPARE(deleted.takeFirst(), QVariantList {Account});
    QVERIFY(secrets.isEmpty());

    store.readToken(Account);
    QVERIFY(failed.wait());
    const QVariantList failure = failed.takeFirst();
    QCOMPARE(failure.at(0).toString(), Account);
    QCOMPARE(failure.at(1).toString(), QString("No token is stored for ingestion.peak.ai."));
    QCOMPARE(read.size(), 0);
}

void TestCredentialStore::answersNeverArriveInsideTheCall()
{
    QHash<QString, QString> secrets {{"Sluice/" + Account, Token}};
    CredentialStore store(
        std::make_unique<MemorySecretBackend>(&secrets, MemorySecretBackend::Mode::Immediate));
    QSignalSpy read(&store, &CredentialStore::tokenRead);
    QSignalSpy failed(&store, &CredentialStore::failed);
    store.readToken(Account);
    store.readToken("other.peak.ai");
    QCOMPARE(read.size(), 0);
    QCOMPARE(failed.size(), 0);
    QTRY_COMPARE(read.size(), 1);
    QTRY_COMPARE(failed.size(), 1);
}

void TestCredentialStore::tokensAreTrimmedAndControlCharactersRefused()
{
    QHash<QString, QString> secrets;
    CredentialStore store(std::make_unique<MemorySecretBackend>(&secrets));
    QSignalSpy written(&store, &CredentialStore::tokenWritten);
    QSignalSpy failed(&store, &CredentialStore::failed);

    store.writeToken(Account, "  " + Token + "\r\n"); // pasted with its line
    QVERIFY(written.wait());
    QCOMPARE(secrets.value("Sluice/" + Account), Token);

    const QString broken = "pat-abc\r\nX-Injected: 1";
    store.writeToken(Account, broken);
    QVERIFY(failed.wait());
    const QString message = failed.takeFirst().at(1).toString();
    QVERIFY2(message.contains("control character"), qPrintable(message));
    QVERIFY(!message.contains("pat-abc"));
    QCOMPARE(secrets.value("Sluice/" + Account), Token); // the stored one is kept

    store.writeToken(Account, "   ");
    QVERIFY(failed.wait());
    QVERIFY(failed.takeFirst().at(1).toString().contains("empty"));
}

void TestCredentialStore::emptyAccountIsRefused()
{
    QHash<QString, QString> secrets;
    CredentialStore store(std::make_unique<MemorySecretBackend>(&secrets));
    QSignalSpy failed(&store, &CredentialStore::failed);
    store.writeToken("  ", Token);
    store.readToken(QString());
    store.deleteToken(QString());
    QTRY_COMPARE(failed.size(), 3);
    QVERIFY(secrets.isEmpty());
    for (const QVariantList &failure : failed)
        QVERIFY(failure.at(1).toString().contains("no target"));
}

void TestCredentialStore::deletingAMissingTokenSucceeds()
{
    QHash<QString, QString> secrets;
    CredentialStore store(std::make_unique<MemorySecretBackend>(&secrets));
    QSignalSpy deleted(&store, &CredentialStore::tokenDeleted);
    QSignalSpy failed(&store, &CredentialStore::failed);
    store.deleteToken(Account);
    QVERIFY(deleted.wait());
    QCOMPARE(failed.size(), 0);
}

void TestCredentialStore::backendFailuresReadWellWithoutTheToken_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unavailable") << int(SecretBackend::Status::Unavailable)
                                 << "no system keychain is available";
    QTest::newRow("denied") << int(SecretBackend::Status::Denied) << "was denied";
    QTest::newRow("other") << int(SecretBackend::Status::Failed) << "reported an error";
}

void TestCredentialStore::backendFailuresReadWellWithoutTheToken()
{
    QFETCH(int, status);
    QFETCH(QString, expected);
    QHash<QString, QString> secrets;
    auto backend = std::make_unique<MemorySecretBackend>(&secrets);
    // A backend whose own message quotes what it was given must not pass the token on.
    backend->failWith({SecretBackend::Status(status), {}, "could not store '" + Token + "'"});
    MemorySecretBackend *failing = backend.get();
    CredentialStore store(std::move(backend));
    QSignalSpy failed(&store, &CredentialStore::failed);
    store.writeToken(Account, Token);
    QVERIFY(failed.wait());
    const QString message = failed.takeFirst().at(1).toString();
    QVERIFY2(message.startsWith("Cannot save the token for ingestion.peak.ai: "),
             qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(!message.contains(Token), qPrintable(message));
    failing->failWith({SecretBackend::Status(status), {}, "backend detail"});
    store.readToken(Account);
    QVERIFY(failed.wait());
    const QString readMessage = failed.takeFirst().at(1).toString();
    QVERIFY2(readMessage.startsWith("Cannot read the token for ingestion.peak.ai: "),
             qPrintable(readMessage));
    QVERIFY(readMessage.contains("(backend detail)"));
}

void TestCredentialStore::storeDestroyedBeforeTheAnswer()
{
    // Like a keychain job that finishes after the window that asked has closed: the answers
    // outlive the store and its backend.
    QHash<QString, QString> secrets;
    QList<std::function<void()>> held;
    auto store = std::make_unique<CredentialStore>(
        std::make_unique<MemorySecretBackend>(&secrets, MemorySecretBackend::Mode::Held, &held));
    store->writeToken(Account, Token);
    store->readToken(Account);
    QCOMPARE(held.size(), 2);
    store.reset();
    for (const auto &answer : held)
        answer(); // must neither crash nor reach the destroyed store
    QCoreApplication::processEvents();
    QCOMPARE(secrets.value("Sluice/" + Account), Token);

    // Answered but not yet delivered when the store goes: the queued delivery is dropped.
    held.clear();
    store = std::make_unique<CredentialStore>(
        std::make_unique<MemorySecretBackend>(&secrets, MemorySecretBackend::Mode::Held, &held));
    store->readToken(Account);
    held.takeFirst()();
    store.reset();
    QCoreApplication::processEvents();
}

void TestCredentialStore::systemKeychainUnavailableFailsCleanly()
{
    // No session bus here: QtKeychain finds no Secret Service or KWallet. Pointing the bus
    // address at nothing keeps a developer's real keychain out of the test, and reading an
    // account that cannot exist changes nothing where a keychain does answer.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sluice-test-bus");
    CredentialStore store;
    QSignalSpy read(&store, &CredentialStore::tokenRead);
    QSignalSpy failed(&store, &CredentialStore::failed);
    const QString account = "test-" + QUuid::createUuid().toString(QUuid::WithoutBraces);
    store.readToken(account);
    QVERIFY(failed.wait(10000));
    QCOMPARE(read.size(), 0);
    const QVariantList failure = failed.takeFirst();
    QCOMPARE(failure.at(0).toString(), account);
    const QString message = failure.at(1).toString();
    qInfo("keychain said: %s", qPrintable(message));
    QVERIFY2(message.contains(account), qPrintable(message));
    QVERIFY2(message.contains("environment variable") || message.contains("No token is stored"),
             qPrintable(message));
}

void TestCredentialStore::environmentNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("upper") << "SLUICE_TOKEN" << true;
    QTest::newRow("lower") << "peak_token2" << true;
    QTest::newRow("underscore first") << "_T" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("digit first") << "1TOKEN" << false;
    QTest::newRow("dash") << "PEAK-TOKEN" << false;
    QTest::newRow("equals") << "A=B" << false;
    QTest::newRow("space") << "A B" << false;
    QTest::newRow("dollar") << "$TOKEN" << false;
    QTest::newRow("non-ascii") << "TÖKEN" << false;
}

void TestCredentialStore::environmentNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(CredentialStore::isValidEnvironmentName(name), valid);
}

void TestCredentialStore::tokenFromEnvironment()
{
    qputenv("SLUICE_TEST_TOKEN", (" " + Token + "\n").toUtf8());
    QCOMPARE(CredentialStore::tokenFromEnvironment("SLUICE_TEST_TOKEN"), Token);
    qunsetenv("SLUICE_TEST_TOKEN");
    QCOMPARE(CredentialStore::tokenFromEnvironment("SLUICE_TEST_TOKEN"), QString());
    QCOMPARE(CredentialStore::tokenFromEnvironment("NOT VALID"), QString());
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
