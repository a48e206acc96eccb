// SPDX-License-Identifier: MIT
// The Upload page against the in-process sandbox: check on server, the confirmation, progress,
// the per-batch table and its raw responses, pause/resume/cancel, a refused token, and the
// server's row errors landing on the review data.
#include "app/sandbox/sandboxserver.h"
#include "models/itemmodels/batchresultmodel.h"
#include "models/session/importsession.h"
#include "models/session/preferences.h"
#include "models/session/targetsession.h"
#include "models/upload/credentialstore.h"
#include "tests/support/catalogues.h"
#include "tests/support/sampleworkbook.h"
#include "tests/support/sandboxclient.h"
#include "tests/support/screenshot.h"
#include "tests/support/scriptedprompter.h"
#include "tests/support/widgettests.h"
#include "ui/pages/uploadpage.h"
#include "ui/widgets/banner.h"

#include <QCoreApplication>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QWidget>

using namespace sluice;
using namespace sluice::test;

namespace {

const QString Token = QStringLiteral("upload-page-token");
const QString Table = QStringLiteral("INV_CUSTOMER_ORDERS_OOTB");

// A keychain that holds `token` for every host (or nothing), answering on the next turn of the
// event loop like a real one; so whatever the target reads back, the test knows the token.
class FixedSecretBackend : public SecretBackend
{
public:
    explicit FixedSecretBackend(QString token)
        : m_token(std::move(token))
    {}
    void read(const QString &, const QString &, Callback done) override
    {
        Reply reply;
        reply.status = m_token.isEmpty() ? Status::NotFound : Status::Ok;
        reply.secret = m_token;
        answer(std::move(done), reply);
    }
    void write(const QString &, const QString &, const QString &, Callback done) override
    {
        answer(std::move(done), Reply {});
    }
    void remove(const QString &, const QString &, Callback done) override
    {
        answer(std::move(done), Reply {});
    }

private:
    static void answer(Callback done, const Reply &reply)
    {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [done = std::move(done), reply] { done(reply); },
            Qt::QueuedConnection);
    }
    QString m_token;
};

// The sample workbook opened, mapped onto Customer Orders and checked; a target on the sandbox
// with `token`; the page shown at a window's size.
struct Fixture
{
    Fixture(std::shared_ptr<const Catalogue> catalogue, const SandboxOptions &options,
            const QString &token = Token)
        : sandbox(catalogue, options)
        , credentials(std::make_unique<FixedSecretBackend>(token))
        , session(catalogue, network)
        , target(catalogue, network, credentials, nullptr)
    {
        port = sandbox.listen(QHostAddress::LocalHost, 0);
        base = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        preferences.upload.requestsPerSecond = 0;
    }

    // False (with a message) when a step of the preparation failed.
    bool prepare(const QString &token = Token)
    {
        if (!test::openCheckedSample(session))
            return false;
        target.setEnvironment(TargetSession::Environment::Custom);
        target.setCustomUrl(base.toString());
        target.setSolution(QStringLiteral("INV"));
        target.setToken(token);
        page = std::make_unique<UploadPage>(session, target, preferences, prompter);
        page->resize(1280, 800);
        page->show();
        page->enter();
        return QTest::qWaitForWindowExposed(page.get());
    }

    SandboxClient client() { return SandboxClient(base, Token.toUtf8()); }
    QString text(const char *label) const { return child<QLabel>(*page, label)->text(); }
    bool enabled(const char *button) const
    {
        return child<QPushButton>(*page, button)->isEnabled();
    }
    void click(const char *button)
    {
        QTest::mouseClick(child<QPushButton>(*page, button), Qt::LeftButton);
    }
    int progress() const { return child<QProgressBar>(*page, "uploadProgress")->value(); }

    SandboxServer sandbox;
    quint16 port = 0;
    QUrl base;
    QNetworkAccessManager network;
    CredentialStore credentials;
    ImportSession session;
    TargetSession target;
    Preferences preferences;
    ScriptedPrompter prompter;
    std::unique_ptr<UploadPage> page;
};

SandboxOptions sandboxOptions()
{
    SandboxOptions options;
    options.tokens = {Token};
    return options;
}

} // namespace

class TestUploadPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void checkOnServerStoresNothing();
    void uploadAsksFirstAndStoresTheRows();
    void serverRowErrorsLandOnTheReviewData();
    void fixedRejectedRowsAreResent();
    void pauseResumeAndCancel();
    void aRefusedTokenIsNamed();
    void noTokenSendsNothing();

private:
    std::shared_ptr<const Catalogue> m_catalogue;
};

void TestUploadPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_catalogue = builtInCatalogue();
}

