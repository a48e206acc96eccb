// SPDX-License-Identifier: MIT
// The mapping table of the Target & mapping page.
#include "models/itemmodels/mappingmodel.h"
#include "models/mapping/mappingproposer.h"
#include "models/source/readerfactory.h"
#include "models/source/readsink.h"
#include "models/validation/mappedrowsource.h"
#include "tests/support/catalogues.h"
#include "tests/support/sheetfile.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;
using namespace sluice::test;

class TestMappingModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsEachAttributeWithItsSourceAndWhy();
    void samplesAreTheValuesAsSent();
    void anUnmappedRequiredAttributeStandsOut();
    void choosingASourceIsAnnouncedWithTheNewMapping();
    void onlyTheFilesColumnsCanBeChosen();

private:
    QString text(int row, int column) const { return m_model.index(row, column).data().toString(); }

    QTemporaryDir m_dir;
    std::shared_ptr<const Catalogue> m_catalogue;
    const Resource *m_customers = nullptr;
    CollectingSink m_sink;
    SheetLayout m_layout;
    MappingProposal m_proposal;
    std::unique_ptr<MappedRowSource> m_rows;
    MappingModel m_model;
};

void TestMappingModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    new QAbstractItemModelTester(&m_model, QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 this);
    m_catalogue = builtInCatalogue();
    m_customers = m_catalogue->resource(u"QP.CUSTOMER");
    // No column for updated_at (required); "Changed" dates written day first.
    const QString path = m_dir.filePath(QStringLiteral("customers.csv"));
    QVERIFY(writeAndReadSheet(path,
                              "Customer ID,Name,Source,Changed\n"
                              "C1,Alpha,peak,31/01/2025 10:00\n"
                              "C2,Beta,customer,01/02/2025 11:30\n"
                              "C3,Gamma,ERP,15/02/2025 09:15\n",
                              m_sink));
    m_layout = HeaderDetector::detect(m_sink.table());
    m_proposal = MappingProposer::propose(*m_customers, m_sink.table(), m_layout);
    m_rows = std::make_unique<MappedRowSource>(m_sink.table(), m_layout, *m_customers,
                                               m_proposal.automap.mapping);
    m_model.reset(m_customers, m_proposal.automap.mapping, m_layout.columnNames, m_rows.get());
}

void TestMappingModel::showsEachAttributeWithItsSourceAndWhy()
{
    QCOMPARE(m_model.rowCount(), m_customers->attributes.size());
    QCOMPARE(m_model.columnCount(), int(MappingModel::ColumnCount));
    const int id = int(m_customers->attributeIndex(u"customer_id"));
    QCOMPARE(text(id, MappingModel::AttributeColumn), u"customer_id");
    QCOMPARE(text(id, MappingModel::TypeColumn), u"string");
    QCOMPARE(text(id, MappingModel::RequiredColumn), u"required");
    QCOMPARE(text(id, MappingModel::SourceColumn), u"Customer ID");
    QVERIFY(text(id, MappingModel::ConfidenceColumn).endsWith(u" %"));
    QVERIFY(!text(id, MappingModel::ReasonColumn).isEmpty());
    QCOMPARE(m_model.headerData(MappingModel::SampleColumn, Qt::Horizontal).toString(),
             u"Sample values (as sent)");
}

void TestMappingModel::samplesAreTheValuesAsSent()
{
    const int name = int(m_customers->attributeIndex(u"customer_name"));
    QCOMPARE(text(name, MappingModel::SampleColumn), u"Alpha · Beta · Gamma");
    const int updated = int(m_customers->attributeIndex(u"updated_at"));
    // "Changed" is mapped by its values; the samples are the timestamps in the API's form, and
    // the transform says how the file's text was read.
    QCOMPARE(text(updated, MappingModel::SourceColumn), u"Changed");
    QVERIFY2(text(updated, MappingModel::SampleColumn)
                 .startsWith(u"2025-01-31 10:00:00 · 2025-02-01 11:30:00"),
             qPrintable(text(updated, MappingModel::SampleColumn)));
    QCOMPARE(text(updated, MappingModel::TransformColumn), u"dates as dd/MM/yyyy HH:mm");
}

void TestMappingModel::anUnmappedRequiredAttributeStandsOut()
{
    // Unmap customer_id: a required attribute without a source is flagged in words and by role.
    const int id = int(m_customers->attributeIndex(u"customer_id"));
    QVERIFY(m_model.setData(m_model.index(id, MappingModel::SourceColumn), QString()));
    QCOMPARE(text(id, MappingModel::SourceColumn), u"— not mapped (required)");
    QCOMPARE(m_model.index(id, MappingModel::SourceColumn).data(MappingModel::NeedsAttentionRole),
             true);
    QCOMPARE(text(id, MappingModel::ConfidenceColumn), QString());
    const int category = int(m_customers->attributeIndex(u"customer_category"));
    QCOMPARE(text(category, MappingModel::SourceColumn), u"— not mapped");
    QCOMPARE(
        m_model.index(category, MappingModel::SourceColumn).data(MappingModel::NeedsAttentionRole),
        false);
    QVERIFY(m_model.setData(m_model.index(id, MappingModel::SourceColumn),
                            QStringLiteral("Customer ID")));
}

void TestMappingModel::choosingASourceIsAnnouncedWithTheNewMapping()
{
    QSignalSpy edited(&m_model, &MappingModel::mappingEdited);
    QSignalSpy changed(&m_model, &MappingModel::dataChanged);
    const int category = int(m_customers->attributeIndex(u"customer_category"));
    const QModelIndex source = m_model.index(category, MappingModel::SourceColumn);
    QCOMPARE(source.data(MappingModel::ChoicesRole).toStringList(), m_layout.columnNames);
    QVERIFY(m_model.setData(source, QStringLiteral("Source")));
    QCOMPARE(edited.count(), 1);
    QCOMPARE(changed.count(), 1);
    const Mapping mapping = edited.at(0).at(0).value<Mapping>();
    const AttributeMapping &chosen = mapping.attributes.at(category);
    QCOMPARE(chosen.source, AttributeMapping::Source::Column);
    QCOMPARE(chosen.columns, QStringList {QStringLiteral("Source")});
    QCOMPARE(chosen.confidence, 1.0);
    QCOMPARE(chosen.reason, u"chosen by you");
    QCOMPARE(text(category, MappingModel::SourceColumn), u"Source");
    QCOMPARE(text(category, MappingModel::ConfidenceColumn), u"100 %");
    QCOMPARE(m_model.mapping(), mapping);
}

void TestMappingModel::onlyTheFilesColumnsCanBeChosen()
{
    QSignalSpy edited(&m_model, &MappingModel::mappingEdited);
    const int name = int(m_customers->attributeIndex(u"customer_name"));
    QVERIFY(!m_model.setData(m_model.index(name, MappingModel::SourceColumn),
                             QStringLiteral("No such column")));
    QVERIFY(
        !m_model.setData(m_model.index(name, MappingModel::TypeColumn), QStringLiteral("integer")));
    QCOMPARE(edited.count(), 0);
    QVERIFY(m_model.flags(m_model.index(name, MappingModel::SourceColumn)) & Qt::ItemIsEditable);
    QVERIFY(!(m_model.flags(m_model.index(name, MappingModel::TypeColumn)) & Qt::ItemIsEditable));
}

QTEST_GUILESS_MAIN(TestMappingModel)
#include "tst_mappingmodel.moc"
