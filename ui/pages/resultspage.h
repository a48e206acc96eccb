// SPDX-License-Identifier: MIT
#pragma once

#include "ui/pages/steppage.h"

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace sluice {

class ImportSession;
class Prompter;
class RunHistoryModel;

// Step 5, Results: a summary of the last run, export of the results and failed-rows files (CSV or
// XLSX), the run journal, and the run history (date, file, target, resource, counts) kept on disk.
class ResultsPage : public StepPage
{
    Q_OBJECT

public:
    ResultsPage(ImportSession &session, Prompter &prompter, QWidget *parent = nullptr);
    ~ResultsPage() override;

    bool isComplete() const override { return false; } // the last step
    void enter() override;

private:
    enum class Export { AllRows, FailedRows };

    QWidget *createSummary();
    QWidget *createHistory();
    void refresh();
    void showSummary();
    void showDetails();
    void reloadHistory();
    void showSelectedJournal();
    bool canExport() const;
    void saveResults(Export which);
    void resultsSaved(const QString &path, const QString &error, qsizetype rows);
    QString suggestedPath(Export which) const;
    void openJournalFolder();

    ImportSession &m_session;
    Prompter &m_prompter;
    // The file, layout or mapping changed since the last run: its outcomes no longer line up
    // with the rows the session holds, so they cannot be written next to them.
    bool m_inputChanged = false;
    QString m_journalPath; // the one shown: the selected run's, else the last run's
    QLabel *m_summary;
    QLabel *m_details;
    QPushButton *m_saveResults;
    QPushButton *m_saveFailed;
    QLabel *m_status;
    QLabel *m_journal;
    QPushButton *m_openFolder;
    RunHistoryModel *m_historyModel;
    QSortFilterProxyModel *m_historyProxy;
    QTableView *m_history;
};

} // namespace sluice
