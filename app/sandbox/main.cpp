// SPDX-License-Identifier: MIT
// sluice-sandbox: a local imitation of the Data Ingestion API for trying and testing Sluice.
#include "app/sandbox/sandboxserver.h"
#include "models/common/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QUuid>

#include <cmath>
#include <limits>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace sluice;

namespace {

struct CommandLine
{
    SandboxOptions sandbox;
    quint16 port = 8077;
    QString catalogue;
};

struct Options
{
    QCommandLineOption port {QStringLiteral("port"),
                             QStringLiteral("Listen on port N; 0 picks a free port and prints it "
                                            "(default 8077)."),
                             QStringLiteral("N"), QStringLiteral("8077")};
    QCommandLineOption db {QStringLiteral("db"),
                           QStringLiteral("Keep records, failed rows and the request log in the "
                                          "SQLite file FILE (default: in memory)."),
                           QStringLiteral("FILE")};
    QCommandLineOption token {QStringLiteral("token"),
                              QStringLiteral("Accept token T (repeatable). Without one, a token "
                                             "is made and printed."),
                              QStringLiteral("T")};
    QCommandLineOption maxRows {QStringLiteral("max-rows"),
                                QStringLiteral("Answer 413 to more rows per request (default "
                                               "500)."),
                                QStringLiteral("N"), QStringLiteral("500")};
    QCommandLineOption maxBytes {QStringLiteral("max-bytes"),
                                 QStringLiteral("Answer 413 to a larger body (default 1048576)."),
                                 QStringLiteral("N"), QStringLiteral("1048576")};
    QCommandLineOption rateLimit {QStringLiteral("rate-limit"),
                                  QStringLiteral("Answer 429 over N ingest requests per second, "
                                                 "as 20/s or 20; 0 turns it off (default 50/s)."),
                                  QStringLiteral("N/s"), QStringLiteral("50/s")};
    QCommandLineOption failRate {QStringLiteral("fail-rate"),
                                 QStringLiteral("Answer this share (0 to 1) of ingest requests "
                                                "with --fail-status, unprocessed (default 0)."),
                                 QStringLiteral("P"), QStringLiteral("0")};
    QCommandLineOption failStatus {QStringLiteral("fail-status"),
                                   QStringLiteral("The status of injected failures, 400-599 "
                                                  "(default 500)."),
                                   QStringLiteral("S"), QStringLiteral("500")};
    QCommandLineOption latency {QStringLiteral("latency-ms"),
                                QStringLiteral("Delay every ingest answer by N ms (default 0)."),
                                QStringLiteral("N"), QStringLiteral("0")};
    QCommandLineOption dropRate {QStringLiteral("drop-rate"),
                                 QStringLiteral("Store this share (0 to 1) of batches, then cut "
                                                "the connection unanswered (default 0)."),
                                 QStringLiteral("P"), QStringLiteral("0")};
    QCommandLineOption seed {QStringLiteral("seed"),
                             QStringLiteral("Seed of the fail and drop draws; 0 picks one "
                                            "(default 0)."),
                             QStringLiteral("N"), QStringLiteral("0")};
    QCommandLineOption catalogue {QStringLiteral("catalogue"),
                                  QStringLiteral("Serve the catalogue in FILE."),
                                  QStringLiteral("FILE")};

