// SPDX-License-Identifier: MIT
// The Settings dialog: edits a copy of the preferences, refuses a path template without {table},
// and restores the defaults. Never exec()'d: the test sets the fields and accepts.
#include "models/schema/endpoint.h"
#include "tests/support/screenshot.h"
#include "tests/support/scriptedprompter.h"
#include "tests/support/widgettests.h"
#include "ui/dialogs/settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace sluice;
using sluice::test::child;

namespace {

void typeInto(QAbstractSpinBox *spin, const QString &text)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, text);
}

QPushButton *okButton(const SettingsDialog &dialog)
{
    return child<QDialogButtonBox>(dialog, "settingsButtons")->button(QDialogButtonBox::Ok);
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void showsWhatItIsGiven();
    void editsComeBackInPreferences();
    void spinBoxesKeepToTheLimits();
    void aTemplateWithoutTableDisablesOk();
    void restoreDefaultsResetsEveryField();
    void catalogueCanBeChosenOrBuiltIn();
};

void TestSettingsDialog::showsWhatItIsGiven()
{
    Preferences given;
    given.upload.batchRows = 200;
    given.upload.batchBytes = 250 * 1000;
    given.upload.requestsPerSecond = 0;
    given.upload.transferTimeoutMs = 30 * 1000;
    given.upload.bearerPrefix = true; // not shown, but must survive the dialog
    given.pathTemplate = Endpoint::pathTemplate(Endpoint::PathForm::Objects);
    given.timestampForm = TimestampForm::Iso8601;
    given.language = QStringLiteral("de");
    SettingsDialog dialog(given);
    dialog.resize(640, 600);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(child<QSpinBox>(dialog, "settingsBatchRows")->value(), 200);
    QCOMPARE(child<QSpinBox>(dialog, "settingsBatchKilobytes")->value(), 250);
    QCOMPARE(child<QDoubleSpinBox>(dialog, "settingsRate")->text(), u"No limit");
    QCOMPARE(child<QSpinBox>(dialog, "settingsTimeout")->value(), 30);
    QCOMPARE(child<QComboBox>(dialog, "settingsPathTemplate")->currentText(),
             u"/api/v2/objects/{table}");
    QCOMPARE(child<QComboBox>(dialog, "settingsLanguage")->currentText(), u"Deutsch");
    QCOMPARE(child<QLineEdit>(dialog, "settingsCatalogue")->text(), u"Built-in catalogue");
    QVERIFY(okButton(dialog)->isEnabled());
    // Untouched, the dialog gives back exactly what it got.
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.preferences(), given);
}

void TestSettingsDialog::editsComeBackInPreferences()
{
    SettingsDialog dialog {Preferences()};
    dialog.resize(640, 600);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    typeInto(child<QSpinBox>(dialog, "settingsBatchRows"), QStringLiteral("250"));
    typeInto(child<QSpinBox>(dialog, "settingsBatchKilobytes"), QStringLiteral("512"));
    typeInto(child<QSpinBox>(dialog, "settingsConcurrency"), QStringLiteral("2"));
    typeInto(child<QDoubleSpinBox>(dialog, "settingsRate"), QStringLiteral("12.5"));
    typeInto(child<QSpinBox>(dialog, "settingsTimeout"), QStringLiteral("45"));
    QTest::mouseClick(child<QCheckBox>(dialog, "settingsResendUncertain"), Qt::LeftButton, {},
                      QPoint(8, 8));
    auto *path = child<QComboBox>(dialog, "settingsPathTemplate");
    path->setCurrentIndex(1); // the overview pages' form
    child<QComboBox>(dialog, "settingsTimestampForm")->setCurrentIndex(1);
    child<QComboBox>(dialog, "settingsLanguage")->setCurrentIndex(1);
    QVERIFY(test::saveScreenshot(dialog, QStringLiteral("settings-dialog")));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const Preferences p = dialog.preferences();
    QCOMPARE(p.upload.batchRows, 250);
    QCOMPARE(p.upload.batchBytes, 512 * 1000);
    QCOMPARE(p.upload.concurrency, 2);
    QCOMPARE(p.upload.requestsPerSecond, 12.5);
    QCOMPARE(p.upload.transferTimeoutMs, 45 * 1000);
    QVERIFY(p.upload.resendUncertain);
    QCOMPARE(p.pathTemplate, Endpoint::pathTemplate(Endpoint::PathForm::Objects));
    QCOMPARE(p.timestampForm, TimestampForm::Iso8601);
    QCOMPARE(p.language, u"en");
}

