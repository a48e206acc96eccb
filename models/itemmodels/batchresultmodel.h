// SPDX-License-Identifier: MIT
#pragma once

#include "models/upload/uploadoutcome.h"
#include "models/validation/rowsource.h"

#include <QAbstractTableModel>

namespace sluice {

// The per-batch table of the Upload page: one row per settled batch, in the order they
// settled, with its sheet rows, status, attempts, duration, request id and message; the raw
// response body is one role away (a double-click shows it).
class BatchResultModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        BatchColumn,
        RowsColumn,
        RowCountColumn,
        StatusColumn,
        AttemptsColumn,
        DurationColumn,
        RequestIdColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role {
        RawResponseRole = Qt::UserRole, // QByteArray
        StatusRole,                     // int: a BatchStatus
        RejectedRowsRole,               // qsizetype: rows of the batch the server refused
    };

    explicit BatchResultModel(QObject *parent = nullptr);

    // rows (may be null) gives the sheet row numbers; it must outlive the model or the next
    // clear().
    void clear(const RowSource *rows);
    void append(const BatchResult &result);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        BatchResult result;
        QString sheetRows;
    };

    QVariant displayData(const Entry &entry, int column) const;
    QString statusText(const BatchResult &result) const;

    const RowSource *m_rows = nullptr;
    QList<Entry> m_entries;
};

} // namespace sluice
