// SPDX-License-Identifier: MIT
// The mapping table of step 2 on the sample workbook: auto-map, choosing a source, an unmapped
// required attribute, saving a profile and having it offered for the same file again.
#include "models/itemmodels/mappingmodel.h"
#include "models/mapping/profilestore.h"
#include "models/session/importsession.h"
#include "tests/support/catalogues.h"
#include "tests/support/nonnull.h"
#include "tests/support/sampleworkbook.h"
#include "tests/support/screenshot.h"
#include "tests/support/scriptedprompter.h"
#include "tests/support/widgettests.h"
#include "ui/pages/mappingpanel.h"
#include "ui/widgets/banner.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;
using namespace sluice::test;

namespace {

const QString Orders = QStringLiteral("INV.CUSTOMER_ORDERS");

} // namespace

class TestMappingPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void autoMapMapsTheAnalystsLabels();
    void choosingASourceInTheTableChangesTheSessionsMapping();
    void anUnmappedRequiredAttributeStandsOutAndBlocksTheStep();
    void aSavedProfileIsOfferedForTheSameFileAndRestoresTheMapping();
    void cancellingTheProfileNameSavesNothing();

private:
    void openSample();
    int rowOf(const QString &attribute) const;
    QModelIndex sourceIndex(const QString &attribute) const;
    // Opens the Source cell's combo box, picks `choice` and commits it with the key given.
    void chooseSource(const QString &attribute, const QString &choice, Qt::Key commitKey);

    std::shared_ptr<const Catalogue> m_catalogue;
    QNetworkAccessManager m_network;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProfileStore> m_profiles;
    ScriptedPrompter m_prompter;
    std::unique_ptr<ImportSession> m_session;
    std::unique_ptr<MappingPanel> m_panel;
    QTableView *m_table = nullptr;
};

void TestMappingPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_catalogue = builtInCatalogue();
    QVERIFY(QFileInfo::exists(test::sampleWorkbookPath()));
}

void TestMappingPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_profiles = std::make_unique<ProfileStore>(m_dir->filePath(QStringLiteral("profiles")));
    m_prompter = ScriptedPrompter();
    m_session = std::make_unique<ImportSession>(m_catalogue, m_network);
    m_panel = std::make_unique<MappingPanel>(*m_session, *m_profiles, m_prompter);
    m_panel->resize(1280, 800);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    m_table = child<QTableView>(*m_panel, "mappingTable");
    new QAbstractItemModelTester(
        m_table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_panel.get());
}

void TestMappingPanel::cleanup()
{
    m_panel.reset();
    m_session.reset();
}

void TestMappingPanel::openSample()
{
    QSignalSpy loaded(m_session.get(), &ImportSession::loaded);
    m_session->openFile(test::sampleWorkbookPath());
    QVERIFY(loaded.wait(20000));
}

int TestMappingPanel::rowOf(const QString &attribute) const
{
    return int(m_session->resource()->attributeIndex(attribute));
}

QModelIndex TestMappingPanel::sourceIndex(const QString &attribute) const
{
    return m_table->model()->index(rowOf(attribute), MappingModel::SourceColumn);
}

void TestMappingPanel::chooseSource(const QString &attribute, const QString &choice,
                                    Qt::Key commitKey)
{
    const QModelIndex index = sourceIndex(attribute);
    m_table->setFocus();
    m_table->setCurrentIndex(index);
    m_table->edit(index);
    auto *combo = m_table->findChild<QComboBox *>(QStringLiteral("sourceColumnEditor"));
    QVERIFY(combo);
    QVERIFY(combo->isVisible());
    const int item = combo->findText(choice);
    QVERIFY2(item >= 0, qPrintable(choice));
    combo->setCurrentIndex(item);
    QTest::keyClick(combo, commitKey);
}

