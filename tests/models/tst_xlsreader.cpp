// SPDX-License-Identifier: MIT
// XlsReader: the errors a user sees for files it cannot read, the correction of FreeXL's date
// text, limits and cancel. The corpus test (tst_xlscorpus) covers real workbooks.
#include "models/source/readsink.h"
#include "models/source/xlsreader.h"

#include <QDate>
#include <QFile>
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

// The text FreeXL 1.0.6 writes for a date-formatted serial (set_datetime_double_value): day 1 is
// 1900-01-01 (1904-01-02 in the 1904 system), every year divisible by 4 is a leap year, and the
// time is rounded to the second.
QByteArray freexlText(double serial, int dateSystem)
{
    int year = dateSystem == 1904 ? 1904 : 1900;
    int month = 1;
    int day = dateSystem == 1904 ? 2 : 1;
    const int count = static_cast<int>(std::floor(serial));
    for (int i = 1; i < count; ++i) {
        const int last = month == 2
            ? (year % 4 == 0 ? 29 : 28)
            : (month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31);
        if (day < last) {
            ++day;
        } else {
            day = 1;
            month = month == 12 ? 1 : month + 1;
            year += month == 1 ? 1 : 0;
        }
    }
    const long seconds = std::lround((serial - count) * 86400);
    return QString::asprintf("%04d-%02d-%02d %02ld:%02ld:%02ld", year, month, day, seconds / 3600,
                             seconds / 60 % 60, seconds % 60)
        .toLatin1();
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
    void dateSerials_data();
    void dateSerials();
    void dateTextOddities();
    void cancel();
    void columnLimit();
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

void TestXlsReader::dateSerials_data()
{
    QTest::addColumn<double>("serial");
    QTest::addColumn<int>("dateSystem");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("1900 day 1") << 1.0 << 1900 << QByteArray("1900-01-01T00:00:00");
    QTest::newRow("1900 day 59") << 59.0 << 1900 << QByteArray("1900-02-28T00:00:00");
    // FreeXL shows the phantom 1900-02-29; the corpus rule gives 1900-02-28.
    QTest::newRow("1900 day 60") << 60.0 << 1900 << QByteArray("1900-02-28T00:00:00");
    QTest::newRow("1900 day 61") << 61.0 << 1900 << QByteArray("1900-03-01T00:00:00");
    QTest::newRow("noon") << 45658.5 << 1900 << QByteArray("2025-01-01T12:00:00");
    QTest::newRow("seconds") << 39940.45905092593 << 1900 << QByteArray("2009-05-07T11:01:02");
    // FreeXL counts 2100 as a leap year.
    QTest::newRow("2100-02-28") << 73109.0 << 1900 << QByteArray("2100-02-28T00:00:00");
    QTest::newRow("2100-03-01") << 73110.0 << 1900 << QByteArray("2100-03-01T00:00:00");
    QTest::newRow("9999-12-31") << 2958465.0 << 1900 << QByteArray("9999-12-31T00:00:00");
    QTest::newRow("1904 day 1") << 1.0 << 1904 << QByteArray("1904-01-02T00:00:00");
    QTest::newRow("1904 day 11111") << 11111.0 << 1904 << QByteArray("1934-06-03T00:00:00");
    QTest::newRow("1904 2021") << 42004.0 << 1904 << QByteArray("2019-01-01T00:00:00");
}

void TestXlsReader::dateSerials()
{
    QFETCH(double, serial);
    QFETCH(int, dateSystem);
    QFETCH(QByteArray, expected);
    const QByteArray text = freexlText(serial, dateSystem);
    QCOMPARE(XlsReader::dateTimeText(text, dateSystem), expected);
    // A date-only format: FreeXL writes the day without the time.
    if (expected.endsWith("T00:00:00"))
        QCOMPARE(XlsReader::dateTimeText(text.first(10), dateSystem), expected);
}

void TestXlsReader::dateTextOddities()
{
    QCOMPARE(XlsReader::dateTimeText("14:30:00", 1900), QByteArray("14:30:00"));
    QCOMPARE(XlsReader::dateTimeText("14:30:00", 1904), QByteArray("14:30:00"));
    // FreeXL rounds 23:59:59.7 up to 24:00:00.
    QCOMPARE(XlsReader::dateTimeText("24:00:00", 1900), QByteArray("00:00:00"));
    QCOMPARE(XlsReader::dateTimeText("2021-01-01 24:00:00", 1900),
             QByteArray("2021-01-02T00:00:00"));
    QCOMPARE(XlsReader::dateTimeText("", 1900), QByteArray());
    QCOMPARE(XlsReader::dateTimeText("2021-13-01", 1900), QByteArray());
    QCOMPARE(XlsReader::dateTimeText("2021-01-01T10:00:00", 1900), QByteArray());
    QCOMPARE(XlsReader::dateTimeText("12:3x:00", 1900), QByteArray());
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

QTEST_GUILESS_MAIN(TestXlsReader)
#include "tst_xlsreader.moc"
