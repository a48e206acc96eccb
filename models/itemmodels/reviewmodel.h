// SPDX-License-Identifier: MIT
#pragma once

#include "models/schema/resource.h"
#include "models/validation/issueindex.h"
#include "models/validation/rowsource.h"

#include <QAbstractTableModel>

#include <functional>
#include <vector>

namespace sluice {

// The Review grid: the mapped data, one row per data row and one column per attribute of the
// resource, each cell with the text the user's file holds and, when it has issues, their
// severity and messages. Cells are normalised on demand (a view asks for a screenful), so a
// million rows cost nothing until they are looked at; the last row asked for is kept, since a
// view asks for one row's cells in a row. "Only rows with issues" keeps a list of those rows
// rather than filtering through a proxy, which would visit every row on each change.
//
// Cells of attributes that read one column are editable: setData hands the text to the edit
// handler (the session, which makes it an undo command) and never changes anything itself.
class ReviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        SeverityRole = Qt::UserRole, // int: -1 none, else the worst Severity of the cell
        ValueRole,                   // QString: the value as it will be sent ("null" if empty)
        DataRowRole,                 // qsizetype: the data row behind a view row
        EditedRole,                  // bool: the user corrected this cell
        OriginalRole,                // QString: the file's own text of an edited cell
        ExcludedRole,                // bool: the row is left out of the upload
    };
    // Takes a typed text for (data row, attribute); false when it was refused.
    using EditHandler = std::function<bool(qsizetype row, int attribute, const QString &text)>;

    explicit ReviewModel(QObject *parent = nullptr);

    // All must outlive the model or the next reset; issues may be null (not checked yet).
    void reset(const Resource *resource, const RowSource *rows, const IssueIndex *issues);
    // After the issues of some rows changed (a re-check): repaint them and the header counts.
    void issuesChanged(qsizetype firstRow, qsizetype lastRow);
    // After cells or exclusions of some rows changed: repaint them and their row numbers.
    void cellsChanged(qsizetype firstRow, qsizetype lastRow);
    // Without a handler nothing is editable.
    void setEditHandler(EditHandler handler) { m_editHandler = std::move(handler); }

    void setOnlyRowsWithIssues(bool only);
    bool onlyRowsWithIssues() const { return m_onlyIssues; }
    // The data row shown on a view row, and back (-1 when the row is filtered out).
    qsizetype dataRow(int viewRow) const;
    int viewRow(qsizetype dataRow) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const std::vector<NormalisedCell> &cellsOf(qsizetype dataRow) const;
    const CellIssue *worstIssue(qsizetype dataRow, int attribute, QStringList *messages) const;
    void rebuildFilter();

    const Resource *m_resource = nullptr;
    QString toolTip(qsizetype row, int attribute) const;

    const RowSource *m_rows = nullptr;
    EditHandler m_editHandler;
    const IssueIndex *m_issues = nullptr;
    bool m_onlyIssues = false;
    std::vector<qsizetype> m_visible; // data rows with issues, when filtering
    mutable qsizetype m_cachedRow = -1;
    mutable std::vector<NormalisedCell> m_cachedCells;
};

} // namespace sluice