void TestMappingPanel::autoMapMapsTheAnalystsLabels()
{
    auto *summary = child<QLabel>(*m_panel, "mappingSummary");
    auto *autoMap = child<QPushButton>(*m_panel, "mappingAutoMapButton");
    QVERIFY(!autoMap->isEnabled()); // nothing to map onto yet
    QCOMPARE(m_panel->incompleteReason(), u"Choose a resource");
    openSample();
    QSignalSpy complete(m_panel.get(), &MappingPanel::completeChanged);
    QVERIFY(m_session->setResource(Orders));
    QVERIFY(complete.count() >= 1);
    QVERIFY(m_panel->isComplete());
    QCOMPARE(m_panel->incompleteReason(), QString());
    QCOMPARE(m_table->model()->rowCount(), 14);
    // The analyst's labels, not the API's names.
    QCOMPARE(sourceIndex(QStringLiteral("order_id")).data().toString(), u"Order No.");
    QCOMPARE(sourceIndex(QStringLiteral("ordered_units")).data().toString(), u"Qty");
    QCOMPARE(sourceIndex(QStringLiteral("updated_at")).data().toString(), u"Last Change");
    const QModelIndex samples
        = m_table->model()->index(rowOf(QStringLiteral("order_id")), MappingModel::SampleColumn);
    QVERIFY2(samples.data().toString().startsWith(u"SO-25000 · SO-25001"),
             qPrintable(samples.data().toString()));
    QCOMPARE(summary->text(),
             u"14 of 14 attributes mapped · every required attribute has a source");
    QVERIFY(saveScreenshot(*m_panel, QStringLiteral("mapping-sample")));

    // Auto-map again after a change brings the proposal back.
    Mapping changed = m_session->mapping();
    test::attributeOf(changed, u"status").source = AttributeMapping::Source::Unmapped;
    test::attributeOf(changed, u"status").columns.clear();
    m_session->setMapping(changed);
    QCOMPARE(summary->text(),
             u"13 of 14 attributes mapped · every required attribute has a source");
    QTest::mouseClick(autoMap, Qt::LeftButton);
    QCOMPARE(test::attributeOf(m_session->mapping(), u"status").columns,
             QStringList {u"Status"_qs});
    QVERIFY(child<QLabel>(*m_panel, "mappingStatus")->isVisible());
}

void TestMappingPanel::choosingASourceInTheTableChangesTheSessionsMapping()
{
    openSample();
    QVERIFY(m_session->setResource(Orders));
    QSignalSpy changed(m_session.get(), &ImportSession::mappingChanged);
    chooseSource(QStringLiteral("shipped_units"), QStringLiteral("Qty"), Qt::Key_Enter);
    QTRY_COMPARE(changed.count(), 1);
    const AttributeMapping *shipped = m_session->mapping().find(u"shipped_units");
    QCOMPARE(shipped->columns, QStringList {u"Qty"_qs});
    QCOMPARE(shipped->reason, u"chosen by you");
    // The table shows the session's new mapping, with the samples of the new source.
    QCOMPARE(sourceIndex(QStringLiteral("shipped_units")).data().toString(), u"Qty");
    const QModelIndex samples = m_table->model()->index(rowOf(QStringLiteral("shipped_units")),
                                                        MappingModel::SampleColumn);
    QVERIFY(!samples.data().toString().isEmpty());
    QCOMPARE(m_table->currentIndex().row(), rowOf(QStringLiteral("shipped_units")));

    // Tab commits too; choosing the source it already has changes nothing.
    chooseSource(QStringLiteral("location_id"), QStringLiteral("Product"), Qt::Key_Tab);
    QTRY_COMPARE(changed.count(), 2);
    QCOMPARE(test::attributeOf(m_session->mapping(), u"location_id").columns,
             QStringList {u"Product"_qs});
    chooseSource(QStringLiteral("order_id"), QStringLiteral("Order No."), Qt::Key_Enter);
    QTest::qWait(50);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(test::attributeOf(m_session->mapping(), u"order_id").reason.contains(u"synonym"),
             true);
}

