// SPDX-License-Identifier: MIT
#include "ui/pages/openpage.h"

#include "models/session/importsession.h"
#include "ui/pages/openpreviewpanel.h"
#include "ui/prompter.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace sluice {

namespace {

QString formatName(FileFormat format)
{
    switch (format) {
    case FileFormat::Text:
        return OpenPage::tr("delimited text");
    case FileFormat::Xlsx:
        return OpenPage::tr("Excel workbook");
    case FileFormat::Ods:
        return OpenPage::tr("OpenDocument spreadsheet");
    case FileFormat::Xls:
        return OpenPage::tr("Excel 97–2003 workbook");
    }
    return {};
}

// A sheet a user would expect to see first: the first visible worksheet, as Excel opens it.
int firstVisibleWorksheet(const QList<SheetInfo> &sheets)
{
    for (int index = 0; index < sheets.size(); ++index) {
        if (sheets[index].kind == SheetKind::Worksheet
            && sheets[index].state == SheetState::Visible)
            return index;
    }
    return 0;
}

} // namespace

OpenPage::OpenPage(ImportSession &session, Prompter &prompter, QWidget *parent)
    : StepPage(parent)
    , m_session(session)
    , m_prompter(prompter)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createTopBar());
    layout->addWidget(createErrorPanel());
    m_panel = new OpenPreviewPanel(m_session, this);
    layout->addWidget(m_panel, 1);
    layout->addWidget(createProgressRow());
    m_welcome = new QLabel(tr("Sluice reads delimited text (.csv, .tsv, .txt), Excel workbooks "
                              "(.xlsx, .xls) and OpenDocument spreadsheets (.ods)."),
                           this);
    m_welcome->setAlignment(Qt::AlignCenter);
    m_welcome->setWordWrap(true);
    layout->addWidget(m_welcome, 1);
    setTabOrders();
    connectSession();
    refreshVisibility();
    m_lastReason = incompleteReason();
}

OpenPage::~OpenPage() = default;

QWidget *OpenPage::createTopBar()
{
    auto *bar = new QWidget(this);
    m_chooseButton = new QPushButton(tr("&Choose File…"), bar);
    m_chooseButton->setObjectName(QStringLiteral("openChooseButton"));
    m_chooseButton->setAccessibleName(tr("Choose a file to open"));
    m_fileLabel = new QLabel(tr("No file open"), bar);
    m_fileLabel->setObjectName(QStringLiteral("openFileLabel"));
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dropHint = new QLabel(tr("Drop a spreadsheet anywhere in this window"), bar);
    m_dropHint->setObjectName(QStringLiteral("openDropHint"));
    m_dropHint->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_chooseButton);
    layout->addWidget(m_fileLabel, 1);
    layout->addWidget(m_dropHint);
    connect(m_chooseButton, &QPushButton::clicked, this, &OpenPage::chooseFile);
    return bar;
}

