// SPDX-License-Identifier: MIT
#include "app/application.h"
#include "models/schema/catalogue.h"
#include "models/session/importsession.h"
#include "models/session/targetsession.h"
#include "tests/support/sampleworkbook.h"
#include "tests/support/screenshot.h"
#include "tests/support/scriptedprompter.h"
#include "tests/support/widgettests.h"
#include "ui/mainwindow.h"
#include "ui/pages/cataloguepage.h"
#include "ui/pages/openpage.h"
#include "ui/widgets/recentfilesmenu.h"
#include "ui/widgets/stepbar.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>

using namespace sluice;
using test::child;

namespace {

// The app as a user starts it, answering through a scripted prompter.
struct StartedApp
{
    test::ScriptedPrompter prompter;
    Application application {prompter, QString()};
    MainWindow &window;

    explicit StartedApp(const QString &file = {})
        : window((application.start(file), application.mainWindow()))
    {}
};

QDropEvent dropOf(const QString &path, const QPoint &at)
{
    static QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    return QDropEvent(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().clear(); }
    void startsOnOpenWithNextExplainingWhatIsMissing();
    void aDroppedFileOpensAndIsRemembered();
    void stepBarAndBackKeepTheWork();
    void geometryAndSplittersAreRemembered();
    void settingsOpenWithoutBlockingAndAreSaved();
    void darkAppearanceChangesThePalette();
    void catalogueWindowSearchesAndShowsDetails();
    void applicationReportsABadCatalogueAndKeepsTheBuiltIn();
    void applicationLoadsAChosenCatalogue();
    void germanTranslationIsEmbedded();
    void everyControlHasANameAndIsReachedByTab();
};

void TestMainWindow::startsOnOpenWithNextExplainingWhatIsMissing()
{
    StartedApp app;
    QVERIFY(QTest::qWaitForWindowExposed(&app.window));
    QCOMPARE(app.window.currentStep(), int(MainWindow::OpenStep));
    auto *next = child<QPushButton>(app.window, "nextButton");
    QVERIFY(!next->isEnabled());
    QVERIFY(next->text().contains(u"Target && mapping")); // "&&": not a mnemonic
    QVERIFY(!child<QLabel>(app.window, "nextReason")->text().isEmpty());
    QVERIFY(!child<QPushButton>(app.window, "backButton")->isEnabled());
    // Only the first step can be reached, and the bar says so in words as well as by look.
    StepBar *bar = app.window.stepBar();
    QVERIFY(bar->button(0)->isChecked());
    QVERIFY(!bar->button(1)->isEnabled());
    QVERIFY(bar->button(1)->accessibleName().contains(u"not available yet"));
    // The Local sandbox is the target until the user picks another.
    QVERIFY(app.application.target().isSandbox());
    QCOMPARE(child<QLabel>(app.window, "statusTarget")->text(), u"Target: Local sandbox");
}

void TestMainWindow::aDroppedFileOpensAndIsRemembered()
{
    StartedApp app;
    QVERIFY(QTest::qWaitForWindowExposed(&app.window));
    QDropEvent drop = dropOf(test::sampleWorkbookPath(), QPoint(200, 200));
    QDragEnterEvent enter(QPoint(200, 200), Qt::CopyAction, drop.mimeData(), Qt::LeftButton,
                          Qt::NoModifier);
    QCoreApplication::sendEvent(&app.window, &enter);
    QVERIFY(enter.isAccepted());
    QCoreApplication::sendEvent(&app.window, &drop);
    QTRY_VERIFY_WITH_TIMEOUT(app.window.openPage()->isComplete(), 10000);
    QCOMPARE(app.application.session().filePath(), test::sampleWorkbookPath());
    QTRY_VERIFY(child<QPushButton>(app.window, "nextButton")->isEnabled());
    QVERIFY(app.window.stepBar()->button(1)->isEnabled());
    // Over a text field too: the file opens, the field keeps its text.
    QVERIFY(app.application.session().setResource(QStringLiteral("INV.CUSTOMER_ORDERS")));
    app.window.goToStep(MainWindow::TargetStep);
    auto *search = child<QLineEdit>(app.window, "targetResourceSearch");
    const QString typed = search->text();
    QDropEvent onField = dropOf(test::sampleWorkbookPath(), QPoint(5, 5));
    QDragEnterEvent enterField(QPoint(5, 5), Qt::CopyAction, onField.mimeData(), Qt::LeftButton,
                               Qt::NoModifier);
    QCoreApplication::sendEvent(search, &enterField);
    QVERIFY(enterField.isAccepted());
    QCoreApplication::sendEvent(search, &onField);
    QCOMPARE(app.window.currentStep(), int(MainWindow::OpenStep));
    QCOMPARE(search->text(), typed);
    QTRY_VERIFY_WITH_TIMEOUT(app.window.openPage()->isComplete(), 10000);
    auto *recent = child<RecentFilesMenu>(app.window, "recentFilesMenu");
    QCOMPARE(recent->files(),
             QStringList {QFileInfo(test::sampleWorkbookPath()).absoluteFilePath()});
    QVERIFY(recent->actions().first()->text().contains(u"customer-orders.xlsx"));
}

void TestMainWindow::stepBarAndBackKeepTheWork()
{
    StartedApp app(test::sampleWorkbookPath());
    QVERIFY(QTest::qWaitForWindowExposed(&app.window));
    QTRY_VERIFY_WITH_TIMEOUT(app.window.openPage()->isComplete(), 10000);
    QTest::mouseClick(child<QPushButton>(app.window, "nextButton"), Qt::LeftButton);
    QCOMPARE(app.window.currentStep(), int(MainWindow::TargetStep));
    ImportSession &session = app.application.session();
    QVERIFY(session.setResource(QStringLiteral("INV.CUSTOMER_ORDERS")));
    const Mapping mapping = session.mapping();

    // Back with Alt+Left, then forward again through the step bar: the file and mapping stay.
    QTest::keyClick(&app.window, Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(app.window.currentStep(), int(MainWindow::OpenStep));
    QTest::mouseClick(app.window.stepBar()->button(1), Qt::LeftButton);
    QCOMPARE(app.window.currentStep(), int(MainWindow::TargetStep));
    QCOMPARE(session.filePath(), test::sampleWorkbookPath());
    QVERIFY(session.resource());
    QVERIFY(session.mapping() == mapping);
    QVERIFY(app.window.stepBar()->button(0)->text().startsWith(u"✓"));
    // A step past the first incomplete one cannot be jumped to.
    QTest::mouseClick(app.window.stepBar()->button(4), Qt::LeftButton);
    QCOMPARE(app.window.currentStep(), int(MainWindow::TargetStep));
}

void TestMainWindow::geometryAndSplittersAreRemembered()
{
    QByteArray targetSplitter;
    {
        StartedApp app;
        QVERIFY(QTest::qWaitForWindowExposed(&app.window));
        app.window.resize(1111, 777);
        auto *splitter = child<QSplitter>(app.window, "targetSplitter");
        splitter->setSizes({150, 500});
        targetSplitter = splitter->saveState();
        app.window.close();
    }
    StartedApp again;
    QVERIFY(QTest::qWaitForWindowExposed(&again.window));
    QCOMPARE(again.window.size(), QSize(1111, 777));
    QCOMPARE(child<QSplitter>(again.window, "targetSplitter")->saveState(), targetSplitter);
}

void TestMainWindow::settingsOpenWithoutBlockingAndAreSaved()
{
    StartedApp app;
    QVERIFY(QTest::qWaitForWindowExposed(&app.window));
    child<QAction>(app.window, "actionSettings")->trigger();
    auto *dialog = child<QDialog>(app.window, "settingsDialog");
    QTRY_VERIFY(dialog->isVisible()); // open(), not exec(): this line is reached
    auto *rows = child<QSpinBox>(*dialog, "settingsBatchRows");
    rows->setValue(250);
    dialog->accept();
    QCOMPARE(Preferences::load(QSettings()).upload.batchRows, 250);
}

void TestMainWindow::darkAppearanceChangesThePalette()
{
    StartedApp app;
    QVERIFY(QTest::qWaitForWindowExposed(&app.window));
    child<QAction>(app.window, "actionAppearance_dark")->trigger();
    QTRY_VERIFY(app.window.palette().color(QPalette::Window).lightness() < 80);
    QCOMPARE(Application::savedAppearance(), u"dark");
    child<QAction>(app.window, "actionAppearance_light")->trigger();
    QTRY_VERIFY(app.window.palette().color(QPalette::Window).lightness() > 180);
}

void TestMainWindow::catalogueWindowSearchesAndShowsDetails()
{
    StartedApp app;
    child<QAction>(app.window, "actionShowCatalogue")->trigger();
    auto *catalogueWindow = child<QDialog>(app.window, "catalogueWindow");
    QVERIFY(QTest::qWaitForWindowExposed(catalogueWindow));
    QCOMPARE(child<QLabel>(*catalogueWindow, "catalogueMatchCount")->text(), u"51 resources");
    QTest::keyClicks(child<QLineEdit>(*catalogueWindow, "catalogueSearch"),
                     QStringLiteral("customer_orders ship"));
    QCOMPARE(child<QTreeView>(*catalogueWindow, "catalogueTree")->model()->rowCount(), 1);
    app.window.cataloguePage()->selectResource(QStringLiteral("INV.CUSTOMER_ORDERS"));
    QVERIFY(child<QTextBrowser>(*catalogueWindow, "catalogueDetails")
                ->toPlainText()
                .contains(u"INV_CUSTOMER_ORDERS_OOTB"));
    QVERIFY(test::saveScreenshot(*catalogueWindow, QStringLiteral("catalogue-customer-orders")));
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
    QCOMPARE(
        application.mainWindow().cataloguePage()->findChild<QTreeView *>()->model()->rowCount(), 4);
    QVERIFY(
        application.mainWindow().statusBar()->currentMessage().startsWith(u"Built-in catalogue"));
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

    const auto matchCount = [](Application &application) {
        return child<QLabel>(*application.mainWindow().cataloguePage(), "catalogueMatchCount")
            ->text();
    };
    test::ScriptedPrompter prompter;
    Application application(prompter, QString());
    application.start();
    prompter.filesToOpen = {smaller};
    child<QAction>(application.mainWindow(), "actionOpenCatalogue")->trigger();
    QVERIFY2(prompter.errors.isEmpty(), qPrintable(prompter.errors.join(u'\n')));
    QCOMPARE(matchCount(application), u"17 resources");

    // The choice is remembered for the next start; a file gone missing since is reported.
    Application again(prompter, QString());
    again.start();
    QCOMPARE(matchCount(again), u"17 resources");
    QFile::remove(smaller);
    Application afterDelete(prompter, QString());
    afterDelete.start();
    QCOMPARE(prompter.errors.size(), 1);
    QVERIFY(prompter.errors.first().contains(u"Sluice uses its built-in catalogue."));
    QCOMPARE(matchCount(afterDelete), u"51 resources");
}

void TestMainWindow::germanTranslationIsEmbedded()
{
    Application::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::German));
    StartedApp app;
    QStringList menus;
    for (QAction *action : app.window.menuBar()->actions())
        menus.append(action->text());
    QCOMPARE(menus.first(), u"&Datei");
    QCOMPARE(child<QLabel>(*app.window.cataloguePage(), "catalogueMatchCount")->text(),
             u"51 Ressourcen");
}

