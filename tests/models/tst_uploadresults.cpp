// SPDX-License-Identifier: MIT
// The results files of a run: the failed rows to fix and resend, and every input row with its
// outcome, row for row in line with the input.
#include "models/mapping/mappingproposer.h"
#include "models/source/readerfactory.h"
#include "models/source/readsink.h"
#include "models/upload/uploadresults.h"
#include "models/validation/mappedrowsource.h"
#include "models/validation/validator.h"
#include "tests/support/catalogues.h"
#include "tests/support/sheetfile.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sluice;
using namespace sluice::test;

class TestUploadResults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyInputRowHasItsLine();
    void failedRowsKeepTheirColumnsAndSayWhy();
    void xlsxResultsReadBack();

private:
    QStringList readLines(const QString &path) const;

    QTemporaryDir m_dir;
    std::shared_ptr<const Catalogue> m_catalogue;
    const Resource *m_customers = nullptr;
    CollectingSink m_sink;
    SheetLayout m_layout;
    std::unique_ptr<MappedRowSource> m_rows;
    std::unique_ptr<Validator> m_validator;
    RowOutcomes m_outcomes;
};

void TestUploadResults::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_catalogue = builtInCatalogue();
    m_customers = m_catalogue->resource(u"QP.CUSTOMER");
    QVERIFY(m_customers);
    // Five data rows, a blank line and a totals line; C3's source is not an allowed value.
    const QString path = m_dir.filePath(QStringLiteral("customers.csv"));
    QVERIFY(writeAndReadSheet(path,
                              "customer_id,customer_name,source,updated_at\n"
                              "C1,Alpha,peak,2025-01-01 10:00:00\n"
                              "C2,=cmd|' /C calc'!A0,peak,2025-01-01 10:00:00\n"
                              ",,,\n"
                              "C3,Charlie,ERP,2025-01-01 10:00:00\n"
                              "C4,Delta,peak,2025-01-01 10:00:00\n"
                              "C5,Echo,customer,2025-01-01 10:00:00\n"
                              "Total,5,,\n",
                              m_sink));
    m_layout = HeaderDetector::detect(m_sink.table());
    const MappingProposal proposal
        = MappingProposer::propose(*m_customers, m_sink.table(), m_layout);
    m_rows = std::make_unique<MappedRowSource>(m_sink.table(), m_layout, *m_customers,
                                               proposal.automap.mapping);
    QCOMPARE(m_rows->rowCount(), 5); // the blank and the totals lines are not data
    m_validator = std::make_unique<Validator>(*m_customers);
    m_validator->validateAll(*m_rows);
    QVERIFY(m_validator->issues().rowHasErrors(2));
    QVERIFY(!m_validator->issues().rowHasErrors(0));
    m_outcomes = RowOutcomes(m_rows->rowCount());
    m_outcomes.set(0, RowOutcome::Accepted);
    m_outcomes.reject(1,
                      {{QStringLiteral("DI_E_10004"), QStringLiteral("ENUM"),
                        QStringLiteral("source"), QStringLiteral("not allowed")}});
    m_outcomes.set(2, RowOutcome::Skipped);
    m_outcomes.set(3, RowOutcome::Uncertain);
    // Row 4 (C5) was never sent: the run was cancelled.
}

QStringList TestUploadResults::readLines(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(file.readAll());
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
}

void TestUploadResults::everyInputRowHasItsLine()
{
    const UploadResults results(m_sink.table(), m_layout, *m_rows, *m_customers, m_outcomes,
                                &m_validator->issues());
    const QString path = m_dir.filePath(QStringLiteral("all.csv"));
    QCOMPARE(results.writeAllRows(path), std::nullopt);
    const QStringList lines = readLines(path);
    // Header + 7 lines under it: line n of the results is line n of the input.
    QCOMPARE(lines.size(), 8);
    const QString time = QStringLiteral("2025-01-01 10:00:00");
    QCOMPARE(lines.at(0),
             u"customer_id,customer_name,source,updated_at,Sluice row,Sluice status,"
             u"Sluice errors");
    QCOMPARE(lines.at(1), QStringLiteral("C1,Alpha,peak,") + time + QStringLiteral(",2,accepted,"));
    QCOMPARE(lines.at(2),
             QStringLiteral("C2,'=cmd|' /C calc'!A0,peak,") + time
                 + QStringLiteral(",3,rejected,source: DI_E_10004 not allowed"));
    QCOMPARE(lines.at(3), u",,,,4,not a data row (blank or a total),");
    QVERIFY2(lines.at(4).startsWith(
                 QStringLiteral("C3,Charlie,ERP,") + time
                 + QStringLiteral(",5,not sent: errors found before sending,\"source: DI_E_10004 "
                                  "'ERP' is not an allowed source")),
             qPrintable(lines.at(4)));
    QCOMPARE(lines.at(5),
             QStringLiteral("C4,Delta,peak,") + time
                 + QStringLiteral(",6,\"uncertain: sent, reply lost\","));
    QCOMPARE(lines.at(6),
             QStringLiteral("C5,Echo,customer,") + time + QStringLiteral(",7,not sent,"));
    QCOMPARE(lines.at(7), u"Total,5,,,8,not a data row (blank or a total),");
}

void TestUploadResults::failedRowsKeepTheirColumnsAndSayWhy()
{
    const UploadResults results(m_sink.table(), m_layout, *m_rows, *m_customers, m_outcomes,
                                &m_validator->issues());
    const QString path = m_dir.filePath(QStringLiteral("failed.csv"));
    QCOMPARE(results.writeFailedRows(path), std::nullopt);
    const QStringList lines = readLines(path);
    QCOMPARE(lines.size(), 5); // header + every row not accepted
    QVERIFY(lines.at(1).startsWith(u"C2,'=cmd"));
    QVERIFY(lines.at(2).startsWith(u"C3,"));
    QVERIFY(lines.at(3).startsWith(u"C4,"));
    QVERIFY(lines.at(4).startsWith(u"C5,"));
}

void TestUploadResults::xlsxResultsReadBack()
{
    const UploadResults results(m_sink.table(), m_layout, *m_rows, *m_customers, m_outcomes,
                                &m_validator->issues());
    const QString path = m_dir.filePath(QStringLiteral("all.xlsx"));
    QCOMPARE(results.writeAllRows(path), std::nullopt);
    auto reader = ReaderFactory::create(path, {});
    QVERIFY(reader.isOk());
    QVERIFY(reader.value()->open(path));
    CollectingSink sink;
    QVERIFY(reader.value()->readSheet(0, sink));
    const SheetTable &table = sink.table();
    QCOMPARE(table.rowCount(), 8);
    QCOMPARE(table.text(2, 1), u"'=cmd|' /C calc'!A0");
    QCOMPARE(table.text(2, 5), u"rejected");
    QCOMPARE(table.text(5, 5), u"uncertain: sent, reply lost");
    QCOMPARE(table.text(7, 0), u"Total");
}

QTEST_GUILESS_MAIN(TestUploadResults)
#include "tst_uploadresults.moc"
