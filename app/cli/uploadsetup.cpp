// SPDX-License-Identifier: MIT
#include "app/cli/uploadsetup.h"

#include "models/schema/endpoint.h"
#include "models/upload/credentialstore.h"
#include "models/upload/uploadrun.h"
#include "models/validation/rowsource.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace sluice::cli {

namespace {

// The keychain answers asynchronously; the command line waits for it, at most a few seconds
// (a locked keychain that asks the user for a password gets longer).
QString tokenFromKeychain(const QString &account, QString *problem)
{
    CredentialStore store;
    QEventLoop loop;
    QString token;
    QObject::connect(&store, &CredentialStore::tokenRead, &loop,
                     [&](const QString &, const QString &value) {
                         token = value;
                         loop.quit();
                     });
    QObject::connect(&store, &CredentialStore::failed, &loop,
                     [&](const QString &, const QString &message) {
                         *problem = message;
                         loop.quit();
                     });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    store.readToken(account);
    loop.exec();
    return token;
}

QString promptForToken(const QString &host, QTextStream &err)
{
#ifdef Q_OS_UNIX
    if (!isatty(STDIN_FILENO))
        return {};
    err << "Token for " << host << " (not shown): ";
    err.flush();
    termios saved {};
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    char buffer[4096];
    const bool read = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    err << "\n";
    return read ? QString::fromLocal8Bit(buffer).trimmed() : QString();
#else
    Q_UNUSED(host);
    Q_UNUSED(err);
    return {};
#endif
}

QString defaultJournalPath(const QString &runId)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        + QStringLiteral("/journals");
    QDir().mkpath(folder);
    return folder
        + QStringLiteral("/%1-%2.jsonl")
              .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-hhmmss")),
                   runId.left(8));
}

// A resumed run must be the same run: same bytes, same mapping, same target and operation.
std::optional<QString> mismatch(const JournalRunInfo &journal, const JournalRunInfo &now)
{
    if (journal.fileSha256 != now.fileSha256 || journal.fileSize != now.fileSize)
        return QStringLiteral("the file is not the one this journal was written for (%1)")
            .arg(journal.filePath);
    if (journal.mappingSha256 != now.mappingSha256)
        return QStringLiteral("the mapping differs from the journal's run (profile '%1')")
            .arg(journal.profile);
    if (journal.table != now.table || journal.url != now.url)
        return QStringLiteral("the journal's run went to %1 at %2").arg(journal.table, journal.url);
    if (journal.operation != now.operation || journal.dryRun != now.dryRun)
        return QStringLiteral("the journal's run was a %1%2")
            .arg(operationTypeName(journal.operation),
                 journal.dryRun ? QStringLiteral(" dry run") : QString());
    return std::nullopt;
}

} // namespace

Result<qint64, QString> positiveNumber(const QCommandLineParser &parser,
                                       const QCommandLineOption &option, qint64 fallback,
                                       qint64 minimum, qint64 maximum)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value < minimum || value > maximum)
        return QStringLiteral("--%1 takes a whole number from %2 to %3, not '%4'")
            .arg(option.names().constFirst())
            .arg(minimum)
            .arg(maximum)
            .arg(parser.value(option));
    return value;
}

Result<UploadSettings, QString> readSettings(const QCommandLineParser &parser,
                                             const UploadOptions &options)
{
    UploadSettings settings;
    const auto rows = positiveNumber(parser, options.batchRows, settings.batchRows, 1, 100000);
    const auto bytes
        = positiveNumber(parser, options.batchBytes, settings.batchBytes, 1024, 1LL << 30);
    const auto concurrency
        = positiveNumber(parser, options.concurrency, settings.concurrency, 1, 64);
    const auto rate
        = positiveNumber(parser, options.rate, qint64(settings.requestsPerSecond), 0, 10000);
    const auto timeout
        = positiveNumber(parser, options.timeout, settings.transferTimeoutMs / 1000, 1, 24 * 3600);
    for (const auto *value : {&rows, &bytes, &concurrency, &rate, &timeout}) {
        if (!*value)
            return value->error();
    }
    settings.batchRows = int(*rows);
    settings.batchBytes = *bytes;
    settings.concurrency = int(*concurrency);
    settings.requestsPerSecond = double(*rate);
    settings.transferTimeoutMs = int(*timeout * 1000);
    settings.resendUncertain = parser.isSet(options.resendUncertain);
    return settings;
}

