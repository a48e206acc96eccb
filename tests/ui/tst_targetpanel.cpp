// SPDX-License-Identifier: MIT
// The Target panel: environments with their fields and banner, the resource search and choice,
// the recommended operation, the token, Test connection against the in-process sandbox, and
// when the step is complete.
#include "app/sandbox/sandboxserver.h"
#include "models/session/importsession.h"
#include "models/session/localsandbox.h"
#include "models/session/targetsession.h"
#include "models/upload/credentialstore.h"
#include "tests/support/catalogues.h"
#include "tests/support/screenshot.h"
#include "tests/support/widgettests.h"
#include "ui/pages/targetpanel.h"
#include "ui/widgets/banner.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <algorithm>

using namespace sluice;
using test::child;

namespace {

const QString SandboxToken = QStringLiteral("panel-sandbox-token");

// The Local sandbox as the composition root provides it, on the test's own thread.
class TestSandbox : public LocalSandbox
{
public:
    explicit TestSandbox(std::shared_ptr<const Catalogue> catalogue)
        : m_catalogue(std::move(catalogue))
    {}

    void start() override
    {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!m_server) {
                    SandboxOptions options;
                    options.tokens = {SandboxToken};
                    m_server = std::make_unique<SandboxServer>(m_catalogue, options);
                    const quint16 port = m_server->listen(QHostAddress::LocalHost, 0);
                    m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
                }
                Q_EMIT started(m_url);
            },
            Qt::QueuedConnection);
    }
    bool isRunning() const override { return !m_url.isEmpty(); }
    QUrl url() const override { return m_url; }
    QString token() const override { return SandboxToken; }

private:
    std::shared_ptr<const Catalogue> m_catalogue;
    std::unique_ptr<SandboxServer> m_server;
    QUrl m_url;
};

// A keychain in a map, answering on the next turn of the event loop.
class MemorySecretBackend : public SecretBackend
{
public:
    void read(const QString &service, const QString &key, Callback done) override
    {
        Reply reply;
        if (secrets.contains(service + '/' + key))
            reply.secret = secrets.value(service + '/' + key);
        else
            reply.status = Status::NotFound;
        answer(std::move(done), reply);
    }
    void write(const QString &service, const QString &key, const QString &secret,
               Callback done) override
    {
        secrets.insert(service + '/' + key, secret);
        answer(std::move(done), Reply {});
    }
    void remove(const QString &service, const QString &key, Callback done) override
    {
        secrets.remove(service + '/' + key);
        answer(std::move(done), Reply {});
    }

    QHash<QString, QString> secrets;

private:
    static void answer(Callback done, const Reply &reply)
    {
        QMetaObject::invokeMethod(
            qApp, [done = std::move(done), reply] { done(reply); }, Qt::QueuedConnection);
    }
};

// The panel above a stand-in for the mapping table, in a splitter as on the page, 1280x800.
struct ShownPanel
{
    std::shared_ptr<const Catalogue> catalogue = test::builtInCatalogue();
    QNetworkAccessManager network;
    MemorySecretBackend *backend = new MemorySecretBackend;
    CredentialStore credentials {std::unique_ptr<SecretBackend>(backend)};
    TestSandbox sandbox {catalogue};
    TargetSession target {catalogue, network, credentials, &sandbox};
    ImportSession session {catalogue, network};
    QSplitter window {Qt::Vertical};
    TargetPanel *panel = new TargetPanel(target, session, &window);

    ShownPanel()
    {
        window.addWidget(panel);
        window.addWidget(new QTableView(&window));
        window.resize(1280, 800);
        window.setSizes({panel->sizeHint().height(), 800});
        window.show();
    }

    QStringList listedResources() const
    {
        const QAbstractItemModel *model = child<QListView>(*panel, "targetResourceList")->model();
        QStringList texts;
        for (int row = 0; row < model->rowCount(); ++row)
            texts.append(model->index(row, 0).data().toString());
        return texts;
    }

