// SPDX-License-Identifier: MIT
#include "app/application.h"

#include "app/inprocesssandbox.h"
#include "models/mapping/profilestore.h"
#include "models/schema/catalogue.h"
#include "models/session/importsession.h"
#include "models/session/targetsession.h"
#include "models/upload/credentialstore.h"
#include "ui/appearance.h"
#include "ui/mainwindow.h"

#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>

namespace sluice {

namespace {

const QString CataloguePathKey = QStringLiteral("catalogue/path");
const QString AppearanceKey = QStringLiteral("appearance");
const QString SampleResource = QStringLiteral(":/sluice/sample/customer-orders.xlsx");

} // namespace

Application::Application(Prompter &prompter, QString cataloguePath, QObject *parent)
    : QObject(parent)
    , m_cataloguePath(std::move(cataloguePath))
    , m_prompter(prompter)
    , m_preferences(Preferences::load(QSettings()))
    , m_credentials(std::make_unique<CredentialStore>())
    , m_profiles(std::make_unique<ProfileStore>())
{}

Application::~Application()
{
    if (m_target)
        saveTarget();
    // The window observes the sessions: it goes first.
    m_mainWindow.reset();
    m_target.reset();
    m_session.reset();
}

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

QLocale Application::preferredLocale()
{
    const QString language = Preferences::load(QSettings()).language;
    return language.isEmpty() ? QLocale() : QLocale(language);
}

QString Application::savedAppearance()
{
    return QSettings().value(AppearanceKey).toString();
}

void Application::start(const QString &fileToOpen)
{
    QString path = m_cataloguePath;
    if (path.isEmpty())
        path = QSettings().value(CataloguePathKey).toString();
    if (path.isEmpty() || !loadCatalogue(path, tr("Sluice uses its built-in catalogue.")))
        loadCatalogue(Catalogue::builtInPath(), QString());

    m_sandbox = std::make_unique<InProcessSandbox>(m_catalogue);
    m_session = std::make_unique<ImportSession>(m_catalogue, m_network);
    m_target
        = std::make_unique<TargetSession>(m_catalogue, m_network, *m_credentials, m_sandbox.get());
    m_mainWindow = std::make_unique<MainWindow>(
        MainWindow::Parts {*m_session, *m_target, *m_profiles, m_preferences, m_prompter});
    m_mainWindow->setCatalogue(m_catalogue);
    connect(m_mainWindow.get(), &MainWindow::catalogueFileChosen, this,
            &Application::openCatalogueFile);
    connect(m_mainWindow.get(), &MainWindow::preferencesChosen, this,
            &Application::applyPreferences);
    connect(m_mainWindow.get(), &MainWindow::sampleWorkbookRequested, this,
            &Application::openSampleWorkbook);
    connect(m_mainWindow.get(), &MainWindow::appearanceChosen, this, [](const QString &name) {
        QSettings().setValue(AppearanceKey, name);
        Appearance::apply(name);
    });
    restoreTarget();
    applyPreferences(m_preferences);
    m_mainWindow->show();
    if (!fileToOpen.isEmpty())
        m_mainWindow->openFile(fileToOpen);
}

void Application::openSampleWorkbook()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        + QStringLiteral("/sample");
    const QString path = folder + QStringLiteral("/customer-orders.xlsx");
    QDir().mkpath(folder);
    // A fresh copy each time: the sample is meant to show the same four problems every time.
    QFile::remove(path);
    if (!QFile::copy(SampleResource, path)) {
        m_mainWindow->showError(tr("Sample workbook"),
                                tr("Sluice could not copy its sample workbook to %1.")
                                    .arg(QDir::toNativeSeparators(path)));
        return;
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    m_target->setEnvironment(TargetSession::Environment::LocalSandbox);
    m_mainWindow->openFile(path);
}

bool Application::loadCatalogue(const QString &path, const QString &whatHappensInstead)
{
    Result<Catalogue> catalogue = Catalogue::load(path);
    if (!catalogue) {
        m_prompter.showError(m_mainWindow.get(), tr("Catalogue not loaded"),
                             catalogue.error().message + QStringLiteral("\n\n")
                                 + whatHappensInstead);
        return false;
    }
    m_catalogue = std::make_shared<const Catalogue>(std::move(catalogue).value());
    return true;
}

void Application::openCatalogueFile(const QString &path)
{
    if (!loadCatalogue(path, tr("Sluice keeps the catalogue it had.")))
        return;
    QSettings().setValue(CataloguePathKey, path);
    m_mainWindow->setCatalogue(m_catalogue);
    m_target->setCatalogue(m_catalogue);
    m_session->setCatalogue(m_catalogue);
}

void Application::applyPreferences(const Preferences &preferences)
{
    const bool otherCatalogue = preferences.cataloguePath != m_preferences.cataloguePath;
    m_preferences = preferences;
    QSettings settings;
    m_preferences.save(settings);
    m_target->setPathTemplate(m_preferences.pathTemplate);
    m_target->setBearerPrefix(m_preferences.upload.bearerPrefix);
    m_session->setDefaultTimestampForm(m_preferences.timestampForm);
    if (otherCatalogue)
        openCatalogueFile(m_preferences.cataloguePath.isEmpty() ? Catalogue::builtInPath()
                                                                : m_preferences.cataloguePath);
}

// The environment, host and solution of the last session (never the token: that is in the
// keychain).
void Application::restoreTarget()
{
    m_target->restoreSettings(QSettings());
}

void Application::saveTarget() const
{
    QSettings settings;
    m_target->saveSettings(settings);
}

} // namespace sluice
