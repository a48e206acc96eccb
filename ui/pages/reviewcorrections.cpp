// SPDX-License-Identifier: MIT
// The Review page's corrections (issue 7): typed edits checked as they are typed, reverts,
// excluded rows, find and replace, and bulk fixes by cause. The session makes each one an undo
// step; these pass the user's intent on.
#include "models/itemmodels/issuegroupmodel.h"
#include "models/itemmodels/reviewmodel.h"
#include "models/session/importsession.h"
#include "ui/dialogs/bulkfixdialog.h"
#include "ui/dialogs/findreplacedialog.h"
#include "ui/pages/reviewpage.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QTableView>
#include <QTreeView>

#include <algorithm>

namespace sluice {

void ReviewPage::updateFixButton()
{
    const QModelIndex current = m_issueList->currentIndex();
    m_fix->setEnabled(current.isValid() && m_session.canCorrect());
    m_fix->setText(current.isValid()
                       ? tr("&Fix %1…").arg(rowsText(m_groups->group(current.row()).cells))
                       : tr("&Fix…"));
}

// One dialog at a time, for the group selected when it was opened.
void ReviewPage::fixSelectedGroup()
{
    const QModelIndex current = m_issueList->currentIndex();
    if (!current.isValid() || !m_session.canCorrect())
        return;
    delete m_fixDialog;
    m_fixDialog = new BulkFixDialog(m_session, m_groups->group(current.row()), this);
    m_fixDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_fixDialog, &QObject::destroyed, this, [this] { m_fixDialog = nullptr; });
    connect(m_fixDialog, &BulkFixDialog::fixApplied, this, [this](bool remember) {
        if (remember)
            Q_EMIT saveFixesToProfileRequested();
    });
    m_fixDialog->open();
}

void ReviewPage::createCorrectionActions()
{
    const auto add = [this](const QString &text, const char *name, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        connect(action, &QAction::triggered, this, slot);
        m_table->addAction(action);
        return action;
    };
    m_revertCell = add(tr("Revert &Cell"), "reviewRevertCellAction", &ReviewPage::revertCells);
    m_revertRows = add(tr("Revert &Rows"), "reviewRevertRowsAction", &ReviewPage::revertRows);
    m_revertColumn
        = add(tr("Revert C&olumn"), "reviewRevertColumnAction", &ReviewPage::revertColumn);
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_table->addAction(separator);
    m_exclude = add(tr("&Exclude Rows"), "reviewExcludeRowsAction",
                    [this] { excludeSelectedRows(true); });
    m_include = add(tr("&Include Rows"), "reviewIncludeRowsAction",
                    [this] { excludeSelectedRows(false); });
    m_exclude->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exclude->setShortcutContext(Qt::WidgetShortcut);
    auto *findSeparator = new QAction(this);
    findSeparator->setSeparator(true);
    m_table->addAction(findSeparator);
    m_find = add(tr("&Find and Replace…"), "reviewFindAction", &ReviewPage::showFindReplace);
    m_find->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_H), QKeySequence::Find});
    m_find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_find); // from anywhere on the page, not only the grid
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
}

// Opens (or raises) the find and replace window on the grid's current column and selection.
void ReviewPage::showFindReplace()
{
    if (!m_findDialog) {
        m_findDialog = new FindReplaceDialog(m_session, this);
        connect(m_findDialog, &FindReplaceDialog::goToCell, this,
                [this](qsizetype row, int attribute) { goToCell(row, attribute); });
    }
    const QModelIndex current = m_table->currentIndex();
    m_findDialog->setCurrentAttribute(current.isValid() ? current.column() : 0);
    std::vector<int> attributes;
    std::vector<std::pair<qsizetype, qsizetype>> rows;
    const QItemSelection selection = m_table->selectionModel()->selection();
    qsizetype cells = 0;
    for (const QItemSelectionRange &range : selection) {
        for (int column = range.left(); column <= range.right(); ++column)
            attributes.push_back(column);
        // View rows are data rows unless filtered; then each row is its own range.
        for (int row = range.top(); row <= range.bottom(); ++row) {
            const qsizetype dataRow = m_model->dataRow(row);
            if (!rows.empty() && rows.back().second + 1 == dataRow)
                rows.back().second = dataRow;
            else
                rows.emplace_back(dataRow, dataRow);
        }
        cells += qsizetype(range.width()) * range.height();
    }
    std::sort(attributes.begin(), attributes.end());
    attributes.erase(std::unique(attributes.begin(), attributes.end()), attributes.end());
    m_findDialog->setSelection(attributes, rows);
    m_findDialog->setScope(cells > 1 ? FindReplaceDialog::Scope::Selection
                                     : FindReplaceDialog::Scope::WholeTable);
    m_findDialog->show();
    m_findDialog->raise();
    m_findDialog->activateWindow();
}

// The data rows of the selected cells (or the current cell), ascending.
std::vector<qsizetype> ReviewPage::selectedRows() const
{
    std::vector<qsizetype> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : selected)
        rows.push_back(m_model->dataRow(index.row()));
    if (rows.empty() && m_table->currentIndex().isValid())
        rows.push_back(m_model->dataRow(m_table->currentIndex().row()));
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::erase(rows, qsizetype(-1));
    return rows;
}

void ReviewPage::revertCells()
{
    std::vector<ImportSession::CellChange> cells;
    QModelIndexList selected = m_table->selectionModel()->selectedIndexes();
    if (selected.isEmpty() && m_table->currentIndex().isValid())
        selected.append(m_table->currentIndex());
    for (const QModelIndex &index : std::as_const(selected)) {
        if (index.data(ReviewModel::EditedRole).toBool())
            cells.push_back({m_model->dataRow(index.row()), index.column(), std::nullopt});
    }
    const QString description
        = cells.size() == 1 ? tr("Revert cell") : tr("Revert %1 cells").arg(cells.size());
    if (!m_session.changeCells(cells, description))
        Q_EMIT statusMessage(tr("Nothing to revert: the selected cells hold the file's text"));
}

void ReviewPage::revertRows()
{
    if (!m_session.revertRows(selectedRows()))
        Q_EMIT statusMessage(tr("Nothing to revert in the selected rows"));
}

void ReviewPage::revertColumn()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || !m_session.revertAttribute(current.column()))
        Q_EMIT statusMessage(tr("Nothing to revert in this column"));
}

void ReviewPage::excludeSelectedRows(bool exclude)
{
    const std::vector<qsizetype> rows = selectedRows();
    if (m_session.setRowsExcluded(rows, exclude))
        return;
    Q_EMIT statusMessage(!m_session.canCorrect() ? tr("Wait for the check to finish")
                             : exclude           ? tr("The selected rows are excluded already")
                                                 : tr("The selected rows are included already"));
}

QString ReviewPage::checkTypedText(qsizetype row, int attribute, const QString &text) const
{
    const MappedRowSource *rows = m_session.rows();
    const Resource *resource = m_session.resource();
    if (!rows || !resource || attribute < 0 || attribute >= resource->attributes.size())
        return {};
    Q_UNUSED(row);
    const QString name = resource->attributes.at(attribute).name;
    const Result<ApiValue, ValueError> value = rows->valueOfText(attribute, text);
    if (!value)
        return tr("✖ %1: %2").arg(name, value.error().reason);
    if (value->isNull())
        return tr("✓ %1: sends null").arg(name);
    return tr("✓ %1: sends %2").arg(name, value->text());
}

} // namespace sluice
