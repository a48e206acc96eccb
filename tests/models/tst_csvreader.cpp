// SPDX-License-Identifier: MIT
#include "models/source/csvdialectdetector.h"
#include "models/source/csvreader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

namespace {

QString writeFile(QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(file.fileName()));
    file.write(bytes);
    return file.fileName();
}

QList<QStringList> rowsOf(const SheetTable &table)
{
    QList<QStringList> rows;
    for (qsizetype row = 0; row < table.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < table.columnCount(); ++column)
            cells.append(table.text(row, column));
        while (!cells.isEmpty() && cells.last().isEmpty())
            cells.removeLast();
        rows.append(cells);
    }
    return rows;
}

// Feeds the text to a tokenizer in slices of the given size and returns the rows.
QList<QStringList> tokenize(const QByteArray &text, qsizetype sliceSize, char delimiter = ',')
{
    CollectingSink sink;
    CsvTokenizer tokenizer(delimiter, '"', ReadLimits(), sink);
    for (qsizetype offset = 0; offset < text.size(); offset += sliceSize) {
        if (tokenizer.feed(
                QByteArrayView(text).sliced(offset, std::min(sliceSize, text.size() - offset))))
            qFatal("feed failed");
    }
    if (tokenizer.finish())
        qFatal("finish failed");
    return rowsOf(sink.table());
}

class CancellingSink : public ReadSink
{
public:
    qsizetype rowsSeen = 0;
    bool rowsRead(SheetTable &&rows) override
    {
        rowsSeen += rows.rowCount();
        return false;
    }
};

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sliceBoundariesDoNotMatter();
    void quotesAndLineBreaks();
    void userOptionsOverrideDetection();
    void windows1252FallbackKeepsTheEuro();
    void utf16WithoutBomIsRecognised();
    void oversizedFieldIsAnError();
    void tooManyColumnsIsAnError();
    void rowsArriveInBlocksAndCancelStops();
    void utf8Validation_data();
    void utf8Validation();
    void utf8ValidationOfLargeTextOnTwoCores();
    void twoHalvesReadTheSameAsOne_data();
    void twoHalvesReadTheSameAsOne();
    void errorInTheSecondHalfNamesItsLine();
    void blocksOfChangingShapeKeepEveryCell();
};

void TestCsvReader::sliceBoundariesDoNotMatter()
{
    const QByteArray text = "id,\"name\",note\r\n1,\"Smith, \"\"Jo\"\"\",\"two\nlines\"\r\n\r\n"
                            "2,plain,x\"y\rlast,\"\",\n";
    const QList<QStringList> whole = tokenize(text, text.size());
    QCOMPARE(whole.size(), 5);
    QCOMPARE(whole[1], (QStringList {"1", "Smith, \"Jo\"", "two\nlines"}));
    QCOMPARE(whole[2], QStringList {});
    QCOMPARE(whole[3], (QStringList {"2", "plain", "x\"y"}));
    QCOMPARE(whole[4], QStringList {"last"});
    for (qsizetype slice : {1, 2, 3, 7})
        QCOMPARE(tokenize(text, slice), whole);
}

void TestCsvReader::quotesAndLineBreaks()
{
    // Text after a closing quote stays in the field, as Excel reads it; CR alone ends a record.
    QCOMPARE(tokenize("\"ab\"cd,e\rf,g", 100), (QList<QStringList> {{"abcd", "e"}, {"f", "g"}}));
    // Trailing blank lines are not rows; blank lines between rows are.
    QCOMPARE(tokenize("a\n\nb\n\n\n", 100), (QList<QStringList> {{"a"}, {}, {"b"}}));
    // A quoted empty field on its own line is a row, not a blank line.
    QCOMPARE(tokenize("a\n\"\"\nb", 100), (QList<QStringList> {{"a"}, {}, {"b"}}));
}

void TestCsvReader::userOptionsOverrideDetection()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("data.csv"), "a;b|c\n1;2|3\n");
    CsvReader detected;
    QVERIFY(detected.open(path).isOk());
    QCOMPARE(detected.dialect().delimiter, ';');

    CsvOptions options;
    options.delimiter = u'|';
    options.quote = QChar();
    CsvReader chosen(options);
    QVERIFY(chosen.open(path).isOk());
    QCOMPARE(chosen.dialect().delimiter, '|');
    QCOMPARE(chosen.dialect().quote, '\0');
    CollectingSink sink;
    QVERIFY(chosen.readSheet(0, sink).isOk());
    QCOMPARE(rowsOf(sink.table()), (QList<QStringList> {{"a;b", "c"}, {"1;2", "3"}}));
}

