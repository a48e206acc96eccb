// SPDX-License-Identifier: MIT
// The run history of the Results page, kept on disk.
#include "models/upload/runhistorystore.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

class TestRunHistoryStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void entriesComeBackNewestLast();
    void aDamagedLineCostsOnlyThatLine();
    void aLimitKeepsTheNewest();
    void anUnwritablePlaceSaysWhere();
    void theDefaultLivesInTheDataFolder();

private:
    static RunHistoryEntry entry(const QString &id, qsizetype accepted);
    QTemporaryDir m_dir;
};

RunHistoryEntry TestRunHistoryStore::entry(const QString &id, qsizetype accepted)
{
    RunHistoryEntry entry;
    entry.runId = id;
    entry.started = QDateTime(QDate(2026, 11, 23), QTime(1, 2, 3, 456), Qt::UTC);
    entry.finished = entry.started.addSecs(90);
    entry.filePath = QStringLiteral("/data/orders.xlsx");
    entry.url = QStringLiteral("https://ingestion.peak.ai/api/v2/ingest/object/T");
    entry.table = QStringLiteral("INV_CUSTOMER_ORDERS_OOTB");
    entry.resourceId = QStringLiteral("INV.CUSTOMER_ORDERS");
    entry.operation = QStringLiteral("APPEND");
    entry.stopReason = QStringLiteral("completed");
    entry.accepted = accepted;
    entry.rejected = 2;
    entry.uncertain = 1;
    entry.notSent = 3;
    entry.skipped = 4;
    entry.journalPath = QStringLiteral("/journals/run.jsonl");
    return entry;
}

void TestRunHistoryStore::entriesComeBackNewestLast()
{
    RunHistoryStore store(m_dir.filePath(QStringLiteral("a/runs.jsonl")));
    QCOMPARE(store.entries().size(), 0); // no file yet: an empty history
    QCOMPARE(store.append(entry(QStringLiteral("r1"), 10)), std::nullopt);
    QCOMPARE(store.append(entry(QStringLiteral("r2"), 20)), std::nullopt);
    const QList<RunHistoryEntry> entries = store.entries();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0), entry(QStringLiteral("r1"), 10));
    QCOMPARE(entries.at(1), entry(QStringLiteral("r2"), 20));
}

void TestRunHistoryStore::aDamagedLineCostsOnlyThatLine()
{
    const QString path = m_dir.filePath(QStringLiteral("b.jsonl"));
    RunHistoryStore store(path);
    QCOMPARE(store.append(entry(QStringLiteral("r1"), 1)), std::nullopt);
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write(R"({"runId":"r2","started":"2026-11)"); // a crash mid-write
    file.close();
    QCOMPARE(store.append(entry(QStringLiteral("r3"), 3)), std::nullopt);
    const QList<RunHistoryEntry> entries = store.entries();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(1).runId, u"r3");
}

void TestRunHistoryStore::aLimitKeepsTheNewest()
{
    RunHistoryStore store(m_dir.filePath(QStringLiteral("c.jsonl")));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(store.append(entry(QString::number(i), i)), std::nullopt);
    const QList<RunHistoryEntry> entries = store.entries(2);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).runId, u"3");
    QCOMPARE(entries.at(1).runId, u"4");
}

void TestRunHistoryStore::anUnwritablePlaceSaysWhere()
{
    const QString blocker = m_dir.filePath(QStringLiteral("file"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    RunHistoryStore store(blocker + QStringLiteral("/runs.jsonl")); // a folder that is a file
    const std::optional<Error> error = store.append(entry(QStringLiteral("r"), 1));
    QVERIFY(error.has_value());
    QVERIFY(error->message.contains(blocker));
}

void TestRunHistoryStore::theDefaultLivesInTheDataFolder()
{
    const RunHistoryStore store;
    QVERIFY(store.path().endsWith(u"/runs.jsonl"));
    QVERIFY(store.path().startsWith(
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)));
}

QTEST_GUILESS_MAIN(TestRunHistoryStore)
#include "tst_runhistorystore.moc"
