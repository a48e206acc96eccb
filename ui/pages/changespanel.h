// SPDX-License-Identifier: MIT
#pragma once

#include <QFutureWatcher>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTimer;
class QTreeView;

namespace sluice {

class ChangesModel;
class ImportSession;
class Prompter;

// The Changes page of Review: the cells the user edited (row, column, old and new text, when)
// and the rows left out of the upload, with "Revert Selected" (one undo step), "Export…" to a
// CSV file for the record, and "Save Fixes to Profile…" (the main window saves the mapping's
// fixes). Activating an entry asks to go to its cell.
//
// A replace over a column can leave 100k edits: the list is rebuilt only while the panel is
// shown (and when it is shown after changes), never for each signal while hidden; the count
// that the Review page's tab shows is kept up to date regardless.
class ChangesPanel : public QWidget
{
    Q_OBJECT

public:
    ChangesPanel(ImportSession &session, Prompter &prompter, QWidget *parent = nullptr);
    ~ChangesPanel() override;

    // Edited cells plus excluded rows: "Changes (12)".
    int count() const { return m_count; }
    bool isExporting() const;

Q_SIGNALS:
    // The Review grid's cell (data row, attribute) of the activated entry; attribute is -1 for
    // an excluded row, or a cell no attribute reads now: then the row is meant.
    void goToCell(qsizetype dataRow, int attribute);
    void saveFixesToProfileRequested();
    void countChanged(int count);
    // An export ended: written to path, or not (the reason was shown).
    void exportFinished(const QString &path, bool written);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void createList();
    void sessionChanged();
    void rebuild();
    void updateSummary();
    void updateButtons();
    void activate(const QModelIndex &index);
    void revertSelected();
    void exportChanges();
    void finishExport(const QString &path, qsizetype count, const std::optional<QString> &error);

    ImportSession &m_session;
    Prompter &m_prompter;
    ChangesModel *m_model;
    QLabel *m_summary;
    QTreeView *m_list;
    QPushButton *m_revert;
    QPushButton *m_export;
    QPushButton *m_saveToProfile;
    QLabel *m_status;
    QTimer *m_refresh; // several signals of one change rebuild once
    QFutureWatcher<std::optional<QString>> *m_exportWatcher = nullptr;
    bool m_stale = true;
    int m_count = 0;
};

} // namespace sluice
