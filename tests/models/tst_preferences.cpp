// SPDX-License-Identifier: MIT
// The user's settings, kept with QSettings: what is saved comes back, and what is out of range
// on disk falls back to its default.
#include "models/schema/endpoint.h"
#include "models/session/preferences.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

class TestPreferences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void defaultsAreTheUploadDefaults();
    void roundTripKeepsEveryValue();
    void outOfRangeFallsBackToTheDefault_data();
    void outOfRangeFallsBackToTheDefault();
    void pathTemplateMustNameTheTable();

private:
    QString iniPath(const QString &name) const
    {
        return m_dir.filePath(name + QStringLiteral(".ini"));
    }
    QTemporaryDir m_dir;
};

void TestPreferences::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestPreferences::defaultsAreTheUploadDefaults()
{
    const Preferences defaults;
    QCOMPARE(defaults.upload, UploadSettings {});
    QCOMPARE(defaults.effectivePathTemplate(), Endpoint::defaultPathTemplate());
    // Nothing on disk yet: the defaults.
    const QSettings empty(iniPath(QStringLiteral("empty")), QSettings::IniFormat);
    QCOMPARE(Preferences::load(empty), defaults);
}

void TestPreferences::roundTripKeepsEveryValue()
{
    Preferences chosen;
    chosen.upload.batchRows = 250;
    chosen.upload.batchBytes = 512 * 1000;
    chosen.upload.concurrency = 6;
    chosen.upload.requestsPerSecond = 12.5;
    chosen.upload.transferTimeoutMs = 30 * 1000;
    chosen.upload.bearerPrefix = true;
    chosen.upload.resendUncertain = true;
    chosen.pathTemplate = Endpoint::pathTemplate(Endpoint::PathForm::Objects);
    chosen.timestampForm = TimestampForm::Iso8601;
    chosen.language = QStringLiteral("de");
    chosen.cataloguePath = QStringLiteral("/data/catalogue.json");
    {
        QSettings settings(iniPath(QStringLiteral("roundtrip")), QSettings::IniFormat);
        chosen.save(settings);
    }
    // A new QSettings reads the file, not the first one's cache.
    const QSettings settings(iniPath(QStringLiteral("roundtrip")), QSettings::IniFormat);
    const Preferences loaded = Preferences::load(settings);
    QCOMPARE(loaded.upload, chosen.upload);
    QCOMPARE(loaded.pathTemplate, chosen.pathTemplate);
    QCOMPARE(loaded.timestampForm, chosen.timestampForm);
    QCOMPARE(loaded.language, chosen.language);
    QCOMPARE(loaded.cataloguePath, chosen.cataloguePath);
    QCOMPARE(loaded, chosen);
}

void TestPreferences::outOfRangeFallsBackToTheDefault_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("no rows") << "upload/batchRows"
                             << "0";
    QTest::newRow("rows over the API's limit") << "upload/batchRows"
                                               << "10000";
    QTest::newRow("rows not a number") << "upload/batchRows"
                                       << "abc";
    QTest::newRow("1 MB body") << "upload/batchBytes"
                               << "1000000";
    QTest::newRow("tiny body") << "upload/batchBytes"
                               << "10";
    QTest::newRow("no connection") << "upload/concurrency"
                                   << "0";
    QTest::newRow("more connections than Qt opens") << "upload/concurrency"
                                                    << "7";
    QTest::newRow("negative rate") << "upload/requestsPerSecond"
                                   << "-1";
    QTest::newRow("rate over the API's") << "upload/requestsPerSecond"
                                         << "51";
    QTest::newRow("rate not a number") << "upload/requestsPerSecond"
                                       << "fast";
    QTest::newRow("timeout too short") << "upload/transferTimeoutMs"
                                       << "100";
    QTest::newRow("timeout too long") << "upload/transferTimeoutMs"
                                      << "3600000";
    QTest::newRow("flag not a flag") << "upload/resendUncertain"
                                     << "abc";
    QTest::newRow("template without {table}") << "endpoint/pathTemplate"
                                              << "/api/v2/ingest";
    QTest::newRow("template without /") << "endpoint/pathTemplate"
                                        << "api/{table}";
    QTest::newRow("unknown timestamp form") << "output/timestampForm"
                                            << "local";
    QTest::newRow("unknown language") << "ui/language"
                                      << "xx";
}

void TestPreferences::outOfRangeFallsBackToTheDefault()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    const QString path = iniPath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
    {
        QSettings settings(path, QSettings::IniFormat);
        Preferences chosen; // every other value saved valid and not the default
        chosen.upload.batchRows = 100;
        chosen.upload.concurrency = 2;
        chosen.language = QStringLiteral("en");
        chosen.save(settings);
        settings.setValue(key, value);
    }
    const QSettings settings(path, QSettings::IniFormat);
    const Preferences loaded = Preferences::load(settings);
    const Preferences defaults;
    if (key == u"upload/batchRows")
        QCOMPARE(loaded.upload.batchRows, defaults.upload.batchRows);
    else
        QCOMPARE(loaded.upload.batchRows, 100); // the good values stay
    if (key == u"upload/concurrency")
        QCOMPARE(loaded.upload.concurrency, defaults.upload.concurrency);
    else
        QCOMPARE(loaded.upload.concurrency, 2);
    if (key == u"ui/language")
        QCOMPARE(loaded.language, QString());
    else
        QCOMPARE(loaded.language, u"en");
    QCOMPARE(loaded.upload.batchBytes, defaults.upload.batchBytes);
    QCOMPARE(loaded.upload.requestsPerSecond, defaults.upload.requestsPerSecond);
    QCOMPARE(loaded.upload.transferTimeoutMs, defaults.upload.transferTimeoutMs);
    QCOMPARE(loaded.upload.resendUncertain, defaults.upload.resendUncertain);
    QCOMPARE(loaded.pathTemplate, QString());
    QCOMPARE(loaded.timestampForm, TimestampForm::Api);
}

void TestPreferences::pathTemplateMustNameTheTable()
{
    QVERIFY(Preferences::pathTemplateProblem(QString()).isEmpty()); // the default
    QVERIFY(Preferences::pathTemplateProblem(Endpoint::pathTemplate(Endpoint::PathForm::Objects))
                .isEmpty());
    QVERIFY(Preferences::pathTemplateProblem(QStringLiteral("/api/v3/{table}/rows")).isEmpty());
    QVERIFY(
        Preferences::pathTemplateProblem(QStringLiteral("/api/v2/objects")).contains(u"{table}"));
    QVERIFY(!Preferences::pathTemplateProblem(QStringLiteral("/a/{table}/{table}")).isEmpty());
    QVERIFY(!Preferences::pathTemplateProblem(QStringLiteral("/a/{table}?x=1")).isEmpty());
    QVERIFY(!Preferences::pathTemplateProblem(QStringLiteral("objects/{table}")).isEmpty());
    // Every template the dialog accepts makes a URL.
    QVERIFY(Endpoint::ingestUrl(QUrl(QStringLiteral("https://ingestion.peak.ai")),
                                QStringLiteral("/api/v3/{table}/rows"), QStringLiteral("T"))
                .isOk());
}

QTEST_GUILESS_MAIN(TestPreferences)
#include "tst_preferences.moc"
