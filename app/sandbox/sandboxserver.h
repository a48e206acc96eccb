// SPDX-License-Identifier: MIT
#pragma once

#include "models/schema/catalogue.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <QStringList>

#include <memory>

namespace sluice {

// A local imitation of the Data Ingestion API (API.md), for trying Sluice without credentials.
// It answers the schema endpoints (§7) from the catalogue and checks the token (§2). Ingest
// (§3, §5, §6) is not served yet: such requests get 501 with the error envelope.
class SandboxServer : public QObject
{
    Q_OBJECT

public:
    SandboxServer(std::shared_ptr<const Catalogue> catalogue, QStringList tokens,
                  QObject *parent = nullptr);

    // Port 0 picks a free port. Returns the port listened on, or 0 when listening failed.
    quint16 listen(const QHostAddress &address, quint16 port);

private:
    void addRoutes(const QString &base);
    bool isAuthorised(const QHttpServerRequest &request) const;
    QHttpServerResponse solutions(const QHttpServerRequest &request) const;
    QHttpServerResponse schema(const QHttpServerRequest &request) const;

    std::shared_ptr<const Catalogue> m_catalogue;
    QStringList m_tokens;
    QHttpServer m_server;
};

} // namespace sluice
