// SPDX-License-Identifier: MIT
#include "models/mapping/profilestore.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

namespace {

MappingProfile profile(const QString &name, const QString &resource, const QStringList &headers)
{
    MappingProfile p;
    p.name = name;
    p.solutionId = resource.section(u'.', 0, 0);
    p.mapping.resourceId = resource;
    for (const QString &header : headers) {
        AttributeMapping attribute;
        attribute.attribute = HeaderSignature::normalise(header).replace(u' ', u'_');
        attribute.source = AttributeMapping::Source::Column;
        attribute.columns = {header};
        p.mapping.attributes.append(attribute);
    }
    p.signature = HeaderSignature::fromHeaders(headers);
    return p;
}

const QStringList OrderHeaders {"Order No.", "Line", "Order Date", "Customer",
                                "Product",   "Qty",  "Price",      "Status"};
const QStringList ProductHeaders {"SKU", "Description", "Category", "Unit Cost", "Supplier"};

} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void defaultDirectoryIsUnderAppData();
    void savesListsAndLoads();
    void saveReplacesAProfileOfTheSameName();
    void saveIsAtomicAndLeavesNoTemporaryFiles();
    void renames();
    void renameRefusesAClash();
    void renameToOtherCaseOfItself();
    void deletes();
    void missingProfilesAreReported();
    void unsafeNamesMakeSafeFileNames_data();
    void unsafeNamesMakeSafeFileNames();
    void namesSharingAFileNameGetTheirOwnFiles();
    void unreadableFilesAreSkipped();
    void suggestsSimilarProfilesBestFirst();
    void suggestsNothingForAnUnrelatedFile();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProfileStore> m_store;
};

void TestProfileStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestProfileStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // A folder that does not exist yet: the first save creates it.
    m_store = std::make_unique<ProfileStore>(m_dir->filePath("profiles"));
}

void TestProfileStore::defaultDirectoryIsUnderAppData()
{
    const QString appData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QCOMPARE(ProfileStore::defaultDirectory(), appData + "/profiles");
}

void TestProfileStore::savesListsAndLoads()
{
    QVERIFY(m_store->list().isEmpty());
    const Result<QString> path
        = m_store->save(profile("Monthly orders (SAP)", "INV.CUSTOMER_ORDERS", OrderHeaders));
    QVERIFY2(path.isOk(), qPrintable(path ? QString() : path.error().message));
    QCOMPARE(QFileInfo(*path).fileName(), "monthly-orders-sap.json");
    QVERIFY(m_store->save(profile("Products", "QP.PRODUCT", ProductHeaders)).isOk());

    const QList<ProfileStore::Entry> entries = m_store->list();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).name, "Monthly orders (SAP)");
    QCOMPARE(entries.at(0).resourceId, "INV.CUSTOMER_ORDERS");
    QCOMPARE(entries.at(1).name, "Products");
    QCOMPARE(entries.at(0).modified.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(entries.at(0).modified.secsTo(QDateTime::currentDateTimeUtc())) < 60);

    const Result<MappingProfile> loaded = m_store->load("monthly ORDERS (sap)");
    QVERIFY(loaded.isOk());
    QCOMPARE(loaded->mapping.attributes.size(), OrderHeaders.size());
    QCOMPARE(loaded->created, loaded->modified); // first save
    QVERIFY(m_store->contains("Products"));
    QVERIFY(!m_store->contains("Prod"));
}

void TestProfileStore::saveReplacesAProfileOfTheSameName()
{
    QVERIFY(m_store->save(profile("Orders", "INV.CUSTOMER_ORDERS", OrderHeaders)).isOk());
    const QDateTime created = m_store->load("Orders")->created;
    MappingProfile changed = profile("orders", "INV.CUSTOMER_ORDERS", OrderHeaders.mid(0, 3));
    QTest::qWait(5); // so "modified" can differ from "created"
    QVERIFY(m_store->save(changed).isOk());
    QCOMPARE(m_store->list().size(), 1);
    const Result<MappingProfile> loaded = m_store->load("Orders");
    QCOMPARE(loaded->mapping.attributes.size(), 3);
    QCOMPARE(loaded->name, "orders");
    QCOMPARE(loaded->created, created); // still the first save's time
    QVERIFY(loaded->modified > created);
}

