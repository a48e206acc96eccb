// SPDX-License-Identifier: MIT
#pragma once

#include "models/validation/cellfinder.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace sluice {

class MappedRowSource;

// The preview of find and replace: one row per matching cell, with its row as the spreadsheet
// numbers it, its attribute, its text now and after the replace, and a checkbox (all checked at
// first) saying whether the replace changes it. Virtual over the matches: the texts are read
// from the rows when shown, so a million matches cost their 16 bytes and a bit each.
//
// The rows must outlive the model's use of them: reset() or clear() it when they are replaced.
class FindMatchModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        RowColumn,       // 12: the sheet row, as the spreadsheet shows it; the checkbox
        AttributeColumn, // "status"
        BeforeColumn,    // the cell's text now
        AfterColumn,     // its text after the replace
        ColumnCount
    };
    enum Role {
        DataRowRole = Qt::UserRole, // qsizetype: the data row (the Review grid's)
        AttributeRole,              // int: the attribute's index in the resource
        BeforeRole,                 // QString: the text now, "" for an empty cell
        AfterRole,                  // QString: the text after the replace
    };

    explicit FindMatchModel(QObject *parent = nullptr);

    // The matches query found in rows, by row then attribute; attributeNames label them. When
    // query finds the same as before (a search again after a replace or an edit), matches it
    // finds again keep their check state; otherwise every match starts checked.
    void reset(const MappedRowSource *rows, const QStringList &attributeNames,
               const FindQuery &query, std::vector<FindMatch> matches);
    void clear();
    // Another replacement text: only the After column changes.
    void setReplacement(const QString &replacement);

    const FindQuery &query() const { return m_query; }
    const std::vector<FindMatch> &matches() const { return m_matches; }
    const FindMatch &match(int row) const { return m_matches.at(size_t(row)); }
    // The attributes the matches are in, how many.
    int attributeCount() const { return m_attributeCount; }

    bool isChecked(int row) const { return m_checked.at(size_t(row)); }
    void setChecked(int row, bool checked);
    void setAllChecked(bool checked);
    qsizetype checkedCount() const { return m_checkedCount; }
    std::vector<FindMatch> checkedMatches() const;

    QString beforeText(int row) const;
    QString afterText(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void checkedCountChanged(qsizetype count);

private:
    QVariant displayText(const QModelIndex &index) const;
    void keepUnchecked(const std::vector<FindMatch> &before, const std::vector<bool> &checked);

    const MappedRowSource *m_rows = nullptr;
    QStringList m_attributeNames;
    FindQuery m_query;
    QRegularExpression m_regex; // the query's, compiled once for the After column
    std::vector<FindMatch> m_matches;
    std::vector<bool> m_checked;
    qsizetype m_checkedCount = 0;
    int m_attributeCount = 0;
};

} // namespace sluice
