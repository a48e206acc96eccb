// SPDX-License-Identifier: MIT
#include "ui/pages/openpage.h"

#include "models/itemmodels/sheetpreviewmodel.h"
#include "models/session/importsession.h"
#include "ui/prompter.h"

#include <QComboBox>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace sluice {

namespace {

using RowKind = SheetPreviewModel::RowKind;

// The view's half of the preview's marks: bold for the header row, a tint behind it, and the
// placeholder colour for rows that are not imported. The words stay in the model's row headers,
// so nothing rests on styling alone; the colours come from the view's palette (light or dark).
class PreviewStyleModel : public QIdentityProxyModel
{
public:
    PreviewStyleModel(QWidget *view, QObject *parent)
        : QIdentityProxyModel(parent)
        , m_view(view)
    {}

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::FontRole || role == Qt::ForegroundRole || role == Qt::BackgroundRole)
            return style(index.data(SheetPreviewModel::RowKindRole).toInt(), role);
        return QIdentityProxyModel::data(index, role);
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation == Qt::Vertical && (role == Qt::FontRole || role == Qt::ForegroundRole)) {
            const QVariant kind = QIdentityProxyModel::headerData(section, orientation,
                                                                  SheetPreviewModel::RowKindRole);
            return kind.isValid() ? style(kind.toInt(), role) : QVariant();
        }
        return QIdentityProxyModel::headerData(section, orientation, role);
    }

private:
    QVariant style(int kind, int role) const
    {
        if (!m_view)
            return {};
        const QPalette &palette = m_view->palette();
        if (role == Qt::FontRole && kind == int(RowKind::Header)) {
            QFont font = m_view->font();
            font.setBold(true);
            return font;
        }
        if (role == Qt::ForegroundRole
            && (kind == int(RowKind::Skipped) || kind == int(RowKind::Footer)))
            return palette.brush(QPalette::PlaceholderText);
        if (role == Qt::BackgroundRole && kind == int(RowKind::Header)) {
            const QColor base = palette.color(QPalette::Base);
            const QColor tint = palette.color(QPalette::Highlight);
            return QColor::fromRgbF(0.8f * base.redF() + 0.2f * tint.redF(),
                                    0.8f * base.greenF() + 0.2f * tint.greenF(),
                                    0.8f * base.blueF() + 0.2f * tint.blueF());
        }
        return {};
    }

    QPointer<QWidget> m_view;
};

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

QString encodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Auto:
        return OpenPage::tr("Auto");
    case TextEncoding::Utf8:
        return QStringLiteral("UTF-8");
    case TextEncoding::Utf16LE:
        return QStringLiteral("UTF-16 LE");
    case TextEncoding::Utf16BE:
        return QStringLiteral("UTF-16 BE");
    case TextEncoding::Windows1252:
        return QStringLiteral("Windows-1252");
    }
    return {};
}

QString delimiterName(QChar delimiter)
{
    switch (delimiter.unicode()) {
    case u',':
        return OpenPage::tr("Comma ( , )");
    case u';':
        return OpenPage::tr("Semicolon ( ; )");
    case u'\t':
        return OpenPage::tr("Tab");
    case u'|':
        return OpenPage::tr("Pipe ( | )");
    }
    return OpenPage::tr("“%1”").arg(delimiter);
}

QString sheetLabel(const SheetInfo &sheet)
{
    if (sheet.kind != SheetKind::Worksheet)
        return OpenPage::tr("%1 (no cells)").arg(sheet.name);
    if (sheet.state == SheetState::Hidden)
        return OpenPage::tr("%1 (hidden)").arg(sheet.name);
    if (sheet.state == SheetState::VeryHidden)
        return OpenPage::tr("%1 (very hidden)").arg(sheet.name);
    return sheet.name;
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

QComboBox *namedCombo(const char *name, const QString &accessibleName, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QString::fromLatin1(name));
    combo->setAccessibleName(accessibleName);
    return combo;
}

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

