// SPDX-License-Identifier: MIT
// The value-map editor of a bulk fix: a row per distinct bad value with its cells, a suggested
// target the user can change, and whether the value would then be valid.
#include "models/itemmodels/valuemapmodel.h"
#include "tests/support/catalogues.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace sluice;
using namespace sluice::test;

namespace {

using Values = QList<QPair<QString, qsizetype>>;

const Values StatusValues {{"Won", 212}, {"LOST ", 40}, {"pend", 9}, {"Shpd", 3}};

} // namespace

class TestValueMapModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void rowsAreTheValuesWithTheirCells();
    void targetsStartAsSuggestions();
    void editingATargetChangesTheResult();
    void anEmptyTargetLeavesTheValue();
    void valuesSharingAKeyChangeTogether();
    void onlyTheTargetIsEditable();
    void aTypeWithoutAllowedValues();

private:
    QString text(int row, int column) const
    {
        return m_model->index(row, column).data().toString();
    }
    const Attribute &attribute(const char *resource, const char *name) const
    {
        const Resource *found = m_catalogue->resource(QString::fromLatin1(resource));
        if (!found)
            qFatal("no resource %s", resource);
        return found->attributes.at(found->attributeIndex(QString::fromLatin1(name)));
    }

    std::shared_ptr<const Catalogue> m_catalogue;
    AttributeMapping m_mapping;
    std::unique_ptr<ValueMapModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestValueMapModel::initTestCase()
{
    m_catalogue = builtInCatalogue();
    m_mapping.attribute = QStringLiteral("quote_status");
    m_mapping.source = AttributeMapping::Source::Column;
    m_mapping.columns = QStringList {QStringLiteral("quote_status")};
}

void TestValueMapModel::init()
{
    m_model = std::make_unique<ValueMapModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->reset(attribute("QP.QUOTE_LINE", "quote_status"), m_mapping, StatusValues);
}

void TestValueMapModel::rowsAreTheValuesWithTheirCells()
{
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->columnCount(), int(ValueMapModel::ColumnCount));
    QCOMPARE(text(0, ValueMapModel::ValueColumn), QStringLiteral("Won"));
    QCOMPARE(m_model->index(0, ValueMapModel::CellsColumn).data().toLongLong(), 212);
    // Spaces around a value are shown by quotes; the value itself is the edit role.
    QCOMPARE(text(1, ValueMapModel::ValueColumn), QStringLiteral("'LOST '"));
    QCOMPARE(m_model->index(1, ValueMapModel::ValueColumn).data(Qt::EditRole).toString(),
             QStringLiteral("LOST "));
    QCOMPARE(m_model->headerData(ValueMapModel::TargetColumn, Qt::Horizontal).toString(),
             QStringLiteral("Map to"));
    QCOMPARE(m_model->index(0, 0).data(ValueMapModel::AllowedValuesRole).toStringList(),
             attribute("QP.QUOTE_LINE", "quote_status").enumValues);
}

void TestValueMapModel::targetsStartAsSuggestions()
{
    QCOMPARE(text(0, ValueMapModel::TargetColumn), QStringLiteral("won"));
    QCOMPARE(text(1, ValueMapModel::TargetColumn), QStringLiteral("lost"));
    QCOMPARE(text(2, ValueMapModel::TargetColumn), QStringLiteral("pending"));
    QCOMPARE(text(3, ValueMapModel::TargetColumn), QString());
    QCOMPARE(text(0, ValueMapModel::ResultColumn), QStringLiteral("✓ valid"));
    QVERIFY(m_model->index(2, 0).data(ValueMapModel::ValidRole).toBool());
    QVERIFY(text(3, ValueMapModel::ResultColumn).startsWith(QStringLiteral("✖ still invalid: ")));
    QVERIFY(!m_model->index(3, 0).data(ValueMapModel::ValidRole).toBool());
    const QHash<QString, QString> expected {{QStringLiteral("Won"), QStringLiteral("won")},
                                            {QStringLiteral("LOST "), QStringLiteral("lost")},
                                            {QStringLiteral("pend"), QStringLiteral("pending")}};
    QCOMPARE(m_model->valueMap(), expected);
    // The proposed mapping keys the map by the text after trim.
    QCOMPARE(m_model->proposedMapping().transforms.valueMap.value(QStringLiteral("LOST")),
             QStringLiteral("lost"));
}

