// SPDX-License-Identifier: MIT
#include "app/cli/uploadcommand.h"

#include "app/cli/uploadsetup.h"
#include "models/upload/uploadresults.h"
#include "models/upload/uploadrun.h"
#include "models/validation/mappedrowsource.h"
#include "models/validation/validator.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QLocale>
#include <QNetworkAccessManager>

#include <atomic>
#include <csignal>

namespace sluice::cli {

namespace {

constexpr int ExitNotAllAccepted = 1;
constexpr int ExitUsage = 2;
constexpr int ExitAuthentication = 3;
constexpr int ExitNetwork = 4;

std::atomic_int s_interrupts {0};

extern "C" void onInterrupt(int)
{
    s_interrupts.fetch_add(1);
}

// Ctrl+C once: finish the requests in flight and stop (nothing becomes uncertain). Twice: drop
// them too. The journal is consistent either way.
class InterruptWatch
{
public:
    explicit InterruptWatch(BatchUploader &uploader)
    {
        s_interrupts = 0;
        std::signal(SIGINT, onInterrupt);
        std::signal(SIGTERM, onInterrupt);
        QObject::connect(&m_timer, &QTimer::timeout, &uploader, [&uploader, this] {
            const int seen = s_interrupts.load();
            if (seen == m_handled)
                return;
            m_handled = seen;
            if (seen == 1)
                uploader.cancel();
            else
                uploader.abort();
        });
        m_timer.start(100);
    }
    ~InterruptWatch()
    {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
    }

private:
    QTimer m_timer;
    int m_handled = 0;
};

QString number(qsizetype value)
{
    return QLocale::c().toString(qlonglong(value)).replace(u',', u' ');
}

void printProgress(const UploadProgress &progress, QTextStream &err)
{
    err << "  " << number(progress.rowsDone) << " of " << number(progress.rowsTotal) << " rows, "
        << number(qsizetype(progress.rowsPerSecond)) << " rows/s";
    if (progress.msLeft >= 0)
        err << ", " << (progress.msLeft + 999) / 1000 << " s left";
    err << "\n";
    err.flush();
}

// Prints what the user needs while the run goes on, and waits for its end.
BatchUploader::StopReason runBatches(UploadRun &run, const RowSource &rows, QTextStream &err)
{
    BatchUploader::StopReason reason = BatchUploader::StopReason::Completed;
    QEventLoop loop;
    QElapsedTimer sincePrinted;
    sincePrinted.start();
    QObject::connect(&run, &UploadRun::batchFinished, &loop, [&](const BatchResult &result) {
        if (result.status != BatchStatus::Acknowledged && result.status != BatchStatus::Cancelled)
            err << "  batch " << result.id << " (rows "
                << UploadJournal::sheetRowRanges(result.rows, rows)
                << "): " << batchStatusName(result.status) << ": " << result.message << "\n";
    });
    QObject::connect(&run, &UploadRun::progressed, &loop, [&](const UploadProgress &progress) {
        if (sincePrinted.elapsed() < 2000)
            return;
        sincePrinted.restart();
        printProgress(progress, err);
    });
    QObject::connect(&run, &UploadRun::finished, &loop, [&](BatchUploader::StopReason stopped) {
        reason = stopped;
        loop.quit();
    });
    InterruptWatch interrupts(run.uploader());
    run.start();
    if (run.uploader().state() != BatchUploader::State::Finished)
        loop.exec();
    run.close();
    return reason;
}

bool writeOutputs(const QCommandLineParser &parser, const UploadOptions &options,
                  const UploadResults &results, QTextStream &err)
{
    std::optional<Error> error;
    if (parser.isSet(options.failedRows))
        error = results.writeFailedRows(parser.value(options.failedRows));
    if (!error && parser.isSet(options.results))
        error = results.writeAllRows(parser.value(options.results));
    if (error) {
        err << "sluice-cli: " << error->message << "\n";
        return false;
    }
    return true;
}

void printSummary(const RowOutcomes &outcomes, const UploadTarget &target, qsizetype heldBack,
                  const QString &journalPath, QTextStream &out)
{
    out << (target.dryRun ? "dry run " : "") << operationTypeName(target.operation) << " → "
        << target.table << ": " << outcomes.count(RowOutcome::Accepted) << " accepted, "
        << outcomes.count(RowOutcome::Rejected) << " rejected, "
        << outcomes.count(RowOutcome::Uncertain) << " uncertain, "
        << outcomes.count(RowOutcome::NotSent) << " not sent, "
        << outcomes.count(RowOutcome::Skipped) << " with local errors\n";
    if (heldBack > 0)
        out << "  " << heldBack
            << " rows held back: an earlier attempt may have stored them; rerun with --resume "
               "and --resend-uncertain to send them anyway\n";
    out << "  journal: " << journalPath << "\n";
}

} // namespace

int runUpload(const MapRequest &request, const QCommandLineParser &parser,
              const SheetOptions &sheetOptions, const ValidateOptions &validateOptions,
              const UploadOptions &options, QTextStream &out, QTextStream &err)
{
    QElapsedTimer phase;
    phase.start();
    auto prepared = prepare(request, parser, sheetOptions, validateOptions);
    if (!prepared) {
        err << "sluice-cli: " << prepared.error().message << "\n";
        return ExitUsage;
    }
    const double readSeconds = double(phase.restart()) / 1000;
    UploadSetup setup;
    auto settings = readSettings(parser, options);
    auto target = settings ? readTarget(parser, options, request.catalogue, *prepared)
                           : Result<UploadTarget, QString>(settings.error());
    auto token = target ? readToken(parser, options, target->ingestUrl, err)
                        : Result<QString>(Error {target.error()});
    if (!token) {
        err << "sluice-cli: " << token.error().message << "\n";
        return ExitUsage;
    }
    const auto attempts = positiveNumber(parser, options.maxAttempts, setup.maxAttempts, 1, 100);
    if (!attempts) {
        err << "sluice-cli: " << attempts.error() << "\n";
        return ExitUsage;
    }
    setup.maxAttempts = int(*attempts);
    setup.settings = *settings;
    setup.target = *target;
    setup.token = *token;

    const Resource &resource = *prepared->resource;
    const MappedRowSource rows(prepared->sheet.table, prepared->sheet.layout, resource,
                               prepared->proposal.automap.mapping);
    Validator validator(resource);
    validator.validateAll(rows);
    std::vector<qsizetype> candidates;
    for (qsizetype row = 0; row < rows.rowCount(); ++row) {
        if (!validator.issues().rowHasErrors(row))
            candidates.push_back(row);
    }
    const double validateSeconds = double(phase.restart()) / 1000;
    setup.run = describeRun(request.path, *prepared, setup.target, rows.rowCount());
    auto opened = openJournal(parser, options, std::move(setup), rows, candidates);
    if (!opened) {
        err << "sluice-cli: " << opened.error() << "\n";
        return ExitUsage;
    }
    setup = std::move(opened).value();
    for (qsizetype row = 0; row < rows.rowCount(); ++row) {
        if (validator.issues().rowHasErrors(row))
            setup.plan.outcomes.set(row, RowOutcome::Skipped);
    }
    err << (setup.resumed ? "resuming run " : "run ") << setup.run.runId << ": "
        << setup.plan.rowsToSend.size() << " rows to send to " << setup.target.table << " (read "
        << readSeconds << " s, checked " << validateSeconds << " s)\n";
    phase.restart();

    const qsizetype heldBack = setup.plan.heldBack;
    QNetworkAccessManager network;
    UploadRun run(network, resource, rows, setup.target, setup.settings, setup.token, setup.run,
                  std::move(setup.journal), std::move(setup.plan), setup.firstBatchId);
    if (parser.isSet(options.seed))
        run.uploader().setRandomSeed(parser.value(options.seed).toULongLong());
    RetryPolicy policy;
    policy.maxAttempts = setup.maxAttempts;
    run.uploader().setRetryPolicy(policy);
    const BatchUploader::StopReason reason = runBatches(run, rows, err);
    err << "sent in " << double(phase.elapsed()) / 1000 << " s\n";

    const RowOutcomes &outcomes = run.outcomes();
    const UploadResults results(prepared->sheet.table, prepared->sheet.layout, rows, resource,
                                outcomes, &validator.issues());
    std::optional<Error> reportError;
    if (parser.isSet(validateOptions.report))
        reportError = run.report().write(parser.value(validateOptions.report));
    if (reportError)
        err << "sluice-cli: " << reportError->message << "\n";
    const bool written = !reportError && writeOutputs(parser, options, results, err);
    printSummary(outcomes, setup.target, heldBack, run.journal().path(), out);
    if (!run.journalError().isEmpty()) {
        err << "sluice-cli: stopped: " << run.journalError() << "\n";
        return ExitUsage;
    }
    if (reason == BatchUploader::StopReason::AuthenticationFailed) {
        err << "sluice-cli: the server refused the token: " << run.uploader().stopMessage() << "\n";
        return ExitAuthentication;
    }
    if (run.gaveUp())
        return ExitNetwork;
    if (!written)
        return ExitUsage;
    return outcomes.count(RowOutcome::Accepted) == outcomes.rowCount() ? 0 : ExitNotAllAccepted;
}

} // namespace sluice::cli
