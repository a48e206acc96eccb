// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/preparedsheet.h"
#include "app/cli/uploadcommand.h"
#include "models/upload/journalreader.h"
#include "models/upload/retrypolicy.h"
#include "models/upload/uploadsettings.h"

#include <memory>

namespace sluice::cli {

// Everything `upload` settles before the first request: the settings, the target, the token
// and the journal (new, or the one being resumed with what it already settled).
struct UploadSetup
{
    UploadSettings settings;
    int maxAttempts = RetryPolicy().maxAttempts;
    UploadTarget target;
    QString token;
    JournalRunInfo run;
    std::unique_ptr<UploadJournal> journal;
    ResumePlan plan;
    int firstBatchId = 1;
    bool resumed = false;
};

// The option's value, or fallback when it is not given; an error names the option and the range.
Result<qint64, QString> positiveNumber(const QCommandLineParser &parser,
                                       const QCommandLineOption &option, qint64 fallback,
                                       qint64 minimum, qint64 maximum);
Result<UploadSettings, QString> readSettings(const QCommandLineParser &parser,
                                             const UploadOptions &options);
Result<UploadTarget, QString> readTarget(const QCommandLineParser &parser,
                                         const UploadOptions &options, const Catalogue &catalogue,
                                         const Prepared &prepared);
// From --token-env, else the system keychain (account: the host), else a prompt when a person
// is at the terminal. The token is never printed.
Result<QString> readToken(const QCommandLineParser &parser, const UploadOptions &options,
                          const QUrl &host, QTextStream &err);

// The run's identity: the file's fingerprint and the mapping's, so a resume against another
// file or mapping is refused.
JournalRunInfo describeRun(const QString &path, const Prepared &prepared,
                           const UploadTarget &target, qsizetype dataRows);
// A new journal, or the resumed one with its plan; candidates are the rows without local errors.
Result<UploadSetup, QString> openJournal(const QCommandLineParser &parser,
                                         const UploadOptions &options, UploadSetup setup,
                                         const RowSource &rows,
                                         const std::vector<qsizetype> &candidates);

} // namespace sluice::cli
