// SPDX-License-Identifier: MIT
#pragma once

#include "ui/prompter.h"

#include <QCoreApplication>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QObject>

#include <memory>

namespace sluice {

class MainWindow;

// The composition root of the GUI: owns the one QNetworkAccessManager, the catalogue in use and
// the main window, and wires them together. Nothing below it creates these.
class Application : public QObject
{
    Q_OBJECT

public:
    // cataloguePath: from --catalogue; empty means the one remembered in the settings, if any,
    // else the built-in catalogue.
    Application(Prompter &prompter, QString cataloguePath, QObject *parent = nullptr);
    ~Application() override;

    // Sluice's own and Qt's translations for the locale's language; English needs none.
    static void installTranslations(QCoreApplication &app, const QLocale &locale);

    void start();
    MainWindow &mainWindow() const { return *m_mainWindow; }

private:
    bool loadCatalogue(const QString &path, const QString &whatHappensInstead);
    void openCatalogueFile(const QString &path);

    QString m_cataloguePath;
    QNetworkAccessManager m_network;
    Prompter &m_prompter;
    std::unique_ptr<MainWindow> m_mainWindow;
};

} // namespace sluice
