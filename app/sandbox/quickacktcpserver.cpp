// SPDX-License-Identifier: MIT
#include "app/sandbox/quickacktcpserver.h"

#include <QTcpSocket>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace sluice {

void QuickAckTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
#ifdef Q_OS_LINUX
    // Connected before the HTTP server's own handler, so the ACK leaves before the data is
    // parsed.
    connect(socket, &QTcpSocket::readyRead, socket, [socket] {
        const int on = 1;
        ::setsockopt(int(socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
    });
#endif
    addPendingConnection(socket);
}

} // namespace sluice
