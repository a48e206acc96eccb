// SPDX-License-Identifier: MIT
#pragma once

#include <QTcpServer>

namespace sluice {

// A listening socket whose connections acknowledge what they receive at once.
//
// Qt's HTTP client (Qt 6.4) writes a request body in 16 KiB pieces and never turns Nagle's
// algorithm off, so the last, short piece waits for the ACK of the ones before it; a kept-alive
// connection's receiver delays that ACK by up to 40 ms. Every request then took ~45 ms, of which
// the sandbox worked 4. Acknowledging on every arrival (Linux TCP_QUICKACK, re-armed because the
// kernel drops it again) removes the wait, so loopback measurements show the client and the
// sandbox, not the TCP timers. Elsewhere the option does not exist and nothing changes.
class QuickAckTcpServer : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr socketDescriptor) override;
};

} // namespace sluice
