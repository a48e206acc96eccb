// SPDX-License-Identifier: MIT
#pragma once

#include "models/upload/runhistorystore.h"

#include <QAbstractTableModel>

namespace sluice {

// The run history of the Results page: one row per finished run, newest first, with when it
// started (local time), the file, the target, the resource, the operation and the counts of
// each outcome. Sortable through a QSortFilterProxyModel: SortRole gives numbers and times
// rather than their display text.
class RunHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        StartedColumn,
        FileColumn,
        HostColumn,
        ResourceColumn,
        OperationColumn,
        AcceptedColumn,
        RejectedColumn,
        UncertainColumn,
        NotSentColumn,
        SkippedColumn,
        OutcomeColumn,
        ColumnCount
    };
    enum Role {
        JournalPathRole = Qt::UserRole, // QString: the run's journal
        EntryRole,                      // RunHistoryEntry
        SortRole,                       // the column's value to sort by (QDateTime, qlonglong, …)
    };

    explicit RunHistoryModel(QObject *parent = nullptr);

    // The most runs listed: years of daily runs, and still read at once when the page opens.
    static constexpr qsizetype MaxEntries = 2000;

    // entries: newest last, as RunHistoryStore::entries() gives them.
    void setEntries(const QList<RunHistoryEntry> &entries);
    // Reads the store again (after a run was added), keeping the newest MaxEntries.
    void reload(const RunHistoryStore &store) { setEntries(store.entries(MaxEntries)); }
    const RunHistoryEntry &entry(int row) const { return m_entries.at(row); }

    // "Completed", "Cancelled", "Stopped: the token was refused"
    static QString outcomeText(const QString &stopReason);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(const RunHistoryEntry &entry, int column) const;
    QVariant sortData(const RunHistoryEntry &entry, int column) const;
    QVariant toolTip(const RunHistoryEntry &entry, int column) const;

    QList<RunHistoryEntry> m_entries; // newest first
};

} // namespace sluice

Q_DECLARE_METATYPE(sluice::RunHistoryEntry)
