// SPDX-License-Identifier: MIT
#pragma once

#include "models/upload/uploadoutcome.h"
#include "models/validation/issue.h"
#include "models/validation/rowsource.h"

#include <QCoreApplication>

#include <vector>

namespace sluice {

// The server's row errors (a dry run's, or a real upload's) as issues on the row's cells, in
// the same form as the local checks' findings: same codes where the API's match, a message, a
// suggested fix, the source text. The Review grid and the issue panel then show both alike.
class ServerIssues
{
    Q_DECLARE_TR_FUNCTIONS(ServerIssues)

public:
    // cells: the row as RowSource::normalise() gives it (for the source texts).
    static std::vector<CellIssue> forRow(qsizetype row, const QList<ServerRowError> &errors,
                                         const Resource &resource,
                                         const std::vector<NormalisedCell> &cells);
    static IssueCode codeFor(const QString &serverCode);
};

} // namespace sluice