void TestUploadPage::checkOnServerStoresNothing()
{
    Fixture f(m_catalogue, sandboxOptions());
    QVERIFY(f.prepare());
    QCOMPARE(f.session.rowsToSend().size(), size_t(36));
    const QString summary = child<Banner>(*f.page, "uploadTargetSummary")->text();
    QVERIFY2(summary.contains(u"36 rows of Customer Orders") && summary.contains(Table)
                 && summary.contains(u"UPSERT")
                 && summary.contains(u"4 rows with errors are left out"),
             qPrintable(summary));
    QVERIFY(!f.page->isComplete());
    QCOMPARE(f.page->incompleteReason(), u"Upload the rows, or check them on the server first");

    f.click("uploadCheckButton");
    QVERIFY(f.prompter.questions.isEmpty()); // a dry run stores nothing: no question
    QVERIFY(f.page->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!f.page->isRunning(), 20000);
    QVERIFY2(f.text("uploadResult").startsWith(u"Check on server: no row would be rejected"),
             qPrintable(f.text("uploadResult")));
    QVERIFY(f.text("uploadAccepted").contains(u"36 accepted"));
    QCOMPARE(f.progress(), 36);
    QVERIFY(child<QTableView>(*f.page, "uploadBatchTable")->model()->rowCount() >= 1);
    QVERIFY(!f.page->isComplete()); // a check is not the upload
    SandboxClient client = f.client();
    QCOMPARE(client.count(Table), 0);
    const QJsonArray requests = client.requests();
    QVERIFY(!requests.isEmpty());
    for (const QJsonValue &request : requests)
        QVERIFY(request.toObject().value(u"dryRun").toBool());
}

void TestUploadPage::uploadAsksFirstAndStoresTheRows()
{
    Fixture f(m_catalogue, sandboxOptions());
    f.preferences.upload.batchRows = 10;
    QVERIFY(f.prepare());
    QSignalSpy complete(f.page.get(), &StepPage::completeChanged);

    f.click("uploadStartButton"); // declined: nothing goes out
    QCOMPARE(f.prompter.questions.size(), 1);
    const QString question = f.prompter.questions.at(0);
    QVERIFY2(question.contains(QStringLiteral("Send 36 rows of Customer Orders to %1 on "
                                              "127.0.0.1:%2 as UPSERT?")
                                   .arg(Table)
                                   .arg(f.port)),
             qPrintable(question));
    QVERIFY(!f.page->isRunning());
    QVERIFY(!f.session.upload());
    QVERIFY(f.client().requests().isEmpty());

    f.prompter.confirmations = {true};
    f.click("uploadStartButton");
    QTRY_VERIFY_WITH_TIMEOUT(!f.page->isRunning(), 20000);
    QCOMPARE(f.client().count(Table), 36);
    QVERIFY2(f.text("uploadResult").startsWith(u"Uploaded 36 rows: 36 accepted, 0 rejected in"),
             qPrintable(f.text("uploadResult")));
    QCOMPARE(f.text("uploadAccepted"), u"✔ 36 accepted");
    QCOMPARE(f.text("uploadRejected"), u"✖ 0 rejected");
    QCOMPARE(f.text("uploadPending"), u"… 0 pending");
    QCOMPARE(f.text("uploadUncertain"), u"? 0 uncertain");
    QVERIFY(f.page->isComplete());
    QVERIFY(complete.count() >= 1);

    auto *table = child<QTableView>(*f.page, "uploadBatchTable");
    QCOMPARE(table->model()->rowCount(), 4); // 10 + 10 + 10 + 6
    auto *raw = child<QPlainTextEdit>(*f.page, "uploadRawResponse");
    QVERIFY(raw->toPlainText().isEmpty());
    const QModelIndex first = table->model()->index(0, BatchResultModel::StatusColumn);
    // A real double-click: press and release, then the double-click event.
    const QPoint at = table->visualRect(first).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
    QVERIFY2(raw->toPlainText().contains(u"\"accepted\": 10"), qPrintable(raw->toPlainText()));
    QVERIFY(raw->toPlainText().contains(u"\"requestId\""));
    QVERIFY(raw->isReadOnly());
    // Enter on another batch shows that one's response.
    table->setFocus();
    table->setCurrentIndex(table->model()->index(3, 0));
    QTest::keyClick(table, Qt::Key_Return);
    QVERIFY2(raw->toPlainText().contains(u"\"accepted\": 6"), qPrintable(raw->toPlainText()));
    QVERIFY(saveScreenshot(*f.page, QStringLiteral("upload-done")));
}

