// SPDX-License-Identifier: MIT
// Conformance: every spreadsheet in ../shared/corpus/ods read as its .expected.json says, and every
// malformed .ods in ../shared/corpus/bad refused with a clear error (or, for the repeat bomb, read
// to a bounded table), within seconds.
#include "models/source/odsreader.h"
#include "models/source/readsink.h"
#include "tests/support/corpus.h"
#include "tests/support/workbookexpectation.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace sluice;
using namespace sluice::test;

class TestOdsCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void workbooks_data();
    void workbooks();
    void badFiles_data();
    void badFiles();
    void rowLimit();
    void notAnOds();
};

void TestOdsCorpus::workbooks_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(test::corpusDir() + "/ods");
    if (!dir.exists())
        QSKIP("the corpus (../shared/corpus/ods) is not there");
    const QStringList files = dir.entryList({"*.ods"}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 17);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

void TestOdsCorpus::workbooks()
{
    QFETCH(QString, path);
    QString loadError;
    const auto expectation = WorkbookExpectation::load(path + ".expected.json", &loadError);
    QVERIFY2(expectation, qPrintable(loadError));

    OdsReader reader;
    const auto sheets = reader.open(path);
    if (expectation->mustFail) {
        QVERIFY2(!sheets, "the workbook must be refused");
        qInfo().noquote() << sheets.error().message;
        QVERIFY2(sheets.error().message.startsWith(QFileInfo(path).fileName() + ": "),
                 qPrintable(sheets.error().message));
        QVERIFY2(sheets.error().message.contains("password"), qPrintable(sheets.error().message));
        return;
    }
    QVERIFY2(sheets, qPrintable(sheets ? QString() : sheets.error().message));
    QCOMPARE(reader.dateSystem(), expectation->dateSystem);
    const QStringList listProblems = expectation->compareSheetList(*sheets);
    QVERIFY2(listProblems.isEmpty(), qPrintable(listProblems.join("\n")));

    for (int i = 0; i < sheets->size(); ++i) {
        CollectingSink sink;
        const auto end = reader.readSheet(i, sink);
        QVERIFY2(end, qPrintable(end ? QString() : end.error().message));
        QCOMPARE(*end, ReadEnd::Finished);
        const QStringList problems = expectation->compareTable(i, sink.table(), {});
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join("\n")));
    }
}

void TestOdsCorpus::badFiles_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("mustMention");
    QTest::addColumn<bool>("boundedIsFine");
    const QDir dir(test::corpusDir() + "/bad");
    if (!dir.exists())
        QSKIP("the corpus (../shared/corpus/bad) is not there");
    QTest::newRow("xml_bomb_content.ods") << dir.filePath("xml_bomb_content.ods") << "DTD" << false;
    QTest::newRow("calamine__issue_594_dos.ods")
        << dir.filePath("calamine__issue_594_dos.ods") << "limit" << true;
    // The .xlsx files of bad/ are no spreadsheets to this reader either.
    QTest::newRow("renamed_png.xlsx") << dir.filePath("renamed_png.xlsx") << "not" << false;
    QTest::newRow("empty.xlsx") << dir.filePath("empty.xlsx") << "empty" << false;
    QTest::newRow("renamed_docx.xlsx")
        << dir.filePath("renamed_docx.xlsx") << "not an OpenDocument spreadsheet" << false;
    QTest::newRow("truncated_zip.xlsx") << dir.filePath("truncated_zip.xlsx") << "zip" << false;
    const QStringList files = dir.entryList({"*.ods"}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 2); // both listed above
}

void TestOdsCorpus::badFiles()
{
    QFETCH(QString, path);
    QFETCH(QString, mustMention);
    QFETCH(bool, boundedIsFine);
    QElapsedTimer timer;
    timer.start();
    OdsReader reader;
    qsizetype rows = 0;
    const QString message = test::readAllSheets(reader, path, &rows);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed < 5000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
    if (message.isEmpty()) {
        QVERIFY2(boundedIsFine, "the file was read without an error");
        QVERIFY(rows <= ReadLimits().maxRows);
        return;
    }
    qInfo().noquote() << message << QStringLiteral("(%1 ms)").arg(elapsed);
    QVERIFY2(message.startsWith(QFileInfo(path).fileName() + ": "), qPrintable(message));
    QVERIFY2(message.contains(mustMention), qPrintable(message));
}

// A sheet with more rows than allowed ends in an error naming the limit.
void TestOdsCorpus::rowLimit()
{
    const QString path = test::corpusDir() + "/ods/calamine__number_rows_repeated.ods";
    if (!QFile::exists(path))
        QSKIP("the corpus is not there");
    OdsReader reader;
    ReadLimits limits;
    limits.maxRows = 3;
    const auto sheets = reader.open(path, limits);
    QVERIFY(sheets);
    CollectingSink sink;
    const auto end = reader.readSheet(0, sink);
    QVERIFY(!end);
    QVERIFY2(end.error().message.contains("limit of 3 rows"), qPrintable(end.error().message));

    limits = {};
    limits.maxColumns = 1;
    QVERIFY(reader.open(path, limits));
    const auto narrow = reader.readSheet(0, sink);
    QVERIFY(!narrow);
    QVERIFY2(narrow.error().message.contains("limit of 1 columns"),
             qPrintable(narrow.error().message));
}

void TestOdsCorpus::notAnOds()
{
    const QString path = test::corpusDir() + "/xlsx";
    const QStringList files = QDir(path).entryList({"*.xlsx"}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        QSKIP("the corpus is not there");
    OdsReader reader;
    const auto sheets = reader.open(path + "/" + files.first());
    QVERIFY(!sheets);
    QVERIFY2(sheets.error().message.contains("not an OpenDocument spreadsheet"),
             qPrintable(sheets.error().message));
}

QTEST_GUILESS_MAIN(TestOdsCorpus)
#include "tst_odscorpus.moc"
