// SPDX-License-Identifier: MIT
#pragma once

#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

namespace sluice::test {

// The real sluice-sandbox process on 127.0.0.1 with a free port, stopped when this goes.
class SandboxProcess
{
public:
    SandboxProcess(const QString &program, const QString &token, const QStringList &arguments)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(program,
                        QStringList {QStringLiteral("--port"), QStringLiteral("0"),
                                     QStringLiteral("--token"), token}
                            + arguments);
        QByteArray seen;
        const QRegularExpression listening(QStringLiteral("listening on (http://\\S+)"));
        while (m_process.waitForReadyRead(30000)) {
            seen += m_process.readAllStandardOutput();
            const auto match = listening.match(QString::fromUtf8(seen));
            if (match.hasMatch()) {
                m_base = QUrl(match.captured(1));
                return;
            }
        }
        qFatal("sluice-sandbox did not start: %s %s", seen.constData(),
               m_process.readAllStandardError().constData());
    }
    ~SandboxProcess()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished(10000);
    }

    const QUrl &base() const { return m_base; }
    QString url() const { return m_base.toString(); }

private:
    QProcess m_process;
    QUrl m_base;
};

} // namespace sluice::test
