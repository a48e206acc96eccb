// SPDX-License-Identifier: MIT
#include "models/upload/credentialstore.h"

#include "models/common/logging.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sluice {

namespace {

SecretBackend::Status statusOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretBackend::Status::Ok;
    case QKeychain::EntryNotFound:
        return SecretBackend::Status::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretBackend::Status::Unavailable;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretBackend::Status::Denied;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return SecretBackend::Status::Failed;
}

// QtKeychain's jobs delete themselves after finishing (autoDelete) and carry everything they
// need, so a job that outlives the store or this backend finishes harmlessly.
class KeychainSecretBackend final : public SecretBackend
{
public:
    void read(const QString &service, const QString &key, Callback done) override
    {
        auto *job = new QKeychain::ReadPasswordJob(service);
        start(job, key, [job, done = std::move(done)] {
            Reply reply = replyOf(job);
            if (reply.status == Status::Ok)
                reply.secret = job->textData();
            done(reply);
        });
    }

    void write(const QString &service, const QString &key, const QString &secret,
               Callback done) override
    {
        auto *job = new QKeychain::WritePasswordJob(service);
        job->setTextData(secret);
        start(job, key, [job, done = std::move(done)] { done(replyOf(job)); });
    }

    void remove(const QString &service, const QString &key, Callback done) override
    {
        auto *job = new QKeychain::DeletePasswordJob(service);
        start(job, key, [job, done = std::move(done)] { done(replyOf(job)); });
    }

private:
    static Reply replyOf(const QKeychain::Job *job)
    {
        return Reply {statusOf(job->error()), QString(),
                      job->error() == QKeychain::NoError ? QString() : job->errorString()};
    }

    template<typename Finished>
    static void start(QKeychain::Job *job, const QString &key, Finished finished)
    {
        job->setKey(key);
        job->setAutoDelete(true);
        // A keychain that stores the token in a plain file would defeat the point of one.
        job->setInsecureFallback(false);
        QObject::connect(job, &QKeychain::Job::finished, job, std::move(finished));
        job->start();
    }
};

bool hasControlCharacter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.category() == QChar::Other_Control; });
}

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : CredentialStore(std::make_unique<KeychainSecretBackend>(), parent)
{}

CredentialStore::CredentialStore(std::unique_ptr<SecretBackend> backend, QObject *parent)
    : QObject(parent)
    , m_backend(std::move(backend))
{}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::serviceName()
{
    return u"Sluice"_s;
}

void CredentialStore::readToken(const QString &account)
{
    if (account.trimmed().isEmpty()) {
        failLater(account, tr("A token is stored for a target; no target was given."));
        return;
    }
    m_backend->read(serviceName(), account, answerTo(Operation::Read, account));
}

void CredentialStore::writeToken(const QString &account, const QString &token)
{
    if (account.trimmed().isEmpty()) {
        failLater(account, tr("A token is stored for a target; no target was given."));
        return;
    }
    const QString trimmed = token.trimmed();
    if (trimmed.isEmpty()) {
        failLater(account, tr("The token for %1 is empty.").arg(account));
        return;
    }
    if (hasControlCharacter(trimmed)) {
        failLater(account,
                  tr("The token for %1 contains a line break or another control "
                     "character. Copy it again from the platform.")
                      .arg(account));
        return;
    }
    m_backend->write(serviceName(), account, trimmed, answerTo(Operation::Write, account, trimmed));
}

void CredentialStore::deleteToken(const QString &account)
{
    if (account.trimmed().isEmpty()) {
        failLater(account, tr("A token is stored for a target; no target was given."));
        return;
    }
    m_backend->remove(serviceName(), account, answerTo(Operation::Delete, account));
}

SecretBackend::Callback CredentialStore::answerTo(Operation operation, const QString &account,
                                                  const QString &token)
{
    // Queued, so the answer never arrives inside the call, whatever the backend does; the
    // QPointer drops it when the store is gone.
    return [self = QPointer<CredentialStore>(this), operation, account,
            token](const SecretBackend::Reply &reply) {
        if (self) {
            QMetaObject::invokeMethod(
                self.data(),
                [self, operation, account, token, reply] {
                    self->answer(operation, account, reply, token);
                },
                Qt::QueuedConnection);
        }
    };
}

void CredentialStore::answer(Operation operation, const QString &account,
                             const SecretBackend::Reply &reply, const QString &token)
{
    const bool deletedAlready
        = operation == Operation::Delete && reply.status == SecretBackend::Status::NotFound;
    if (reply.status != SecretBackend::Status::Ok && !deletedAlready) {
        QString message = failureMessage(operation, account, reply);
        // The backend's detail is not ours: make sure it cannot carry the token onwards.
        if (!token.isEmpty())
            message.replace(token, u"…"_s);
        qCInfo(lcNet).noquote() << message;
        Q_EMIT failed(account, message);
        return;
    }
    switch (operation) {
    case Operation::Read:
        Q_EMIT tokenRead(account, reply.secret);
        break;
    case Operation::Write:
        Q_EMIT tokenWritten(account);
        break;
    case Operation::Delete:
        Q_EMIT tokenDeleted(account);
        break;
    }
}

void CredentialStore::failLater(const QString &account, const QString &message)
{
    QMetaObject::invokeMethod(
        this, [this, account, message] { Q_EMIT failed(account, message); }, Qt::QueuedConnection);
}

QString CredentialStore::failureMessage(Operation operation, const QString &account,
                                        const SecretBackend::Reply &reply)
{
    if (operation == Operation::Read && reply.status == SecretBackend::Status::NotFound)
        return tr("No token is stored for %1.").arg(account);
    QString reason;
    switch (reply.status) {
    case SecretBackend::Status::Unavailable:
        reason = tr("no system keychain is available");
        break;
    case SecretBackend::Status::Denied:
        reason = tr("access to the system keychain was denied");
        break;
    default:
        reason = tr("the system keychain reported an error");
        break;
    }
    if (!reply.detail.isEmpty())
        reason = tr("%1 (%2)").arg(reason, reply.detail);
    QString message;
    switch (operation) {
    case Operation::Read:
        message = tr("Cannot read the token for %1: %2.").arg(account, reason);
        break;
    case Operation::Write:
        message = tr("Cannot save the token for %1: %2.").arg(account, reason);
        break;
    case Operation::Delete:
        message = tr("Cannot delete the token for %1: %2.").arg(account, reason);
        break;
    }
    // QtKeychain cannot always tell a missing keychain from a failing one (on Linux without the
    // Secret Service libraries it says "Unknown error"), so both get the way out.
    if (reply.status != SecretBackend::Status::Denied && operation != Operation::Delete)
        message
            += u' ' + tr("Without a working keychain, set the token in an environment variable.");
    return message;
}

QString CredentialStore::tokenFromEnvironment(const QString &variableName)
{
    if (!isValidEnvironmentName(variableName))
        return QString();
    // A token read from a file into a variable often keeps the file's final line break.
    return qEnvironmentVariable(qPrintable(variableName)).trimmed();
}

bool CredentialStore::isValidEnvironmentName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name[i].unicode();
        const bool letter = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || c == u'_';
        if (!letter && (i == 0 || c < u'0' || c > u'9'))
            return false;
    }
    return true;
}

} // namespace sluice
