// SPDX-License-Identifier: MIT
// Every CSV/TSV/"Unicode text" file of ../shared/corpus read with detection alone, compared with
// its expected reading (../shared/corpus/README.md, "Expected output for CSV").
//
// One agreed difference: a SheetTable holds no empty cells, so a record's trailing empty fields
// ("a,," is ["a","",""]) compare as absent on both sides. Field counts are checked separately
// through the reader's ragged-row report (raggedRowsAreReported).
#include "models/source/csvreader.h"
#include "tests/support/corpus.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sluice;

namespace {

QJsonDocument readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QJsonDocument::fromJson(file.readAll());
}

QStringList trimmed(QStringList row)
{
    while (!row.isEmpty() && row.last().isEmpty())
        row.removeLast();
    return row;
}

QStringList tableRow(const SheetTable &table, qsizetype row)
{
    QStringList cells;
    for (int column = 0; column < table.columnCount(); ++column)
        cells.append(table.text(row, column));
    return trimmed(cells);
}

struct Reading
{
    QString error;
    CsvDialect dialect;
    SheetTable table;
};

Reading readCsv(const QString &path, CsvReader &reader)
{
    Reading reading;
    const auto sheets = reader.open(path);
    if (!sheets) {
        reading.error = sheets.error().message;
        return reading;
    }
    reading.dialect = reader.dialect();
    CollectingSink sink;
    const auto end = reader.readSheet(0, sink);
    if (!end)
        reading.error = end.error().message;
    reading.table = std::move(sink.table());
    return reading;
}

QString expectedEncoding(const QString &name)
{
    return name == u"ascii" ? QStringLiteral("utf-8") : name; // ASCII is valid UTF-8
}

} // namespace

class TestCsvCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matchesExpectedReading_data();
    void matchesExpectedReading();
    void csvSpectrum_data();
    void csvSpectrum();
    void raggedRowsAreReported();
    void badFilesGiveClearErrors_data();
    void badFilesGiveClearErrors();
};

void TestCsvCorpus::initTestCase()
{
    if (!QDir(test::corpusDir()).exists())
        QSKIP("../shared/corpus is not next to the source tree");
}

void TestCsvCorpus::matchesExpectedReading_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(test::corpusDir() + QStringLiteral("/csv"));
    const QStringList expectations
        = dir.entryList({QStringLiteral("*.expected.json")}, QDir::Files);
    QVERIFY(expectations.size() >= 27);
    for (const QString &expectation : expectations) {
        const QString input = expectation.chopped(QStringLiteral(".expected.json").size());
        QTest::addRow("%s", qPrintable(input)) << dir.filePath(input);
    }
}

void TestCsvCorpus::matchesExpectedReading()
{
    QFETCH(QString, path);
    const QJsonObject expected = readJson(path + QStringLiteral(".expected.json")).object();
    CsvReader reader;
    const Reading reading = readCsv(path, reader);
    QVERIFY2(reading.error.isEmpty(), qPrintable(reading.error));

    QCOMPARE(textEncodingName(reading.dialect.encoding),
             expectedEncoding(expected[u"encoding"].toString()));
    QCOMPARE(reading.dialect.bom, expected[u"bom"].toBool());
    QCOMPARE(QString(QLatin1Char(reading.dialect.delimiter)), expected[u"delimiter"].toString());
    // Agreed exception: the expectation of sheetjs__Attendance.csv says LF, but every record of
    // that file ends in CRLF (the bytes after "Linda Smith" are 0D 0A); only the line breaks
    // inside its quoted header cells are LF. Its rows match exactly.
    if (!path.endsWith(u"sheetjs__Attendance.csv")) {
        QCOMPARE(lineTerminatorName(reading.dialect.lineTerminator),
                 expected[u"line_terminator"].toString());
    } else {
        QCOMPARE(reading.dialect.lineTerminator, LineTerminator::CRLF);
    }
    QCOMPARE(reading.dialect.skipLines, expected[u"skip_lines"].toInt());

    const QJsonArray rows = expected[u"rows"].toArray();
    QCOMPARE(reading.table.rowCount(), rows.size());
    for (qsizetype row = 0; row < rows.size(); ++row) {
        QStringList want;
        for (const QJsonValue &cell : rows[row].toArray())
            want.append(cell.toString());
        const QStringList got = tableRow(reading.table, row);
        QVERIFY2(got == trimmed(want),
                 qPrintable(QStringLiteral("row %1: got [%2], want [%3]")
                                .arg(row)
                                .arg(got.join(u'|'), want.join(u'|'))));
    }
}

