// SPDX-License-Identifier: MIT
#pragma once

#include "models/upload/secretbackend.h"

#include <QObject>
#include <QString>

#include <memory>

namespace sluice {

// Keeps personal access tokens in the system keychain (Keychain on macOS, Credential Manager on
// Windows, the Secret Service or KWallet on Linux) and nowhere else: never in settings, profiles,
// reports or logs. There is deliberately no fallback to a plain file when no keychain is
// available; the user can pass the token in an environment variable instead.
//
// One token per account; the account names the target, e.g. its host name "ingestion.peak.ai".
// Every call answers later, exactly once, with one of the signals (never from within the call),
// so callers connect first and call afterwards in any order.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    // The system keychain through QtKeychain.
    explicit CredentialStore(QObject *parent = nullptr);
    // Another backend: tests use one in memory.
    explicit CredentialStore(std::unique_ptr<SecretBackend> backend, QObject *parent = nullptr);
    ~CredentialStore() override;

    // The keychain's service name under which every token is filed: "Sluice".
    static QString serviceName();

    void readToken(const QString &account);
    // Surrounding white space (a pasted line break) is dropped; a token with a control character
    // inside is refused, as it could never be sent in an HTTP header.
    void writeToken(const QString &account, const QString &token);
    // Deleting a token that is not stored succeeds: the user's wish is met either way.
    void deleteToken(const QString &account);

    // The token in an environment variable, trimmed; empty when the name is not valid
    // (isValidEnvironmentName) or the variable is unset. For the command line and CI, where no
    // keychain is at hand.
    static QString tokenFromEnvironment(const QString &variableName);
    // A portable variable name: an ASCII letter or '_', then ASCII letters, digits or '_'.
    static bool isValidEnvironmentName(const QString &name);

Q_SIGNALS:
    void tokenRead(const QString &account, const QString &token);
    void tokenWritten(const QString &account);
    void tokenDeleted(const QString &account);
    // message is a sentence for the user; it never contains the token.
    void failed(const QString &account, const QString &message);

private:
    enum class Operation { Read, Write, Delete };

    SecretBackend::Callback answerTo(Operation operation, const QString &account,
                                     const QString &token = QString());
    void answer(Operation operation, const QString &account, const SecretBackend::Reply &reply,
                const QString &token);
    void failLater(const QString &account, const QString &message);
    static QString failureMessage(Operation operation, const QString &account,
                                  const SecretBackend::Reply &reply);

    std::unique_ptr<SecretBackend> m_backend;
};

} // namespace sluice
