// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// The journal's field names, shared by its writer and its reader.
namespace sluice::journal {

constexpr int FormatVersion = 1;

inline const QString Type = QStringLiteral("type");
inline const QString TypeRun = QStringLiteral("run");
inline const QString TypeSending = QStringLiteral("sending");
inline const QString TypeResult = QStringLiteral("result");
inline const QString TypeResumed = QStringLiteral("resumed");
inline const QString TypeEnd = QStringLiteral("end");
// The user's corrections the run sends (after the run line; older readers skip it).
inline const QString TypeCorrections = QStringLiteral("corrections");
inline const QString Edits = QStringLiteral("edits");
inline const QString Excluded = QStringLiteral("excludedRows");
inline const QString ResendOf = QStringLiteral("resendOf");

inline const QString Format = QStringLiteral("format");
inline const QString RunId = QStringLiteral("runId");
inline const QString Started = QStringLiteral("started");
inline const QString File = QStringLiteral("file");
inline const QString Path = QStringLiteral("path");
inline const QString Size = QStringLiteral("size");
inline const QString Sha256 = QStringLiteral("sha256");
inline const QString Sheet = QStringLiteral("sheet");
inline const QString Target = QStringLiteral("target");
inline const QString Url = QStringLiteral("url");
inline const QString Table = QStringLiteral("table");
inline const QString Solution = QStringLiteral("solutionName");
inline const QString Operation = QStringLiteral("operationType");
inline const QString DryRun = QStringLiteral("dryRun");
inline const QString Profile = QStringLiteral("profile");
inline const QString MappingSha256 = QStringLiteral("mappingSha256");
inline const QString DataRows = QStringLiteral("dataRows");

inline const QString Batch = QStringLiteral("batch");
inline const QString Rows = QStringLiteral("rows");
inline const QString Attempt = QStringLiteral("attempt");
inline const QString Attempts = QStringLiteral("attempts");
inline const QString At = QStringLiteral("at");
inline const QString Status = QStringLiteral("status");
inline const QString HttpStatus = QStringLiteral("httpStatus");
inline const QString DurationMs = QStringLiteral("durationMs");
inline const QString RequestId = QStringLiteral("requestId");
inline const QString Message = QStringLiteral("message");
inline const QString Accepted = QStringLiteral("accepted");
inline const QString Rejected = QStringLiteral("rejected");
inline const QString Row = QStringLiteral("row");
inline const QString Errors = QStringLiteral("errors");
inline const QString Reason = QStringLiteral("reason");

} // namespace sluice::journal
