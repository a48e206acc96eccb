// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QUrl>

namespace sluice {

// The built-in "Local sandbox" environment: an imitation of the API on this machine, started on
// demand. models only knows this interface; the composition root supplies the server (app/).
class LocalSandbox : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts the server if it is not running. Answers later, exactly once per call, with
    // started() or failed(), never from within the call.
    virtual void start() = 0;
    virtual bool isRunning() const = 0;
    // The host to send to (http://127.0.0.1:<port>); empty until started.
    virtual QUrl url() const = 0;
    // The token the sandbox accepts; it needs no keychain.
    virtual QString token() const = 0;

Q_SIGNALS:
    void started(const QUrl &url);
    void failed(const QString &message);
};

} // namespace sluice