    void clickResource(const QString &startOfText)
    {
        auto *list = child<QListView>(*panel, "targetResourceList");
        const QStringList texts = listedResources();
        const auto found = std::find_if(texts.cbegin(), texts.cend(), [&](const QString &text) {
            return text.startsWith(startOfText + QStringLiteral(" — "));
        });
        const int row = int(found - texts.cbegin());
        QVERIFY2(found != texts.cend(), qPrintable(startOfText));
        const QModelIndex index = list->model()->index(row, 0);
        list->scrollTo(index);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
    }
};

} // namespace

class TestTargetPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void environmentsShowTheirFieldsAndBanner();
    void theSearchFiltersTheResources();
    void choosingAResourcePreselectsTheRecommendedOperation();
    void testConnectionAgainstTheSandbox();
    void completenessFollowsResourceHostAndToken();
};

void TestTargetPanel::environmentsShowTheirFieldsAndBanner()
{
    ShownPanel shown;
    auto *environment = child<QComboBox>(*shown.panel, "targetEnvironmentCombo");
    auto *banner = child<Banner>(*shown.panel, "targetHostBanner");
    auto *region = child<QLineEdit>(*shown.panel, "targetRegionEdit");
    auto *url = child<QLineEdit>(*shown.panel, "targetUrlEdit");
    auto *token = child<QLineEdit>(*shown.panel, "targetTokenEdit");
    auto *status = child<QLabel>(*shown.panel, "targetTokenStatus");

    QTRY_COMPARE(banner->text(),
                 QStringLiteral("Local sandbox on this computer: nothing leaves this machine"));
    QCOMPARE(banner->kind(), Banner::Kind::Info);
    QVERIFY(!token->isVisible() && !region->isVisible() && !url->isVisible());
    QCOMPARE(status->text(), QStringLiteral("The local sandbox needs no token."));

    environment->setFocus();
    QTest::keyClick(environment, Qt::Key_Down); // Peak hub
    QCOMPARE(shown.target.environment(), TargetSession::Environment::Hub);
    QCOMPARE(banner->text(),
             QStringLiteral("Real platform: rows will be sent to ingestion.peak.ai"));
    QCOMPARE(banner->kind(), Banner::Kind::Danger);
    QVERIFY(banner->isVisible());
    QVERIFY(token->isVisible() && !region->isVisible() && !url->isVisible());
    QTRY_COMPARE(status->text(), QStringLiteral("No token saved for ingestion.peak.ai"));
    QVERIFY(test::saveScreenshot(shown.window, QStringLiteral("target-hub-banner")));

    environment->setCurrentIndex(int(TargetSession::Environment::Regional));
    QVERIFY(region->isVisible() && !url->isVisible());
    QCOMPARE(banner->kind(), Banner::Kind::Warning); // no cluster yet
    QTest::keyClicks(region, QStringLiteral("eu-west-1"));
    QCOMPARE(shown.target.host(), QUrl(QStringLiteral("https://ingestion.eu-west-1.peak.ai")));
    QVERIFY(banner->text().endsWith(u"rows will be sent to ingestion.eu-west-1.peak.ai"));

    environment->setCurrentIndex(int(TargetSession::Environment::Custom));
    QVERIFY(url->isVisible() && !region->isVisible());
    QTest::keyClicks(url, QStringLiteral("http://example.com"));
    QVERIFY(shown.target.host().isEmpty());
    QCOMPARE(banner->text(), shown.target.hostProblem());
    QVERIFY(banner->text().contains(u"plain http is allowed only"));
    QVERIFY(!token->isEnabled()); // a token belongs to a valid host

    environment->setCurrentIndex(int(TargetSession::Environment::LocalSandbox));
    QVERIFY(!token->isVisible());
    QCOMPARE(banner->kind(), Banner::Kind::Info);
}