void TestUploadPage::serverRowErrorsLandOnTheReviewData()
{
    Fixture f(m_catalogue, sandboxOptions());
    f.target.setOperation(OperationType::Append);
    QVERIFY(f.prepare());
    const std::vector<qsizetype> sent = f.session.rowsToSend();
    const IssueIndex *local = f.session.issues();
    if (!local) // not QVERIFY: GCC's -O2 null-dereference check needs to see the return
        QFAIL("the rows were not checked");
    const qsizetype localErrors = local->errorCount();
    const qsizetype localWarnings = local->warningCount();
    f.prompter.confirmations = {true};
    f.click("uploadStartButton");
    QTRY_VERIFY_WITH_TIMEOUT(!f.page->isRunning(), 20000);
    QCOMPARE(f.client().count(Table), 36);

    // The same rows again, APPEND: the server finds every key stored already, which no local
    // check can know.
    QSignalSpy issuesChanged(&f.session, &ImportSession::issuesChanged);
    f.click("uploadCheckButton");
    QTRY_VERIFY_WITH_TIMEOUT(!f.page->isRunning(), 20000);
    QVERIFY2(f.text("uploadResult").startsWith(u"Check on server: 36 rows would be rejected"),
             qPrintable(f.text("uploadResult")));
    QVERIFY(f.text("uploadRejected").contains(u"36 rejected"));
    QVERIFY(issuesChanged.count() >= 1);
    QCOMPARE(issuesChanged.first().at(0).value<qsizetype>(), sent.front());
    QCOMPARE(issuesChanged.last().at(1).value<qsizetype>(), sent.back());

    const IssueIndex &issues = *f.session.issues();
    QCOMPARE(issues.count(IssueCode::KeyExists), 36);
    QCOMPARE(issues.errorCount(), localErrors + 36); // the local findings stay
    QCOMPARE(issues.warningCount(), localWarnings);
    const std::vector<CellIssue> *row = issues.issuesOfRow(sent.at(5));
    QVERIFY(row);
    const auto keyExists = std::find_if(row->begin(), row->end(), [](const CellIssue &issue) {
        return issue.code == IssueCode::KeyExists;
    });
    QVERIFY(keyExists != row->end());
    QCOMPARE(keyExists->attribute,
             int(f.session.resource()->attributeIndex(f.session.resource()->primaryKey.at(0))));
    QVERIFY2(keyExists->message.contains(u"already holds"), qPrintable(keyExists->message));
    // Rows the server refuses are no longer sent, and the summary says so.
    QCOMPARE(f.session.rowsToSend().size(), size_t(0));
    const QString summary = child<Banner>(*f.page, "uploadTargetSummary")->text();
    QVERIFY2(summary.contains(u"40 rows with errors are left out"), qPrintable(summary));

    auto *table = child<QTableView>(*f.page, "uploadBatchTable");
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Enter);
    const QString raw = child<QPlainTextEdit>(*f.page, "uploadRawResponse")->toPlainText();
    QVERIFY2(raw.contains(u"DI_E_10008"), qPrintable(raw));
    QVERIFY(saveScreenshot(*f.page, QStringLiteral("upload-check-on-server")));
}

// After an APPEND run the server refused (every key stored already), the rows the user fixes
// on the Review grid are sent again alone, with "Resend N of M Rejected Rows".
void TestUploadPage::fixedRejectedRowsAreResent()
{
    Fixture f(m_catalogue, sandboxOptions());
    f.target.setOperation(OperationType::Append);
    QVERIFY(f.prepare());
    auto *resend = child<QPushButton>(*f.page, "uploadResendButton");
    QVERIFY(resend->isHidden()); // no run yet
    for (int run = 0; run < 2; ++run) {
        f.prompter.confirmations = {true};
        f.click("uploadStartButton");
        QTRY_VERIFY_WITH_TIMEOUT(!f.page->isRunning(), 20000);
    }
    QCOMPARE(f.client().count(Table), 36);
    QVERIFY(!resend->isHidden());
    QVERIFY(!resend->isEnabled()); // nothing fixed yet
    QCOMPARE(resend->text(), u"Re&send 0 of 36 Rejected Rows");

    // Two rejected rows get new order ids on the Review grid.
    const int orderId = int(f.session.resource()->attributeIndex(QStringLiteral("order_id")));
    const std::vector<qsizetype> rejected = {0, 5};
    QVERIFY(f.session.editCell(rejected[0], orderId, QStringLiteral("SO-NEW-1")));
    QVERIFY(f.session.editCell(rejected[1], orderId, QStringLiteral("SO-NEW-2")));
    f.page->enter();
    QVERIFY(resend->isEnabled());
    QCOMPARE(resend->text(), u"Re&send 2 of 36 Rejected Rows");
    f.prompter.confirmations = {true};
    f.click("uploadResendButton");
    QVERIFY2(f.prompter.questions.last().contains(u"2 rows"),
             qPrintable(f.prompter.questions.last()));
    QTRY_VERIFY_WITH_TIMEOUT(!f.page->isRunning(), 20000);
    QCOMPARE(f.client().count(Table), 38);
    QCOMPARE(f.session.upload()->outcomes().count(RowOutcome::Accepted), 2);
    QCOMPARE(
        f.session.runHistory().entries().last().resendOf,
        f.session.runHistory().entries().at(f.session.runHistory().entries().size() - 2).runId);
    QVERIFY(saveScreenshot(*f.page, QStringLiteral("upload-resend")));
}

