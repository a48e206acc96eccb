// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include <optional>

namespace sluice {

class CredentialStore;

// The personal access tokens of the hosts, by keychain account (e.g. "ingestion.peak.ai"): what
// the user typed, kept in memory per account, and what the keychain holds, read once per account
// and saved or forgotten on request through the CredentialStore. It tells its own calls apart from
// those of other users of the store. Tokens never leave memory and the keychain: never in
// settings, logs or signal messages. TargetSession decides which account is current.
class TokenKeeper : public QObject
{
    Q_OBJECT

public:
    explicit TokenKeeper(CredentialStore &credentials, QObject *parent = nullptr);
    ~TokenKeeper() override;

    QString token(const QString &account) const;
    bool isSaved(const QString &account) const;   // the token in memory is the one in the keychain
    bool isReading(const QString &account) const; // the keychain has not answered yet

    // What the user typed, trimmed; not saved until save().
    void setToken(const QString &account, const QString &token);
    // Asks the keychain once per account; afterwards memory is up to date.
    void read(const QString &account);
    void save(const QString &account);
    // Deletes the saved token and clears the one in memory.
    void forget(const QString &account);

Q_SIGNALS:
    void changed();                       // a token or its saved or reading state
    void problem(const QString &message); // the keychain failed

private:
    struct Entry
    {
        QString token;
        bool saved = false;   // token is what the keychain holds
        bool read = false;    // the keychain was asked (or the user typed first)
        bool reading = false; // a read is on its way
    };
    enum class Operation { Read, Write, Delete };

    void tokenRead(const QString &account, const QString &token);
    void tokenWritten(const QString &account);
    void tokenDeleted(const QString &account);
    void credentialsFailed(const QString &account, const QString &message);
    // The first of our calls on account still owed (of that kind, when given), now answered.
    std::optional<Operation> takePending(const QString &account,
                                         std::optional<Operation> wanted = std::nullopt);

    CredentialStore &m_credentials;
    QHash<QString, Entry> m_entries;            // by account
    QList<QPair<Operation, QString>> m_pending; // our calls the keychain owes
};

} // namespace sluice
