// SPDX-License-Identifier: MIT
#include "models/itemmodels/batchresultmodel.h"

#include "models/upload/uploadjournal.h"

namespace sluice {

BatchResultModel::BatchResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void BatchResultModel::clear(const RowSource *rows)
{
    beginResetModel();
    m_rows = rows;
    m_entries.clear();
    endResetModel();
}

void BatchResultModel::append(const BatchResult &result)
{
    Entry entry;
    entry.result = result;
    entry.sheetRows = m_rows ? UploadJournal::sheetRowRanges(result.rows, *m_rows) : QString();
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size()));
    m_entries.append(std::move(entry));
    endInsertRows();
}

int BatchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int BatchResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BatchResultModel::statusText(const BatchResult &result) const
{
    switch (result.status) {
    case BatchStatus::Acknowledged:
        return result.rejected.isEmpty() ? tr("accepted")
                                         : tr("accepted, %1 of %2 rows refused")
                                               .arg(result.rejected.size())
                                               .arg(result.rows.size());
    case BatchStatus::Failed:
        return tr("refused");
    case BatchStatus::Uncertain:
        return tr("uncertain: reply lost");
    case BatchStatus::GaveUp:
        return tr("gave up");
    case BatchStatus::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QVariant BatchResultModel::displayData(const Entry &entry, int column) const
{
    const BatchResult &result = entry.result;
    switch (Column(column)) {
    case BatchColumn:
        return result.id;
    case RowsColumn:
        return entry.sheetRows;
    case RowCountColumn:
        return qlonglong(result.rows.size());
    case StatusColumn:
        return result.httpStatus > 0
            ? tr("%1 (HTTP %2)").arg(statusText(result)).arg(result.httpStatus)
            : statusText(result);
    case AttemptsColumn:
        return result.attempts;
    case DurationColumn:
        return tr("%1 s").arg(double(result.durationMs) / 1000.0, 0, 'f', 2);
    case RequestIdColumn:
        return result.requestId;
    case MessageColumn:
        return result.message;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BatchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(entry, index.column());
    case Qt::ToolTipRole:
        return index.column() == MessageColumn ? QVariant(entry.result.message) : QVariant();
    case RawResponseRole:
        return entry.result.rawResponse;
    case StatusRole:
        return int(entry.result.status);
    case RejectedRowsRole:
        return qlonglong(entry.result.rejected.size());
    default:
        return {};
    }
}

QVariant BatchResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case BatchColumn:
        return tr("Batch");
    case RowsColumn:
        return tr("Sheet rows");
    case RowCountColumn:
        return tr("Rows");
    case StatusColumn:
        return tr("Status");
    case AttemptsColumn:
        return tr("Attempts");
    case DurationColumn:
        return tr("Duration");
    case RequestIdColumn:
        return tr("Request id");
    case MessageColumn:
        return tr("Message");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace sluice
