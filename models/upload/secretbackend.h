// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <functional>

namespace sluice {

// Where CredentialStore keeps secrets: the system keychain in the application, a map in tests.
// Every call answers exactly once through its callback, at once or later, on the calling thread.
// Implementations never log a secret.
class SecretBackend
{
public:
    enum class Status {
        Ok,
        NotFound,    // nothing is stored under the key
        Unavailable, // no keychain service on this system (e.g. no D-Bus secret service)
        Denied,      // the user or the system refused access
        Failed,      // anything else; detail says what
    };

    struct Reply
    {
        Status status = Status::Ok;
        QString secret; // read only
        QString detail; // the backend's own words on a failure, never containing a secret
    };
    using Callback = std::function<void(const Reply &)>;

    virtual ~SecretBackend() = default;

    virtual void read(const QString &service, const QString &key, Callback done) = 0;
    virtual void write(const QString &service, const QString &key, const QString &secret,
                       Callback done)
        = 0;
    // Removing a key that is not stored answers Ok or NotFound, as the backend knows it.
    virtual void remove(const QString &service, const QString &key, Callback done) = 0;
};

} // namespace sluice
