// SPDX-License-Identifier: MIT
#include "ui/mainwindow.h"

#include "models/common/version.h"
#include "models/schema/catalogue.h"
#include "ui/pages/cataloguepage.h"
#include "ui/prompter.h"

#include <QAction>
#include <QCloseEvent>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>

namespace sluice {

MainWindow::MainWindow(Prompter &prompter, QWidget *parent)
    : QMainWindow(parent)
    , m_prompter(prompter)
    , m_cataloguePage(new CataloguePage(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Sluice"));
    setWindowIcon(QIcon(QStringLiteral(":/sluice/icons/sluice.svg")));
    setCentralWidget(m_cataloguePage);
    m_cataloguePage->setFocus();
    createMenus();
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    resize(1100, 700);
    restoreState();
}

MainWindow::~MainWindow() = default;

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
    m_prompter.showError(this, title, text);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *openCatalogue
        = file->addAction(tr("Open &Catalogue…"), this, &MainWindow::chooseCatalogueFile);
    openCatalogue->setObjectName(QStringLiteral("actionOpenCatalogue"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *find = edit->addAction(tr("&Find…"), m_cataloguePage, &CataloguePage::focusSearch);
    find->setShortcut(QKeySequence::Find);
    find->setObjectName(QStringLiteral("actionFind"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Sluice"), this, &MainWindow::showAbout);
}

void MainWindow::chooseCatalogueFile()
{
    const QString path = m_prompter.fileToOpen(this, tr("Open Resource Catalogue"),
                                               tr("Catalogue (*.json);;All files (*)"));
    if (!path.isEmpty())
        Q_EMIT catalogueFileChosen(path);
}

void MainWindow::showAbout()
{
    m_prompter.showAbout(this, tr("About Sluice"),
                         tr("<h3>Sluice %1</h3><p>Loads spreadsheets into the Data Ingestion API "
                            "(v2) of the Supply Chain &amp; Retail Solutions platform.</p>")
                             .arg(QString::fromLatin1(ApplicationVersion)));
}

void MainWindow::restoreState()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    m_cataloguePage->splitter()->restoreState(
        settings.value(QStringLiteral("mainWindow/catalogueSplitter")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/catalogueSplitter"),
                      m_cataloguePage->splitter()->saveState());
    event->accept();
}

} // namespace sluice