OpenPage::OpenPage(ImportSession &session, Prompter &prompter, QWidget *parent)
    : StepPage(parent)
    , m_session(session)
    , m_prompter(prompter)
    , m_model(new SheetPreviewModel(this))
    , m_styledModel(nullptr)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createTopBar());
    layout->addWidget(createErrorPanel());
    layout->addWidget(createChoices(), 1);
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

QWidget *OpenPage::createChoices()
{
    m_choices = new QWidget(this);
    m_sheetCombo = namedCombo("openSheetCombo", tr("Sheet"), m_choices);
    m_sheetCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_headerRowSpin = new QSpinBox(m_choices);
    m_headerRowSpin->setObjectName(QStringLiteral("openHeaderRowSpin"));
    m_headerRowSpin->setAccessibleName(tr("Header row"));
    m_headerRowSpin->setRange(1, 1);
    m_headerRowSpin->setToolTip(tr("The sheet row that names the columns, numbered as in the "
                                   "spreadsheet"));
    // Typing "12" must not re-read the layout under row 1 first.
    m_headerRowSpin->setKeyboardTracking(false);
    m_useHeaderButton = new QPushButton(tr("&Use Selected Row as Header"), m_choices);
    m_useHeaderButton->setObjectName(QStringLiteral("openUseHeaderButton"));
    m_useHeaderButton->setAccessibleName(tr("Use the selected row as the header row"));
    m_headerInfo = new QLabel(m_choices);
    m_headerInfo->setObjectName(QStringLiteral("openHeaderInfo"));
    m_headerInfo->setWordWrap(true);

    m_preview = new QTableView(m_choices);
    m_preview->setObjectName(QStringLiteral("openPreview"));
    m_preview->setAccessibleName(tr("Preview of the sheet"));
    m_styledModel = new PreviewStyleModel(m_preview, this);
    m_styledModel->setSourceModel(m_model);
    m_preview->setModel(m_styledModel);
    m_preview->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_preview->setSelectionMode(QAbstractItemView::SingleSelection);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setContextMenuPolicy(Qt::CustomContextMenu);
    m_preview->setWordWrap(false);
    m_preview->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_preview->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);

    auto *row = new QHBoxLayout;
    row->addWidget(buddyLabel(tr("&Sheet:"), m_sheetCombo, m_choices));
    row->addWidget(m_sheetCombo);
    row->addSpacing(16);
    row->addWidget(buddyLabel(tr("&Header row:"), m_headerRowSpin, m_choices));
    row->addWidget(m_headerRowSpin);
    row->addWidget(m_useHeaderButton);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(m_choices);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(createCsvOptions());
    layout->addWidget(m_headerInfo);
    layout->addWidget(m_preview, 1);

    connect(m_sheetCombo, &QComboBox::activated, this, &OpenPage::rereadWithChoices);
    connect(m_headerRowSpin, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_state == State::Loaded && value - 1 != m_session.layout().headerRow)
            m_session.setHeaderRow(value - 1);
    });
    connect(m_useHeaderButton, &QPushButton::clicked, this, &OpenPage::useSelectedRowAsHeader);
    connect(m_preview, &QWidget::customContextMenuRequested, this, &OpenPage::showPreviewMenu);
    connect(m_preview->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OpenPage::refreshVisibility);
    return m_choices;
}

