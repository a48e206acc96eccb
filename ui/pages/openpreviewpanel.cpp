// SPDX-License-Identifier: MIT
#include "ui/pages/openpreviewpanel.h"

#include "models/itemmodels/sheetpreviewmodel.h"
#include "models/session/importsession.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
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
// A child of its view, so the view outlives every call to it.
class PreviewStyleModel : public QIdentityProxyModel
{
public:
    explicit PreviewStyleModel(QWidget *view)
        : QIdentityProxyModel(view)
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

    const QWidget *const m_view;
};

QString encodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Auto:
        return OpenPreviewPanel::tr("Auto");
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
        return OpenPreviewPanel::tr("Comma ( , )");
    case u';':
        return OpenPreviewPanel::tr("Semicolon ( ; )");
    case u'\t':
        return OpenPreviewPanel::tr("Tab");
    case u'|':
        return OpenPreviewPanel::tr("Pipe ( | )");
    }
    return OpenPreviewPanel::tr("“%1”").arg(delimiter);
}

QString sheetLabel(const SheetInfo &sheet)
{
    if (sheet.kind != SheetKind::Worksheet)
        return OpenPreviewPanel::tr("%1 (no cells)").arg(sheet.name);
    if (sheet.state == SheetState::Hidden)
        return OpenPreviewPanel::tr("%1 (hidden)").arg(sheet.name);
    if (sheet.state == SheetState::VeryHidden)
        return OpenPreviewPanel::tr("%1 (very hidden)").arg(sheet.name);
    return sheet.name;
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

OpenPreviewPanel::OpenPreviewPanel(ImportSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new SheetPreviewModel(this))
{
    m_sheetCombo = namedCombo("openSheetCombo", tr("Sheet"), this);
    m_sheetCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_headerRowSpin = new QSpinBox(this);
    m_headerRowSpin->setObjectName(QStringLiteral("openHeaderRowSpin"));
    m_headerRowSpin->setAccessibleName(tr("Header row"));
    m_headerRowSpin->setRange(1, 1);
    m_headerRowSpin->setToolTip(tr("The sheet row that names the columns, numbered as in the "
                                   "spreadsheet"));
    // Typing "12" must not re-read the layout under row 1 first.
    m_headerRowSpin->setKeyboardTracking(false);
    m_useHeaderButton = new QPushButton(tr("&Use Selected Row as Header"), this);
    m_useHeaderButton->setObjectName(QStringLiteral("openUseHeaderButton"));
    m_useHeaderButton->setAccessibleName(tr("Use the selected row as the header row"));
    m_headerInfo = new QLabel(this);
    m_headerInfo->setObjectName(QStringLiteral("openHeaderInfo"));
    m_headerInfo->setWordWrap(true);
    createPreview();

    auto *row = new QHBoxLayout;
    row->addWidget(buddyLabel(tr("&Sheet:"), m_sheetCombo, this));
    row->addWidget(m_sheetCombo);
    row->addSpacing(16);
    row->addWidget(buddyLabel(tr("&Header row:"), m_headerRowSpin, this));
    row->addWidget(m_headerRowSpin);
    row->addWidget(m_useHeaderButton);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(createCsvOptions());
    layout->addWidget(m_headerInfo);
    layout->addWidget(m_preview, 1);

    connect(m_sheetCombo, &QComboBox::activated, this, &OpenPreviewPanel::rereadRequested);
    connect(m_headerRowSpin, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_tableShown && value - 1 != m_session.layout().headerRow)
            m_session.setHeaderRow(value - 1);
    });
    connect(m_useHeaderButton, &QPushButton::clicked, this,
            &OpenPreviewPanel::useSelectedRowAsHeader);
}

OpenPreviewPanel::~OpenPreviewPanel() = default;

void OpenPreviewPanel::createPreview()
{
    m_preview = new QTableView(this);
    m_preview->setTabKeyNavigation(false); // Tab leaves the preview; arrows move inside it
    m_preview->setObjectName(QStringLiteral("openPreview"));
    m_preview->setAccessibleName(tr("Preview of the sheet"));
    m_styledModel = new PreviewStyleModel(m_preview);
    m_styledModel->setSourceModel(m_model);
    m_preview->setModel(m_styledModel);
    m_preview->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_preview->setSelectionMode(QAbstractItemView::SingleSelection);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setContextMenuPolicy(Qt::CustomContextMenu);
    m_preview->setWordWrap(false);
    m_preview->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_preview->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    connect(m_preview, &QWidget::customContextMenuRequested, this,
            &OpenPreviewPanel::showPreviewMenu);
    connect(m_preview->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OpenPreviewPanel::refreshUseHeaderButton);
}

