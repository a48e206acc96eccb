// SPDX-License-Identifier: MIT
#pragma once

#include "models/schema/catalogue.h"
#include "models/session/localsandbox.h"

#include <QThread>

#include <memory>

namespace sluice {

// The GUI's "Local sandbox": a SandboxServer (app/sandbox) on its own thread, so that storing a
// batch never takes time from the window, with an in-memory store and a token made up per start
// of the app. It is started when the user first picks the environment, and stops with the app.
class InProcessSandbox : public LocalSandbox
{
    Q_OBJECT

public:
    explicit InProcessSandbox(std::shared_ptr<const Catalogue> catalogue,
                              QObject *parent = nullptr);
    ~InProcessSandbox() override;

    void start() override;
    bool isRunning() const override { return m_url.isValid(); }
    QUrl url() const override { return m_url; }
    QString token() const override { return m_token; }

private:
    void answerLater();

    std::shared_ptr<const Catalogue> m_catalogue;
    QString m_token;
    QUrl m_url;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread; parent of the server
    bool m_starting = false;
    int m_waiting = 0; // start() calls not yet answered
};

} // namespace sluice
