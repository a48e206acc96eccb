// SPDX-License-Identifier: MIT
// Step 1, Open: a file from the dialog, its sheet, header row and text options on a live preview,
// progress and Cancel for a big file, and a clear error for a bad one.
#include "models/itemmodels/sheetpreviewmodel.h"
#include "models/session/importsession.h"
#include "tests/support/sampleworkbook.h"
#include "tests/support/screenshot.h"
#include "tests/support/scriptedprompter.h"
#include "tests/support/widgettests.h"
#include "ui/pages/openpage.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;
using sluice::test::child;

namespace {

// An Open page on its own session, shown at the size of the main window.
struct ShownPage
{
    QNetworkAccessManager network;
    ImportSession session {std::make_shared<const Catalogue>(), network};
    test::ScriptedPrompter prompter;
    OpenPage page {session, prompter};

    ShownPage()
    {
        page.resize(1280, 800);
        page.show();
    }

    QAbstractItemModel *preview() const { return child<QTableView>(page, "openPreview")->model(); }
    QString cell(int row, int column) const
    {
        return preview()->index(row, column).data().toString();
    }
    QString rowHeader(int row) const { return preview()->headerData(row, Qt::Vertical).toString(); }
};

// Picks an item of a closed combo box with the arrow keys, as a keyboard user does.
void choose(QComboBox *combo, int index)
{
    combo->setFocus();
    while (combo->currentIndex() < index)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > index)
        QTest::keyClick(combo, Qt::Key_Up);
}

// A dark palette as a desktop's dark theme sets it, to look at the page in it.
QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
    palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    palette.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    palette.setColor(QPalette::PlaceholderText, QColor(0x99, 0x99, 0x99));
    return palette;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestOpenPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensTheSampleWorkbookWithItsHeaderRow();
    void csvOptionsReReadThePreview();
    void headerRowFollowsTheSpinBoxAndTheSelectedRow();
    void badFilesShowWhyAndOfferAnother();
    void everyBadFileOfTheCorpusShowsWhy();
    void cancellingABigFileStopsTheRead();
    void hiddenSheetsAreMarkedAndCanBeRead();

private:
    QTemporaryDir m_dir;
};

void TestOpenPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(QFileInfo::exists(test::sampleWorkbookPath()));
}

void TestOpenPage::opensTheSampleWorkbookWithItsHeaderRow()
{
    ShownPage shown;
    OpenPage &page = shown.page;
    QVERIFY(!page.isComplete());
    QCOMPARE(page.incompleteReason(), u"Open a spreadsheet to begin");
    QVERIFY(child<QLabel>(page, "openDropHint")->isVisible());
    QVERIFY(!child<QWidget>(page, "openErrorPanel")->isVisible());

    QSignalSpy complete(&page, &StepPage::completeChanged);
    QSignalSpy opened(&page, &OpenPage::fileOpened);
    QSignalSpy status(&page, &StepPage::statusMessage);
    shown.prompter.filesToOpen = {test::sampleWorkbookPath()};
    QTest::mouseClick(child<QPushButton>(page, "openChooseButton"), Qt::LeftButton);
    QVERIFY(shown.prompter.filesToOpen.isEmpty()); // the dialog was asked
    QCOMPARE(page.incompleteReason(), u"Reading the file…");
    QTRY_VERIFY_WITH_TIMEOUT(page.isComplete(), 10000);
    QVERIFY(page.incompleteReason().isEmpty());
    QVERIFY(complete.size() >= 2); // reading, then complete
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0).at(0).toString(), test::sampleWorkbookPath());
    QCOMPARE(status.size(), 1);
    QVERIFY2(status.at(0).at(0).toString().startsWith(
                 u"Read 40 rows × 14 columns from customer-orders.xlsx in "),
             qPrintable(status.at(0).at(0).toString()));

    QVERIFY(child<QLabel>(page, "openFileLabel")->text().contains(u"customer-orders.xlsx"));
    QVERIFY(child<QLabel>(page, "openFileLabel")->text().contains(u"Excel workbook"));
    QCOMPARE(child<QSpinBox>(page, "openHeaderRowSpin")->value(), 3);
    QVERIFY(!child<QProgressBar>(page, "openProgress")->isVisible());
    QVERIFY(!child<QGroupBox>(page, "openCsvOptions")->isVisible()); // a workbook has none
    auto *sheets = child<QComboBox>(page, "openSheetCombo");
    QCOMPARE(sheets->count(), 1);
    QVERIFY(!sheets->isEnabled());

    // The header row is marked in words and in bold; the title above it is skipped.
    QCOMPARE(shown.rowHeader(2), u"3 · Header");
    QCOMPARE(shown.rowHeader(0), u"1 · skipped");
    QVERIFY(shown.preview()->headerData(2, Qt::Vertical, Qt::FontRole).value<QFont>().bold());
    QVERIFY(shown.preview()->index(2, 0).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!shown.preview()->index(3, 0).data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(shown.preview()->rowCount(), 44); // title, blank, header, 40 rows, total
    QCOMPARE(shown.rowHeader(43), u"44 · footer");
    QCOMPARE(shown.preview()->columnCount(), 14);
    QCOMPARE(shown.session.layout().headerRow, 2);
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(test::saveScreenshot(page, QStringLiteral("open-sample")));
    page.setPalette(darkPalette());
    QVERIFY(test::saveScreenshot(page, QStringLiteral("open-sample-dark")));
}

