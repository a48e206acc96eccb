// SPDX-License-Identifier: MIT
#include "app/application.h"
#include "models/schema/catalogue.h"
#include "tests/support/catalogues.h"
#include "tests/support/screenshot.h"
#include "tests/support/scriptedprompter.h"
#include "ui/mainwindow.h"
#include "ui/pages/cataloguepage.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace sluice;

namespace {

template<typename T>
T *child(QWidget &parent, const char *name)
{
    T *found = parent.findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child named %s", name);
    return found;
}

// A main window on the built-in catalogue, shown, answering through a scripted prompter.
struct ShownWindow
{
    test::ScriptedPrompter prompter;
    MainWindow window {prompter};

    ShownWindow()
    {
        window.setCatalogue(test::builtInCatalogue());
        window.show();
    }
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().clear(); }
    void showsTheCatalogueAndItsSize();
    void searchNarrowsTheTree();
    void selectingAResourceShowsTableEndpointAndAttributes();
    void findShortcutFocusesTheSearch();
    void openCatalogueAsksForAFile();
    void applicationReportsABadCatalogueAndKeepsTheBuiltIn();
    void applicationLoadsAChosenCatalogue();
    void germanTranslationIsEmbedded();
};

void TestMainWindow::showsTheCatalogueAndItsSize()
{
    ShownWindow shown;
    MainWindow &window = shown.window;
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *tree = child<QTreeView>(window, "catalogueTree");
    QCOMPARE(tree->model()->rowCount(), 4);
    QCOMPARE(child<QLabel>(window, "catalogueMatchCount")->text(), QStringLiteral("51 resources"));
    QVERIFY(
        window.statusBar()->currentMessage().contains(QStringLiteral("4 solutions, 51 resources")));
    QVERIFY(child<QTextBrowser>(window, "catalogueDetails")
                ->toPlainText()
                .contains(QStringLiteral("Select a resource")));
    QVERIFY(test::saveScreenshot(window, QStringLiteral("catalogue-overview")));
}

void TestMainWindow::searchNarrowsTheTree()
{
    ShownWindow shown;
    MainWindow &window = shown.window;
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *search = child<QLineEdit>(window, "catalogueSearch");
    QTest::keyClicks(search, QStringLiteral("customer_orders ship"));
    auto *tree = child<QTreeView>(window, "catalogueTree");
    QAbstractItemModel *model = tree->model();
    QCOMPARE(model->rowCount(), 1); // only Inventory Management
    const QModelIndex orders = model->index(0, 0, model->index(0, 0));
    QCOMPARE(orders.data().toString(), QStringLiteral("Customer Orders"));
    QCOMPARE(model->rowCount(orders), 6); // the ship dates, shipped units and value
    QVERIFY(tree->isExpanded(orders.parent()));
    QCOMPARE(child<QLabel>(window, "catalogueMatchCount")->text(),
             QStringLiteral("1 of 51 resources match"));
    QVERIFY(test::saveScreenshot(window, QStringLiteral("catalogue-search")));

    search->clear();
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(child<QLabel>(window, "catalogueMatchCount")->text(), QStringLiteral("51 resources"));
}

void TestMainWindow::selectingAResourceShowsTableEndpointAndAttributes()
{
    ShownWindow shown;
    MainWindow &window = shown.window;
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    window.cataloguePage()->selectResource(QStringLiteral("INV.CUSTOMER_ORDERS"));
    const QString details = child<QTextBrowser>(window, "catalogueDetails")->toPlainText();
    QVERIFY(details.contains(QStringLiteral("INV_CUSTOMER_ORDERS_OOTB")));
    QVERIFY(details.contains(QStringLiteral(
        "POST https://ingestion.peak.ai/api/v2/ingest/object/INV_CUSTOMER_ORDERS_OOTB")));
    QVERIFY(details.contains(QStringLiteral("order_id, order_line_id, updated_at")));
    QVERIFY(details.contains(QStringLiteral("Attributes (14)")));
    QVERIFY(details.contains(QStringLiteral("references INV.PRODUCTS.product_id")));
    QVERIFY(test::saveScreenshot(window, QStringLiteral("catalogue-customer-orders")));

    window.cataloguePage()->selectResource(QStringLiteral("QP.QUOTE_LINE"));
    QVERIFY(child<QTextBrowser>(window, "catalogueDetails")
                ->toPlainText()
                .contains(QStringLiteral("Incomplete:")));
}