void TestCsvReader::windows1252FallbackKeepsTheEuro()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("prices.csv"),
                                   "item,price\nK\xe4se,\x80 4\n\x93quoted\x94,\x9f\n");
    CsvReader reader;
    QVERIFY(reader.open(path).isOk());
    QCOMPARE(reader.dialect().encoding, TextEncoding::Windows1252);
    CollectingSink sink;
    QVERIFY(reader.readSheet(0, sink).isOk());
    QCOMPARE(sink.table().text(1, 0), QStringLiteral("Käse"));
    QCOMPARE(sink.table().text(1, 1), QStringLiteral("€ 4"));
    QCOMPARE(sink.table().text(2, 0), QStringLiteral("“quoted”"));
    QCOMPARE(sink.table().text(2, 1), QStringLiteral("Ÿ"));
}

void TestCsvReader::utf16WithoutBomIsRecognised()
{
    QTemporaryDir dir;
    const QString text = QStringLiteral("name\tcity\nJosé\tZürich\n");
    QByteArray bytes(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    const QString path = writeFile(dir, QStringLiteral("export.txt"), bytes);
    CsvReader reader;
    QVERIFY(reader.open(path).isOk());
    QCOMPARE(reader.dialect().encoding, TextEncoding::Utf16LE);
    QCOMPARE(reader.dialect().delimiter, '\t');
    CollectingSink sink;
    QVERIFY(reader.readSheet(0, sink).isOk());
    QCOMPARE(rowsOf(sink.table()), (QList<QStringList> {{"name", "city"}, {"José", "Zürich"}}));
}

void TestCsvReader::oversizedFieldIsAnError()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("runaway.csv"),
                                   "a,b\n1,\"starts here\n" + QByteArray(3000, 'x') + "\n");
    ReadLimits limits;
    limits.maxCellBytes = 1000;
    CsvReader reader;
    QVERIFY(reader.open(path, limits).isOk());
    CollectingSink sink;
    const auto result = reader.readSheet(0, sink);
    QVERIFY(!result.isOk());
    QCOMPARE(result.error().message,
             QStringLiteral("runaway.csv: line 2: a field is longer than 1000 bytes; is the quote "
                            "character right?"));
}

void TestCsvReader::tooManyColumnsIsAnError()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("wide.csv"), "a,b,c,d,e\n");
    ReadLimits limits;
    limits.maxColumns = 4;
    CsvReader reader;
    QVERIFY(reader.open(path, limits).isOk());
    CollectingSink sink;
    const auto result = reader.readSheet(0, sink);
    QVERIFY(!result.isOk());
    QVERIFY2(result.error().message.contains(QStringLiteral("line 1: more than 4 fields")),
             qPrintable(result.error().message));
}

void TestCsvReader::rowsArriveInBlocksAndCancelStops()
{
    QTemporaryDir dir;
    QByteArray text = "n,square\n";
    for (int i = 0; i < 100000; ++i)
        text += QByteArray::number(i) + ',' + QByteArray::number(qint64(i) * i) + '\n';
    const QString path = writeFile(dir, QStringLiteral("numbers.csv"), text);

    CsvReader reader;
    QVERIFY(reader.open(path).isOk());
    CollectingSink all;
    QCOMPARE(reader.readSheet(0, all).value(), ReadEnd::Finished);
    QCOMPARE(all.table().rowCount(), 100001);
    QCOMPARE(all.table().text(100000, 1), QStringLiteral("9999800001"));

    CsvReader again;
    QVERIFY(again.open(path).isOk());
    CancellingSink cancelling;
    QCOMPARE(again.readSheet(0, cancelling).value(), ReadEnd::Cancelled);
    QCOMPARE(cancelling.rowsSeen, SheetTable::RowsPerBlock);
}

