// SPDX-License-Identifier: MIT
#include "app/inprocesssandbox.h"

#include "app/sandbox/sandboxserver.h"

#include <QRandomGenerator>
#include <QTimer>

namespace sluice {

namespace {

QString madeUpToken()
{
    return QStringLiteral("sandbox-%1")
        .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
}

} // namespace

InProcessSandbox::InProcessSandbox(std::shared_ptr<const Catalogue> catalogue, QObject *parent)
    : LocalSandbox(parent)
    , m_catalogue(std::move(catalogue))
    , m_token(madeUpToken())
{
    m_thread.setObjectName(QStringLiteral("Local sandbox"));
}

InProcessSandbox::~InProcessSandbox()
{
    if (m_context) {
        // The server's sockets belong to its thread: delete them there, then stop the thread.
        QMetaObject::invokeMethod(
            m_context, [context = m_context] { delete context; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
}

void InProcessSandbox::start()
{
    ++m_waiting;
    if (isRunning())
        return answerLater();
    if (m_starting)
        return;
    m_starting = true;
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
    SandboxOptions options;
    options.tokens = {m_token};
    QMetaObject::invokeMethod(
        m_context, [this, context = m_context, options, catalogue = m_catalogue] {
            auto *server = new SandboxServer(catalogue, options, context);
            const quint16 port = server->listen(QHostAddress::LocalHost, 0);
            QMetaObject::invokeMethod(this, [this, port] {
                m_starting = false;
                if (port != 0)
                    m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
                answerLater();
            });
        });
}

void InProcessSandbox::answerLater()
{
    QTimer::singleShot(0, this, [this] {
        for (; m_waiting > 0; --m_waiting) {
            if (isRunning())
                Q_EMIT started(m_url);
            else
                Q_EMIT failed(tr("The local sandbox could not listen on 127.0.0.1."));
        }
    });
}

} // namespace sluice
