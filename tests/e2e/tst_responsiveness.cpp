// SPDX-License-Identifier: MIT
// The window never freezes on a big file: while a 1M-row CSV is read, checked and uploaded to the
// built-in Local sandbox through the real pages, a timer on the GUI thread ticks every 16 ms and
// the longest gap between ticks is measured. The report prints the worst stall and the step it
// happened in.
#include "app/inprocesssandbox.h"
#include "models/schema/catalogue.h"
#include "models/validation/issueindex.h"
#include "tests/support/guiflow.h"
#include "tests/support/orderrows.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

using namespace sluice;
using test::child;

namespace {

// The sanitizer build runs everything several times slower: it checks a tenth of the rows and
// allows a proportionally longer stall, so that it still finds memory errors on this path
// without measuring the sanitizer.
#if defined(__SANITIZE_ADDRESS__)
constexpr qsizetype DefaultRows = 100'000;
constexpr qint64 AllowedStallMs = 400;
#else
constexpr qsizetype DefaultRows = 1'000'000;
constexpr qint64 AllowedStallMs = 100;
#endif

// Ticks every 16 ms and remembers the longest gap between two ticks, and during which step.
class Heartbeat : public QObject
{
public:
    Heartbeat()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(16);
        connect(&m_timer, &QTimer::timeout, this, &Heartbeat::tick);
        m_clock.start();
        m_timer.start();
    }
    void setPhase(const QString &phase) { m_phase = phase; }
    qint64 worstMs() const { return m_worst; }
    qint64 worstEndedAt() const { return m_worstEndedAt; }
    QString worstPhase() const { return m_worstPhase; }
    QStringList report() const { return m_perPhase; }
    // Lets the timer tick once more first, so that a stall caused by this phase's last
    // (synchronous) step is counted in this phase rather than the next.
    void closePhase()
    {
        QTest::qWait(100);
        m_perPhase.append(QStringLiteral("%1: worst %2 ms").arg(m_phase).arg(m_phaseWorst));
        m_phaseWorst = 0;
    }

private:
    void tick()
    {
        const qint64 now = m_clock.elapsed();
        const qint64 gap = now - m_last;
        m_last = now;
        m_phaseWorst = std::max(m_phaseWorst, gap);
        if (gap > m_worst) {
            m_worst = gap;
            m_worstPhase = m_phase;
            // On CLOCK_MONOTONIC, so `perf record -k CLOCK_MONOTONIC` samples of the stall can
            // be picked out with `perf script --time`.
            m_worstEndedAt = m_clock.msecsSinceReference() + now;
        }
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
    qint64 m_phaseWorst = 0;
    qint64 m_worstEndedAt = 0;
    QString m_phase;
    QString m_worstPhase;
    QStringList m_perPhase;
};

// Times every event the GUI thread handles (the outermost ones), so that a stall names its
// culprit: the receiver's class and the event type of the slowest few.
class TimingApplication : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth > 0) {
            const DepthGuard nested(m_depth);
            return QApplication::notify(receiver, event);
        }
        const DepthGuard outermost(m_depth);
        const QString what = QStringLiteral("%1 (%2)").arg(
            QString::fromLatin1(receiver->metaObject()->className()),
            QString::number(int(event->type())));
        QElapsedTimer timer;
        timer.start();
        const bool handled = QApplication::notify(receiver, event);
        remember(
            timer.elapsed(),
            what + QStringLiteral(" ending %1").arg(timer.msecsSinceReference() + timer.elapsed()));
        return handled;
    }
    QStringList slowest() const
    {
        QStringList lines;
        for (const auto &[ms, what] : m_slowest)
            lines.append(QStringLiteral("%1 ms %2").arg(ms).arg(what));
        return lines;
    }

private:
    struct DepthGuard
    {
        explicit DepthGuard(int &depth)
            : m_depth(depth)
        {
            ++m_depth;
        }
        ~DepthGuard() { --m_depth; }
        int &m_depth;
    };
    void remember(qint64 ms, const QString &what)
    {
        if (ms < 50)
            return;
        m_slowest.emplace_back(ms, what);
        std::sort(m_slowest.begin(), m_slowest.end(), std::greater<>());
        if (m_slowest.size() > 5)
            m_slowest.pop_back();
    }

    int m_depth = 0;
    std::vector<std::pair<qint64, QString>> m_slowest;
};