void TestCsvReader::utf8Validation_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("firstInvalid");
    QTest::addRow("ascii") << QByteArray("plain text, long enough for the fast path") << -1;
    QTest::addRow("multibyte") << QByteArray("Jos\xc3\xa9 \xe6\x9d\xb1 \xf0\x9f\x9a\x9a") << -1;
    QTest::addRow("bad continuation") << QByteArray("ab\xc3\x28") << 2;
    QTest::addRow("lone byte ff") << QByteArray("abcdefghij\xff") << 10;
    QTest::addRow("overlong slash") << QByteArray("a\xc0\xaf") << 1;
    QTest::addRow("surrogate") << QByteArray("a\xed\xa0\x80") << 1;
    QTest::addRow("truncated at end") << QByteArray("abc\xe6\x9d") << 3;
    // Runs of 64 ASCII bytes are skipped at once: errors just after and inside such a run.
    QTest::addRow("invalid after a long run")
        << QByteArray(64, 'a') + "b\xff" + QByteArray(40, 'c') << 65;
    QTest::addRow("multibyte inside a long run")
        << QByteArray(30, 'a') + "\xc3\xa9" + QByteArray(70, 'b') << -1;
    QTest::addRow("invalid inside a long run")
        << QByteArray(30, 'a') + "\xc3\x28" + QByteArray(70, 'b') << 30;
}

void TestCsvReader::utf8Validation()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, firstInvalid);
    QCOMPARE(CsvDialectDetector::firstInvalidUtf8(bytes), qsizetype(firstInvalid));
}

void TestCsvReader::utf8ValidationOfLargeTextOnTwoCores()
{
    // Past 16 MiB the check runs on both cores; the split must not cut a character in two.
    QByteArray text(17 << 20, 'a');
    const qsizetype middle = text.size() / 2;
    text[middle - 1] = '\xc3'; // "é" straddles the middle
    text[middle] = '\xa9';
    text[middle + 1] = '\xe2'; // "€" right after it
    text[middle + 2] = '\x82';
    text[middle + 3] = '\xac';
    QCOMPARE(CsvDialectDetector::firstInvalidUtf8(text), qsizetype(-1));

    QByteArray lateError = text;
    lateError[text.size() - 10] = '\xff';
    QCOMPARE(CsvDialectDetector::firstInvalidUtf8(lateError), text.size() - 10);

    QByteArray twoErrors = lateError;
    twoErrors[1000] = '\xc0'; // the first one counts
    QCOMPARE(CsvDialectDetector::firstInvalidUtf8(twoErrors), qsizetype(1000));
}

struct FullReading
{
    QString error;
    QList<QStringList> rows;
    QList<QPair<qsizetype, int>> ragged;
    qsizetype raggedCount = 0;
    bool joinedHalves = false;
};

// Reads a file on one core (threshold above its size) or in two halves (threshold 1 byte).
FullReading readWhole(const QString &path, qsizetype parallelThreshold)
{
    FullReading reading;
    CsvReader reader;
    reader.setParallelThreshold(parallelThreshold);
    if (const auto opened = reader.open(path); !opened) {
        reading.error = opened.error().message;
        return reading;
    }
    CollectingSink sink;
    if (const auto end = reader.readSheet(0, sink); !end)
        reading.error = end.error().message;
    reading.rows = rowsOf(sink.table());
    for (const CsvTokenizer::RaggedRow &ragged : reader.raggedRows())
        reading.ragged.append({ragged.row, ragged.fieldCount});
    reading.raggedCount = reader.raggedRowCount();
    reading.joinedHalves = reader.readInTwoHalves();
    return reading;
}

void TestCsvReader::twoHalvesReadTheSameAsOne_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("joined"); // false: the split fell inside a quoted field
    QByteArray plain = "id,name,qty\n";
    QByteArray quotedMiddle = "id,note\n";
    QByteArray blanks = "a,b\n";
    QByteArray ragged = "a,b,c\r\n";
    for (int i = 0; i < 3000; ++i) {
        plain += QByteArray::number(i) + ",item " + QByteArray::number(i) + ",7\n";
        blanks += i % 3 == 0 ? QByteArray("\n") : QByteArray::number(i) + ",x\n";
        ragged += i % 7 == 0 ? QByteArray("1,2\r\n") : QByteArray("1,2,3\r\n");
    }
    for (int i = 0; i < 50; ++i)
        quotedMiddle += QByteArray::number(i) + ",short\n";
    // The middle of this file, and the first line break after it, are inside one quoted field.
    quotedMiddle += "50,\"" + QByteArray(20000, 'x').replace("xxxxxxxxxx", "xxxxxxxxx\n") + "\"\n";
    for (int i = 51; i < 100; ++i)
        quotedMiddle += QByteArray::number(i) + ",short\n";
    QTest::addRow("plain rows") << plain << true;
    QTest::addRow("split inside a quoted field") << quotedMiddle << false;
    QTest::addRow("blank lines everywhere") << blanks + "\n\n\n" << true;
    QTest::addRow("ragged rows and CRLF") << ragged << true;
    QTest::addRow("sep hint") << "sep=;\n" + QByteArray(plain).replace(',', ';') << true;
}

