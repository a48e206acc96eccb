// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/sheetloading.h"
#include "models/schema/catalogue.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QTextStream>

namespace sluice::cli {

// `sluice-cli map FILE --resource ID` and `sluice-cli validate FILE --resource ID`: the
// proposed mapping with its reasons, and every issue of the mapped rows grouped by cause.
struct ValidateOptions
{
    QCommandLineOption resource {QStringLiteral("resource"),
                                 QStringLiteral("map, validate: the target resource, e.g. "
                                                "INV.CUSTOMER_ORDERS (or CUSTOMER_ORDERS with "
                                                "--solution INV)."),
                                 QStringLiteral("ID")};
    QCommandLineOption profile {QStringLiteral("profile"),
                                QStringLiteral("validate, upload: apply a saved mapping profile "
                                               "(its name or a .json file)."),
                                QStringLiteral("P")};
    QCommandLineOption report {QStringLiteral("report"),
                               QStringLiteral("validate: write every issue to FILE as JSON; "
                                              "upload: the run's report."),
                               QStringLiteral("FILE")};
    QCommandLineOption emitRecords {QStringLiteral("emit-records"),
                                    QStringLiteral("validate: write each data row's record and "
                                                   "issues to FILE, one JSON line per row."),
                                    QStringLiteral("FILE")};

    QList<QCommandLineOption> all() const { return {resource, profile, report, emitRecords}; }
};

struct MapRequest
{
    QString path;
    const Catalogue &catalogue;
    QString solution; // from --solution, may be empty
    bool json = false;
};

// Exit codes: map 0 done, 2 wrong usage or unreadable input; validate 0 clean (warnings
// allowed), 1 errors found, 2 wrong usage or unreadable input.
int runMap(const MapRequest &request, const QCommandLineParser &parser,
           const SheetOptions &sheetOptions, const ValidateOptions &options, QTextStream &out,
           QTextStream &err);
int runValidate(const MapRequest &request, const QCommandLineParser &parser,
                const SheetOptions &sheetOptions, const ValidateOptions &options, QTextStream &out,
                QTextStream &err);

} // namespace sluice::cli
