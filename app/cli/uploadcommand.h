// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/validatecommand.h"

namespace sluice::cli {

// `sluice-cli upload FILE (--profile P | --resource ID --solution S) --url URL …`
struct UploadOptions
{
    QCommandLineOption url {QStringLiteral("url"),
                            QStringLiteral("upload: the API host, e.g. https://ingestion.peak.ai "
                                           "or http://127.0.0.1:8077 (http only for loopback)."),
                            QStringLiteral("URL")};
    QCommandLineOption tokenEnv {QStringLiteral("token-env"),
                                 QStringLiteral("upload: read the token from environment variable "
                                                "VAR (default: the system keychain, then a "
                                                "prompt)."),
                                 QStringLiteral("VAR")};
    QCommandLineOption operation {QStringLiteral("operation"),
                                  QStringLiteral("upload: UPSERT or APPEND (default: the "
                                                 "profile's, else UPSERT)."),
                                  QStringLiteral("OP")};
    QCommandLineOption dryRun {QStringLiteral("dry-run"),
                               QStringLiteral("upload: let the server check every row, store "
                                              "nothing.")};
    QCommandLineOption batchRows {QStringLiteral("batch-rows"),
                                  QStringLiteral("upload: rows per request (default 500)."),
                                  QStringLiteral("N")};
    QCommandLineOption batchBytes {QStringLiteral("batch-bytes"),
                                   QStringLiteral("upload: bytes per request body (default "
                                                  "999999)."),
                                   QStringLiteral("N")};
    QCommandLineOption concurrency {QStringLiteral("concurrency"),
                                    QStringLiteral("upload: requests in flight (default 4)."),
                                    QStringLiteral("N")};
    QCommandLineOption rate {QStringLiteral("rate"),
                             QStringLiteral("upload: requests started per second (default 40, 0 "
                                            "for no limit)."),
                             QStringLiteral("N")};
    QCommandLineOption timeout {QStringLiteral("timeout"),
                                QStringLiteral("upload: seconds without progress before a reply "
                                               "counts as lost (default 120)."),
                                QStringLiteral("S")};
    QCommandLineOption maxAttempts {QStringLiteral("max-attempts"),
                                    QStringLiteral("upload: tries per batch before giving up "
                                                   "(default 10)."),
                                    QStringLiteral("N")};
    QCommandLineOption journal {QStringLiteral("journal"),
                                QStringLiteral("upload: write the run's journal to FILE (default: "
                                               "a new file in Sluice's data folder)."),
                                QStringLiteral("FILE")};
    QCommandLineOption resume {QStringLiteral("resume"),
                               QStringLiteral("upload: go on with the run in journal FILE; "
                                              "acknowledged rows are not sent again."),
                               QStringLiteral("FILE")};
    QCommandLineOption resendUncertain {QStringLiteral("resend-uncertain"),
                                        QStringLiteral("upload: APPEND: also resend batches whose "
                                                       "reply was lost.")};
    QCommandLineOption failedRows {QStringLiteral("failed-rows"),
                                   QStringLiteral("upload: write the rows not accepted, with "
                                                  "their errors, to FILE (.csv or .xlsx)."),
                                   QStringLiteral("FILE")};
    QCommandLineOption results {QStringLiteral("results"),
                                QStringLiteral("upload: write every input row with its outcome "
                                               "to FILE (.csv or .xlsx)."),
                                QStringLiteral("FILE")};
    QCommandLineOption seed {QStringLiteral("seed"),
                             QStringLiteral("upload: seed the retry jitter (for tests)."),
                             QStringLiteral("N")};

    QList<QCommandLineOption> all() const
    {
        return {url,     tokenEnv, operation,   dryRun,  batchRows, batchBytes,      concurrency,
                rate,    timeout,  maxAttempts, journal, resume,    resendUncertain, failedRows,
                results, seed};
    }
};

// Exit codes: 0 every row accepted (dry run: every row passed), 1 some rows rejected, held back
// or not sent, 2 wrong usage or unreadable input, 3 authentication refused, 4 gave up on the
// network.
int runUpload(const MapRequest &request, const QCommandLineParser &parser,
              const SheetOptions &sheetOptions, const ValidateOptions &validateOptions,
              const UploadOptions &options, QTextStream &out, QTextStream &err);

} // namespace sluice::cli
