// SPDX-License-Identifier: MIT
#include "app/application.h"

#include "models/schema/catalogue.h"
#include "ui/mainwindow.h"

#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace sluice {

namespace {

const QString CataloguePathKey = QStringLiteral("catalogue/path");

} // namespace

Application::Application(Prompter &prompter, QString cataloguePath, QObject *parent)
    : QObject(parent)
    , m_cataloguePath(std::move(cataloguePath))
    , m_prompter(prompter)
    , m_mainWindow(std::make_unique<MainWindow>(m_prompter))
{
    connect(m_mainWindow.get(), &MainWindow::catalogueFileChosen, this,
            &Application::openCatalogueFile);
}

Application::~Application() = default;

void Application::installTranslations(QCoreApplication &app, const QLocale &locale)
{
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("sluice"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    else
        delete own;
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
}

void Application::start()
{
    QString path = m_cataloguePath;
    if (path.isEmpty())
        path = QSettings().value(CataloguePathKey).toString();
    if (path.isEmpty() || !loadCatalogue(path, tr("Sluice uses its built-in catalogue.")))
        loadCatalogue(Catalogue::builtInPath(), QString());
    m_mainWindow->show();
}

bool Application::loadCatalogue(const QString &path, const QString &whatHappensInstead)
{
    Result<Catalogue> catalogue = Catalogue::load(path);
    if (!catalogue) {
        m_mainWindow->showError(tr("Catalogue not loaded"),
                                catalogue.error().message + QStringLiteral("\n\n")
                                    + whatHappensInstead);
        return false;
    }
    m_mainWindow->setCatalogue(std::make_shared<const Catalogue>(std::move(catalogue).value()));
    return true;
}

void Application::openCatalogueFile(const QString &path)
{
    if (loadCatalogue(path, tr("Sluice keeps the catalogue it had.")))
        QSettings().setValue(CataloguePathKey, path);
}

} // namespace sluice
