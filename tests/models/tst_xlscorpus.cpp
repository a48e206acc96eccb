// SPDX-License-Identifier: MIT
// Conformance: every workbook in ../shared/corpus/xls read as its .expected.json says, and
// bad/truncated.xls refused with a clear error. What the reader cannot match is listed below,
// file by file with the reason, and checked: a listed file that starts to match fails the test
// (XPASS), so the list only ever shrinks.
#include "models/source/readsink.h"
#include "models/source/xlsreader.h"
#include "tests/support/corpus.h"
#include "tests/support/workbookexpectation.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

using namespace sluice;
using namespace sluice::test;

namespace {

struct KnownMismatch
{
    QString file;
    bool unreadable = false; // the reader refuses the file: the sheet list cannot be checked
    QString reason;
    // The date system the file states where the reference ignores it (0: the expected one).
    int dateSystem = 0;
};

// Every corpus file whose cells do not match, with the reason. The sheet list (names, states,
// kinds) and the date system are checked for all readable files regardless.
const QList<KnownMismatch> &knownMismatches()
{
    static const QList<KnownMismatch> list = {
        {"edr__as3xls_BIFF2.xls", false,
         "two date cells, R2C3 and R3C3: the file (Excel 2.x, Mac code page) has a 1904 "
         "record, which LibreOffice's BIFF2 import skips, so the reference reads 1900 dates "
         "(2003-02-21, 1998-01-18); xlrd and ExcelDataReader honour it (2007-02-22, 2002-01-19)",
         1904},
        {"sheetjs__biff5_number_format_greek.xls", false,
         "one cell: sheet 2011, R23C1 is stored as the text 'Accounting'; the reference "
         "(LibreOffice) shows ' Accounting ', padded by its accounting format's text section"},
    };
    return list;
}

const KnownMismatch *knownMismatch(const QString &fileName)
{
    for (const KnownMismatch &entry : knownMismatches()) {
        if (entry.file == fileName)
            return &entry;
    }
    return nullptr;
}

// Every difference between the workbook as read and as expected, one line each.
QStringList cellProblems(XlsReader &reader, const WorkbookExpectation &expectation,
                         const QList<SheetInfo> &sheets)
{
    QStringList problems;
    for (int i = 0; i < sheets.size() && i < expectation.sheets.size(); ++i) {
        CollectingSink sink;
        const auto end = reader.readSheet(i, sink);
        if (!end) {
            problems << end.error().message;
            continue;
        }
        if (*end != ReadEnd::Finished)
            problems << QString("sheet %1: the read was cancelled").arg(i);
        problems << expectation.compareTable(i, sink.table(), {}, 1000);
    }
    return problems;
}

} // namespace

class TestXlsCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void workbooks_data();
    void workbooks();
    void exceptionsNameCorpusFiles();
    void truncatedFile();
};

void TestXlsCorpus::workbooks_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(test::corpusDir() + "/xls");
    if (!dir.exists())
        QSKIP("the corpus (../shared/corpus/xls) is not there");
    const QStringList files = dir.entryList({"*.xls"}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

void TestXlsCorpus::workbooks()
{
    QFETCH(QString, path);
    QString loadError;
    const auto expectation = WorkbookExpectation::load(path + ".expected.json", &loadError);
    QVERIFY2(expectation, qPrintable(loadError));
    const KnownMismatch *known = knownMismatch(QFileInfo(path).fileName());

    XlsReader reader;
    const auto sheets = reader.open(path);
    if (expectation->mustFail) {
        QVERIFY2(!sheets, "the workbook must be refused");
        qInfo().noquote() << sheets.error().message;
        QVERIFY2(sheets.error().message.contains("password-protected"),
                 qPrintable(sheets.error().message));
        return;
    }
    if (known && known->unreadable) {
        QEXPECT_FAIL("", qPrintable(known->reason), Abort);
        QVERIFY2(sheets, qPrintable(sheets ? QString() : sheets.error().message));
    }
    QVERIFY2(sheets, qPrintable(sheets ? QString() : sheets.error().message));
    QCOMPARE(reader.dateSystem(),
             known && known->dateSystem != 0 ? known->dateSystem : expectation->dateSystem);
    const QStringList listProblems = expectation->compareSheetList(*sheets);
    QVERIFY2(listProblems.isEmpty(), qPrintable(listProblems.join("\n")));

    const QStringList problems = cellProblems(reader, *expectation, *sheets);
    if (known) {
        qInfo().noquote() << problems.size() << "known mismatches, e.g.:\n "
                          << problems.mid(0, 5).join("\n  ");
        QEXPECT_FAIL("", qPrintable(known->reason), Continue);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join("\n")));
}

void TestXlsCorpus::exceptionsNameCorpusFiles()
{
    const QDir dir(test::corpusDir() + "/xls");
    if (!dir.exists())
        QSKIP("the corpus (../shared/corpus/xls) is not there");
    const QStringList files = dir.entryList({"*.xls"}, QDir::Files, QDir::Name);
    for (const KnownMismatch &entry : knownMismatches()) {
        QVERIFY2(files.contains(entry.file), qPrintable(entry.file + " is not in the corpus"));
        QVERIFY2(!entry.reason.isEmpty(), qPrintable(entry.file + " has no reason"));
    }
    qInfo().noquote() << QString("%1 of %2 corpus .xls files are listed as known mismatches")
                             .arg(knownMismatches().size())
                             .arg(files.size());
}

void TestXlsCorpus::truncatedFile()
{
    const QString path = test::corpusDir() + "/bad/truncated.xls";
    if (!QFileInfo::exists(path))
        QSKIP("the corpus (../shared/corpus/bad) is not there");
    XlsReader reader;
    const auto sheets = reader.open(path);
    QVERIFY2(!sheets, "a truncated workbook must be refused");
    const QString message = sheets.error().message;
    qInfo().noquote() << message;
    QVERIFY2(message.startsWith("truncated.xls: "), qPrintable(message));
    QVERIFY2(message.contains("truncated"), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestXlsCorpus)
#include "tst_xlscorpus.moc"