void TestTargetPanel::theSearchFiltersTheResources()
{
    ShownPanel shown;
    auto *search = child<QLineEdit>(*shown.panel, "targetResourceSearch");
    const qsizetype inventory = shown.catalogue->resourcesOf(u"INV").size();
    QCOMPARE(shown.listedResources().size(), inventory); // the chosen solution's
    QVERIFY(shown.listedResources().contains(u"Suppliers — INV.SUPPLIERS"));

    QTest::keyClicks(search, QStringLiteral("orders"));
    const QStringList found = shown.listedResources();
    QVERIFY(found.contains(u"Customer Orders — INV.CUSTOMER_ORDERS"));
    QVERIFY(!found.contains(u"Suppliers — INV.SUPPLIERS"));
    QVERIFY(found.size() < inventory);

    // By id, across solutions, and by words of the description.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("qp.customer"));
    QCOMPARE(shown.listedResources(), QStringList {QStringLiteral("Customer — QP.CUSTOMER")});
    search->clear();
    QCOMPARE(shown.listedResources().size(), inventory);
    QVERIFY(shown.session.resource() == nullptr); // searching chose nothing
}

void TestTargetPanel::choosingAResourcePreselectsTheRecommendedOperation()
{
    ShownPanel shown;
    auto *search = child<QLineEdit>(*shown.panel, "targetResourceSearch");
    auto *operation = child<QComboBox>(*shown.panel, "targetOperationCombo");
    auto *table = child<QLabel>(*shown.panel, "targetTableLabel");
    QSignalSpy mappingChanged(&shown.session, &ImportSession::mappingChanged);

    QTest::keyClicks(search, QStringLiteral("customer orders"));
    shown.clickResource(QStringLiteral("Customer Orders"));
    QVERIFY(shown.session.resource());
    QCOMPARE(shown.session.resource()->id, QStringLiteral("INV.CUSTOMER_ORDERS"));
    QCOMPARE(operation->currentText(), QStringLiteral("UPSERT (recommended)"));
    QCOMPARE(shown.target.operation(), OperationType::Upsert);
    QVERIFY(table->text().contains(u"INV_CUSTOMER_ORDERS_OOTB"));
    QCOMPARE(mappingChanged.size(), 1);
    shown.clickResource(QStringLiteral("Customer Orders")); // the same again: nothing to redo
    QCOMPARE(mappingChanged.size(), 1);

    // The user's choice of operation sticks.
    operation->setCurrentIndex(1);
    QCOMPARE(shown.target.operation(), OperationType::Append);
    QCOMPARE(operation->currentText(), QStringLiteral("APPEND"));

    // A resource of another solution: its solution, naming and recommendation.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("qp.customer"));
    // The chosen row left the list; that chose nothing else.
    QCOMPARE(shown.session.resource()->id, QStringLiteral("INV.CUSTOMER_ORDERS"));
    shown.clickResource(QStringLiteral("Customer"));
    QCOMPARE(shown.session.resource()->id, QStringLiteral("QP.CUSTOMER"));
    QCOMPARE(shown.target.solutionId(), QStringLiteral("QP"));
    QVERIFY(
        child<QComboBox>(*shown.panel, "targetSolutionCombo")->currentText().contains(u"QP_OOTB"));
    QCOMPARE(operation->currentText(), QStringLiteral("APPEND (recommended)"));
    QCOMPARE(operation->itemText(0), QStringLiteral("UPSERT"));

    // A prefix typed by the user names the table.
    auto *prefix = child<QLineEdit>(*shown.panel, "targetPrefixEdit");
    prefix->selectAll();
    QTest::keyClicks(prefix, QStringLiteral("ACME_"));
    QCOMPARE(shown.target.prefix(), QStringLiteral("ACME_"));
    QVERIFY(table->text().contains(u"ACME_CUSTOMER_OOTB"));
}

