// SPDX-License-Identifier: MIT
#include "models/source/sheetparthandler.h"

#include "models/source/xlsxpackage.h"

#include <algorithm>

namespace sluice {

SheetPartHandler::SheetPartHandler(ReadSink &sink, QString where)
    : m_delivery(sink)
    , m_block(m_delivery.rows())
    , m_where(std::move(where))
{}

Result<ReadEnd> SheetPartHandler::read(XlsxPackage &package, const QString &part)
{
    const QString reason = package.parsePart(part, *this, [this](qint64 inflated, qint64 declared) {
        return progressed(inflated, declared);
    });
    if (m_delivery.isCancelled())
        return ReadEnd::Cancelled;
    if (isStopped() && !isDone())
        return Error {reason}; // the handler's own reason names the sheet and row already
    if (!reason.isEmpty()) {
        const QString row = m_row >= 0 ? QStringLiteral(", row %1").arg(m_row + 1) : QString();
        return Error {QStringLiteral("%1%2: %3").arg(m_where, row, reason)};
    }
    if (!finish()) {
        if (stopReason().isEmpty())
            return ReadEnd::Cancelled;
        return Error {stopReason()};
    }
    return ReadEnd::Finished;
}

bool SheetPartHandler::deliver()
{
    if (m_delivery.isCancelled())
        return false;
    if (!m_delivery.deliver())
        stop();
    return !m_delivery.isCancelled();
}

bool SheetPartHandler::padRowsTo(qint64 row)
{
    qint64 gap = row - m_delivery.rowsSoFar();
    while (gap > 0) {
        const qint64 room = SheetTable::RowsPerBlock - m_block.rowCount();
        const qint64 count = std::min(gap, room);
        m_block.appendEmptyRows(count);
        gap -= count;
        if (m_block.rowCount() == SheetTable::RowsPerBlock && !deliver())
            return false;
    }
    return true;
}

bool SheetPartHandler::progressed(qint64 inflated, qint64 declared)
{
    if (m_delivery.isCancelled())
        return false;
    if (!m_delivery.progressed(inflated, declared))
        stop();
    return !m_delivery.isCancelled();
}

void SheetPartHandler::fail(const QString &reason)
{
    if (m_row >= 0)
        stop(QStringLiteral("%1, row %2: %3").arg(m_where).arg(m_row + 1).arg(reason));
    else
        failSheet(reason);
}

void SheetPartHandler::failSheet(const QString &reason)
{
    stop(QStringLiteral("%1: %2").arg(m_where, reason));
}

} // namespace sluice