void TestUploadPage::pauseResumeAndCancel()
{
    SandboxOptions options = sandboxOptions();
    options.latencyMs = 250;
    Fixture f(m_catalogue, options);
    f.preferences.upload.batchRows = 5;
    f.preferences.upload.concurrency = 1;
    QVERIFY(f.prepare());
    QVERIFY(!f.enabled("uploadPauseButton"));
    QVERIFY(!f.enabled("uploadResumeButton"));
    QVERIFY(!f.enabled("uploadCancelButton"));

    f.prompter.confirmations = {true};
    f.click("uploadStartButton");
    QVERIFY(f.page->isRunning());
    QVERIFY(f.enabled("uploadPauseButton"));
    QVERIFY(f.enabled("uploadCancelButton"));
    QVERIFY(!f.enabled("uploadResumeButton"));
    QVERIFY(!f.enabled("uploadStartButton"));
    QVERIFY(!f.enabled("uploadCheckButton"));
    QTRY_VERIFY_WITH_TIMEOUT(f.progress() >= 5, 10000);
    QVERIFY(f.text("uploadRate").contains(u"rows/s"));
    QVERIFY(saveScreenshot(*f.page, QStringLiteral("upload-running")));

    f.click("uploadPauseButton");
    UploadRun *run = f.session.upload();
    QCOMPARE(run->uploader().state(), BatchUploader::State::Paused);
    QVERIFY(!f.enabled("uploadPauseButton"));
    QVERIFY(f.enabled("uploadResumeButton"));
    QVERIFY(f.enabled("uploadCancelButton"));
    QTest::qWait(600); // the batch in flight is answered; nothing new goes out
    const int paused = f.progress();
    QTest::qWait(600);
    QCOMPARE(f.progress(), paused);

    f.click("uploadResumeButton");
    QCOMPARE(run->uploader().state(), BatchUploader::State::Running);
    QTRY_VERIFY_WITH_TIMEOUT(f.progress() > paused, 10000);
    f.click("uploadCancelButton");
    QTRY_VERIFY_WITH_TIMEOUT(!f.page->isRunning(), 10000);
    const qsizetype stored = f.client().count(Table);
    QVERIFY2(stored > 0 && stored < 36, qPrintable(QString::number(stored)));
    QCOMPARE(f.text("uploadAccepted"), QStringLiteral("✔ %1 accepted").arg(stored));
    QVERIFY2(f.text("uploadResult").contains(u"Cancelled"), qPrintable(f.text("uploadResult")));
    QVERIFY(!f.enabled("uploadPauseButton"));
    QVERIFY(!f.enabled("uploadResumeButton"));
    QVERIFY(!f.enabled("uploadCancelButton"));
    QVERIFY(f.enabled("uploadStartButton"));
}

void TestUploadPage::aRefusedTokenIsNamed()
{
    Fixture f(m_catalogue, sandboxOptions(), QStringLiteral("wrong-token"));
    QVERIFY(f.prepare(QStringLiteral("wrong-token")));
    f.prompter.confirmations = {true};
    f.click("uploadStartButton");
    QTRY_VERIFY_WITH_TIMEOUT(!f.page->isRunning(), 20000);
    auto *error = child<QLabel>(*f.page, "uploadError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"refused the token"), qPrintable(error->text()));
    QCOMPARE(f.client().count(Table), 0);
    QVERIFY(f.text("uploadAccepted").contains(u"0 accepted"));
}

void TestUploadPage::noTokenSendsNothing()
{
    Fixture f(m_catalogue, sandboxOptions(), QString());
    QVERIFY(f.prepare(QString()));
    f.click("uploadCheckButton");
    QVERIFY(!f.page->isRunning());
    QVERIFY(!f.session.upload());
    auto *error = child<QLabel>(*f.page, "uploadError");
    QVERIFY2(error->text().contains(u"no token"), qPrintable(error->text()));
    QVERIFY(f.client().requests().isEmpty());
}

QTEST_MAIN(TestUploadPage)
#include "tst_uploadpage.moc"