void TestMainWindow::findShortcutFocusesTheSearch()
{
    test::ScriptedPrompter prompter;
    MainWindow window(prompter);
    window.setCatalogue(test::builtInCatalogue());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *tree = child<QTreeView>(window, "catalogueTree");
    tree->setFocus();
    QTest::keySequence(&window, QKeySequence::Find);
    QTRY_VERIFY(child<QLineEdit>(window, "catalogueSearch")->hasFocus());
}

void TestMainWindow::openCatalogueAsksForAFile()
{
    test::ScriptedPrompter prompter;
    MainWindow window(prompter);
    QSignalSpy chosen(&window, &MainWindow::catalogueFileChosen);
    auto *open = child<QAction>(window, "actionOpenCatalogue");

    open->trigger(); // the user cancels the file dialog
    QCOMPARE(chosen.size(), 0);

    prompter.filesToOpen = {QStringLiteral("/data/catalogue-2027.json")};
    open->trigger();
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("/data/catalogue-2027.json"));
}

void TestMainWindow::applicationReportsABadCatalogueAndKeepsTheBuiltIn()
{
    QTemporaryDir dir;
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"solutions\": [");
    file.close();

    test::ScriptedPrompter prompter;
    Application application(prompter, broken);
    application.start();
    QCOMPARE(prompter.errors.size(), 1);
    QVERIFY2(
        prompter.errors.first().contains(broken + QStringLiteral(": not valid JSON at line 1")),
        qPrintable(prompter.errors.first()));
    auto *tree = child<QTreeView>(application.mainWindow(), "catalogueTree");
    QCOMPARE(tree->model()->rowCount(), 4);
    QVERIFY(application.mainWindow().statusBar()->currentMessage().startsWith(
        QStringLiteral("Built-in catalogue")));
}

void TestMainWindow::applicationLoadsAChosenCatalogue()
{
    QTemporaryDir dir;
    const QString smaller = dir.filePath(QStringLiteral("inv-only.json"));
    QFile builtIn(Catalogue::builtInPath());
    QVERIFY(builtIn.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(builtIn.readAll()).object();
    QJsonArray resources;
    for (const QJsonValue &resource : root[u"resources"].toArray()) {
        if (resource[u"solution"].toString() == u"INV")
            resources.append(resource);
    }
    root[u"resources"] = resources;
    QFile file(smaller);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(root).toJson());
    file.close();

    test::ScriptedPrompter prompter;
    Application application(prompter, QString());
    application.start();
    prompter.filesToOpen = {smaller};
    child<QAction>(application.mainWindow(), "actionOpenCatalogue")->trigger();
    QVERIFY2(prompter.errors.isEmpty(), qPrintable(prompter.errors.join(u'\n')));
    QCOMPARE(child<QLabel>(application.mainWindow(), "catalogueMatchCount")->text(),
             QStringLiteral("17 resources"));

    // The choice is remembered for the next start; a file gone missing since is reported.
    Application again(prompter, QString());
    again.start();
    QCOMPARE(child<QLabel>(again.mainWindow(), "catalogueMatchCount")->text(),
             QStringLiteral("17 resources"));
    QFile::remove(smaller);
    Application afterDelete(prompter, QString());
    afterDelete.start();
    QCOMPARE(prompter.errors.size(), 1);
    QVERIFY(
        prompter.errors.first().contains(QStringLiteral("Sluice uses its built-in catalogue.")));
    QCOMPARE(child<QLabel>(afterDelete.mainWindow(), "catalogueMatchCount")->text(),
             QStringLiteral("51 resources"));
}

void TestMainWindow::germanTranslationIsEmbedded()
{
    Application::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::German));
    test::ScriptedPrompter prompter;
    MainWindow window(prompter);
    window.setCatalogue(test::builtInCatalogue());
    QStringList menus;
    for (QAction *action : window.menuBar()->actions())
        menus.append(action->text());
    QCOMPARE(menus, (QStringList {"&Datei", "&Bearbeiten", "&Hilfe"}));
    QCOMPARE(child<QLabel>(window, "catalogueMatchCount")->text(), QStringLiteral("51 Ressourcen"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