// Every input a user can reach on each step is named for a screen reader (its own accessible
// name, its text, or a label's buddy), and Tab from the step bar visits all of them.
void TestMainWindow::everyControlHasANameAndIsReachedByTab()
{
    StartedApp app(test::sampleWorkbookPath());
    QVERIFY(QTest::qWaitForWindowActive(&app.window));
    QTRY_VERIFY_WITH_TIMEOUT(app.window.openPage()->isComplete(), 10000);
    QVERIFY(app.application.session().setResource(QStringLiteral("INV.CUSTOMER_ORDERS")));
    QSet<const QWidget *> labelled;
    for (const QLabel *label : app.window.findChildren<QLabel *>()) {
        if (label->buddy())
            labelled.insert(label->buddy());
    }
    for (const int step : {int(MainWindow::OpenStep), int(MainWindow::TargetStep)}) {
        app.window.goToStep(step);
        QCOMPARE(app.window.currentStep(), step);
        QList<QWidget *> controls;
        for (QWidget *widget : app.window.findChildren<QWidget *>()) {
            if (widget->isVisible() && widget->isEnabled() && (widget->focusPolicy() & Qt::TabFocus)
                && !widget->focusProxy() && widget->window() == &app.window)
                controls.append(widget);
        }
        QStringList names;
        for (QWidget *control : controls)
            names.append(control->objectName());
        QVERIFY2(controls.size() > 5, qPrintable(names.join(u',')));
        for (QWidget *control : controls) {
            const auto *button = qobject_cast<QAbstractButton *>(control);
            const bool named = !control->accessibleName().isEmpty() || labelled.contains(control)
                || (button && !button->text().isEmpty());
            QVERIFY2(named,
                     qPrintable(control->objectName() + u' '
                                + QString::fromLatin1(control->metaObject()->className())));
        }
        QSet<QWidget *> reached;
        child<QToolButton>(app.window, "step1Button")->setFocus(Qt::TabFocusReason);
        for (int press = 0; press < 200 && reached.size() < controls.size(); ++press) {
            QWidget *focus = QApplication::focusWidget();
            reached.insert(focus);
            QTest::keyClick(focus, Qt::Key_Tab);
        }
        QStringList order;
        for (QWidget *widget : std::as_const(reached))
            order.append(widget ? widget->objectName() : QStringLiteral("-"));
        for (QWidget *control : controls)
            QVERIFY2(
                reached.contains(control),
                qPrintable(control->objectName() + QStringLiteral(" not in ") + order.join(u',')));
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
