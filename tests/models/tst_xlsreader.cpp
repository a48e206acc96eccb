// SPDX-License-Identifier: MIT
// XlsReader: the errors a user sees for files it cannot read, limits and cancel. The corpus test
// (tst_xlscorpus) covers real workbooks.
#include "models/source/readsink.h"
#include "models/source/xlsreader.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace sluice;

namespace {

QString corpusFile(const QString &name)
{
    return qEnvironmentVariable("SLUICE_SOURCE_DIR") + "/../shared/corpus/" + name;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

class CancellingSink : public ReadSink
{
public:
    bool rowsRead(SheetTable &&rows) override
    {
        m_rows += rows.rowCount();
        return false;
    }
    qsizetype m_rows = 0;
};

} // namespace

class TestXlsReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesUnreadableFiles_data();
    void refusesUnreadableFiles();
    void missingFile();
    void cancel();
    void columnLimit();
    void damagedBytes_data();
    void damagedBytes();
};

void TestXlsReader::refusesUnreadableFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("mustMention");
    QTest::newRow("empty") << QByteArray() << "empty";
    QTest::newRow("text") << QByteArray("id;name\n1;Alice\n") << "not an Excel 97–2003 workbook";
    QTest::newRow("zip") << QByteArray("PK\x03\x04rest of an xlsx", 20) << "zip archive";
    QTest::newRow("biff2") << QByteArray("\x09\x00\x04\x00\x02\x00\x10\x00", 8) << "BIFF2";

    // An OLE header whose only FAT sector lies past the end of the file.
    QByteArray header(512, '\0');
    header.replace(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    qToLittleEndian<quint16>(9, header.data() + 0x1E);
    qToLittleEndian<quint32>(1, header.data() + 0x2C);
    qToLittleEndian<quint32>(7, header.data() + 0x4C);
    QTest::newRow("truncated") << header << "truncated";
}

void TestXlsReader::refusesUnreadableFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, mustMention);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    XlsReader reader;
    const auto sheets = reader.open(writeFile(dir, "book.xls", bytes));
    QVERIFY(!sheets);
    const QString message = sheets.error().message;
    QVERIFY2(message.startsWith("book.xls: "), qPrintable(message));
    QVERIFY2(message.contains(mustMention), qPrintable(message));
    CollectingSink sink;
    QVERIFY(!reader.readSheet(0, sink));
}

void TestXlsReader::missingFile()
{
    QTemporaryDir dir;
    XlsReader reader;
    const auto sheets = reader.open(dir.filePath("nosuch.xls"));
    QVERIFY(!sheets);
    QVERIFY2(sheets.error().message.startsWith("nosuch.xls: cannot open it"),
             qPrintable(sheets.error().message));
}

void TestXlsReader::cancel()
{
    const QString path = corpusFile("xls/calamine__sst_continue.xls");
    if (!QFile::exists(path))
        QSKIP("the corpus (../shared/corpus/xls) is not there");
    XlsReader reader;
    QVERIFY(reader.open(path));
    CancellingSink sink;
    const auto end = reader.readSheet(0, sink);
    QVERIFY2(end, qPrintable(end ? QString() : end.error().message));
    QCOMPARE(*end, ReadEnd::Cancelled);
    QCOMPARE(sink.m_rows, 136);
}

void TestXlsReader::columnLimit()
{
    const QString path = corpusFile("xls/calamine__date.xls");
    if (!QFile::exists(path))
        QSKIP("the corpus (../shared/corpus/xls) is not there");
    ReadLimits limits;
    limits.maxColumns = 1;
    XlsReader reader;
    QVERIFY(reader.open(path, limits));
    CollectingSink sink;
    const auto end = reader.readSheet(0, sink);
    QVERIFY(!end);
    QCOMPARE(end.error().message,
             QString("calamine__date.xls: sheet 'Sheet1': it has 2 columns, more than the limit "
                     "of 1"));
}

void TestXlsReader::damagedBytes_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("sst_continue") << "calamine__sst_continue.xls";
    QTest::newRow("ErrorTypes") << "sheetjs__ErrorTypes.xls";
    QTest::newRow("biff5") << "sheetjs__biff5_number_format_greek.xls";
}

// Record lengths, string lengths, SST counts and offsets overwritten at random: every read
// either succeeds or ends in an error naming the file, and never reads past the data (the ASan
// build checks that).
void TestXlsReader::damagedBytes()
{
    QFETCH(QString, name);
    QFile source(corpusFile("xls/" + name));
    if (!source.open(QIODevice::ReadOnly))
        QSKIP("the corpus (../shared/corpus/xls) is not there");
    const QByteArray original = source.readAll();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QRandomGenerator random(42);
    for (int round = 0; round < 200; ++round) {
        QByteArray bytes = original;
        // Past the OLE header and directory, where the workbook stream lives.
        for (int i = 0; i < 8; ++i) {
            const auto at = static_cast<qsizetype>(random.bounded(512, int(bytes.size())));
            bytes[at] = static_cast<char>(random.bounded(256));
        }
        XlsReader reader;
        const auto sheets = reader.open(writeFile(dir, "book.xls", bytes));
        if (!sheets) {
            QVERIFY2(sheets.error().message.startsWith("book.xls: "),
                     qPrintable(sheets.error().message));
            continue;
        }
        for (int sheet = 0; sheet < sheets->size(); ++sheet) {
            CollectingSink sink;
            const auto end = reader.readSheet(sheet, sink);
            if (!end)
                QVERIFY2(end.error().message.startsWith("book.xls: "),
                         qPrintable(end.error().message));
        }
    }
}

QTEST_GUILESS_MAIN(TestXlsReader)
#include "tst_xlsreader.moc"