void TestOpenPage::csvOptionsReReadThePreview()
{
    const QString path = m_dir.filePath(QStringLiteral("kunden.csv"));
    // Windows-1252, as Excel saves "CSV (semicolon)" in Germany: é is 0xE9, ü 0xFC, ö 0xF6.
    QVERIFY(writeFile(path,
                      "Name;Stadt;Betrag\r\nRen\xE9;Z\xFCrich;12,50\r\n"
                      "J\xFCrgen;K\xF6ln;7,00\r\nAnna;Bern;3,25\r\n"));
    ShownPage shown;
    OpenPage &page = shown.page;
    page.openFile(path);
    QTRY_VERIFY_WITH_TIMEOUT(page.isComplete(), 10000);
    QVERIFY(child<QGroupBox>(page, "openCsvOptions")->isVisible());
    QVERIFY(!child<QComboBox>(page, "openSheetCombo")->isEnabled());
    auto *delimiter = child<QComboBox>(page, "openDelimiterCombo");
    auto *encoding = child<QComboBox>(page, "openEncodingCombo");
    // Auto says what it found.
    QCOMPARE(delimiter->itemText(0), u"Auto (Semicolon ( ; ))");
    QCOMPARE(encoding->itemText(0), u"Auto (Windows-1252)");
    QCOMPARE(shown.preview()->columnCount(), 3);
    QCOMPARE(shown.cell(1, 0), u"René");
    QCOMPARE(shown.cell(2, 1), u"Köln");
    QCOMPARE(shown.cell(1, 2), u"12,50");

    choose(delimiter, delimiter->findData(QStringLiteral(",")));
    QCOMPARE(shown.session.csvOptions().delimiter, u',');
    QVERIFY(!page.isComplete()); // re-reading
    QTRY_VERIFY_WITH_TIMEOUT(page.isComplete(), 10000);
    QCOMPARE(shown.preview()->columnCount(), 2); // "12,50" now splits, the names do not
    QCOMPARE(shown.cell(0, 0), u"Name;Stadt;Betrag");
    QCOMPARE(shown.cell(1, 0), u"René;Zürich;12");

    choose(delimiter, 0);
    QTRY_VERIFY_WITH_TIMEOUT(page.isComplete(), 10000);
    QCOMPARE(shown.preview()->columnCount(), 3);
    QCOMPARE(shown.cell(3, 1), u"Bern");

    // Read as UTF-8 the accented letters are not there; as Windows-1252 they are.
    choose(encoding, encoding->findData(int(TextEncoding::Utf8)));
    QTRY_VERIFY_WITH_TIMEOUT(
        page.isComplete() || child<QWidget>(page, "openErrorPanel")->isVisible(), 10000);
    QVERIFY(shown.cell(1, 0) != u"René");
    QVERIFY(child<QGroupBox>(page, "openCsvOptions")->isVisible()); // the way back stays open
    choose(encoding, encoding->findData(int(TextEncoding::Windows1252)));
    QTRY_VERIFY_WITH_TIMEOUT(page.isComplete(), 10000);
    QCOMPARE(shown.cell(1, 0), u"René");
    QCOMPARE(shown.cell(1, 1), u"Zürich");
    QCOMPARE(shown.session.csvOptions().encoding, TextEncoding::Windows1252);
    QVERIFY(!child<QWidget>(page, "openErrorPanel")->isVisible());
    QVERIFY(test::saveScreenshot(page, QStringLiteral("open-csv-options")));
}

