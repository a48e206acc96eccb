// SPDX-License-Identifier: MIT
#include "models/itemmodels/runhistorymodel.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QUrl>

#include <algorithm>

namespace sluice {

namespace {

// "ingestion.peak.ai", or "127.0.0.1:8080" when the port is not the scheme's own.
QString hostOf(const QString &url)
{
    const QUrl parsed(url);
    if (parsed.host().isEmpty())
        return url;
    return parsed.port() == -1 ? parsed.host()
                               : QStringLiteral("%1:%2").arg(parsed.host()).arg(parsed.port());
}

bool isCountColumn(int column)
{
    return column >= RunHistoryModel::AcceptedColumn && column <= RunHistoryModel::SkippedColumn;
}

qsizetype countOf(const RunHistoryEntry &entry, int column)
{
    switch (column) {
    case RunHistoryModel::AcceptedColumn:
        return entry.accepted;
    case RunHistoryModel::RejectedColumn:
        return entry.rejected;
    case RunHistoryModel::UncertainColumn:
        return entry.uncertain;
    case RunHistoryModel::NotSentColumn:
        return entry.notSent;
    case RunHistoryModel::SkippedColumn:
        return entry.skipped;
    default:
        return 0;
    }
}

} // namespace

RunHistoryModel::RunHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RunHistoryModel::setEntries(const QList<RunHistoryEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    std::reverse(m_entries.begin(), m_entries.end());
    endResetModel();
}

QString RunHistoryModel::outcomeText(const QString &stopReason)
{
    if (stopReason == u"completed")
        return tr("Completed");
    if (stopReason == u"cancelled")
        return tr("Cancelled");
    if (stopReason == u"authentication-failed")
        return tr("Stopped: the token was refused");
    // A reason written by a newer version: its own name says more than nothing.
    return stopReason;
}

int RunHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RunHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunHistoryModel::displayData(const RunHistoryEntry &entry, int column) const
{
    if (isCountColumn(column))
        return qlonglong(countOf(entry, column));
    switch (Column(column)) {
    case StartedColumn:
        return QLocale().toString(entry.started.toLocalTime(), QLocale::ShortFormat);
    case FileColumn:
        return QFileInfo(entry.filePath).fileName();
    case HostColumn:
        return hostOf(entry.url);
    case ResourceColumn:
        return entry.resourceId;
    case OperationColumn:
        return entry.dryRun ? tr("%1 (dry run)").arg(entry.operation) : entry.operation;
    case OutcomeColumn:
        return outcomeText(entry.stopReason);
    default:
        return {};
    }
}

QVariant RunHistoryModel::sortData(const RunHistoryEntry &entry, int column) const
{
    if (isCountColumn(column))
        return qlonglong(countOf(entry, column));
    if (column == StartedColumn)
        return entry.started;
    return displayData(entry, column);
}

QVariant RunHistoryModel::toolTip(const RunHistoryEntry &entry, int column) const
{
    switch (column) {
    case StartedColumn:
        return tr("Started %1, finished %2")
            .arg(QLocale().toString(entry.started.toLocalTime(), QLocale::LongFormat),
                 QLocale().toString(entry.finished.toLocalTime(), QLocale::LongFormat));
    case FileColumn:
        return QDir::toNativeSeparators(entry.filePath);
    case HostColumn:
        return entry.url;
    case ResourceColumn:
        return tr("Table %1").arg(entry.table);
    default:
        return {};
    }
}

QVariant RunHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunHistoryEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(entry, index.column());
    case Qt::ToolTipRole:
        return toolTip(entry, index.column());
    case Qt::TextAlignmentRole:
        return isCountColumn(index.column()) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                             : QVariant();
    case JournalPathRole:
        return entry.journalPath;
    case EntryRole:
        return QVariant::fromValue(entry);
    case SortRole:
        return sortData(entry, index.column());
    default:
        return {};
    }
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case StartedColumn:
        return tr("Started");
    case FileColumn:
        return tr("File");
    case HostColumn:
        return tr("Target host");
    case ResourceColumn:
        return tr("Resource");
    case OperationColumn:
        return tr("Operation");
    case AcceptedColumn:
        return tr("Accepted");
    case RejectedColumn:
        return tr("Rejected");
    case UncertainColumn:
        return tr("Uncertain");
    case NotSentColumn:
        return tr("Not sent");
    case SkippedColumn:
        return tr("Left out");
    case OutcomeColumn:
        return tr("Outcome");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace sluice