QGroupBox *OpenPage::createCsvOptions()
{
    m_csvOptions = new QGroupBox(tr("Text file options"), m_choices);
    m_csvOptions->setObjectName(QStringLiteral("openCsvOptions"));
    m_encodingCombo = namedCombo("openEncodingCombo", tr("Encoding"), m_csvOptions);
    for (TextEncoding encoding : {TextEncoding::Auto, TextEncoding::Utf8, TextEncoding::Utf16LE,
                                  TextEncoding::Utf16BE, TextEncoding::Windows1252})
        m_encodingCombo->addItem(encodingName(encoding), int(encoding));
    m_delimiterCombo = namedCombo("openDelimiterCombo", tr("Delimiter"), m_csvOptions);
    m_delimiterCombo->addItem(tr("Auto"), QString());
    for (QChar delimiter : {u',', u';', u'\t', u'|'})
        m_delimiterCombo->addItem(delimiterName(delimiter), QString(delimiter));
    m_quoteCombo = namedCombo("openQuoteCombo", tr("Quote"), m_csvOptions);
    m_quoteCombo->addItem(tr("Double quote ( \" )"), QStringLiteral("\""));
    m_quoteCombo->addItem(tr("Single quote ( ' )"), QStringLiteral("'"));
    m_quoteCombo->addItem(tr("None"), QString());
    auto *layout = new QHBoxLayout(m_csvOptions);
    layout->addWidget(buddyLabel(tr("&Encoding:"), m_encodingCombo, m_csvOptions));
    layout->addWidget(m_encodingCombo);
    layout->addSpacing(16);
    layout->addWidget(buddyLabel(tr("&Delimiter:"), m_delimiterCombo, m_csvOptions));
    layout->addWidget(m_delimiterCombo);
    layout->addSpacing(16);
    layout->addWidget(buddyLabel(tr("&Quote:"), m_quoteCombo, m_csvOptions));
    layout->addWidget(m_quoteCombo);
    layout->addStretch(1);
    for (QComboBox *combo : {m_encodingCombo, m_delimiterCombo, m_quoteCombo})
        connect(combo, &QComboBox::activated, this, &OpenPage::rereadWithChoices);
    return m_csvOptions;
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
        = {m_chooseButton,  m_retryButton,     m_errorChooseButton, m_sheetCombo,
           m_headerRowSpin, m_useHeaderButton, m_encodingCombo,     m_delimiterCombo,
           m_quoteCombo,    m_preview,         m_cancelButton};
    for (qsizetype n = 1; n < order.size(); ++n)
        setTabOrder(order[n - 1], order[n]);
}

void OpenPage::connectSession()
{
    connect(&m_session, &ImportSession::loadProgressed, this, &OpenPage::showLoadProgress);
    connect(&m_session, &ImportSession::loaded, this, &OpenPage::showLoaded);
    connect(&m_session, &ImportSession::loadFailed, this, &OpenPage::showFailure);
    connect(&m_session, &ImportSession::layoutChanged, this, &OpenPage::showLayout);
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
    resetCsvChoices();
    beginLoading();
    m_session.openFile(path);
    if (m_state != State::Loading)
        return; // it failed at once: the error panel says why
    m_fileListed = true;
    const int first = firstVisibleWorksheet(m_session.sheets());
    if (first != m_session.sheetIndex())
        m_session.reopen(first, m_session.csvOptions());
    refreshFileDetails();
}

void OpenPage::rereadWithChoices()
{
    if (m_session.filePath().isEmpty())
        return;
    const int sheet = std::max(0, m_sheetCombo->currentIndex());
    beginLoading();
    m_session.reopen(sheet, chosenCsvOptions());
    if (m_state == State::Loading)
        refreshFileDetails();
}

