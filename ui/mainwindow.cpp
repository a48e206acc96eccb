// SPDX-License-Identifier: MIT
#include "ui/mainwindow.h"

#include "models/common/version.h"
#include "models/schema/catalogue.h"
#include "models/session/importsession.h"
#include "models/session/targetsession.h"
#include "ui/appearance.h"
#include "ui/dialogs/settingsdialog.h"
#include "ui/pages/cataloguepage.h"
#include "ui/pages/mappingpanel.h"
#include "ui/pages/openpage.h"
#include "ui/pages/resultspage.h"
#include "ui/pages/reviewpage.h"
#include "ui/pages/targetpage.h"
#include "ui/pages/uploadpage.h"
#include "ui/prompter.h"
#include "ui/widgets/recentfilesmenu.h"
#include "ui/widgets/stepbar.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace sluice {

namespace {

QStringList stepTitles()
{
    return {MainWindow::tr("Open"), MainWindow::tr("Target & mapping"), MainWindow::tr("Review"),
            MainWindow::tr("Upload"), MainWindow::tr("Results")};
}

// The splitters whose sizes the window remembers, by object name.
const QStringList RememberedSplitters {QStringLiteral("targetSplitter"),
                                       QStringLiteral("reviewSplitter"),
                                       QStringLiteral("catalogueSplitter")};

} // namespace

MainWindow::MainWindow(const Parts &parts, QWidget *parent)
    : QMainWindow(parent)
    , m_parts(parts)
    , m_stepBar(new StepBar(stepTitles(), this))
    , m_stack(new QStackedWidget(this))
    , m_openPage(new OpenPage(parts.session, parts.prompter, this))
    , m_targetPage(
          new TargetPage(parts.target, parts.session, parts.profiles, parts.prompter, this))
    , m_reviewPage(new ReviewPage(parts.session, parts.prompter, this))
    , m_uploadPage(
          new UploadPage(parts.session, parts.target, parts.preferences, parts.prompter, this))
    , m_resultsPage(new ResultsPage(parts.session, parts.prompter, this))
    , m_targetLabel(new QLabel(this))
    , m_catalogueWindow(new QDialog(this))
    , m_cataloguePage(new CataloguePage(m_catalogueWindow))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Sluice"));
    setWindowIcon(QIcon(QStringLiteral(":/sluice/icons/sluice.svg")));
    setAcceptDrops(true);
    QCoreApplication::instance()->installEventFilter(this);
    m_stack->setObjectName(QStringLiteral("stepStack"));
    for (StepPage *page :
         {static_cast<StepPage *>(m_openPage), static_cast<StepPage *>(m_targetPage),
          static_cast<StepPage *>(m_reviewPage), static_cast<StepPage *>(m_uploadPage),
          static_cast<StepPage *>(m_resultsPage)})
        addPage(page);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_stepBar);
    layout->addWidget(m_stack, 1);
    layout->addWidget(createNavigation());
    setCentralWidget(central);
    connect(m_stepBar, &StepBar::stepClicked, this, &MainWindow::goToStep);
    connect(m_openPage, &OpenPage::fileOpened, this, [this](const QString &path) {
        if (m_recentFiles)
            m_recentFiles->add(path);
        setWindowFilePath(path);
    });

    m_catalogueWindow->setObjectName(QStringLiteral("catalogueWindow"));
    m_catalogueWindow->setWindowTitle(tr("Resource Catalogue"));
    (new QVBoxLayout(m_catalogueWindow))->addWidget(m_cataloguePage);
    m_catalogueWindow->resize(1000, 650);

    // Fixes the user asked to remember go into the profile the mapping step saves.
    MappingPanel *mapping = m_targetPage->mappingPanel();
    connect(m_reviewPage, &ReviewPage::saveFixesToProfileRequested, mapping,
            &MappingPanel::saveFixesToProfile);
    connect(mapping, &MappingPanel::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });

    createMenus();
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    m_targetLabel->setObjectName(QStringLiteral("statusTarget"));
    statusBar()->addPermanentWidget(m_targetLabel);
    connect(&parts.target, &TargetSession::changed, this, &MainWindow::updateTargetLabel);
    updateTargetLabel();
    resize(1280, 800);
    restoreState();
    goToStep(OpenStep);
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(StepPage *page)
{
    m_pages.append(page);
    m_stack->addWidget(page);
    connect(page, &StepPage::completeChanged, this, &MainWindow::updateNavigation);
    connect(page, &StepPage::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
}

QWidget *MainWindow::createNavigation()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("navigationBar"));
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(10, 6, 10, 6);
    m_backButton = new QPushButton(tr("‹ &Back"), bar);
    m_backButton->setObjectName(QStringLiteral("backButton"));
    m_nextReason = new QLabel(bar);
    m_nextReason->setObjectName(QStringLiteral("nextReason"));
    m_nextButton = new QPushButton(bar);
    m_nextButton->setObjectName(QStringLiteral("nextButton"));
    m_nextButton->setDefault(false);
    m_nextButton->setAutoDefault(false);
    layout->addWidget(m_backButton);
    layout->addStretch(1);
    layout->addWidget(m_nextReason);
    layout->addWidget(m_nextButton);
    connect(m_backButton, &QPushButton::clicked, this, &MainWindow::goBack);
    connect(m_nextButton, &QPushButton::clicked, this, &MainWindow::goNext);
    return bar;
}

