// SPDX-License-Identifier: MIT
#pragma once

#include "models/validation/cellfinder.h"

#include <QDialog>
#include <QFuture>
#include <QList>
#include <QTimer>

#include <atomic>
#include <memory>
#include <utility>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace sluice {

class FindMatchModel;
class ImportSession;

// Find and replace over the Review grid (non-modal): the whole table, the current column or the
// selection; literal, whole-cell or regular expression; a case option. Every change of the query
// searches again after a short pause, on a worker (CellFinder), showing the count and a preview
// of each matching cell before and after, with a checkbox. Replace changes the checked cells as
// one undo step (ImportSession::changeCells) and searches again.
class FindReplaceDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Scope { WholeTable, Column, Selection };

    explicit FindReplaceDialog(ImportSession &session, QWidget *parent = nullptr);
    ~FindReplaceDialog() override;

    // What the Review page tells the dialog when it opens it: the grid's current attribute
    // (the "Column" scope; -1: none) and its selection (attributes, inclusive data-row ranges).
    void setCurrentAttribute(int attribute);
    void setSelection(std::vector<int> attributes,
                      std::vector<std::pair<qsizetype, qsizetype>> rowRanges);
    // Chooses a scope; one that cannot be used (no current column, no selection) is ignored.
    void setScope(Scope scope);
    Scope scope() const;

    FindQuery query() const;
    FindScope findScope() const;
    FindMatchModel *matchModel() const { return m_model; }
    // A search is waiting for the pause to end or running: the count is not up to date.
    bool isSearching() const { return m_searchPending; }

Q_SIGNALS:
    // "Find next" or a double-clicked match: the Review page makes this cell the current one.
    void goToCell(qsizetype row, int attribute);

private:
    QLayout *createForm();
    QLayout *createButtons();
    void connectSession();
    void updateScopeItems();
    QStringList attributeNames() const;
    void scheduleSearch();
    void startSearch();
    void showMatches(std::vector<FindMatch> matches);
    // Drops the running search's answer; wait: also until its worker stops reading the table.
    void cancelSearch(bool wait = false);
    // The rows were replaced (a new mapping or file): the old matches point nowhere.
    void rowsReplaced();
    void updateState();
    void replaceChecked();
    void findNext();
    void goToMatch(int row);

    ImportSession &m_session;
    FindMatchModel *m_model;
    int m_currentAttribute = -1;
    FindScope m_selection;
    // Copies of what a search reads, shared with the workers; null when the cells changed since.
    std::shared_ptr<const CellFinder> m_finder;
    QTimer m_pause;
    bool m_searchPending = false;
    quint64 m_generation = 0; // of the newest search: answers of older ones are dropped
    std::shared_ptr<std::atomic_bool> m_cancel;
    QList<QFuture<std::vector<FindMatch>>> m_running;
    QString m_problem; // why the last query found nothing to search for, shown as the count
    int m_nextMatch = 0;

    QLineEdit *m_findText = nullptr;
    QLineEdit *m_replaceText = nullptr;
    QComboBox *m_scope = nullptr;
    QComboBox *m_mode = nullptr;
    QCheckBox *m_caseSensitive = nullptr;
    QLabel *m_count = nullptr;
    QTreeView *m_preview = nullptr;
    QPushButton *m_checkAll = nullptr;
    QPushButton *m_checkNone = nullptr;
    QPushButton *m_findNext = nullptr;
    QPushButton *m_replace = nullptr;
};

} // namespace sluice
