// SPDX-License-Identifier: MIT
// sluice-sandbox: a local imitation of the Data Ingestion API for trying and testing Sluice.
#include "app/sandbox/sandboxserver.h"
#include "models/common/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QUuid>

using namespace sluice;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sluice-sandbox"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(ApplicationVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A local imitation of the Data Ingestion API (v2) on 127.0.0.1. This version serves the "
        "schema endpoints (GET /api/v2/schema/solutions, GET /api/v2/schema?solutionName=S) from "
        "the catalogue; row ingestion is not served yet (501)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Listen on port N; 0 picks a free port "
                                                       "and prints it (default 8077)."),
                                        QStringLiteral("N"), QStringLiteral("8077"));
    const QCommandLineOption tokenOption(QStringLiteral("token"),
                                         QStringLiteral("Accept token T (repeatable). Without "
                                                        "one, a token is made and printed."),
                                         QStringLiteral("T"));
    const QCommandLineOption catalogueOption(QStringLiteral("catalogue"),
                                             QStringLiteral("Serve the catalogue in FILE."),
                                             QStringLiteral("FILE"));
    parser.addOptions({portOption, tokenOption, catalogueOption});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        err << "sluice-sandbox: --port takes a number from 0 to 65535\n";
        return 2;
    }
    const QString path
        = parser.isSet(catalogueOption) ? parser.value(catalogueOption) : Catalogue::builtInPath();
    Result<Catalogue> catalogue = Catalogue::load(path);
    if (!catalogue) {
        err << "sluice-sandbox: " << catalogue.error().message << "\n";
        return 1;
    }
    QStringList tokens = parser.values(tokenOption);
    if (tokens.isEmpty()) {
        tokens.append(QUuid::createUuid().toString(QUuid::WithoutBraces));
        out << "token: " << tokens.first() << "\n";
    }
    SandboxServer server(std::make_shared<const Catalogue>(std::move(catalogue).value()), tokens);
    const quint16 listening = server.listen(QHostAddress::LocalHost, static_cast<quint16>(port));
    if (listening == 0) {
        err << "sluice-sandbox: cannot listen on 127.0.0.1:" << port << "\n";
        return 1;
    }
    out << "listening on http://127.0.0.1:" << listening << "\n";
    out.flush();
    return QCoreApplication::exec();
}