// Undo and Redo name the step they take ("Undo Edit order_date on row 5"), and wait while a
// read, check or upload runs: those read what the step would change.
QMenu *MainWindow::createEditMenu()
{
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QUndoStack *stack = m_parts.session.undoStack();
    m_undo = edit->addAction(tr("&Undo"), this, [this, stack] {
        if (!m_parts.session.isBusy())
            stack->undo();
    });
    m_undo->setObjectName(QStringLiteral("actionUndo"));
    m_undo->setShortcuts(QKeySequence::Undo);
    m_redo = edit->addAction(tr("&Redo"), this, [this, stack] {
        if (!m_parts.session.isBusy())
            stack->redo();
    });
    m_redo->setObjectName(QStringLiteral("actionRedo"));
    m_redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addSeparator();
    const auto update = [this] {
        updateUndoActions();
    };
    connect(stack, &QUndoStack::indexChanged, this, update);
    connect(stack, &QUndoStack::cleanChanged, this, update);
    ImportSession &session = m_parts.session;
    connect(&session, &ImportSession::validated, this, update);
    connect(&session, &ImportSession::validationProgressed, this, update);
    connect(&session, &ImportSession::loaded, this, update);
    connect(&session, &ImportSession::uploadFinished, this, update);
    connect(&session, &ImportSession::mappingChanged, this, update);
    updateUndoActions();
    return edit;
}

