// SPDX-License-Identifier: MIT
#pragma once

#include "models/session/preferences.h"

#include <QMainWindow>

#include <memory>

class QDialog;
class QLabel;
class QMenu;
class QPushButton;
class QStackedWidget;

namespace sluice {

class Catalogue;
class CataloguePage;
class ImportSession;
class OpenPage;
class ProfileStore;
class Prompter;
class RecentFilesMenu;
class ResultsPage;
class ReviewPage;
class StepBar;
class StepPage;
class TargetPage;
class TargetSession;
class UploadPage;

// The shell: the step bar, the current page, Back and Next, menus and the status bar. It holds no
// logic of its own: pages observe the sessions, and choices that reach beyond the window
// (settings, another catalogue, the look) go out as signals to the composition root.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Step { OpenStep, TargetStep, ReviewStep, UploadStep, ResultsStep, StepCount };

    // What the pages work on; all outlive the window.
    struct Parts
    {
        ImportSession &session;
        TargetSession &target;
        ProfileStore &profiles;
        const Preferences &preferences;
        Prompter &prompter;
    };

    explicit MainWindow(const Parts &parts, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setCatalogue(std::shared_ptr<const Catalogue> catalogue);
    void showError(const QString &title, const QString &text);
    // Opens path on the Open page (drop, recent file, command line).
    void openFile(const QString &path);

    int currentStep() const;
    void goToStep(int step);
    void goNext();
    void goBack();

    OpenPage *openPage() const { return m_openPage; }
    TargetPage *targetPage() const { return m_targetPage; }
    ReviewPage *reviewPage() const { return m_reviewPage; }
    UploadPage *uploadPage() const { return m_uploadPage; }
    ResultsPage *resultsPage() const { return m_resultsPage; }
    CataloguePage *cataloguePage() const { return m_cataloguePage; }
    StepBar *stepBar() const { return m_stepBar; }

Q_SIGNALS:
    void catalogueFileChosen(const QString &path);
    void preferencesChosen(const sluice::Preferences &preferences);
    void appearanceChosen(const QString &name);
    void sampleWorkbookRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createNavigation();
    void createMenus();
    void createFileMenu();
    QMenu *createEditMenu();
    void updateUndoActions();
    void createViewMenu();
    void addPage(StepPage *page);
    void updateNavigation();
    int reachableStep() const;
    void chooseCatalogueFile();
    void showSettings();
    void showCatalogue();
    void showAbout();
    void updateTargetLabel();
    void restoreState();
    void saveState();

    Parts m_parts;
    StepBar *m_stepBar;
    QStackedWidget *m_stack;
    OpenPage *m_openPage;
    TargetPage *m_targetPage;
    ReviewPage *m_reviewPage;
    UploadPage *m_uploadPage;
    ResultsPage *m_resultsPage;
    QList<StepPage *> m_pages;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QPushButton *m_backButton = nullptr;
    QPushButton *m_nextButton = nullptr;
    QLabel *m_nextReason = nullptr;
    QLabel *m_targetLabel;
    RecentFilesMenu *m_recentFiles = nullptr;
    QDialog *m_catalogueWindow;
    CataloguePage *m_cataloguePage;
};

} // namespace sluice
