// SPDX-License-Identifier: MIT
// sluice: the desktop app.
#include "app/application.h"
#include "models/common/version.h"
#include "ui/appearance.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>

#include <memory>

using namespace sluice;

namespace {

void setApplicationIdentity()
{
    QCoreApplication::setApplicationName(QString::fromLatin1(ApplicationName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(ApplicationVersion));
    QCoreApplication::setOrganizationName(QString::fromLatin1(OrganizationName));
    QCoreApplication::setOrganizationDomain(QString::fromLatin1(OrganizationDomain));
}

// --help and --version must answer on a machine without a display, so they are handled before
// a QApplication (which needs one) exists.
bool asksForHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "--help" || argument == "-h" || argument == "-?" || argument == "--help-all"
            || argument == "--version" || argument == "-v")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    const bool textOnly = asksForHelpOrVersion(argc, argv);
    std::unique_ptr<QCoreApplication> app = textOnly
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::make_unique<QApplication>(argc, argv);
    setApplicationIdentity();
    QGuiApplication::setDesktopFileName(QStringLiteral("sluice"));
    Application::installTranslations(*app, Application::preferredLocale());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Sluice: load spreadsheets into the Data Ingestion API (v2)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption catalogueOption(
        QStringLiteral("catalogue"),
        QCoreApplication::translate("main", "Use the resource catalogue in FILE."),
        QStringLiteral("FILE"));
    parser.addOption(catalogueOption);
    const QCommandLineOption sampleOption(
        QStringLiteral("sample"),
        QCoreApplication::translate(
            "main", "Open the sample workbook, to be sent to the built-in Local sandbox."));
    parser.addOption(sampleOption);
    const QCommandLineOption appearanceOption(
        QStringLiteral("appearance"),
        QCoreApplication::translate("main", "Look: system, light or dark."),
        QStringLiteral("NAME"));
    parser.addOption(appearanceOption);
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QCoreApplication::translate("main", "The spreadsheet to open (CSV, XLSX, ODS or XLS)."),
        QStringLiteral("[FILE]"));
    parser.process(*app);

    Appearance::apply(parser.isSet(appearanceOption) ? parser.value(appearanceOption)
                                                     : Application::savedAppearance());
    WidgetPrompter prompter;
    Application application(prompter, parser.value(catalogueOption));
    application.start(parser.positionalArguments().value(0));
    if (parser.isSet(sampleOption))
        application.openSampleWorkbook();
    return QCoreApplication::exec();
}