void TestCsvReader::twoHalvesReadTheSameAsOne()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, joined);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("halves.csv"), text);
    const FullReading one = readWhole(path, CsvReader::DefaultParallelThreshold);
    const FullReading two = readWhole(path, 1);
    QVERIFY2(one.error.isEmpty(), qPrintable(one.error));
    QVERIFY2(two.error.isEmpty(), qPrintable(two.error));
    QVERIFY(one.rows.size() > 50);
    QCOMPARE(two.rows.size(), one.rows.size());
    QCOMPARE(two.rows, one.rows);
    QCOMPARE(two.ragged, one.ragged);
    QCOMPARE(two.raggedCount, one.raggedCount);
    QVERIFY(!one.joinedHalves);
    QCOMPARE(two.joinedHalves, joined);
}

void TestCsvReader::errorInTheSecondHalfNamesItsLine()
{
    QByteArray text = "id,name\n";
    for (int i = 0; i < 2000; ++i)
        text += QByteArray::number(i) + ",ok\n";
    text += "2000,\"never closed\n2001,x\n";
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("late.csv"), text);
    const FullReading one = readWhole(path, CsvReader::DefaultParallelThreshold);
    const FullReading two = readWhole(path, 1);
    QCOMPARE(one.error,
             QStringLiteral("late.csv: line 2002: a quoted field starts here and is "
                            "never closed (a \" is missing)"));
    QCOMPARE(two.error, one.error);
}

void TestCsvReader::blocksOfChangingShapeKeepEveryCell()
{
    // Each block's arenas are reserved from the previous block's sizes: here the second block's
    // text outgrows that forecast, the third is far smaller and sparse, the first has none.
    constexpr qsizetype Rows = 3 * SheetTable::RowsPerBlock;
    const auto expected = [](qsizetype row, int column) -> QByteArray {
        const qsizetype block = row / SheetTable::RowsPerBlock;
        if (column == 0)
            return QByteArray::number(row);
        if (column == 1)
            return block == 1 ? "long text " + QByteArray::number(row * 7919) + " of row"
                              : QByteArray("s");
        if (block == 2)
            return row % 10 == 0 ? "\xc3\xa9" + QByteArray::number(row) : QByteArray();
        return QByteArray("v");
    };
    QByteArray text = "row,text,sparse\n";
    for (qsizetype row = 0; row < Rows; ++row)
        text += expected(row, 0) + ',' + expected(row, 1) + ',' + expected(row, 2) + '\n';
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("shapes.csv"), text);
    for (const qsizetype threshold : {CsvReader::DefaultParallelThreshold, qsizetype(1)}) {
        CsvReader reader;
        reader.setParallelThreshold(threshold);
        QVERIFY(reader.open(path).isOk());
        CollectingSink sink;
        QCOMPARE(reader.readSheet(0, sink).value(), ReadEnd::Finished);
        QCOMPARE(reader.readInTwoHalves(), threshold == 1);
        const SheetTable &table = sink.table();
        QCOMPARE(table.rowCount(), Rows + 1);
        QCOMPARE(table.text(0, 2), QStringLiteral("sparse"));
        for (qsizetype row = 0; row < Rows; ++row) {
            for (int column = 0; column < 3; ++column) {
                if (table.utf8(row + 1, column) != expected(row, column))
                    QFAIL(qPrintable(QStringLiteral("row %1, column %2: %3")
                                         .arg(row)
                                         .arg(column)
                                         .arg(table.text(row + 1, column))));
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