void TestSettingsDialog::spinBoxesKeepToTheLimits()
{
    SettingsDialog dialog {Preferences()};
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // The API takes 500 rows and under 1 MB; Qt opens 6 connections per host.
    auto *rows = child<QSpinBox>(dialog, "settingsBatchRows");
    typeInto(rows, QStringLiteral("9999"));
    QVERIFY(rows->value() <= 500);
    QCOMPARE(rows->maximum(), 500);
    QCOMPARE(child<QSpinBox>(dialog, "settingsConcurrency")->maximum(), 6);
    QCOMPARE(child<QDoubleSpinBox>(dialog, "settingsRate")->maximum(), 50.0);
    auto *kilobytes = child<QSpinBox>(dialog, "settingsBatchKilobytes");
    kilobytes->setValue(kilobytes->maximum());
    QVERIFY(dialog.preferences().upload.batchBytes < 1000 * 1000);
}

void TestSettingsDialog::aTemplateWithoutTableDisablesOk()
{
    SettingsDialog dialog {Preferences()};
    dialog.resize(640, 600);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *path = child<QComboBox>(dialog, "settingsPathTemplate");
    auto *error = child<QLabel>(dialog, "settingsPathError");
    QVERIFY(error->text().isEmpty());
    path->lineEdit()->selectAll();
    QTest::keyClicks(path->lineEdit(), QStringLiteral("/api/v3/rows"));
    QCOMPARE(path->currentText(), u"/api/v3/rows");
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY2(error->text().contains(u"{table}"), qPrintable(error->text()));
    QVERIFY(error->isVisible());
    QVERIFY(test::saveScreenshot(dialog, QStringLiteral("settings-dialog-bad-path")));
    // The user finishes the path: OK comes back, the message goes.
    QTest::keyClicks(path->lineEdit(), QStringLiteral("/{table}"));
    QVERIFY(okButton(dialog)->isEnabled());
    QVERIFY(error->text().isEmpty());
    QVERIFY(!error->isVisible());
    QCOMPARE(dialog.preferences().pathTemplate, u"/api/v3/rows/{table}");
    // An empty path is no path either.
    path->lineEdit()->clear();
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY(!error->text().isEmpty());
    // Choosing the documented default again stores "the default".
    path->setCurrentIndex(0);
    QVERIFY(okButton(dialog)->isEnabled());
    QCOMPARE(path->currentText(), Endpoint::defaultPathTemplate());
    QCOMPARE(dialog.preferences().pathTemplate, QString());
}

void TestSettingsDialog::restoreDefaultsResetsEveryField()
{
    Preferences given;
    given.upload.batchRows = 10;
    given.upload.concurrency = 1;
    given.upload.resendUncertain = true;
    given.pathTemplate = QStringLiteral("/custom/{table}");
    given.timestampForm = TimestampForm::Iso8601;
    given.language = QStringLiteral("en");
    given.cataloguePath = QStringLiteral("/data/catalogue.json");
    SettingsDialog dialog(given);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(child<QComboBox>(dialog, "settingsPathTemplate")->currentText(), u"/custom/{table}");
    QTest::mouseClick(child<QPushButton>(dialog, "settingsRestoreDefaults"), Qt::LeftButton);
    QCOMPARE(child<QSpinBox>(dialog, "settingsBatchRows")->value(), 500);
    QCOMPARE(child<QLineEdit>(dialog, "settingsCatalogue")->text(), u"Built-in catalogue");
    Preferences expected;
    QCOMPARE(dialog.preferences(), expected);
}

void TestSettingsDialog::catalogueCanBeChosenOrBuiltIn()
{
    test::ScriptedPrompter prompter;
    prompter.filesToOpen = {QStringLiteral("/data/my-catalogue.json")};
    SettingsDialog dialog(Preferences(), nullptr, &prompter);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *builtIn = child<QPushButton>(dialog, "settingsCatalogueBuiltIn");
    QVERIFY(!builtIn->isEnabled()); // already the built-in one
    QTest::mouseClick(child<QPushButton>(dialog, "settingsCatalogueChoose"), Qt::LeftButton);
    QCOMPARE(child<QLineEdit>(dialog, "settingsCatalogue")->text(), u"/data/my-catalogue.json");
    QCOMPARE(dialog.preferences().cataloguePath, u"/data/my-catalogue.json");
    QVERIFY(builtIn->isEnabled());
    QTest::mouseClick(builtIn, Qt::LeftButton);
    QCOMPARE(dialog.preferences().cataloguePath, QString());
    QCOMPARE(child<QLineEdit>(dialog, "settingsCatalogue")->text(), u"Built-in catalogue");

    // Without a prompter there is nothing to choose with.
    SettingsDialog plain {Preferences()};
    QVERIFY(child<QPushButton>(plain, "settingsCatalogueChoose")->isHidden());
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
