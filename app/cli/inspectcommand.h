// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/sheetloading.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QTextStream>

namespace sluice::cli {

// `sluice-cli inspect FILE`: what Sluice reads in a file: sheets, the header row it chose,
// columns with their kinds and sample values, the row count and the time taken; --dump prints
// every cell in the corpus's expected-output format, for comparison with a reference.
struct InspectOptions
{
    SheetOptions sheetOptions;
    QCommandLineOption dump {QStringLiteral("dump"),
                             QStringLiteral("inspect: print every cell as JSON (corpus format).")};

    QList<QCommandLineOption> all() const { return sheetOptions.all() << dump; }
};

// Returns the exit code: 0 done, 1 the file could not be read, 2 wrong usage.
int runInspect(const QString &path, const QCommandLineParser &parser, const InspectOptions &options,
               bool json, QTextStream &out, QTextStream &err);

} // namespace sluice::cli