void OpenPage::beginLoading()
{
    m_state = State::Loading;
    m_model->clear();
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

CsvOptions OpenPage::chosenCsvOptions() const
{
    CsvOptions options;
    options.encoding = TextEncoding(m_encodingCombo->currentData().toInt());
    const QString delimiter = m_delimiterCombo->currentData().toString();
    options.delimiter = delimiter.isEmpty() ? QChar() : delimiter.front();
    const QString quote = m_quoteCombo->currentData().toString();
    options.quote = quote.isEmpty() ? QChar() : quote.front();
    return options;
}

void OpenPage::resetCsvChoices()
{
    m_encodingCombo->setCurrentIndex(0);
    m_delimiterCombo->setCurrentIndex(0);
    m_quoteCombo->setCurrentIndex(0);
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
    m_model->setTable(&table, m_session.layout());
    // Fitted to the first rows' text, but a long note must not push the other columns away.
    m_preview->resizeColumnsToContents();
    for (int column = 0; column < m_model->columnCount(); ++column)
        m_preview->setColumnWidth(column, std::min(m_preview->columnWidth(column), 320));
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
    m_model->clear();
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
    const SheetLayout &layout = m_session.layout();
    m_model->setLayout(layout);
    const QSignalBlocker blocker(m_headerRowSpin);
    m_headerRowSpin->setRange(1, int(std::max<qsizetype>(1, m_session.table().rowCount())));
    m_headerRowSpin->setValue(int(layout.headerRow + 1));
    QString info = tr("Header: %1.").arg(layout.reason);
    if (m_session.table().rowCount() > 0) {
        const qsizetype rows = layout.dataRowCount();
        info += QLatin1Char(' ')
            + (rows == 1 ? tr("1 data row, %1 columns.").arg(layout.columnCount)
                         : tr("%1 data rows, %2 columns.")
                               .arg(QLocale().toString(rows))
                               .arg(layout.columnCount));
        const qsizetype footers = layout.footerRows.size();
        if (footers > 0)
            info += QLatin1Char(' ')
                + (footers == 1 ? tr("1 footer row under the data is left out.")
                                : tr("%1 footer rows under the data are left out.").arg(footers));
    }
    m_headerInfo->setText(info);
    // Scrolled into view, not to the top: the rows above the header are part of the story.
    if (layout.headerRow < m_model->rowCount())
        m_preview->scrollTo(m_styledModel->index(int(layout.headerRow), 0));
    refreshVisibility();
    updateComplete();
}

void OpenPage::useSelectedRowAsHeader()
{
    const QModelIndexList rows = m_preview->selectionModel()->selectedRows();
    if (m_state == State::Loaded && !rows.isEmpty())
        m_session.setHeaderRow(rows.first().row());
}

void OpenPage::showPreviewMenu(const QPoint &position)
{
    const QModelIndex index = m_preview->indexAt(position);
    if (m_state != State::Loaded || !index.isValid())
        return;
    m_preview->selectRow(index.row());
    // Shown without a nested event loop; it deletes itself when it closes.
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("openPreviewMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const int row = index.row();
    menu->addAction(tr("Use Row %1 as Header Row").arg(row + 1), this, [this, row] {
        if (m_state == State::Loaded)
            m_session.setHeaderRow(row);
    });
    menu->popup(m_preview->viewport()->mapToGlobal(position));
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
    if (m_fileListed) {
        const QSignalBlocker blocker(m_sheetCombo);
        m_sheetCombo->clear();
        for (const SheetInfo &sheet : m_session.sheets())
            m_sheetCombo->addItem(sheetLabel(sheet));
        // A chart sheet has no cells to read.
        if (auto *items = qobject_cast<QStandardItemModel *>(m_sheetCombo->model())) {
            for (int index = 0; index < m_session.sheets().size(); ++index)
                items->item(index)->setEnabled(m_session.sheets()[index].kind
                                               == SheetKind::Worksheet);
        }
        m_sheetCombo->setCurrentIndex(m_session.sheetIndex());
    }
    refreshDetectedDialect();
    refreshVisibility();
}

// "Auto" says what it found, so the user sees why the columns split the way they do.
void OpenPage::refreshDetectedDialect()
{
    const std::optional<CsvDialect> &dialect = m_session.csvDialect();
    m_encodingCombo->setItemText(
        0, dialect ? tr("Auto (%1)").arg(encodingName(dialect->encoding)) : tr("Auto"));
    m_delimiterCombo->setItemText(
        0,
        dialect ? tr("Auto (%1)").arg(delimiterName(QChar::fromLatin1(dialect->delimiter)))
                : tr("Auto"));
}

void OpenPage::refreshVisibility()
{
    const bool loading = m_state == State::Loading;
    const bool loaded = m_state == State::Loaded && m_session.table().rowCount() > 0;
    const bool text = m_session.fileFormat() == FileFormat::Text;
    m_welcome->setVisible(!m_fileListed); // also fills the page under an error
    m_choices->setVisible(m_fileListed);
    m_progressRow->setVisible(loading);
    m_csvOptions->setVisible(m_fileListed && text);
    m_sheetCombo->setEnabled(!text && m_sheetCombo->count() > 1);
    m_headerRowSpin->setEnabled(loaded);
    m_useHeaderButton->setEnabled(loaded && m_preview->selectionModel()->hasSelection());
    m_headerInfo->setVisible(loaded);
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
