// SPDX-License-Identifier: MIT
#include "ui/pages/changespanel.h"

#include "models/common/backgroundpool.h"
#include "models/itemmodels/changesmodel.h"
#include "models/session/importsession.h"
#include "ui/prompter.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace sluice {

namespace {

// Plurals spelled out: without a loaded English translation, tr()'s %n gives "1 cells".
QString changesText(qsizetype count)
{
    return count == 1 ? ChangesPanel::tr("1 change") : ChangesPanel::tr("%1 changes").arg(count);
}

} // namespace

ChangesPanel::ChangesPanel(ImportSession &session, Prompter &prompter, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_prompter(prompter)
    , m_model(new ChangesModel(this))
    , m_summary(new QLabel(this))
    , m_list(new QTreeView(this))
    , m_revert(new QPushButton(tr("&Revert Selected"), this))
    , m_export(new QPushButton(tr("E&xport…"), this))
    , m_saveToProfile(new QPushButton(tr("Save Fixes to &Profile…"), this))
    , m_status(new QLabel(this))
    , m_refresh(new QTimer(this))
{
    m_summary->setObjectName(QStringLiteral("changesSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    createList();
    m_revert->setObjectName(QStringLiteral("changesRevert"));
    m_revert->setToolTip(tr("Put the file's text back in the selected cells and include the "
                            "selected rows in the upload again (Delete), as one undo step"));
    m_export->setObjectName(QStringLiteral("changesExport"));
    m_export->setToolTip(tr("Write the list to a CSV file, for the record or a colleague"));
    m_saveToProfile->setObjectName(QStringLiteral("changesSaveToProfile"));
    m_saveToProfile->setToolTip(
        tr("Keep the bulk fixes (value maps, date formats, trimming, defaults) in a mapping "
           "profile, so that next month's file gets them too. Edits of single cells stay with "
           "this file."));
    m_status->setObjectName(QStringLiteral("changesStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_revert);
    buttons->addWidget(m_export);
    buttons->addWidget(m_saveToProfile);
    buttons->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    setTabOrder(m_list, m_revert);
    setTabOrder(m_revert, m_export);
    setTabOrder(m_export, m_saveToProfile);

    m_refresh->setSingleShot(true);
    m_refresh->setInterval(0);
    connect(m_refresh, &QTimer::timeout, this, &ChangesPanel::rebuild);
    connect(&m_session, &ImportSession::correctionsChanged, this, &ChangesPanel::sessionChanged);
    connect(&m_session, &ImportSession::mappingChanged, this, &ChangesPanel::sessionChanged);
    connect(&m_session, &ImportSession::validated, this, &ChangesPanel::sessionChanged);
    connect(m_revert, &QPushButton::clicked, this, &ChangesPanel::revertSelected);
    connect(m_export, &QPushButton::clicked, this, &ChangesPanel::exportChanges);
    connect(m_saveToProfile, &QPushButton::clicked, this,
            &ChangesPanel::saveFixesToProfileRequested);
    sessionChanged();
}

ChangesPanel::~ChangesPanel() = default;

void ChangesPanel::createList()
{
    m_list->setObjectName(QStringLiteral("changesList"));
    m_list->setAccessibleName(tr("Changes"));
    m_list->setToolTip(tr("Double-click a change, or press Enter, to go to its cell"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true); // 100k entries scroll without measuring each
    m_list->setAlternatingRowColors(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    QHeaderView *header = m_list->header();
    // Built order (edits by row, then excluded rows) until a header is clicked; a third click
    // goes back to it.
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_list->setSortingEnabled(true);
    header->setStretchLastSection(true);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(ChangesModel::RowColumn, digit * 6);
    header->resizeSection(ChangesModel::ColumnColumn, digit * 12);
    header->resizeSection(ChangesModel::AttributeColumn, digit * 14);
    header->resizeSection(ChangesModel::OldValueColumn, digit * 12);
    header->resizeSection(ChangesModel::NewValueColumn, digit * 12);

    auto *revert = new QAction(tr("&Revert"), m_list);
    revert->setObjectName(QStringLiteral("changesRevertAction"));
    revert->setShortcut(QKeySequence::Delete);
    revert->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(revert);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(revert, &QAction::triggered, this, &ChangesPanel::revertSelected);
    connect(m_list, &QTreeView::activated, this, &ChangesPanel::activate);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ChangesPanel::updateButtons);
}

bool ChangesPanel::isExporting() const
{
    return m_exportWatcher != nullptr;
}

void ChangesPanel::sessionChanged()
{
    const SheetCorrections &corrections = m_session.corrections();
    const int count = int(corrections.editCount() + corrections.excludedCount());
    if (count != m_count) {
        m_count = count;
        Q_EMIT countChanged(count);
    }
    m_stale = true;
    updateSummary();
    if (isVisible() && count == 0) {
        // At once: a new file empties the corrections before its table replaces the old one,
        // which the list must not read from by then.
        rebuild();
    } else if (isVisible()) {
        m_refresh->start();
    } else if (m_model->rowCount() > 0) {
        // Hidden: no list to keep up, and none that points into a table about to go.
        m_model->clear();
        updateButtons();
    }
}

void ChangesPanel::showEvent(QShowEvent *event)
{
    if (m_stale)
        rebuild();
    QWidget::showEvent(event);
}

void ChangesPanel::rebuild()
{
    m_refresh->stop();
    m_stale = false;
    m_model->reset(m_session.rows(), m_session.resource(), &m_session.corrections(),
                   m_session.layout().columnNames);
    updateSummary();
    updateButtons();
}

void ChangesPanel::updateSummary()
{
    const qsizetype cells = m_session.corrections().editCount();
    const qsizetype rows = m_session.corrections().excludedCount();
    if (cells == 0 && rows == 0) {
        m_summary->setText(tr("No changes yet: edit a cell, replace or fix in bulk."));
        return;
    }
    QStringList parts;
    if (cells > 0)
        parts.append(cells == 1 ? tr("1 cell changed") : tr("%1 cells changed").arg(cells));
    if (rows > 0)
        parts.append(rows == 1 ? tr("1 row excluded") : tr("%1 rows excluded").arg(rows));
    m_summary->setText(parts.join(tr(", ")));
}

void ChangesPanel::updateButtons()
{
    m_revert->setEnabled(m_list->selectionModel()->hasSelection());
    m_export->setEnabled(m_model->rowCount() > 0 && !isExporting());
    m_saveToProfile->setEnabled(m_session.resource() != nullptr);
}

void ChangesPanel::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const qsizetype dataRow = index.data(ChangesModel::DataRowRole).toLongLong();
    if (dataRow >= 0)
        Q_EMIT goToCell(dataRow, index.data(ChangesModel::AttributeRole).toInt());
}

void ChangesPanel::revertSelected()
{
    const QModelIndexList selected = m_list->selectionModel()->selectedRows();
    if (selected.isEmpty())
        return;
    if (!m_session.canCorrect()) {
        m_status->setText(tr("Changes can be reverted once the check has finished."));
        return;
    }
    std::vector<ImportSession::CellChange> cells;
    std::vector<qsizetype> rows;
    qsizetype unmapped = 0;
    for (const QModelIndex &index : selected) {
        const qsizetype dataRow = index.data(ChangesModel::DataRowRole).toLongLong();
        const int attribute = index.data(ChangesModel::AttributeRole).toInt();
        if (index.data(ChangesModel::KindRole).toInt() == ChangesModel::ExcludedRow) {
            if (dataRow >= 0)
                rows.push_back(dataRow);
        } else if (dataRow >= 0 && attribute >= 0) {
            cells.push_back({dataRow, attribute, std::nullopt});
        } else {
            ++unmapped; // reverted through an attribute reading its column: there is none now
        }
    }
    const qsizetype total = qsizetype(cells.size() + rows.size());
    const QString description
        = total == 1 ? tr("Revert 1 change") : tr("Revert %1 changes").arg(total);
    // Both kinds: one undo step all the same. Rows first: a re-check of many cells may go to
    // workers, and no correction is taken while it runs.
    QUndoStack *undo = m_session.undoStack();
    const bool both = !cells.empty() && !rows.empty();
    if (both)
        undo->beginMacro(description);
    bool reverted = !rows.empty() && m_session.setRowsExcluded(rows, false);
    reverted = (!cells.empty() && m_session.changeCells(cells, description)) || reverted;
    if (both)
        undo->endMacro();
    if (unmapped > 0)
        m_status->setText(tr("%1 not reverted: no attribute reads their column now. Map the "
                             "column, then revert them.")
                              .arg(changesText(unmapped)));
    else
        m_status->setText(reverted ? tr("Reverted %1.").arg(changesText(total)) : QString());
}

void ChangesPanel::exportChanges()
{
    if (isExporting())
        return;
    if (m_stale)
        rebuild();
    if (m_model->rowCount() == 0)
        return;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QFileInfo(m_session.filePath()).completeBaseName();
    const QString suggested = QDir(documents).filePath(
        (name.isEmpty() ? tr("changes") : tr("%1 changes").arg(name)) + QStringLiteral(".csv"));
    QString path = m_prompter.fileToSave(this, tr("Export Changes"),
                                         tr("CSV files (*.csv);;All files (*)"), suggested);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    // Texts only: the worker reads nothing the session may change meanwhile.
    std::vector<ChangesModel::ExportRow> rows = m_model->exportRows();
    const qsizetype count = qsizetype(rows.size());
    m_status->setText(tr("Exporting to %1…").arg(QFileInfo(path).fileName()));
    m_exportWatcher = new QFutureWatcher<std::optional<QString>>(this);
    connect(m_exportWatcher, &QFutureWatcherBase::finished, this, [this, path, count] {
        const std::optional<QString> error = m_exportWatcher->result();
        m_exportWatcher->deleteLater();
        m_exportWatcher = nullptr;
        finishExport(path, count, error);
    });
    m_exportWatcher->setFuture(QtConcurrent::run(&backgroundPool(), [path, rows = std::move(rows)] {
        return ChangesModel::writeCsv(path, rows);
    }));
    updateButtons();
}

void ChangesPanel::finishExport(const QString &path, qsizetype count,
                                const std::optional<QString> &error)
{
    const QString fileName = QFileInfo(path).fileName();
    updateButtons();
    if (error) {
        m_status->setText(tr("Not exported to %1.").arg(fileName));
        m_prompter.showError(this, tr("Export Failed"),
                             tr("The changes could not be written to %1: %2")
                                 .arg(QDir::toNativeSeparators(path), *error));
    } else {
        m_status->setText(tr("Exported %1 to %2.").arg(changesText(count), fileName));
    }
    Q_EMIT exportFinished(path, !error);
}

} // namespace sluice