void MainWindow::updateUndoActions()
{
    const QUndoStack *stack = m_parts.session.undoStack();
    const bool busy = m_parts.session.isBusy();
    m_undo->setEnabled(stack->canUndo() && !busy);
    m_redo->setEnabled(stack->canRedo() && !busy);
    m_undo->setText(stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
    m_redo->setText(stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
}

void MainWindow::createMenus()
{
    createFileMenu();

    QMenu *edit = createEditMenu();
    QAction *settings = edit->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setObjectName(QStringLiteral("actionSettings"));
    settings->setShortcuts({QKeySequence::Preferences, QKeySequence(tr("Ctrl+,"))});
    settings->setMenuRole(QAction::PreferencesRole);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    QAction *back = go->addAction(tr("&Back"), this, &MainWindow::goBack);
    back->setObjectName(QStringLiteral("actionBack"));
    back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    QAction *next = go->addAction(tr("&Next"), this, &MainWindow::goNext);
    next->setObjectName(QStringLiteral("actionNext"));
    next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    go->addSeparator();
    // The Review page's own actions (F8, Shift+F8), so the menu shows their shortcuts.
    for (const char *name : {"reviewNextIssueAction", "reviewPreviousIssueAction"}) {
        if (auto *action = m_reviewPage->findChild<QAction *>(QString::fromLatin1(name)))
            go->addAction(action);
    }

    createViewMenu();
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Sluice"), this, &MainWindow::showAbout);
}

void MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, [this] {
        goToStep(OpenStep);
        m_openPage->chooseFile();
    });
    open->setObjectName(QStringLiteral("actionOpen"));
    open->setShortcut(QKeySequence::Open);
    m_recentFiles = new RecentFilesMenu(this);
    connect(m_recentFiles, &RecentFilesMenu::fileChosen, this, &MainWindow::openFile);
    file->addMenu(m_recentFiles);
    QAction *sample
        = file->addAction(tr("Open &Sample Workbook"), this, &MainWindow::sampleWorkbookRequested);
    sample->setObjectName(QStringLiteral("actionOpenSample"));
    file->addSeparator();
    QAction *catalogue
        = file->addAction(tr("Open &Catalogue…"), this, &MainWindow::chooseCatalogueFile);
    catalogue->setObjectName(QStringLiteral("actionOpenCatalogue"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::createViewMenu()
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *catalogue
        = view->addAction(tr("Resource &Catalogue"), this, &MainWindow::showCatalogue);
    catalogue->setObjectName(QStringLiteral("actionShowCatalogue"));
    catalogue->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QMenu *appearance = view->addMenu(tr("&Appearance"));
    auto *group = new QActionGroup(appearance);
    const QString current = QSettings().value(QStringLiteral("appearance")).toString();
    const QStringList labels {tr("&System"), tr("&Light"), tr("&Dark")};
    for (int i = 0; i < Appearance::names().size(); ++i) {
        const QString name = Appearance::names()[i];
        QAction *action = appearance->addAction(labels[i], this,
                                                [this, name] { Q_EMIT appearanceChosen(name); });
        action->setCheckable(true);
        action->setChecked(name == current || (i == 0 && current.isEmpty()));
        action->setObjectName(QStringLiteral("actionAppearance_") + name);
        group->addAction(action);
    }
}

void MainWindow::setCatalogue(std::shared_ptr<const Catalogue> catalogue)
{
    statusBar()->showMessage(tr("%1, version %2: %3 solutions, %4 resources")
                                 .arg(catalogue->sourceName(), catalogue->version())
                                 .arg(catalogue->solutions().size())
                                 .arg(catalogue->resources().size()));
    m_cataloguePage->setCatalogue(std::move(catalogue));
}

void MainWindow::showError(const QString &title, const QString &text)
{
    m_parts.prompter.showError(this, title, text);
}

void MainWindow::openFile(const QString &path)
{
    goToStep(OpenStep);
    m_openPage->openFile(path);
}

int MainWindow::currentStep() const
{
    return m_stack->currentIndex();
}

// The user may go to any step up to the first that is not complete: Back and the step bar never
// lose work, and nothing skips a step whose input is missing.
int MainWindow::reachableStep() const
{
    for (int step = 0; step < m_pages.size(); ++step) {
        if (!m_pages[step]->isComplete())
            return step;
    }
    return static_cast<int>(m_pages.size()) - 1;
}

void MainWindow::goToStep(int step)
{
    if (step < 0 || step >= m_pages.size() || step > reachableStep())
        return updateNavigation();
    m_stack->setCurrentIndex(step);
    m_pages[step]->enter();
    updateNavigation();
}

void MainWindow::goNext()
{
    goToStep(currentStep() + 1);
}

void MainWindow::goBack()
{
    goToStep(currentStep() - 1);
}

void MainWindow::updateNavigation()
{
    const int step = currentStep();
    const QStringList titles = stepTitles();
    m_stepBar->setState(step, reachableStep());
    m_backButton->setEnabled(step > 0);
    const bool last = step + 1 >= m_pages.size();
    m_nextButton->setVisible(!last);
    QString nextTitle = titles.value(step + 1);
    nextTitle.replace(u'&', QStringLiteral("&&"));
    m_nextButton->setText(last ? QString() : tr("&Next: %1 ›").arg(nextTitle));
    const bool complete = m_pages.value(step) && m_pages[step]->isComplete();
    m_nextButton->setEnabled(!last && complete);
    m_nextReason->setText(last || complete ? QString() : m_pages[step]->incompleteReason());
}

void MainWindow::updateTargetLabel()
{
    const TargetSession &target = m_parts.target;
    if (target.isSandbox()) {
        m_targetLabel->setText(tr("Target: Local sandbox"));
        return;
    }
    const QString host = target.host().host();
    m_targetLabel->setText(host.isEmpty() ? tr("Target: not set")
                                          : tr("⚠ Target: %1 (real platform)").arg(host));
}

void MainWindow::chooseCatalogueFile()
{
    const QString path = m_parts.prompter.fileToOpen(this, tr("Open Resource Catalogue"),
                                                     tr("Catalogue (*.json);;All files (*)"));
    if (!path.isEmpty())
        Q_EMIT catalogueFileChosen(path);
}

void MainWindow::showSettings()
{
    // Not exec(): the window (and a running upload's progress) keeps going while it is open.
    auto *dialog = new SettingsDialog(m_parts.preferences, this, &m_parts.prompter);
    dialog->setObjectName(QStringLiteral("settingsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { Q_EMIT preferencesChosen(dialog->preferences()); });
    dialog->open();
}

void MainWindow::showCatalogue()
{
    m_catalogueWindow->show();
    m_catalogueWindow->raise();
    m_catalogueWindow->activateWindow();
}

void MainWindow::showAbout()
{
    m_parts.prompter.showAbout(
        this, tr("About Sluice"),
        tr("<h3>Sluice %1</h3><p>Loads spreadsheets into the Data Ingestion API "
           "(v2) of the Supply Chain &amp; Retail Solutions platform.</p>")
            .arg(QString::fromLatin1(ApplicationVersion)));
}

void MainWindow::restoreState()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    for (const QString &name : RememberedSplitters) {
        if (auto *splitter = findChild<QSplitter *>(name))
            splitter->restoreState(
                settings.value(QStringLiteral("mainWindow/") + name).toByteArray());
    }
}

void MainWindow::saveState()
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    for (const QString &name : RememberedSplitters) {
        if (auto *splitter = findChild<QSplitter *>(name))
            settings.setValue(QStringLiteral("mainWindow/") + name, splitter->saveState());
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    UploadRun *run = m_parts.session.upload();
    const auto state = run ? run->uploader().state() : BatchUploader::State::Idle;
    if (state != BatchUploader::State::Idle && state != BatchUploader::State::Finished) {
        const bool stop = m_parts.prompter.confirm(
            this, tr("Upload running"),
            tr("An upload is still running. Stop it and quit? The rows sent so far stay sent; the "
               "run's journal lets the command line resume the rest."),
            tr("Stop and Quit"));
        if (!stop)
            return event->ignore();
        run->uploader().cancel();
    }
    saveState();
    event->accept();
}

// A file dropped anywhere in the window opens, also over a text field (which would otherwise
// take the file's path as text): the window sees drags before its children do.
bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::DragEnter && type != QEvent::DragMove && type != QEvent::Drop)
        return QMainWindow::eventFilter(watched, event);
    const auto *widget = qobject_cast<QWidget *>(watched);
    auto *drag = static_cast<QDropEvent *>(event);
    const QList<QUrl> urls = drag->mimeData()->urls();
    if (!widget || widget->window() != this || urls.size() != 1 || !urls.first().isLocalFile())
        return QMainWindow::eventFilter(watched, event);
    drag->acceptProposedAction();
    if (type == QEvent::Drop)
        openFile(urls.first().toLocalFile());
    return true;
}

} // namespace sluice