void TestOpenPage::headerRowFollowsTheSpinBoxAndTheSelectedRow()
{
    ShownPage shown;
    OpenPage &page = shown.page;
    page.openFile(test::sampleWorkbookPath());
    QTRY_VERIFY_WITH_TIMEOUT(page.isComplete(), 10000);
    QCOMPARE(shown.session.layout().headerRow, 2);

    auto *spin = child<QSpinBox>(page, "openHeaderRowSpin");
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("5"));
    QTest::keyClick(spin, Qt::Key_Return);
    QCOMPARE(shown.session.layout().headerRow, 4);
    QCOMPARE(shown.rowHeader(4), u"5 · Header");
    QCOMPARE(shown.rowHeader(2), u"3 · skipped");
    QVERIFY(child<QLabel>(page, "openHeaderInfo")->text().contains(u"row 5, as chosen"));

    // Select sheet row 3 in the preview and use it as the header again.
    auto *view = child<QTableView>(page, "openPreview");
    auto *use = child<QPushButton>(page, "openUseHeaderButton");
    view->clearSelection();
    QVERIFY(!use->isEnabled());
    const QRect cell = view->visualRect(view->model()->index(2, 1));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QVERIFY(use->isEnabled());
    QTest::mouseClick(use, Qt::LeftButton);
    QCOMPARE(shown.session.layout().headerRow, 2);
    QCOMPARE(spin->value(), 3);
    QCOMPARE(shown.rowHeader(2), u"3 · Header");

    // The preview's context menu offers the same for the row under the pointer.
    const QRect other = view->visualRect(view->model()->index(0, 0));
    Q_EMIT view->customContextMenuRequested(other.center());
    auto *menu = child<QMenu>(page, "openPreviewMenu");
    QCOMPARE(menu->actions().size(), 1);
    QCOMPARE(menu->actions().at(0)->text(), u"Use Row 1 as Header Row");
    menu->actions().at(0)->trigger();
    QCOMPARE(shown.session.layout().headerRow, 0);
    QCOMPARE(spin->value(), 1);
    menu->close();
}

void TestOpenPage::badFilesShowWhyAndOfferAnother()
{
    const QString bad = m_dir.filePath(QStringLiteral("report.xlsx"));
    QByteArray noise;
    for (int n = 0; n < 4096; ++n)
        noise.append(char((n * 7919) % 256));
    QVERIFY(writeFile(bad, noise));
    const QString empty = m_dir.filePath(QStringLiteral("nothing.csv"));
    QVERIFY(writeFile(empty, {}));
    const QString truncated = m_dir.filePath(QStringLiteral("cut.xlsx"));
    QVERIFY(writeFile(truncated, "PK\x03\x04" + noise.left(200)));

    ShownPage shown;
    OpenPage &page = shown.page;
    auto *panel = child<QWidget>(page, "openErrorPanel");
    auto *label = child<QLabel>(page, "openErrorLabel");
    for (const QString &path : {bad, empty, truncated}) {
        QSignalSpy opened(&page, &OpenPage::fileOpened);
        page.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 10000);
        QVERIFY2(label->text().contains(QFileInfo(path).fileName()), qPrintable(label->text()));
        QVERIFY(child<QLabel>(page, "openFileLabel")->text().contains(QFileInfo(path).fileName()));
        QVERIFY(!page.isComplete());
        QCOMPARE(page.incompleteReason(), u"Choose a file Sluice can read");
        QVERIFY(!child<QTableView>(page, "openPreview")->isVisible());
        QVERIFY(!child<QProgressBar>(page, "openProgress")->isVisible());
        QVERIFY(opened.isEmpty());
    }
    QVERIFY(test::saveScreenshot(page, QStringLiteral("open-error")));
    // The reasons say what is wrong, not just that something is.
    page.openFile(bad);
    QTRY_VERIFY(label->text().contains(u"not a text file"));
    page.openFile(empty);
    QTRY_VERIFY(label->text().contains(u"empty"));

    shown.prompter.filesToOpen = {test::sampleWorkbookPath()};
    QTest::mouseClick(child<QPushButton>(page, "openErrorChooseButton"), Qt::LeftButton);
    QVERIFY(shown.prompter.filesToOpen.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(page.isComplete(), 10000);
    QVERIFY(!panel->isVisible());
}

void TestOpenPage::everyBadFileOfTheCorpusShowsWhy()
{
    const QString corpus
        = qEnvironmentVariable("SLUICE_SOURCE_DIR") + QStringLiteral("/../shared/corpus/");
    QFile manifest(corpus + QStringLiteral("bad/expected.json"));
    if (!manifest.open(QIODevice::ReadOnly))
        QSKIP("the shared corpus is not beside the source tree");
    ShownPage shown;
    OpenPage &page = shown.page;
    int checked = 0;
    for (const QJsonValue &entry : QJsonDocument::fromJson(manifest.readAll()).array()) {
        if (entry[u"expect"].toString() != u"error")
            continue;
        const QString file = entry[u"file"].toString();
        page.openFile(corpus + file);
        QTRY_VERIFY2_WITH_TIMEOUT(!shown.session.isLoading(), qPrintable(file), 20000);
        QVERIFY2(child<QWidget>(page, "openErrorPanel")->isVisible(), qPrintable(file));
        QVERIFY2(!page.isComplete(), qPrintable(file));
        ++checked;
    }
    QVERIFY(checked >= 10);
}