void TestCsvCorpus::csvSpectrum_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(test::corpusDir() + QStringLiteral("/csv/csv-spectrum/csvs"));
    const QStringList files = dir.entryList({QStringLiteral("*.csv")}, QDir::Files);
    QCOMPARE(files.size(), 12);
    for (const QString &file : files)
        QTest::addRow("%s", qPrintable(file)) << dir.filePath(file);
}

void TestCsvCorpus::csvSpectrum()
{
    QFETCH(QString, path);
    const QString jsonPath = QString(path)
                                 .replace(QStringLiteral("/csvs/"), QStringLiteral("/json/"))
                                 .replace(QStringLiteral(".csv"), QStringLiteral(".json"));
    // Most files hold an array of records; a one-record file holds the bare object.
    const QJsonDocument json = readJson(jsonPath);
    const QJsonArray records = json.isArray() ? json.array() : QJsonArray {json.object()};
    CsvReader reader;
    const Reading reading = readCsv(path, reader);
    QVERIFY2(reading.error.isEmpty(), qPrintable(reading.error));
    QCOMPARE(reading.table.rowCount(), records.size() + 1);
    const QStringList header = tableRow(reading.table, 0);
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QJsonObject record = records[i].toObject();
        QCOMPARE(record.size(), header.size());
        for (int column = 0; column < header.size(); ++column) {
            // Agreed exception: csv-spectrum's own location_coordinates.json gives the phone
            // number as 1234567890 while its CSV holds 2095257564; the suite is inconsistent there.
            if (path.endsWith(u"location_coordinates.csv") && column == 0)
                continue;
            QCOMPARE(reading.table.text(i + 1, column), record[header[column]].toString());
        }
    }
}

void TestCsvCorpus::raggedRowsAreReported()
{
    CsvReader reader;
    const Reading reading
        = readCsv(test::corpusDir() + QStringLiteral("/csv/gen__ragged_rows.csv"), reader);
    QVERIFY(reading.error.isEmpty());
    const QJsonArray rows
        = readJson(test::corpusDir() + QStringLiteral("/csv/gen__ragged_rows.csv.expected.json"))
              .object()[u"rows"]
              .toArray();
    const auto headerFields = rows[0].toArray().size();
    QList<QPair<qsizetype, int>> expected;
    for (qsizetype row = 1; row < rows.size(); ++row) {
        const auto fields = rows[row].toArray().size();
        if (fields != headerFields && fields != 0)
            expected.append({row, static_cast<int>(fields)});
    }
    QVERIFY(!expected.isEmpty());
    QList<QPair<qsizetype, int>> reported;
    for (const CsvTokenizer::RaggedRow &ragged : reader.raggedRows())
        reported.append({ragged.row, ragged.fieldCount});
    QCOMPARE(reported, expected);
}

void TestCsvCorpus::badFilesGiveClearErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::addRow("empty") << "empty.csv"
                           << "empty.csv: the file is empty (0 bytes)";
    QTest::addRow("binary") << "binary_renamed.csv"
                            << "binary_renamed.csv: it contains NUL bytes";
    QTest::addRow("invalid utf-8") << "invalid_utf8_with_bom.csv"
                                   << "invalid_utf8_with_bom.csv: line 3: invalid UTF-8";
    QTest::addRow("unterminated quote") << "unterminated_quote.csv"
                                        << "is never closed";
}

void TestCsvCorpus::badFilesGiveClearErrors()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    CsvReader reader;
    const Reading reading = readCsv(test::corpusDir() + QStringLiteral("/bad/") + file, reader);
    QVERIFY2(reading.error.contains(reason), qPrintable(reading.error));
}

QTEST_GUILESS_MAIN(TestCsvCorpus)
#include "tst_csvcorpus.moc"
