// SPDX-License-Identifier: MIT
#include "models/upload/uploadoutcome.h"

namespace sluice {

QString rowOutcomeName(RowOutcome outcome)
{
    switch (outcome) {
    case RowOutcome::NotSent:
        return QStringLiteral("not sent");
    case RowOutcome::Accepted:
        return QStringLiteral("accepted");
    case RowOutcome::Rejected:
        return QStringLiteral("rejected");
    case RowOutcome::Uncertain:
        return QStringLiteral("uncertain");
    case RowOutcome::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QString batchStatusName(BatchStatus status)
{
    switch (status) {
    case BatchStatus::Acknowledged:
        return QStringLiteral("acknowledged");
    case BatchStatus::Failed:
        return QStringLiteral("failed");
    case BatchStatus::Uncertain:
        return QStringLiteral("uncertain");
    case BatchStatus::GaveUp:
        return QStringLiteral("gave-up");
    case BatchStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace sluice
