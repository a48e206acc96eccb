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

QByteArray le16(quint16 value)
{
    QByteArray bytes(2, '\0');
    qToLittleEndian(value, bytes.data());
    return bytes;
}

QByteArray le64(double value)
{
    QByteArray bytes(8, '\0');
    qToLittleEndian(value, bytes.data());
    return bytes;
}

QByteArray biffRecord(quint16 type, const QByteArray &data)
{
    return le16(type) + le16(static_cast<quint16>(data.size())) + data;
}

// A BIFF2 cell record's start: row, column and the 3 attribute bytes, the second naming the
// FORMAT record (by its position) that formats the cell.
QByteArray biff2CellStart(quint16 row, quint16 column, quint8 format = 0)
{
    return le16(row) + le16(column) + QByteArray(1, '\0') + QByteArray(1, char(format))
        + QByteArray(1, '\0');
}

// An 8-bit string with its one-byte length, as BIFF2 LABEL, STRING and FORMAT records hold it.
QByteArray biff2Text(const QByteArray &bytes)
{
    return QByteArray(1, char(bytes.size())) + bytes;
}

// A small Excel 2.x worksheet: every kind of cell, a date through its FORMAT, a formula with a
// text result, Windows-1252 text, and a record no reader knows between the cells.
QByteArray biff2Worksheet()
{
    QByteArray stream = biffRecord(0x0009, le16(2) + le16(0x0010));
    stream += biffRecord(0x001E, biff2Text("General"));
    stream += biffRecord(0x001E, biff2Text("yyyy-mm-dd"));
    stream += biffRecord(0x0000, le16(0) + le16(3) + le16(0) + le16(3));
    stream += biffRecord(0x0002, biff2CellStart(0, 0) + le16(7));
    stream += biffRecord(0x7777, QByteArray("\x01\x02\x03\x04\x05", 5));
    stream += biffRecord(0x0003, biff2CellStart(0, 1, 1) + le64(45000));
    stream += biffRecord(0x0004, biff2CellStart(1, 0) + biff2Text("caf\xE9 \x80"));
    stream += biffRecord(0x0005, biff2CellStart(1, 1) + QByteArray("\x01\x00", 2));
    stream += biffRecord(0x0005, biff2CellStart(1, 2) + QByteArray("\x07\x01", 2));
    const QByteArray textResult = QByteArray("\x00\x00\x00\x00\x00\x00\xFF\xFF", 8);
    stream += biffRecord(0x0006, biff2CellStart(2, 2) + textResult + QByteArray("\x00\x00", 2));
    stream += biffRecord(0x0007, biff2Text("abc"));
    stream += biffRecord(0x000A, {});
    return stream;
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
    void biff2Cells();
    void biff2Truncated_data();
    void biff2Truncated();
};

void TestXlsReader::refusesUnreadableFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("mustMention");
    QTest::newRow("empty") << QByteArray() << "empty";
    QTest::newRow("text") << QByteArray("id;name\n1;Alice\n") << "not an Excel 97–2003 workbook";
    QTest::newRow("zip") << QByteArray("PK\x03\x04rest of an xlsx", 20) << "zip archive";
    QTest::newRow("biff3") << QByteArray("\x09\x02\x06\x00\x00\x00\x10\x00\x00\x00", 10) << "BIFF3";
    QTest::newRow("biff2 without EOF")
        << QByteArray("\x09\x00\x04\x00\x02\x00\x10\x00", 8) << "truncated";

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
    QTest::newRow("biff2") << "edr__as3xls_BIFF2.xls";
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

// Every BIFF2 cell record, with an unknown record between them that must be skipped.
void TestXlsReader::biff2Cells()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    XlsReader reader;
    const auto sheets = reader.open(writeFile(dir, "old.xls", biff2Worksheet()));
    QVERIFY2(sheets, qPrintable(sheets ? QString() : sheets.error().message));
    QCOMPARE(sheets->size(), 1);
    QCOMPARE(sheets->first().name, QString("old"));
    QCOMPARE(reader.dateSystem(), 1900);
    CollectingSink sink;
    const auto end = reader.readSheet(0, sink);
    QVERIFY2(end, qPrintable(end ? QString() : end.error().message));
    const SheetTable &table = sink.table();
    QCOMPARE(table.rowCount(), 3);
    QCOMPARE(table.kind(0, 0), CellKind::Number);
    QCOMPARE(table.text(0, 0), QString("7"));
    QCOMPARE(table.kind(0, 1), CellKind::DateTime);
    QCOMPARE(table.text(0, 1), QString("2023-03-15T00:00:00"));
    QCOMPARE(table.kind(1, 0), CellKind::Text);
    QCOMPARE(table.text(1, 0), QString("café €"));
    QCOMPARE(table.kind(1, 1), CellKind::Boolean);
    QCOMPARE(table.text(1, 1), QString("true"));
    QCOMPARE(table.kind(1, 2), CellKind::Error);
    QCOMPARE(table.text(1, 2), QString("#DIV/0!"));
    QCOMPARE(table.kind(2, 0), CellKind::Empty);
    QCOMPARE(table.kind(2, 2), CellKind::Text);
    QCOMPARE(table.text(2, 2), QString("abc"));
}

// The worksheet cut at every length: each cut is refused with an error naming the file (the
// cells are only read from a stream that reaches its EOF record).
void TestXlsReader::biff2Truncated_data()
{
    QTest::addColumn<int>("length");
    const qsizetype full = biff2Worksheet().size();
    for (qsizetype length = 4; length < full; ++length)
        QTest::newRow(qPrintable(QString::number(length))) << int(length);
}

void TestXlsReader::biff2Truncated()
{
    QFETCH(int, length);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    XlsReader reader;
    const auto sheets = reader.open(writeFile(dir, "cut.xls", biff2Worksheet().first(length)));
    QVERIFY(!sheets);
    const QString message = sheets.error().message;
    QVERIFY2(message.startsWith("cut.xls: the file is truncated"), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestXlsReader)
#include "tst_xlsreader.moc"