void TestTargetPanel::testConnectionAgainstTheSandbox()
{
    ShownPanel shown;
    auto *button = child<QPushButton>(*shown.panel, "targetTestButton");
    auto *result = child<QLabel>(*shown.panel, "targetTestResult");
    QTRY_VERIFY(!shown.target.host().isEmpty()); // the sandbox started
    shown.clickResource(QStringLiteral("Customer Orders"));

    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!button->isEnabled()); // one test at a time
    QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 10000);
    QVERIFY2(result->text().startsWith(QStringLiteral("✓ Connected to 127.0.0.1:")),
             qPrintable(result->text()));
    QVERIFY(result->text().endsWith(u"4 solutions"));
    // The live names mark the solutions that exist there.
    auto *solutions = child<QComboBox>(*shown.panel, "targetSolutionCombo");
    QCOMPARE(solutions->currentText(), QStringLiteral("✓ Inventory Management (INV_OOTB)"));
    QCOMPARE(solutions->itemText(2),
             QStringLiteral("✓ Markdown & Promotions (B2C_OOTB)")); // every one is served
    QVERIFY(test::saveScreenshot(shown.window, QStringLiteral("target-sandbox")));

    // Another host: the result spoke of the sandbox, so it goes; there it fails without a token.
    child<QComboBox>(*shown.panel, "targetEnvironmentCombo")
        ->setCurrentIndex(int(TargetSession::Environment::Hub));
    QCOMPARE(result->text(), QString());
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(result->text(), QStringLiteral("✗ Enter a token first"));
}

void TestTargetPanel::completenessFollowsResourceHostAndToken()
{
    ShownPanel shown;
    QSignalSpy completeChanged(shown.panel, &TargetPanel::completeChanged);
    QVERIFY(!shown.panel->isComplete());
    QCOMPARE(shown.panel->incompleteReason(),
             QStringLiteral("Choose a resource of Inventory Management"));
    shown.clickResource(QStringLiteral("Customer Orders"));
    QTRY_VERIFY(shown.panel->isComplete()); // once the sandbox runs
    QCOMPARE(shown.panel->incompleteReason(), QString());
    QVERIFY(completeChanged.size() > 0);

    completeChanged.clear();
    child<QComboBox>(*shown.panel, "targetEnvironmentCombo")
        ->setCurrentIndex(int(TargetSession::Environment::Hub));
    QVERIFY(!shown.panel->isComplete());
    QCOMPARE(shown.panel->incompleteReason(),
             QStringLiteral("Enter a token for ingestion.peak.ai"));
    QVERIFY(completeChanged.size() > 0);

    auto *token = child<QLineEdit>(*shown.panel, "targetTokenEdit");
    auto *save = child<QPushButton>(*shown.panel, "targetSaveTokenButton");
    auto *status = child<QLabel>(*shown.panel, "targetTokenStatus");
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    QTRY_VERIFY(!shown.target.isReadingToken());
    QVERIFY(!save->isEnabled());
    completeChanged.clear();
    QTest::keyClicks(token, QStringLiteral("pat-panel-1"));
    QVERIFY(shown.panel->isComplete());
    QCOMPARE(completeChanged.size(), 1);
    QCOMPARE(shown.target.token(), QStringLiteral("pat-panel-1"));
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE(status->text(),
                 QStringLiteral("Token saved in the system keychain for ingestion.peak.ai"));
    QCOMPARE(shown.backend->secrets.value(QStringLiteral("Sluice/ingestion.peak.ai")),
             QStringLiteral("pat-panel-1"));
    QVERIFY(!save->isEnabled());

    QTest::mouseClick(child<QPushButton>(*shown.panel, "targetForgetTokenButton"), Qt::LeftButton);
    QCOMPARE(token->text(), QString());
    QVERIFY(!shown.panel->isComplete());
    QTRY_VERIFY(shown.backend->secrets.isEmpty());

    // A solution without the chosen resource: the step needs one of its resources.
    child<QComboBox>(*shown.panel, "targetSolutionCombo")->setCurrentIndex(1);
    QCOMPARE(shown.panel->incompleteReason(), QStringLiteral("Choose a resource of Quote Pricing"));
}

QTEST_MAIN(TestTargetPanel)
#include "tst_targetpanel.moc"
