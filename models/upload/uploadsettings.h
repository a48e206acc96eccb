// SPDX-License-Identifier: MIT
#pragma once

#include "models/schema/attributetype.h"

#include <QString>
#include <QUrl>

namespace sluice {

// Where one run sends its rows and how (API.md §3).
struct UploadTarget
{
    QUrl ingestUrl; // the full ingest URL, {table} already filled in
    QString table;
    QString solutionName;
    OperationType operation = OperationType::Upsert;
    bool dryRun = false;
};

// How a run cuts and paces its requests. The defaults stay inside the API's oldest documented
// limits (500 rows, 1 MB, 50 requests per second), so they work on every tenant.
struct UploadSettings
{
    int batchRows = 500;
    qint64 batchBytes = 1000 * 1000 - 1; // "under 1 MB": the limit is on the whole body
    int concurrency = 4;
    // Requests started per second, kept under the API's 50 so that a second client of the same
    // tenant (the GUI and a scheduled CLI load) does not push both over. 0: no pacing.
    double requestsPerSecond = 40;
    int transferTimeoutMs = 120 * 1000; // no byte moving for this long: the reply is lost
    bool bearerPrefix = false;          // send "Bearer <token>" rather than the raw token
    // Resend APPEND batches whose earlier attempt may have been stored (reply lost).
    bool resendUncertain = false;

    friend bool operator==(const UploadSettings &, const UploadSettings &) = default;
};

} // namespace sluice
