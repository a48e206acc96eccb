// SPDX-License-Identifier: MIT
#pragma once

#include "models/session/preferences.h"
#include "ui/prompter.h"

#include <QCoreApplication>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QObject>

#include <memory>

namespace sluice {

class Catalogue;
class CredentialStore;
class ImportSession;
class InProcessSandbox;
class MainWindow;
class ProfileStore;
class TargetSession;

// The composition root of the GUI: owns the one QNetworkAccessManager, the catalogue in use, the
// keychain, the built-in Local sandbox, the sessions the pages observe and the main window, and
// wires them together. Nothing below it creates these.
class Application : public QObject
{
    Q_OBJECT

public:
    // cataloguePath: from --catalogue; empty means the one in the settings, if any, else the
    // built-in catalogue.
    Application(Prompter &prompter, QString cataloguePath, QObject *parent = nullptr);
    ~Application() override;

    // Sluice's own and Qt's translations for the locale's language; English needs none.
    static void installTranslations(QCoreApplication &app, const QLocale &locale);
    // The language the user chose in the settings, else the system's.
    static QLocale preferredLocale();
    // The look chosen with View ▸ Appearance (kept in the settings).
    static QString savedAppearance();

    // Loads the catalogue, builds the window and shows it. The flow starts on the Open page;
    // fileToOpen, when given, is opened at once.
    void start(const QString &fileToOpen = {});
    // The shipped sample workbook (copied out to the data folder, so results can be saved next to
    // it), sent to the built-in Local sandbox: what the README's first command shows.
    void openSampleWorkbook();

    MainWindow &mainWindow() const { return *m_mainWindow; }
    ImportSession &session() const { return *m_session; }
    TargetSession &target() const { return *m_target; }
    InProcessSandbox &sandbox() const { return *m_sandbox; }

private:
    bool loadCatalogue(const QString &path, const QString &whatHappensInstead);
    void openCatalogueFile(const QString &path);
    void applyPreferences(const Preferences &preferences);
    void restoreTarget();
    void saveTarget() const;

    QString m_cataloguePath;
    Prompter &m_prompter;
    QNetworkAccessManager m_network;
    Preferences m_preferences;
    std::shared_ptr<const Catalogue> m_catalogue;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<InProcessSandbox> m_sandbox;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<ImportSession> m_session;
    std::unique_ptr<TargetSession> m_target;
    std::unique_ptr<MainWindow> m_mainWindow;
};

} // namespace sluice