void TestValueMapModel::editingATargetChangesTheResult()
{
    QSignalSpy changed(m_model.get(), &ValueMapModel::valueMapChanged);
    QSignalSpy data(m_model.get(), &QAbstractItemModel::dataChanged);
    const QModelIndex shpd = m_model->index(3, ValueMapModel::TargetColumn);
    QVERIFY(m_model->setData(shpd, QStringLiteral(" archived ")));
    QCOMPARE(text(3, ValueMapModel::TargetColumn), QStringLiteral("archived"));
    QCOMPARE(text(3, ValueMapModel::ResultColumn), QStringLiteral("✓ valid"));
    QCOMPARE(changed.count(), 1);
    QVERIFY(data.count() >= 2); // the target, and the results
    QCOMPARE(m_model->valueMap().value(QStringLiteral("Shpd")), QStringLiteral("archived"));

    // A target the enum does not allow is taken, and shown as still invalid.
    QVERIFY(m_model->setData(m_model->index(0, ValueMapModel::TargetColumn),
                             QStringLiteral("victory")));
    QCOMPARE(
        text(0, ValueMapModel::ResultColumn),
        QStringLiteral("✖ still invalid: 'victory' is not one of won, lost, pending, archived"));
    // Setting the same target again changes nothing.
    QVERIFY(m_model->setTarget(0, QStringLiteral("victory")));
    QCOMPARE(changed.count(), 2);
}

void TestValueMapModel::anEmptyTargetLeavesTheValue()
{
    QVERIFY(m_model->setData(m_model->index(0, ValueMapModel::TargetColumn), QString()));
    QVERIFY(!m_model->valueMap().contains(QStringLiteral("Won")));
    QCOMPARE(text(0, ValueMapModel::ResultColumn),
             QStringLiteral("✖ still invalid: 'Won' is not one of won, lost, pending, archived"));
    QCOMPARE(m_model->index(0, ValueMapModel::TargetColumn)
                 .data(ValueMapModel::SuggestionRole)
                 .toString(),
             QStringLiteral("won"));
}

void TestValueMapModel::valuesSharingAKeyChangeTogether()
{
    // "LOST" and "LOST " are one key once trimmed: mapping one maps both.
    m_model->reset(attribute("QP.QUOTE_LINE", "quote_status"), m_mapping,
                   {{"LOST", 2}, {"LOST ", 1}});
    QVERIFY(m_model->setTarget(0, QString()));
    QVERIFY(m_model->setTarget(1, QString()));
    QCOMPARE(text(0, ValueMapModel::ResultColumn).left(1), QStringLiteral("✖"));
    QVERIFY(m_model->setTarget(1, QStringLiteral("lost")));
    QCOMPARE(text(0, ValueMapModel::ResultColumn), QStringLiteral("✓ valid"));
    QCOMPARE(text(1, ValueMapModel::ResultColumn), QStringLiteral("✓ valid"));
}

void TestValueMapModel::onlyTheTargetIsEditable()
{
    QVERIFY(m_model->flags(m_model->index(0, ValueMapModel::TargetColumn)) & Qt::ItemIsEditable);
    for (const int column :
         {ValueMapModel::ValueColumn, ValueMapModel::CellsColumn, ValueMapModel::ResultColumn}) {
        QVERIFY(!(m_model->flags(m_model->index(0, column)) & Qt::ItemIsEditable));
        QVERIFY(!m_model->setData(m_model->index(0, column), QStringLiteral("x")));
    }
    QVERIFY(!m_model->setData(m_model->index(0, ValueMapModel::TargetColumn), QStringLiteral("x"),
                              Qt::DisplayRole));
}

void TestValueMapModel::aTypeWithoutAllowedValues()
{
    AttributeMapping units = m_mapping;
    units.attribute = QStringLiteral("ordered_units");
    m_model->reset(attribute("INV.CUSTOMER_ORDERS", "ordered_units"), units,
                   {{"ten", 2}, {"12 pcs", 1}});
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(text(0, ValueMapModel::TargetColumn), QString()); // nothing to suggest
    QVERIFY(m_model->valueMap().isEmpty());
    QVERIFY(m_model->setTarget(0, QStringLiteral("10")));
    QCOMPARE(text(0, ValueMapModel::ResultColumn), QStringLiteral("✓ valid"));
    QVERIFY(m_model->setTarget(1, QStringLiteral("twelve")));
    QVERIFY(text(1, ValueMapModel::ResultColumn).startsWith(QStringLiteral("✖ still invalid")));
    m_model->reset(attribute("INV.CUSTOMER_ORDERS", "ordered_units"), units, {});
    QCOMPARE(m_model->rowCount(), 0);
}

QTEST_MAIN(TestValueMapModel)
#include "tst_valuemapmodel.moc"
