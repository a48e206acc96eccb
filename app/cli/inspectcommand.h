// SPDX-License-Identifier: MIT
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QTextStream>

namespace sluice::cli {

// `sluice-cli inspect FILE`: what Sluice reads in a file: sheets, the header row it chose,
// columns with their kinds and sample values, the row count and the time taken; --dump prints
// every cell in the corpus's expected-output format, for comparison with a reference.
struct InspectOptions
{
    QCommandLineOption sheet {QStringLiteral("sheet"),
                              QStringLiteral("inspect: the sheet, by name or 1-based number."),
                              QStringLiteral("NAME|INDEX")};
    QCommandLineOption headerRow {QStringLiteral("header-row"),
                                  QStringLiteral("inspect: the header is on row N (1-based)."),
                                  QStringLiteral("N")};
    QCommandLineOption encoding {QStringLiteral("encoding"),
                                 QStringLiteral("inspect: text encoding: utf-8, utf-16-le, "
                                                "utf-16-be, cp1252 (default: detect)."),
                                 QStringLiteral("E")};
    QCommandLineOption delimiter {QStringLiteral("delimiter"),
                                  QStringLiteral("inspect: field delimiter: , ; | tab (default: "
                                                 "detect)."),
                                  QStringLiteral("D")};
    QCommandLineOption dump {QStringLiteral("dump"),
                             QStringLiteral("inspect: print every cell as JSON (corpus format).")};

    QList<QCommandLineOption> all() const { return {sheet, headerRow, encoding, delimiter, dump}; }
};

// Returns the exit code: 0 done, 1 the file could not be read, 2 wrong usage.
int runInspect(const QString &path, const QCommandLineParser &parser, const InspectOptions &options,
               bool json, QTextStream &out, QTextStream &err);

} // namespace sluice::cli