    QList<QCommandLineOption> all() const
    {
        return {port,     db,         token,   maxRows,  maxBytes, rateLimit,
                failRate, failStatus, latency, dropRate, seed,     catalogue};
    }
};

bool readWhole(const QString &text, qint64 low, qint64 high, qint64 *value)
{
    bool ok = false;
    *value = text.toLongLong(&ok);
    return ok && *value >= low && *value <= high;
}

bool readShare(const QString &text, double *value)
{
    bool ok = false;
    *value = text.toDouble(&ok);
    return ok && *value >= 0 && *value <= 1;
}

// "20/s", "20" or "0".
bool readRate(QString text, double *value)
{
    if (text.endsWith(QStringLiteral("/s")))
        text.chop(2);
    bool ok = false;
    *value = text.toDouble(&ok);
    return ok && std::isfinite(*value) && *value >= 0;
}

// Reads every value; returns the first problem, or an empty string.
QString readCommandLine(const QCommandLineParser &parser, const Options &o, CommandLine *line)
{
    SandboxOptions &s = line->sandbox;
    qint64 number = 0;
    if (!readWhole(parser.value(o.port), 0, 65535, &number))
        return QStringLiteral("--port takes a number from 0 to 65535");
    line->port = quint16(number);
    if (!readWhole(parser.value(o.maxRows), 1, std::numeric_limits<int>::max(), &number))
        return QStringLiteral("--max-rows takes a whole number of at least 1");
    s.maxRows = int(number);
    if (!readWhole(parser.value(o.maxBytes), 1, std::numeric_limits<qint64>::max(), &s.maxBytes))
        return QStringLiteral("--max-bytes takes a whole number of at least 1");
    if (!readRate(parser.value(o.rateLimit), &s.rateLimit))
        return QStringLiteral("--rate-limit takes requests per second, as 20/s or 20; 0 is off");
    if (!readShare(parser.value(o.failRate), &s.failRate))
        return QStringLiteral("--fail-rate takes a share from 0 to 1, as 0.2");
    if (!readWhole(parser.value(o.failStatus), 400, 599, &number) || !isServableStatus(int(number)))
        return QStringLiteral("--fail-status takes an HTTP error status from 400 to 599, as 503");
    s.failStatus = int(number);
    if (!readWhole(parser.value(o.latency), 0, 3600000, &number))
        return QStringLiteral("--latency-ms takes milliseconds from 0 to 3600000");
    s.latencyMs = int(number);
    if (!readShare(parser.value(o.dropRate), &s.dropRate))
        return QStringLiteral("--drop-rate takes a share from 0 to 1, as 0.1");
    bool ok = false;
    s.seed = parser.value(o.seed).toULongLong(&ok);
    if (!ok)
        return QStringLiteral("--seed takes a whole number from 0 to 18446744073709551615");
    s.databasePath = parser.value(o.db);
    if (parser.isSet(o.db) && s.databasePath.isEmpty())
        return QStringLiteral("--db takes a file name");
    s.tokens = parser.values(o.token);
    line->catalogue
        = parser.isSet(o.catalogue) ? parser.value(o.catalogue) : Catalogue::builtInPath();
    return QString();
}

#ifdef Q_OS_UNIX
// SIGTERM and SIGINT quit the event loop, so the server and its SQLite file close cleanly. The
// handler may only write to a pipe; a socket notifier turns that into a quit.
int s_signalPipe[2] = {-1, -1};

void writeSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(s_signalPipe[0], &byte, 1);
}

void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(s_signalPipe[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    struct sigaction action = {};
    action.sa_handler = writeSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}
#endif

void describe(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "A local imitation of the Data Ingestion API (v2) on 127.0.0.1. It serves the schema "
        "endpoints from the catalogue, ingests rows on every path form (/api/v2/ingest/object/T, "
        "/api/v2/objects/T, /api/v2/object/T, each also under /ingestion-api) with the checks, "
        "row errors and limits of the contract, stores them in SQLite, and shows what it stored "
        "under /admin (tables, tables/T/count, tables/T/rows, tables/T/export, requests, reset). "
        "Faults on demand: rate limit, failures, latency, dropped connections."));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sluice-sandbox"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(ApplicationVersion));

    QCommandLineParser parser;
    describe(parser);
    parser.addHelpOption();
    parser.addVersionOption();
    const Options options;
    parser.addOptions(options.all());
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    CommandLine line;
    if (const QString problem = readCommandLine(parser, options, &line); !problem.isEmpty()) {
        err << "sluice-sandbox: " << problem << "\n";
        return 2;
    }
    Result<Catalogue> catalogue = Catalogue::load(line.catalogue);
    if (!catalogue) {
        err << "sluice-sandbox: " << catalogue.error().message << "\n";
        return 1;
    }
    const bool madeToken = line.sandbox.tokens.isEmpty();
    if (madeToken)
        line.sandbox.tokens.append(QUuid::createUuid().toString(QUuid::WithoutBraces));
    SandboxServer server(std::make_shared<const Catalogue>(std::move(catalogue).value()),
                         line.sandbox);
    if (std::optional<Error> error = server.open()) {
        err << "sluice-sandbox: " << error->message << "\n";
        return 1;
    }
    const quint16 listening = server.listen(QHostAddress::LocalHost, line.port);
    if (listening == 0) {
        err << "sluice-sandbox: cannot listen on 127.0.0.1:" << line.port << "\n";
        return 1;
    }
    if (line.sandbox.seed == 0 && (line.sandbox.failRate > 0 || line.sandbox.dropRate > 0))
        err << "sluice-sandbox: seed " << server.seed() << " (--seed repeats these faults)\n";
    err.flush();
    // Scripts and tests read these lines from a pipe: each is flushed at once.
    if (madeToken) {
        out << "token: " << line.sandbox.tokens.first() << "\n";
        out.flush();
    }
    out << "listening on http://127.0.0.1:" << listening << "\n";
    out.flush();
#ifdef Q_OS_UNIX
    quitOnSignals(app);
#endif
    return QCoreApplication::exec();
}