void TestMappingPanel::anUnmappedRequiredAttributeStandsOutAndBlocksTheStep()
{
    openSample();
    QVERIFY(m_session->setResource(Orders));
    QSignalSpy complete(m_panel.get(), &MappingPanel::completeChanged);
    chooseSource(QStringLiteral("order_id"), QStringLiteral("(not mapped)"), Qt::Key_Enter);
    QTRY_VERIFY(!m_panel->isComplete());
    QVERIFY(complete.count() >= 1);
    QVERIFY(!test::attributeOf(m_session->mapping(), u"order_id").isMapped());
    QCOMPARE(m_panel->incompleteReason(), u"Map the required attribute order_id");
    // In words and a symbol, and tinted: not colour alone.
    const QModelIndex source = sourceIndex(QStringLiteral("order_id"));
    QCOMPARE(source.data().toString(), u"⚠ required, not mapped");
    QVERIFY(source.data(Qt::BackgroundRole).canConvert<QColor>());
    QVERIFY(!sourceIndex(QStringLiteral("status")).data(Qt::BackgroundRole).isValid());
    QCOMPARE(child<QLabel>(*m_panel, "mappingSummary")->text(),
             u"13 of 14 attributes mapped · ⚠ 1 required attribute not mapped: order_id");
    m_table->setCurrentIndex(sourceIndex(QStringLiteral("status"))); // the tint shows unselected
    QVERIFY(saveScreenshot(*m_panel, QStringLiteral("mapping-unmapped-required")));

    // The editor offers "(not mapped)" first for an unmapped attribute; mapping it again
    // completes the step.
    chooseSource(QStringLiteral("order_id"), QStringLiteral("Order No."), Qt::Key_Enter);
    QTRY_VERIFY(m_panel->isComplete());
    QCOMPARE(sourceIndex(QStringLiteral("order_id")).data().toString(), u"Order No.");
}

void TestMappingPanel::aSavedProfileIsOfferedForTheSameFileAndRestoresTheMapping()
{
    auto *banner = child<Banner>(*m_panel, "mappingProfileBanner");
    openSample();
    QVERIFY(!banner->isVisible()); // no profiles yet
    QVERIFY(m_session->setResource(Orders));
    Mapping mine = m_session->mapping();
    test::attributeOf(mine, u"shipped_units").columns = {QStringLiteral("Qty")};
    m_session->setMapping(mine);

    m_prompter.textInputs = {QStringLiteral("Monthly orders")};
    QTest::mouseClick(child<QPushButton>(*m_panel, "mappingSaveProfileButton"), Qt::LeftButton);
    QVERIFY(m_profiles->contains(QStringLiteral("Monthly orders")));
    const auto saved = m_profiles->load(QStringLiteral("Monthly orders"));
    QVERIFY(saved);
    QCOMPARE(saved->resourceId(), Orders);
    QCOMPARE(test::attributeOf(saved->mapping, u"shipped_units").columns, QStringList {u"Qty"_qs});
    QCOMPARE(saved->reader.headerRow, 3);
    QCOMPARE(child<QLabel>(*m_panel, "mappingStatus")->text(),
             u"✓ Saved profile 'Monthly orders'.");

    // Next month: the same file is opened again; the proposal starts afresh and the banner
    // offers the profile.
    openSample();
    QCOMPARE(test::attributeOf(m_session->mapping(), u"shipped_units").columns,
             QStringList {u"Shipped Qty"_qs});
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().startsWith(u"This file looks like 'Monthly orders' (saved "),
             qPrintable(banner->text()));
    QTest::mouseClick(banner->actionButton(), Qt::LeftButton);
    QVERIFY(!banner->isVisible());
    QCOMPARE(m_session->resource()->id, Orders);
    QCOMPARE(test::attributeOf(m_session->mapping(), u"shipped_units").columns,
             QStringList {u"Qty"_qs});
    QCOMPARE(sourceIndex(QStringLiteral("shipped_units")).data().toString(), u"Qty");
    QCOMPARE(child<QLabel>(*m_panel, "mappingStatus")->text(),
             u"Applied profile 'Monthly orders'.");

    // Saving again offers the applied profile's name and asks before replacing it.
    m_prompter.textInputs = {QStringLiteral("monthly ORDERS")};
    m_prompter.confirmations = {false};
    QTest::mouseClick(child<QPushButton>(*m_panel, "mappingSaveProfileButton"), Qt::LeftButton);
    QCOMPARE(m_prompter.questions.size(), 1);
    QCOMPARE(m_profiles->list().size(), 1);
}

void TestMappingPanel::cancellingTheProfileNameSavesNothing()
{
    openSample();
    QVERIFY(m_session->setResource(Orders));
    QTest::mouseClick(child<QPushButton>(*m_panel, "mappingSaveProfileButton"), Qt::LeftButton);
    QCOMPARE(m_profiles->list().size(), 0);
    QVERIFY(!child<QLabel>(*m_panel, "mappingStatus")->isVisible());
}

QTEST_MAIN(TestMappingPanel)
#include "tst_mappingpanel.moc"
