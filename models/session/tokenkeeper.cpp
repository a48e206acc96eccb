// SPDX-License-Identifier: MIT
#include "models/session/tokenkeeper.h"

#include "models/upload/credentialstore.h"

namespace sluice {

TokenKeeper::TokenKeeper(CredentialStore &credentials, QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
{
    connect(&m_credentials, &CredentialStore::tokenRead, this, &TokenKeeper::tokenRead);
    connect(&m_credentials, &CredentialStore::tokenWritten, this, &TokenKeeper::tokenWritten);
    connect(&m_credentials, &CredentialStore::tokenDeleted, this, &TokenKeeper::tokenDeleted);
    connect(&m_credentials, &CredentialStore::failed, this, &TokenKeeper::credentialsFailed);
}

TokenKeeper::~TokenKeeper() = default;

QString TokenKeeper::token(const QString &account) const
{
    return m_entries.value(account).token;
}

bool TokenKeeper::isSaved(const QString &account) const
{
    return m_entries.value(account).saved;
}

bool TokenKeeper::isReading(const QString &account) const
{
    return m_entries.value(account).reading;
}

void TokenKeeper::setToken(const QString &account, const QString &token)
{
    Entry &entry = m_entries[account];
    const QString trimmed = token.trimmed(); // a pasted line break is not part of it
    if (trimmed == entry.token)
        return;
    entry.token = trimmed;
    entry.saved = false;
    Q_EMIT changed();
}

void TokenKeeper::read(const QString &account)
{
    Entry &entry = m_entries[account];
    if (entry.read)
        return; // asked once per account; afterwards memory is up to date
    entry.read = true;
    entry.reading = true;
    m_pending.append({Operation::Read, account});
    m_credentials.readToken(account);
    Q_EMIT changed();
}

void TokenKeeper::save(const QString &account)
{
    m_pending.append({Operation::Write, account});
    m_credentials.writeToken(account, m_entries.value(account).token);
}

void TokenKeeper::forget(const QString &account)
{
    Entry &entry = m_entries[account];
    entry.token.clear();
    entry.saved = false;
    m_pending.append({Operation::Delete, account});
    m_credentials.deleteToken(account);
    Q_EMIT changed();
}

std::optional<TokenKeeper::Operation> TokenKeeper::takePending(const QString &account,
                                                               std::optional<Operation> wanted)
{
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        const auto [operation, pendingAccount] = m_pending.at(i);
        if (pendingAccount == account && (!wanted || *wanted == operation)) {
            m_pending.removeAt(i);
            return operation;
        }
    }
    return std::nullopt; // another user of the store asked
}

void TokenKeeper::tokenRead(const QString &account, const QString &token)
{
    if (!takePending(account, Operation::Read))
        return;
    Entry &entry = m_entries[account];
    entry.reading = false;
    // What the user typed meanwhile wins over what was stored.
    if (entry.token.isEmpty())
        entry.token = token;
    entry.saved = entry.token == token;
    Q_EMIT changed();
}

void TokenKeeper::tokenWritten(const QString &account)
{
    if (!takePending(account, Operation::Write))
        return;
    m_entries[account].saved = true;
    Q_EMIT changed();
}

void TokenKeeper::tokenDeleted(const QString &account)
{
    if (!takePending(account, Operation::Delete))
        return;
    m_entries[account].saved = false;
    Q_EMIT changed();
}

void TokenKeeper::credentialsFailed(const QString &account, const QString &message)
{
    const std::optional<Operation> operation = takePending(account);
    if (!operation)
        return;
    if (*operation == Operation::Read) {
        m_entries[account].reading = false;
        Q_EMIT changed();
        // The store reports a token never saved as a failure too; that is the usual case here.
        if (message == CredentialStore::tr("No token is stored for %1.").arg(account))
            return;
        // A locked or missing keychain may work when the host is chosen again. Looked up anew:
        // a receiver of changed() may have added entries meanwhile.
        m_entries[account].read = false;
    }
    Q_EMIT problem(message);
}

} // namespace sluice