void TestProfileStore::saveIsAtomicAndLeavesNoTemporaryFiles()
{
    QVERIFY(m_store->save(profile("Orders", "INV.CUSTOMER_ORDERS", OrderHeaders)).isOk());
    QVERIFY(m_store->save(profile("Orders", "INV.CUSTOMER_ORDERS", OrderHeaders)).isOk());
    QCOMPARE(QDir(m_store->directory()).entryList(QDir::Files | QDir::Hidden),
             QStringList {"orders.json"});
}

void TestProfileStore::renames()
{
    QVERIFY(m_store->save(profile("Orders", "INV.CUSTOMER_ORDERS", OrderHeaders)).isOk());
    const Result<QString> path = m_store->rename("Orders", "Orders (EU)");
    QVERIFY(path.isOk());
    QCOMPARE(QFileInfo(*path).fileName(), "orders-eu.json");
    QCOMPARE(QDir(m_store->directory()).entryList(QDir::Files), QStringList {"orders-eu.json"});
    QVERIFY(!m_store->contains("Orders"));
    QCOMPARE(m_store->load("Orders (EU)")->mapping.attributes.size(), OrderHeaders.size());
}

void TestProfileStore::renameRefusesAClash()
{
    QVERIFY(m_store->save(profile("Orders", "INV.CUSTOMER_ORDERS", OrderHeaders)).isOk());
    QVERIFY(m_store->save(profile("Products", "QP.PRODUCT", ProductHeaders)).isOk());
    const Result<QString> path = m_store->rename("Orders", "products");
    QVERIFY(!path.isOk());
    QCOMPARE(path.error().message, "A profile named 'Products' already exists.");
    QCOMPARE(m_store->load("Products")->resourceId(), "QP.PRODUCT"); // untouched
    QVERIFY(m_store->contains("Orders"));
    QVERIFY(!m_store->rename("Orders", "  ").isOk());
}

void TestProfileStore::renameToOtherCaseOfItself()
{
    QVERIFY(m_store->save(profile("orders", "INV.CUSTOMER_ORDERS", OrderHeaders)).isOk());
    QVERIFY(m_store->rename("orders", "Orders").isOk());
    QCOMPARE(m_store->list().size(), 1);
    QCOMPARE(m_store->list().first().name, "Orders");
}

void TestProfileStore::deletes()
{
    QVERIFY(m_store->save(profile("Orders", "INV.CUSTOMER_ORDERS", OrderHeaders)).isOk());
    QVERIFY(m_store->save(profile("Products", "QP.PRODUCT", ProductHeaders)).isOk());
    QCOMPARE(m_store->remove("orders"), std::nullopt);
    QCOMPARE(m_store->list().size(), 1);
    QCOMPARE(m_store->list().first().name, "Products");
}

void TestProfileStore::missingProfilesAreReported()
{
    QCOMPARE(m_store->load("Nope").error().message, "There is no profile named 'Nope'.");
    QCOMPARE(m_store->remove("Nope")->message, "There is no profile named 'Nope'.");
    QVERIFY(!m_store->rename("Nope", "Other").isOk());
    QVERIFY(!m_store->save(profile(" ", "INV.CUSTOMER_ORDERS", OrderHeaders)).isOk());
}

void TestProfileStore::unsafeNamesMakeSafeFileNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("base");
    QTest::newRow("traversal") << "../../etc/passwd"
                               << "etc-passwd";
    QTest::newRow("windows path") << "C:\\Users\\x"
                                  << "c-users-x";
    QTest::newRow("reserved characters") << "a<b>c:d\"e|f?g*h"
                                         << "a-b-c-d-e-f-g-h";
    QTest::newRow("hidden") << ".profile"
                            << "profile";
    QTest::newRow("dots only") << ".."
                               << "profile";
    QTest::newRow("device name") << "CON"
                                 << "con-profile";
    QTest::newRow("com port") << "com1"
                              << "com1-profile";
    QTest::newRow("accents") << "Données été"
                             << "donnees-ete";
    QTest::newRow("no latin letters") << "Заказы"
                                      << "profile";
    QTest::newRow("long") << QString(300, u'x') << QString(64, u'x');
}