void TestOpenPage::cancellingABigFileStopsTheRead()
{
    const QString path = m_dir.filePath(QStringLiteral("big.csv"));
    {
        QByteArray text = "order_id,customer,city,amount,date\n";
        text.reserve(300000 * 48);
        for (int n = 0; n < 300000; ++n) {
            text += QByteArray::number(100000 + n) + ",Customer " + QByteArray::number(n % 977)
                + ",Zurich," + QByteArray::number(n % 1000) + ".25,2025-02-03\n";
        }
        QVERIFY(writeFile(path, text));
    }
    ShownPage shown;
    OpenPage &page = shown.page;
    QSignalSpy loaded(&shown.session, &ImportSession::loaded);
    page.openFile(path);
    auto *progress = child<QProgressBar>(page, "openProgress");
    auto *cancel = child<QPushButton>(page, "openCancelButton");
    QVERIFY(progress->isVisible());
    QVERIFY(cancel->isVisible());
    QCOMPARE(page.incompleteReason(), u"Reading the file…");
    QVERIFY(test::saveScreenshot(page, QStringLiteral("open-loading")));
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!shown.session.isLoading());
    QVERIFY(!progress->isVisible());
    QVERIFY(!page.isComplete());
    QVERIFY(page.incompleteReason().contains(u"cancelled"));
    QVERIFY(child<QLabel>(page, "openErrorLabel")->text().contains(u"big.csv"));
    QVERIFY(test::saveScreenshot(page, QStringLiteral("open-cancelled")));
    QVERIFY(!loaded.wait(500)); // the cancelled read never lands

    // Read again to the end, the progress counts rows as it goes and the page completes.
    QSignalSpy complete(&page, &StepPage::completeChanged);
    QStringList progressTexts;
    connect(&shown.session, &ImportSession::loadProgressed, &page,
            [&] { progressTexts.append(child<QLabel>(page, "openProgressLabel")->text()); });
    QTest::mouseClick(child<QPushButton>(page, "openRetryButton"), Qt::LeftButton);
    QVERIFY(progress->isVisible());
    QCOMPARE(child<QLabel>(page, "openProgressLabel")->text(), u"Reading the file…");
    QTRY_VERIFY_WITH_TIMEOUT(page.isComplete(), 30000);
    QCOMPARE(shown.session.table().rowCount(), 300001);
    QCOMPARE(shown.session.layout().dataRowCount(), 300000);
    QCOMPARE(shown.preview()->rowCount(), SheetPreviewModel::DefaultRowLimit);
    QVERIFY(!progress->isVisible());
    QVERIFY(!complete.isEmpty());
    // Progress comes at most every 100 ms, so an optimised build may finish 300k rows before the
    // first report: each report that came counts rows.
    for (const QString &text : std::as_const(progressTexts)) {
        QVERIFY2(text.startsWith(u"Reading rows… "), qPrintable(text));
        QVERIFY(text.endsWith(u" rows"));
    }
}

void TestOpenPage::hiddenSheetsAreMarkedAndCanBeRead()
{
    const QString path = qEnvironmentVariable("SLUICE_SOURCE_DIR")
        + QStringLiteral("/../shared/corpus/xlsx/sheetjs__sheet_visibility.xlsx");
    if (!QFileInfo::exists(path))
        QSKIP("the shared corpus is not beside the source tree");
    ShownPage shown;
    OpenPage &page = shown.page;
    page.openFile(path);
    QTRY_VERIFY_WITH_TIMEOUT(page.isComplete(), 10000);
    auto *sheets = child<QComboBox>(page, "openSheetCombo");
    QVERIFY(sheets->isEnabled());
    QCOMPARE(sheets->count(), 3);
    QCOMPARE(sheets->itemText(0), u"Visible");
    QCOMPARE(sheets->itemText(1), u"Hidden (hidden)");
    QCOMPARE(sheets->itemText(2), u"VeryHidden (very hidden)");
    QCOMPARE(shown.cell(0, 0), u"v");

    choose(sheets, 1);
    QCOMPARE(shown.session.sheetIndex(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(page.isComplete(), 10000);
    QCOMPARE(shown.cell(0, 0), u"H");
    QCOMPARE(sheets->currentIndex(), 1);
    QVERIFY(child<QLabel>(page, "openFileLabel")->text().contains(u"sheetjs__sheet_visibility"));
}

QTEST_MAIN(TestOpenPage)
#include "tst_openpage.moc"