// Customer orders with the API's attribute names as the header; every 100th row has a quantity
// written in words, so the Review page has issues to show.
QString writeOrders(const QString &path, qsizetype rows)
{
    const auto catalogue = Catalogue::load(Catalogue::builtInPath());
    const Resource *orders = catalogue->resource(u"INV.CUSTOMER_ORDERS");
    QStringList header;
    for (const Attribute &attribute : orders->attributes)
        header.append(attribute.name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QByteArray text = header.join(u',').toUtf8() + '\n';
    for (qsizetype n = 0; n < rows; ++n) {
        QStringList row = test::orderRow(n);
        if (n % 100 == 7)
            row[8] = QStringLiteral("ten");
        text += row.join(u',').toUtf8() + '\n';
        if (text.size() > (1 << 20)) {
            file.write(text);
            text.clear();
        }
    }
    file.write(text);
    return path;
}

} // namespace

class TestResponsiveness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void aMillionRowsNeverStallTheWindow();
};

void TestResponsiveness::aMillionRowsNeverStallTheWindow()
{
    const qsizetype rows = qEnvironmentVariableIntValue("SLUICE_RESPONSIVENESS_ROWS") > 0
        ? qEnvironmentVariableIntValue("SLUICE_RESPONSIVENESS_ROWS")
        : DefaultRows;
    QTemporaryDir dir;
    const QString csv = writeOrders(dir.filePath(QStringLiteral("orders.csv")), rows);
    QVERIFY(!csv.isEmpty());
    QSettings().clear();

    test::GuiFlow flow;
    flow.start();
    MainWindow &window = *flow.window;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Heartbeat heartbeat;

    heartbeat.setPhase(QStringLiteral("load"));
    window.openFile(csv);
    QTRY_VERIFY_WITH_TIMEOUT(window.openPage()->isComplete(), 300000);
    QCOMPARE(flow.application.session().table().rowCount(), rows + 1);
    heartbeat.closePhase();

    heartbeat.setPhase(QStringLiteral("map"));
    QVERIFY(flow.clickNext(MainWindow::TargetStep));
    QTRY_VERIFY_WITH_TIMEOUT(flow.application.sandbox().isRunning(), 10000);
    QVERIFY(flow.chooseResource(QStringLiteral("customer orders"),
                                QStringLiteral("INV.CUSTOMER_ORDERS")));
    QTRY_VERIFY_WITH_TIMEOUT(window.targetPage()->isComplete(), 60000);
    heartbeat.closePhase();

    heartbeat.setPhase(QStringLiteral("validate"));
    QVERIFY(flow.clickNext(MainWindow::ReviewStep));
    QTRY_VERIFY_WITH_TIMEOUT(window.reviewPage()->isComplete(), 300000);
    QCOMPARE(flow.application.session().issues()->rowsWithIssues(), rows / 100);
    heartbeat.closePhase();

    heartbeat.setPhase(QStringLiteral("upload"));
    QVERIFY(flow.clickNext(MainWindow::UploadStep));
    flow.prompter.confirmations = {true};
    QTest::mouseClick(child<QPushButton>(window, "uploadStartButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window.uploadPage()->isComplete(), 900000);
    heartbeat.closePhase();

    heartbeat.setPhase(QStringLiteral("results"));
    QVERIFY(flow.clickNext(MainWindow::ResultsStep));
    QTest::qWait(200);
    heartbeat.closePhase();

    qInfo().noquote() << QStringLiteral("%1 rows: worst GUI-thread stall %2 ms (during %3, "
                                        "ended at %4 ms monotonic); %5")
                             .arg(rows)
                             .arg(heartbeat.worstMs())
                             .arg(heartbeat.worstPhase())
                             .arg(heartbeat.worstEndedAt())
                             .arg(heartbeat.report().join(u"; "));
    QVERIFY2(heartbeat.worstMs() <= AllowedStallMs,
             qPrintable(QStringLiteral("the window froze for %1 ms during %2")
                            .arg(heartbeat.worstMs())
                            .arg(heartbeat.worstPhase())));
}

int main(int argc, char *argv[])
{
    TimingApplication app(argc, argv);
    TestResponsiveness test;
    QTEST_SET_MAIN_SOURCE_PATH
    const int failures = QTest::qExec(&test, argc, argv);
    qInfo().noquote() << QStringLiteral("slowest GUI-thread events (event type in brackets): %1")
                             .arg(app.slowest().join(u"; "));
    return failures;
}
#include "tst_responsiveness.moc"