void TestProfileStore::unsafeNamesMakeSafeFileNames()
{
    QFETCH(QString, name);
    QFETCH(QString, base);
    QCOMPARE(ProfileStore::baseFileName(name), base);
    const Result<QString> path = m_store->save(profile(name, "INV.CUSTOMER_ORDERS", OrderHeaders));
    QVERIFY(path.isOk());
    QCOMPARE(QFileInfo(*path).absolutePath(), QDir(m_store->directory()).absolutePath());
    QCOMPARE(m_store->load(name)->name, name.trimmed());
}

void TestProfileStore::namesSharingAFileNameGetTheirOwnFiles()
{
    QVERIFY(m_store->save(profile("Orders (SAP)", "INV.CUSTOMER_ORDERS", OrderHeaders)).isOk());
    const Result<QString> second
        = m_store->save(profile("orders sap", "QP.PRODUCT", ProductHeaders));
    QVERIFY(second.isOk());
    QCOMPARE(QFileInfo(*second).fileName(), "orders-sap-2.json");
    QCOMPARE(m_store->list().size(), 2);
    QCOMPARE(m_store->load("Orders (SAP)")->resourceId(), "INV.CUSTOMER_ORDERS");
    QCOMPARE(m_store->load("orders sap")->resourceId(), "QP.PRODUCT");
}

void TestProfileStore::unreadableFilesAreSkipped()
{
    QVERIFY(m_store->save(profile("Orders", "INV.CUSTOMER_ORDERS", OrderHeaders)).isOk());
    QFile broken(QDir(m_store->directory()).filePath("broken.json"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"schemaVersion\": 9}");
    broken.close();
    QTest::ignoreMessage(QtWarningMsg,
                         "broken.json: schemaVersion: version 9 was written by a newer Sluice; "
                         "this one reads versions 1 to 2");
    QCOMPARE(m_store->list().size(), 1);
}

void TestProfileStore::suggestsSimilarProfilesBestFirst()
{
    QVERIFY(
        m_store->save(profile("Monthly orders (SAP)", "INV.CUSTOMER_ORDERS", OrderHeaders)).isOk());
    QVERIFY(m_store->save(profile("Products", "QP.PRODUCT", ProductHeaders)).isOk());
    QVERIFY(m_store->save(profile("Orders (short)", "INV.CUSTOMER_ORDERS", OrderHeaders.mid(0, 4)))
                .isOk());
    // Next month: reordered, "Qty" renamed and a column added.
    const QStringList nextMonth {"Status",  "Order No.", "Line",  "Order Date", "Customer",
                                 "Product", "Quantity",  "Price", "Warehouse"};
    const QList<ProfileStore::Suggestion> suggestions = m_store->suggest(nextMonth);
    QVERIFY(!suggestions.isEmpty());
    QCOMPARE(suggestions.first().name, "Monthly orders (SAP)");
    QCOMPARE(suggestions.first().resourceId, "INV.CUSTOMER_ORDERS");
    QVERIFY(suggestions.first().score > 0.7);
    for (const ProfileStore::Suggestion &suggestion : suggestions)
        QVERIFY(suggestion.name != "Products");
    QCOMPARE(m_store->suggest(OrderHeaders).first().score, 1.0);
}

void TestProfileStore::suggestsNothingForAnUnrelatedFile()
{
    QVERIFY(
        m_store->save(profile("Monthly orders (SAP)", "INV.CUSTOMER_ORDERS", OrderHeaders)).isOk());
    QVERIFY(m_store->suggest({"Employee", "Department", "Salary", "Start Date"}).isEmpty());
    QVERIFY(m_store->suggest({}).isEmpty());
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
