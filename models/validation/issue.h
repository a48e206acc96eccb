// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace sluice {

// What is wrong with a cell. The first ones are the row error codes of API.md §6, so a local
// finding and the server's answer look alike; the rest are Sluice's own checks.
enum class IssueCode : quint8 {
    Required,     // DI_E_10001: a required attribute is missing or empty
    Type,         // DI_E_10002: not a value of the attribute's type
    Format,       // DI_E_10003: a date/timestamp not in an accepted format
    Enum,         // DI_E_10004: outside the allowed values
    Null,         // DI_E_10005: null where the attribute is not nullable
    DuplicateKey, // DI_E_10007: rows share a primary key
    Reference,    // DI_E_10009: foreign key not found in the loaded reference
    Length,       // a string over the API's 65,535 bytes (the server rejects it as TYPE)
    Range,        // a value of the type, but out of its range (precision, overflow, hour 25)
    Suspicious,   // a warning: fields that disagree (shipped more than ordered, …)
    // Found only by the server (a dry run or an upload), never by the local checks:
    UnknownColumn, // DI_E_10006: a key the table does not have
    KeyExists,     // DI_E_10008: APPEND of a primary key the table already holds
    Server,        // any other code the server sent; its own code is kept in the cause
};

enum class Severity : quint8 {
    Error,   // the server would reject the row
    Warning, // suspicious; sent unless the user holds the row back
};

// "DI_E_10001" for the API's codes, "SL_W_SUSPICIOUS" and the like for Sluice's own.
QString issueCodeName(IssueCode code);
// "REQUIRED", "TYPE", …: the API's category, or Sluice's for its own codes.
QString issueCategory(IssueCode code);
Severity defaultSeverity(IssueCode code);

// One finding on one cell of the mapped data.
struct CellIssue
{
    qsizetype row = 0; // 0-based data row (the first row under the header is 0)
    int attribute = 0; // index in the resource's attributes
    IssueCode code = IssueCode::Type;
    Severity severity = Severity::Error;
    QString value;      // the source text as the user sees it
    QString message;    // one sentence naming the problem
    QString suggestion; // a fix to offer ("did you mean 'shipped'?"), or empty
    // What makes issues "the same cause" for grouping: the code plus this (e.g. the enum or the
    // expected type); the value is not part of it, so 412 rows with 9 distinct bad statuses are
    // one group.
    QString cause;

    // Found by the server (a dry run or an upload), not by the local checks: ServerIssues gives
    // such issues the cause "server <code>", and no local cause reads so.
    bool isFromServer() const { return cause.startsWith(QLatin1String("server ")); }
};

} // namespace sluice