QFrame *OpenPage::createErrorPanel()
{
    m_errorPanel = new QFrame(this);
    m_errorPanel->setObjectName(QStringLiteral("openErrorPanel"));
    m_errorPanel->setFrameShape(QFrame::StyledPanel);
    m_errorPanel->setBackgroundRole(QPalette::AlternateBase);
    m_errorPanel->setAutoFillBackground(true);
    m_errorSymbol = new QLabel(m_errorPanel);
    m_errorSymbol->setAccessibleName(tr("Message kind"));
    m_errorLabel = new QLabel(m_errorPanel);
    m_errorLabel->setObjectName(QStringLiteral("openErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::RichText);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A file Excel holds locked, or a read cancelled by mistake, deserves a second try.
    m_retryButton = new QPushButton(tr("&Read Again"), m_errorPanel);
    m_retryButton->setObjectName(QStringLiteral("openRetryButton"));
    m_retryButton->setAccessibleName(tr("Read the file again"));
    m_errorChooseButton = new QPushButton(tr("Choose &Another File…"), m_errorPanel);
    m_errorChooseButton->setObjectName(QStringLiteral("openErrorChooseButton"));
    m_errorChooseButton->setAccessibleName(tr("Choose another file"));
    auto *layout = new QHBoxLayout(m_errorPanel);
    layout->addWidget(m_errorSymbol, 0, Qt::AlignTop);
    layout->addWidget(m_errorLabel, 1);
    layout->addWidget(m_retryButton, 0, Qt::AlignTop);
    layout->addWidget(m_errorChooseButton, 0, Qt::AlignTop);
    connect(m_retryButton, &QPushButton::clicked, this, [this] {
        if (m_fileListed)
            rereadWithChoices();
        else
            openFile(m_session.filePath());
    });
    connect(m_errorChooseButton, &QPushButton::clicked, this, &OpenPage::chooseFile);
    return m_errorPanel;
}

QWidget *OpenPage::createProgressRow()
{
    m_progressRow = new QWidget(this);
    m_progressLabel = new QLabel(m_progressRow);
    m_progressLabel->setObjectName(QStringLiteral("openProgressLabel"));
    m_progress = new QProgressBar(m_progressRow);
    m_progress->setObjectName(QStringLiteral("openProgress"));
    m_progress->setAccessibleName(tr("Reading progress"));
    m_cancelButton = new QPushButton(tr("Cancel"), m_progressRow);
    m_cancelButton->setObjectName(QStringLiteral("openCancelButton"));
    m_cancelButton->setAccessibleName(tr("Cancel reading"));
    auto *layout = new QHBoxLayout(m_progressRow);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_cancelButton);
    connect(m_cancelButton, &QPushButton::clicked, this, &OpenPage::cancelLoading);
    return m_progressRow;
}

void OpenPage::setTabOrders()
{
    const QList<QWidget *> order
        = QList<QWidget *> {m_chooseButton, m_retryButton, m_errorChooseButton}
        + m_panel->tabOrder() + QList<QWidget *> {m_cancelButton};
    for (qsizetype n = 1; n < order.size(); ++n)
        setTabOrder(order[n - 1], order[n]);
}

void OpenPage::connectSession()
{
    connect(&m_session, &ImportSession::opened, this, &OpenPage::showOpened);
    connect(&m_session, &ImportSession::loadProgressed, this, &OpenPage::showLoadProgress);
    connect(&m_session, &ImportSession::loaded, this, &OpenPage::showLoaded);
    connect(&m_session, &ImportSession::loadFailed, this, &OpenPage::showFailure);
    connect(&m_session, &ImportSession::layoutChanged, this, &OpenPage::showLayout);
    connect(m_panel, &OpenPreviewPanel::rereadRequested, this, &OpenPage::rereadWithChoices);
}

void OpenPage::chooseFile()
{
    const QString path = m_prompter.fileToOpen(
        this, tr("Open Spreadsheet"),
        tr("Spreadsheets (*.csv *.tsv *.txt *.xlsx *.xlsm *.ods *.xls);;Delimited text (*.csv "
           "*.tsv *.txt);;Excel workbooks (*.xlsx *.xlsm *.xls);;OpenDocument spreadsheets "
           "(*.ods);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void OpenPage::openFile(const QString &path)
{
    m_newFile = true;
    m_fileListed = false;
    m_panel->resetCsvChoices();
    beginLoading();
    m_session.openFile(path);
}

// The session opened the file (on a worker) and knows its sheets; the sheet is being read.
void OpenPage::showOpened()
{
    if (m_newFile && !m_fileListed) {
        m_fileListed = true;
        // A workbook opens on its first visible worksheet, not a hidden one or a chart.
        const int first = firstVisibleWorksheet(m_session.sheets());
        if (first != m_session.sheetIndex()) {
            m_session.reopen(first, m_session.csvOptions());
            return;
        }
    }
    refreshFileDetails();
}

void OpenPage::rereadWithChoices()
{
    if (m_session.filePath().isEmpty())
        return;
    const int sheet = m_panel->chosenSheet();
    beginLoading();
    m_session.reopen(sheet, m_panel->chosenCsvOptions());
}

void OpenPage::beginLoading()
{
    m_state = State::Loading;
    m_panel->clearTable();
    m_loadTimer.start();
    m_progress->setRange(0, 0); // busy until the first report says how far
    m_progressLabel->setText(tr("Reading the file…"));
    m_errorPanel->hide();
    refreshVisibility();
    updateComplete();
}

void OpenPage::cancelLoading()
{
    if (m_state != State::Loading)
        return;
    m_session.cancelLoading();
    m_state = State::Cancelled;
    showErrorPanel(QStringLiteral("ℹ"),
                   tr("Reading %1 was cancelled")
                       .arg(QFileInfo(m_session.filePath()).fileName().toHtmlEscaped()),
                   tr("Read it again, or choose another file."));
    refreshVisibility();
    updateComplete();
}

void OpenPage::showLoadProgress(qint64 bytesDone, qint64 bytesTotal, qsizetype rowsRead)
{
    if (m_state != State::Loading)
        return; // a report of a read that was cancelled meanwhile
    if (bytesTotal > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(std::clamp<qint64>(bytesDone * 1000 / bytesTotal, 0, 1000)));
    }
    m_progressLabel->setText(tr("Reading rows… %1 rows").arg(QLocale().toString(rowsRead)));
}

void OpenPage::showLoaded()
{
    m_state = State::Loaded;
    const SheetTable &table = m_session.table();
    m_panel->showTable();
    const QString name = QFileInfo(m_session.filePath()).fileName();
    if (table.rowCount() == 0) {
        const QString sheet = m_session.sheets().value(m_session.sheetIndex()).name;
        showErrorPanel(QStringLiteral("⚠"), tr("%1 holds no rows").arg(name.toHtmlEscaped()),
                       m_session.sheets().size() > 1
                           ? tr("Sheet “%1” is empty: choose another sheet.").arg(sheet)
                           : tr("The file is empty: choose another file."));
    } else {
        Q_EMIT statusMessage(
            tr("Read %1 rows × %2 columns from %3 in %4 s")
                .arg(QLocale().toString(m_session.layout().dataRowCount()))
                .arg(m_session.layout().columnCount)
                .arg(name)
                .arg(QLocale().toString(double(m_loadTimer.elapsed()) / 1000, 'f', 1)));
        if (m_newFile)
            Q_EMIT fileOpened(m_session.filePath());
    }
    m_newFile = false;
    m_fileListed = true;
    refreshFileDetails();
    showLayout();
}

void OpenPage::showFailure(const QString &reason)
{
    m_state = State::Failed;
    m_newFile = false;
    m_panel->clearTable();
    showErrorPanel(
        QStringLiteral("⚠"),
        tr("Sluice cannot read %1").arg(QFileInfo(m_session.filePath()).fileName().toHtmlEscaped()),
        reason);
    refreshFileDetails();
    updateComplete();
}

void OpenPage::showErrorPanel(const QString &symbol, const QString &title, const QString &reason)
{
    m_errorSymbol->setText(symbol);
    m_errorLabel->setText(QStringLiteral("<b>%1</b><br>%2").arg(title, reason.toHtmlEscaped()));
    m_errorPanel->setAccessibleName(m_errorLabel->text());
    m_errorPanel->show();
}

void OpenPage::showLayout()
{
    if (m_state != State::Loaded)
        return;
    m_panel->showLayout();
    refreshVisibility();
    updateComplete();
}

void OpenPage::useSelectedRowAsHeader()
{
    m_panel->useSelectedRowAsHeader();
}

void OpenPage::refreshFileDetails()
{
    const QFileInfo file(m_session.filePath());
    QString details
        = tr("<b>%1</b> · %2")
              .arg(file.fileName().toHtmlEscaped(), QLocale().formattedDataSize(file.size()));
    if (m_fileListed)
        details += QStringLiteral(" · ") + formatName(m_session.fileFormat());
    m_fileLabel->setText(details);
    m_fileLabel->setToolTip(file.absoluteFilePath());
    if (m_fileListed)
        m_panel->showSheets();
    m_panel->showDetectedDialect();
    refreshVisibility();
}

void OpenPage::refreshVisibility()
{
    const bool loading = m_state == State::Loading;
    const bool loaded = m_state == State::Loaded && m_session.table().rowCount() > 0;
    m_welcome->setVisible(!m_fileListed); // also fills the page under an error
    m_panel->setVisible(m_fileListed);
    m_progressRow->setVisible(loading);
    m_panel->refreshControls(m_fileListed);
    if (m_state != State::Failed && m_state != State::Cancelled
        && !(m_state == State::Loaded && !loaded))
        m_errorPanel->hide();
}

bool OpenPage::isComplete() const
{
    return m_state == State::Loaded && m_session.table().rowCount() > 0
        && m_session.layout().dataRowCount() > 0;
}

QString OpenPage::incompleteReason() const
{
    switch (m_state) {
    case State::Empty:
        return tr("Open a spreadsheet to begin");
    case State::Loading:
        return tr("Reading the file…");
    case State::Failed:
        return tr("Choose a file Sluice can read");
    case State::Cancelled:
        return tr("Reading was cancelled: open the file again or choose another");
    case State::Loaded:
        break;
    }
    if (m_session.table().rowCount() == 0)
        return tr("The sheet is empty: choose another sheet or file");
    if (m_session.layout().dataRowCount() == 0)
        return tr("No data rows under header row %1: choose another header row")
            .arg(m_session.layout().headerRow + 1);
    return {};
}

void OpenPage::enter()
{
    showLayout(); // the header row may have been changed from elsewhere meanwhile
}

void OpenPage::updateComplete()
{
    const bool complete = isComplete();
    const QString reason = incompleteReason();
    if (complete == m_wasComplete && reason == m_lastReason)
        return;
    m_wasComplete = complete;
    m_lastReason = reason;
    Q_EMIT completeChanged();
}

} // namespace sluice
