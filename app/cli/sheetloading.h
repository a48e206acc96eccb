// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/headerdetector.h"
#include "models/source/sheettable.h"
#include "models/source/spreadsheetreader.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <memory>

namespace sluice::cli {

// The options that say how to read a file, shared by inspect, map and validate.
struct SheetOptions
{
    QCommandLineOption sheet {QStringLiteral("sheet"),
                              QStringLiteral("The sheet, by name or 1-based number."),
                              QStringLiteral("NAME|INDEX")};
    QCommandLineOption headerRow {QStringLiteral("header-row"),
                                  QStringLiteral("The header is on row N (1-based)."),
                                  QStringLiteral("N")};
    QCommandLineOption encoding {QStringLiteral("encoding"),
                                 QStringLiteral("Text encoding: utf-8, utf-16-le, utf-16-be, "
                                                "cp1252 (default: detect)."),
                                 QStringLiteral("E")};
    QCommandLineOption delimiter {QStringLiteral("delimiter"),
                                  QStringLiteral("Field delimiter: , ; | tab (default: detect)."),
                                  QStringLiteral("D")};

    QList<QCommandLineOption> all() const { return {sheet, headerRow, encoding, delimiter}; }
};

// A file opened and one sheet read, with its header row found (or the one the user gave).
struct LoadedSheet
{
    std::unique_ptr<SpreadsheetReader> reader;
    QList<SheetInfo> sheets;
    int sheetIndex = 0;
    SheetTable table;
    SheetLayout layout;
};

// Why loading failed, with the exit code it means: 1 unreadable input, 2 wrong usage.
struct LoadFailure
{
    int exitCode = 1;
    QString message;
};

// Opens the file with the reader its bytes call for. readSheet: false stops after open()
// (inspect --dump reads every sheet itself).
Result<LoadedSheet, LoadFailure> loadSheet(const QString &path, const QCommandLineParser &parser,
                                           const SheetOptions &options, bool readSheet = true);

} // namespace sluice::cli
