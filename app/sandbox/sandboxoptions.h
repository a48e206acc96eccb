// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <algorithm>
#include <array>

namespace sluice {

// How a SandboxServer behaves: its tokens, its store, the limits of API.md §3 and the faults it
// injects so that a client's retry, split and journal logic can be tried without the platform.
struct SandboxOptions
{
    QStringList tokens;        // accepted tokens, raw or as "Bearer <token>"
    QString databasePath;      // SQLite file; empty = in-memory SQLite (gone when the server is)
    int maxRows = 500;         // more rows in one request: 413
    qint64 maxBytes = 1048576; // a larger body: 413
    double rateLimit = 50;     // requests per second over all tokens; 0 = off; over it: 429
    double failRate = 0;       // share of ingest requests answered failStatus unprocessed
    int failStatus = 500;      // see isServableStatus()
    int latencyMs = 0;         // every ingest answer is delayed by this much
    double dropRate = 0;       // share of processed batches whose connection is cut unanswered
    quint64 seed = 0;          // for the fail and drop draws; 0 = a random seed
};

// The statuses the HTTP layer can send (it knows their reason phrases): the 4xx and 5xx of RFC
// 9110 and friends. A failStatus outside this list is refused by the CLI and answered as 500.
constexpr bool isServableStatus(int status)
{
    constexpr std::array<int, 11> Other {421, 422, 423, 424, 426, 428, 429, 431, 451, 510, 511};
    return (status >= 400 && status <= 417) || (status >= 500 && status <= 508)
        || std::find(Other.begin(), Other.end(), status) != Other.end();
}

} // namespace sluice