QGroupBox *OpenPreviewPanel::createCsvOptions()
{
    m_csvOptions = new QGroupBox(tr("Text file options"), this);
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
        connect(combo, &QComboBox::activated, this, &OpenPreviewPanel::rereadRequested);
    return m_csvOptions;
}

int OpenPreviewPanel::chosenSheet() const
{
    return std::max(0, m_sheetCombo->currentIndex());
}

CsvOptions OpenPreviewPanel::chosenCsvOptions() const
{
    CsvOptions options;
    options.encoding = TextEncoding(m_encodingCombo->currentData().toInt());
    const QString delimiter = m_delimiterCombo->currentData().toString();
    options.delimiter = delimiter.isEmpty() ? QChar() : delimiter.front();
    const QString quote = m_quoteCombo->currentData().toString();
    options.quote = quote.isEmpty() ? QChar() : quote.front();
    return options;
}

void OpenPreviewPanel::resetCsvChoices()
{
    m_encodingCombo->setCurrentIndex(0);
    m_delimiterCombo->setCurrentIndex(0);
    m_quoteCombo->setCurrentIndex(0);
}

void OpenPreviewPanel::showSheets()
{
    const QSignalBlocker blocker(m_sheetCombo);
    m_sheetCombo->clear();
    for (const SheetInfo &sheet : m_session.sheets())
        m_sheetCombo->addItem(sheetLabel(sheet));
    // A chart sheet has no cells to read.
    if (auto *items = qobject_cast<QStandardItemModel *>(m_sheetCombo->model())) {
        for (int index = 0; index < m_session.sheets().size(); ++index)
            items->item(index)->setEnabled(m_session.sheets()[index].kind == SheetKind::Worksheet);
    }
    m_sheetCombo->setCurrentIndex(m_session.sheetIndex());
}

// "Auto" says what it found, so the user sees why the columns split the way they do.
void OpenPreviewPanel::showDetectedDialect()
{
    const std::optional<CsvDialect> &dialect = m_session.csvDialect();
    m_encodingCombo->setItemText(
        0, dialect ? tr("Auto (%1)").arg(encodingName(dialect->encoding)) : tr("Auto"));
    m_delimiterCombo->setItemText(
        0,
        dialect ? tr("Auto (%1)").arg(delimiterName(QChar::fromLatin1(dialect->delimiter)))
                : tr("Auto"));
}

void OpenPreviewPanel::clearTable()
{
    m_tableShown = false;
    m_model->clear();
}

void OpenPreviewPanel::showTable()
{
    m_tableShown = true;
    m_model->setTable(&m_session.table(), m_session.layout());
    // Fitted to the first rows' text, but a long note must not push the other columns away.
    m_preview->resizeColumnsToContents();
    for (int column = 0; column < m_model->columnCount(); ++column)
        m_preview->setColumnWidth(column, std::min(m_preview->columnWidth(column), 320));
}

void OpenPreviewPanel::showLayout()
{
    if (!m_tableShown)
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
}

bool OpenPreviewPanel::hasRows() const
{
    return m_tableShown && m_session.table().rowCount() > 0;
}

void OpenPreviewPanel::refreshControls(bool listed)
{
    const bool text = m_session.fileFormat() == FileFormat::Text;
    m_csvOptions->setVisible(listed && text);
    m_sheetCombo->setEnabled(!text && m_sheetCombo->count() > 1);
    m_headerRowSpin->setEnabled(hasRows());
    m_headerInfo->setVisible(hasRows());
    refreshUseHeaderButton();
}

void OpenPreviewPanel::refreshUseHeaderButton()
{
    m_useHeaderButton->setEnabled(hasRows() && m_preview->selectionModel()->hasSelection());
}

void OpenPreviewPanel::useSelectedRowAsHeader()
{
    const QModelIndexList rows = m_preview->selectionModel()->selectedRows();
    if (m_tableShown && !rows.isEmpty())
        m_session.setHeaderRow(rows.first().row());
}

void OpenPreviewPanel::showPreviewMenu(const QPoint &position)
{
    const QModelIndex index = m_preview->indexAt(position);
    if (!m_tableShown || !index.isValid())
        return;
    m_preview->selectRow(index.row());
    // Shown without a nested event loop; it deletes itself when it closes.
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("openPreviewMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const int row = index.row();
    menu->addAction(tr("Use Row %1 as Header Row").arg(row + 1), this, [this, row] {
        if (m_tableShown)
            m_session.setHeaderRow(row);
    });
    menu->popup(m_preview->viewport()->mapToGlobal(position));
}

QList<QWidget *> OpenPreviewPanel::tabOrder() const
{
    return {m_sheetCombo,     m_headerRowSpin, m_useHeaderButton, m_encodingCombo,
            m_delimiterCombo, m_quoteCombo,    m_preview};
}

} // namespace sluice