Result<UploadTarget, QString> readTarget(const QCommandLineParser &parser,
                                         const UploadOptions &options, const Catalogue &catalogue,
                                         const Prepared &prepared)
{
    if (!parser.isSet(options.url))
        return QStringLiteral("--url is required, e.g. --url https://ingestion.peak.ai");
    const Solution *solution = catalogue.solution(prepared.resource->solutionId);
    if (!solution)
        return QStringLiteral("resource %1 has no solution in the catalogue")
            .arg(prepared.resource->id);
    UploadTarget target;
    target.table = Endpoint::tableName(*solution, *prepared.resource);
    target.solutionName = solution->solutionName;
    const QUrl host = QUrl::fromUserInput(parser.value(options.url));
    const Result<QUrl> url
        = Endpoint::ingestUrl(host, Endpoint::defaultPathTemplate(), target.table);
    if (!url)
        return url.error().message;
    target.ingestUrl = *url;
    target.operation = prepared.profileOperation.value_or(OperationType::Upsert);
    if (parser.isSet(options.operation)) {
        const auto operation = operationTypeFromName(parser.value(options.operation).toUpper());
        if (!operation)
            return QStringLiteral("--operation takes UPSERT or APPEND, not '%1'")
                .arg(parser.value(options.operation));
        target.operation = *operation;
    }
    target.dryRun = parser.isSet(options.dryRun);
    return target;
}

Result<QString> readToken(const QCommandLineParser &parser, const UploadOptions &options,
                          const QUrl &host, QTextStream &err)
{
    if (parser.isSet(options.tokenEnv)) {
        const QString name = parser.value(options.tokenEnv);
        if (!CredentialStore::isValidEnvironmentName(name))
            return Error {QStringLiteral("--token-env takes a variable name, not '%1'").arg(name)};
        const QString token = CredentialStore::tokenFromEnvironment(name);
        if (token.isEmpty())
            return Error {
                QStringLiteral("the environment variable %1 is not set or empty").arg(name)};
        return token;
    }
    QString problem;
    QString token = tokenFromKeychain(host.host(), &problem);
    if (token.isEmpty())
        token = promptForToken(host.host(), err);
    if (token.isEmpty())
        return Error {QStringLiteral("no token for %1: %2 Pass --token-env VAR, or store the "
                                     "token with the Sluice app.")
                          .arg(host.host(), problem.isEmpty() ? QString() : problem + u'.')};
    return token;
}

JournalRunInfo describeRun(const QString &path, const Prepared &prepared,
                           const UploadTarget &target, qsizetype dataRows)
{
    const int sheet = prepared.sheet.sheetIndex;
    return UploadRun::describeRun(
        path, UploadJournal::fileSha256(path),
        sheet < prepared.sheet.sheets.size() ? prepared.sheet.sheets.at(sheet).name : QString(),
        target, prepared.proposal.automap.mapping, prepared.profileName, dataRows);
}

Result<UploadSetup, QString> openJournal(const QCommandLineParser &parser,
                                         const UploadOptions &options, UploadSetup setup,
                                         const RowSource &rows,
                                         const std::vector<qsizetype> &candidates)
{
    if (!parser.isSet(options.resume)) {
        const QString path = parser.isSet(options.journal) ? parser.value(options.journal)
                                                           : defaultJournalPath(setup.run.runId);
        auto journal = UploadJournal::create(path, setup.run);
        if (!journal)
            return journal.error().message;
        setup.journal = std::move(journal).value();
        setup.plan.outcomes = RowOutcomes(rows.rowCount());
        setup.plan.rowsToSend = candidates;
        return setup;
    }
    const QString path = parser.value(options.resume);
    const Result<JournalState> state = JournalReader::read(path);
    if (!state)
        return state.error().message;
    if (const auto problem = mismatch(state->run, setup.run))
        return QStringLiteral("cannot resume %1: %2").arg(path, *problem);
    auto journal = UploadJournal::reopen(path);
    if (!journal)
        return journal.error().message;
    setup.journal = std::move(journal).value();
    setup.journal->recordResumed(QDateTime::currentDateTimeUtc());
    setup.run.runId = state->run.runId;
    setup.run.started = state->run.started;
    setup.plan
        = JournalReader::planResume(*state, rows, candidates, setup.settings.resendUncertain);
    setup.firstBatchId = state->lastBatchId + 1;
    setup.resumed = true;
    return setup;
}

} // namespace sluice::cli
