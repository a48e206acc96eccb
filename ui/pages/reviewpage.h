// SPDX-License-Identifier: MIT
#pragma once

#include "ui/pages/steppage.h"

#include <optional>
#include <vector>

class QAction;
class QCheckBox;
class QLabel;
class QLayout;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;
class QTreeView;

namespace sluice {

class BulkFixDialog;
class ChangesPanel;
class FindReplaceDialog;
class Prompter;
class ImportSession;
class IssueGroupModel;
class ReviewModel;

// Step 3, Review: the mapped rows in a grid (ReviewModel, smooth on 1M rows) with cells coloured
// by severity and the message as tooltip, "only rows with issues", an issue panel grouped by
// cause with counts, next/previous issue (F8 / Shift+F8) and error and warning counts per column
// in the header. Entering the page validates when the mapping changed since the last check.
class ReviewPage : public StepPage
{
    Q_OBJECT

public:
    ReviewPage(ImportSession &session, Prompter &prompter, QWidget *parent = nullptr);
    ~ReviewPage() override;

    bool isComplete() const override; // validated, and at least one row can be sent
    QString incompleteReason() const override;
    void enter() override;

    void nextIssue();
    void previousIssue();

    // The grid beside the issue panel; the main window keeps its state.
    QSplitter *splitter() const { return m_splitter; }

Q_SIGNALS:
    // A bulk fix the user asked to remember: the mapping with it belongs in the profile.
    void saveFixesToProfileRequested();

private:
    void setUpTable();
    QWidget *createIssuePanel();
    QLayout *createTools();
    // The rows (and their issues) were replaced.
    void rowsReplaced();
    void showRows();
    // The issues of the same rows changed: groups, counts and summary.
    void showIssues();
    void updateSummary();
    void updateProgress(qsizetype rowsChecked, qsizetype rowCount);
    void sizeColumns();
    void moveToIssue(bool forward);
    // Makes the cell of data row `row` the current one, if it is shown.
    void goToCell(qsizetype row, int attribute);
    void goToGroup(const QModelIndex &index);
    // The verdict on a text typed into a cell, before it is committed.
    QString checkTypedText(qsizetype row, int attribute, const QString &text) const;
    static QString rowsText(qsizetype rows);
    // In reviewcorrections.cpp:
    void createCorrectionActions();
    std::vector<qsizetype> selectedRows() const;
    void revertCells();
    void revertRows();
    void revertColumn();
    void excludeSelectedRows(bool exclude);
    void updateFixButton();
    void showFindReplace();
    void fixSelectedGroup();

    ImportSession &m_session;
    bool m_rowsStale = false; // new rows arrived while the page was hidden
    ReviewModel *m_model;
    IssueGroupModel *m_groups;
    QLabel *m_summary;
    QCheckBox *m_onlyIssues;
    QProgressBar *m_progress;
    QTableView *m_table;
    QTreeView *m_issueList;
    QSplitter *m_splitter;
    QTabWidget *m_sidePanel; // issues, changes
    ChangesPanel *m_changes;
    QAction *m_next;
    QAction *m_previous;
    QPushButton *m_fix;
    BulkFixDialog *m_fixDialog = nullptr;      // the open one; deletes itself on close
    FindReplaceDialog *m_findDialog = nullptr; // made on first use, kept (a child of the page)
    QAction *m_find = nullptr;
    QAction *m_revertCell = nullptr;
    QAction *m_revertRows = nullptr;
    QAction *m_revertColumn = nullptr;
    QAction *m_exclude = nullptr;
    QAction *m_include = nullptr;
    std::optional<qsizetype> m_rowsToSend; // of the last check; nullopt while unchecked
};

} // namespace sluice
