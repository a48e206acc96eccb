// SPDX-License-Identifier: MIT
#include "ui/pages/reviewpage.h"

#include "models/itemmodels/issuegroupmodel.h"
#include "models/itemmodels/reviewmodel.h"
#include "models/session/importsession.h"
#include "ui/delegates/reviewcelldelegate.h"
#include "ui/dialogs/bulkfixdialog.h"
#include "ui/dialogs/findreplacedialog.h"
#include "ui/pages/changespanel.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <limits>

namespace sluice {

namespace {

// Columns are sized from their header and this many rows: enough to see typical values, and
// never a walk over a million rows.
constexpr int RowsSizedBy = 100;
constexpr int MinColumnWidth = 60;
constexpr int MaxColumnWidth = 320;

using IssueCell = std::pair<qsizetype, int>; // data row, attribute

// The issues of a row are kept in attribute order, so the next cell is the first one past
// `attribute`, else the first of the next row with issues.
std::optional<IssueCell> nextIssueCell(const IssueIndex &issues, qsizetype row, int attribute)
{
    if (const std::vector<CellIssue> *cells = issues.issuesOfRow(row)) {
        for (const CellIssue &issue : *cells) {
            if (issue.attribute > attribute)
                return IssueCell {row, issue.attribute};
        }
    }
    const std::optional<qsizetype> next = issues.nextRow(row);
    if (!next)
        return std::nullopt;
    return IssueCell {*next, issues.issuesOfRow(*next)->front().attribute};
}

std::optional<IssueCell> previousIssueCell(const IssueIndex &issues, qsizetype row, int attribute)
{
    if (const std::vector<CellIssue> *cells = issues.issuesOfRow(row)) {
        for (auto issue = cells->rbegin(); issue != cells->rend(); ++issue) {
            if (issue->attribute < attribute)
                return IssueCell {row, issue->attribute};
        }
    }
    const std::optional<qsizetype> previous = issues.previousRow(row);
    if (!previous)
        return std::nullopt;
    return IssueCell {*previous, issues.issuesOfRow(*previous)->back().attribute};
}

} // namespace

QString ReviewPage::rowsText(qsizetype rows)
{
    // Plurals spelled out: without a loaded English translation, tr()'s %n gives "row(s)".
    return rows == 1 ? ReviewPage::tr("1 row") : ReviewPage::tr("%1 rows").arg(rows);
}

ReviewPage::ReviewPage(ImportSession &session, Prompter &prompter, QWidget *parent)
    : StepPage(parent)
    , m_session(session)
    , m_model(new ReviewModel(this))
    , m_groups(new IssueGroupModel(this))
    , m_summary(new QLabel(this))
    , m_onlyIssues(new QCheckBox(tr("&Only rows with issues"), this))
    , m_progress(new QProgressBar(this))
    , m_table(new QTableView(this))
    , m_issueList(new QTreeView(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_sidePanel(new QTabWidget(this))
    , m_changes(new ChangesPanel(session, prompter, this))
    , m_next(new QAction(tr("&Next issue"), this))
    , m_previous(new QAction(tr("&Previous issue"), this))
    , m_fix(new QPushButton(tr("&Fix…"), this))
{
    setUpTable();
    createCorrectionActions();
    m_splitter->setObjectName(QStringLiteral("reviewSplitter"));
    m_splitter->addWidget(m_table);
    m_sidePanel->setObjectName(QStringLiteral("reviewSidePanel"));
    m_sidePanel->addTab(createIssuePanel(), tr("Issues"));
    m_sidePanel->addTab(m_changes, tr("Changes"));
    m_splitter->addWidget(m_sidePanel);
    connect(m_changes, &ChangesPanel::countChanged, this, [this](int count) {
        m_sidePanel->setTabText(1, count > 0 ? tr("Changes (%1)").arg(count) : tr("Changes"));
    });
    connect(m_changes, &ChangesPanel::goToCell, this, [this](qsizetype row, int attribute) {
        goToCell(row, attribute < 0 ? std::max(0, m_table->currentIndex().column()) : attribute);
        m_table->setFocus();
    });
    connect(m_changes, &ChangesPanel::saveFixesToProfileRequested, this,
            &ReviewPage::saveFixesToProfileRequested);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({860, 380});
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(createTools());
    layout->addWidget(m_splitter, 1);
    setTabOrder(m_table, m_issueList);

    connect(m_onlyIssues, &QCheckBox::toggled, this, [this](bool only) {
        // Stay on the same cell when it is still shown.
        const QModelIndex current = m_table->currentIndex();
        const qsizetype row = current.isValid() ? m_model->dataRow(current.row()) : -1;
        m_model->setOnlyRowsWithIssues(only);
        if (row >= 0)
            goToCell(row, current.column());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ReviewPage::sizeColumns);
    connect(m_issueList, &QTreeView::activated, this, &ReviewPage::goToGroup);
    connect(m_issueList, &QTreeView::clicked, this, &ReviewPage::goToGroup);
    connect(&m_session, &ImportSession::mappingChanged, this, &ReviewPage::rowsReplaced);
    connect(&m_session, &ImportSession::validated, this, &ReviewPage::showRows);
    connect(&m_session, &ImportSession::validationProgressed, this, &ReviewPage::updateProgress);
    connect(&m_session, &ImportSession::cellsChanged, this,
            [this](qsizetype firstRow, qsizetype lastRow) {
                m_model->cellsChanged(firstRow, lastRow);
                updateSummary();
                Q_EMIT completeChanged();
            });
    // The server's findings for some rows (a check on the server, an upload): same index, more
    // issues; repaint those rows and recount.
    connect(&m_session, &ImportSession::issuesChanged, this,
            [this](qsizetype firstRow, qsizetype lastRow) {
                m_model->issuesChanged(firstRow, lastRow);
                showIssues();
            });
    showRows();
}

void ReviewPage::setUpTable()
{
    m_table->setObjectName(QStringLiteral("reviewTable"));
    m_table->setTabKeyNavigation(false); // Tab leaves the grid; arrows and F8 move inside it
    m_table->setAccessibleName(tr("Rows as they will be sent"));
    m_table->setModel(m_model);
    auto *delegate = new ReviewCellDelegate(
        [this](qsizetype row, int attribute, const QString &text) {
            return checkTypedText(row, attribute, text);
        },
        m_table);
    connect(delegate, &ReviewCellDelegate::textChecked, this, &ReviewPage::statusMessage);
    m_table->setItemDelegate(delegate);
    m_table->setWordWrap(false);
    // Rectangles and rows: what find and replace, revert and exclude act on.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Typing over a cell edits it, as in a spreadsheet; F2 and a double click too.
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_model->setEditHandler([this](qsizetype row, int attribute, const QString &text) {
        if (m_session.editCell(row, attribute, text))
            return true;
        if (!m_session.canCorrect())
            Q_EMIT statusMessage(tr("Wait for the check to finish before editing"));
        return false;
    });
    // A million rows scroll smoothly only when no row's height has to be measured.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
}

QWidget *ReviewPage::createIssuePanel()
{
    m_issueList->setObjectName(QStringLiteral("reviewIssueList"));
    m_issueList->setAccessibleName(tr("Issues by cause"));
    m_issueList->setModel(m_groups);
    m_issueList->setRootIsDecorated(false);
    m_issueList->setUniformRowHeights(true);
    m_issueList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_issueList->setColumnHidden(IssueGroupModel::AttributeColumn, true); // named in the issue
    // The count stays in view however narrow the panel; the cause is cut short instead (its
    // tooltip has it whole).
    QHeaderView *header = m_issueList->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(IssueGroupModel::IssueColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(IssueGroupModel::RowsColumn, QHeaderView::ResizeToContents);
    auto *label = new QLabel(tr("&Issues by cause"), this);
    label->setBuddy(m_issueList);
    m_fix->setObjectName(QStringLiteral("reviewFixButton"));
    m_fix->setAccessibleName(tr("Fix the selected issue in bulk"));
    m_fix->setToolTip(tr("Map bad values, read dates another way, fill empty cells or leave the "
                         "rows out: for every cell of this cause at once, as one undo step"));
    m_fix->setEnabled(false);
    connect(m_fix, &QPushButton::clicked, this, &ReviewPage::fixSelectedGroup);
    connect(m_issueList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReviewPage::updateFixButton);
    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_issueList, 1);
    layout->addWidget(m_fix, 0, Qt::AlignRight);
    return panel;
}

QLayout *ReviewPage::createTools()
{
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setObjectName(QStringLiteral("reviewProgress"));
    m_progress->setAccessibleName(tr("Checking rows"));
    m_progress->setFormat(tr("Checking rows: %v of %m"));
    m_progress->setMinimumWidth(260);
    m_progress->hide();
    m_onlyIssues->setObjectName(QStringLiteral("reviewOnlyIssues"));
    m_onlyIssues->setAccessibleName(tr("Only rows with issues"));
    m_next->setObjectName(QStringLiteral("reviewNextIssueAction"));
    m_next->setShortcut(QKeySequence(Qt::Key_F8));
    m_next->setToolTip(tr("Go to the next cell with an issue (F8)"));
    m_previous->setObjectName(QStringLiteral("reviewPreviousIssueAction"));
    m_previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
    m_previous->setToolTip(tr("Go to the previous cell with an issue (Shift+F8)"));
    connect(m_next, &QAction::triggered, this, &ReviewPage::nextIssue);
    connect(m_previous, &QAction::triggered, this, &ReviewPage::previousIssue);

    auto *tools = new QHBoxLayout;
    // The progress bar shares the summary's row, so the grid does not jump when it comes and goes.
    tools->addWidget(m_summary, 1);
    tools->addWidget(m_progress);
    auto *find = new QToolButton(this);
    find->setObjectName(QStringLiteral("reviewFindButton"));
    find->setText(tr("Find and Replace…"));
    find->setToolTip(tr("Find and replace in the whole table, a column or the selection (Ctrl+H)"));
    find->setAccessibleName(tr("Find and Replace"));
    connect(find, &QToolButton::clicked, this, &ReviewPage::showFindReplace);
    tools->addWidget(find);
    tools->addWidget(m_onlyIssues);
    QWidget *previousInChain = m_onlyIssues;
    for (QAction *action : {m_previous, m_next}) {
        // On the page, not the window: another step's F8 is none of this page's business.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setObjectName(action == m_next ? QStringLiteral("reviewNextIssueButton")
                                               : QStringLiteral("reviewPreviousIssueButton"));
        button->setAccessibleName(action->text().remove(u'&'));
        tools->addWidget(button);
        setTabOrder(previousInChain, button);
        previousInChain = button;
    }
    setTabOrder(previousInChain, m_table);
    return tools;
}

ReviewPage::~ReviewPage() = default;

bool ReviewPage::isComplete() const
{
    return !m_session.isValidating() && m_rowsToSend.value_or(0) > 0;
}

QString ReviewPage::incompleteReason() const
{
    if (!m_session.rows())
        return tr("Map the columns first");
    if (m_session.isValidating() || !m_rowsToSend)
        return tr("Checking rows…");
    if (*m_rowsToSend == 0)
        return tr("No row can be sent: fix the errors first");
    return {};
}

// While another step is shown (the mapping being edited), the grid lets go of the old rows at once
// (they may be freed) and takes the new ones when the page is entered: handing a 1M-row model to
// the view costs ~30 ms of the GUI thread, which each mapping change need not pay.
void ReviewPage::rowsReplaced()
{
    if (isVisible())
        return showRows();
    m_model->reset(nullptr, nullptr, nullptr);
    m_rowsStale = true;
    showIssues();
}

void ReviewPage::enter()
{
    if (m_rowsStale) {
        m_rowsStale = false;
        showRows();
    }
    if (m_session.rows() && !m_session.issues() && !m_session.isValidating()) {
        m_session.validate();
        updateProgress(0, m_session.rows()->rowCount());
    }
    updateSummary();
    Q_EMIT completeChanged();
}

void ReviewPage::showRows()
{
    // Called when the rows or their issues were replaced: what the model pointed at is gone.
    const Resource *resource = m_session.resource();
    const IssueIndex *issues = m_session.issues();
    m_model->reset(m_session.rows() ? resource : nullptr, m_session.rows(), issues);
    showIssues();
    m_progress->setVisible(m_session.isValidating());
    if (issues)
        Q_EMIT statusMessage(m_summary->text());
}

void ReviewPage::showIssues()
{
    const Resource *resource = m_session.resource();
    const IssueIndex *issues = m_session.issues();
    m_rowsToSend.reset();
    if (issues && m_session.rows())
        m_rowsToSend = m_session.rowsToSendCount();
    QStringList names;
    if (resource) {
        for (const Attribute &attribute : resource->attributes)
            names.append(attribute.name);
    }
    m_groups->reset(issues, names);
    updateFixButton();
    updateSummary();
    Q_EMIT completeChanged();
}

void ReviewPage::updateSummary()
{
    const MappedRowSource *rows = m_session.rows();
    const IssueIndex *issues = m_session.issues();
    if (!rows) {
        m_summary->setText(tr("Choose a resource and map the columns first."));
        return;
    }
    if (m_session.isValidating() || !issues || !m_rowsToSend) {
        m_summary->setText(m_session.isValidating()
                               ? tr("Checking %1…").arg(rowsText(rows->rowCount()))
                               : tr("Not checked yet."));
        return;
    }
    QStringList counts;
    if (const qsizetype errors = issues->errorCount(); errors > 0)
        counts.append(errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
    if (const qsizetype warnings = issues->warningCount(); warnings > 0)
        counts.append(warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
    const QString found = counts.isEmpty()
        ? tr("No issues")
        : tr("%1 in %2").arg(counts.join(QStringLiteral(", ")), rowsText(issues->rowsWithIssues()));
    QString text = tr("%1 · %2 of %3 ready to send")
                       .arg(found)
                       .arg(*m_rowsToSend)
                       .arg(rowsText(rows->rowCount()));
    if (const qsizetype excluded = m_session.corrections().excludedCount(); excluded > 0)
        text += tr(" · %1 excluded").arg(excluded);
    m_summary->setText(text);
}

void ReviewPage::updateProgress(qsizetype rowsChecked, qsizetype rowCount)
{
    constexpr qsizetype Most = std::numeric_limits<int>::max();
    m_progress->setRange(0, int(std::min(rowCount, Most)));
    m_progress->setValue(int(std::min(rowsChecked, Most)));
    m_progress->setVisible(m_session.isValidating());
    updateFixButton();
}

void ReviewPage::sizeColumns()
{
    // From the header and the first rows only: resizeColumnsToContents would ask every row.
    const QFontMetrics cellFont = m_table->fontMetrics();
    const QFontMetrics headerFont = m_table->horizontalHeader()->fontMetrics();
    const int rows = std::min(m_model->rowCount(), RowsSizedBy);
    for (int column = 0; column < m_model->columnCount(); ++column) {
        int width
            = headerFont.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString())
            + 24;
        for (int row = 0; row < rows; ++row) {
            const QModelIndex index = m_model->index(row, column);
            QString text = index.data().toString();
            if (index.data(ReviewModel::SeverityRole).toInt() >= 0)
                text.prepend(QStringLiteral("✖ "));
            width = std::max(width, cellFont.horizontalAdvance(text) + 16);
        }
        m_table->setColumnWidth(column, std::clamp(width, MinColumnWidth, MaxColumnWidth));
    }
}

void ReviewPage::nextIssue()
{
    moveToIssue(true);
}

void ReviewPage::previousIssue()
{
    moveToIssue(false);
}

void ReviewPage::moveToIssue(bool forward)
{
    const IssueIndex *issues = m_session.issues();
    if (!issues || issues->rowsWithIssues() == 0) {
        Q_EMIT statusMessage(tr("No issues to go to"));
        return;
    }
    const QModelIndex current = m_table->currentIndex();
    std::optional<IssueCell> target;
    if (current.isValid()) {
        const qsizetype row = m_model->dataRow(current.row());
        target = forward ? nextIssueCell(*issues, row, current.column())
                         : previousIssueCell(*issues, row, current.column());
    }
    if (!target) {
        // Past the last issue (or before the first): round again, and say so.
        target = forward ? nextIssueCell(*issues, -1, -1)
                         : previousIssueCell(*issues, std::numeric_limits<qsizetype>::max(),
                                             std::numeric_limits<int>::max());
        if (current.isValid())
            Q_EMIT statusMessage(forward ? tr("Back at the first issue")
                                         : tr("Back at the last issue"));
    }
    if (target)
        goToCell(target->first, target->second);
}

void ReviewPage::goToCell(qsizetype row, int attribute)
{
    const int viewRow = m_model->viewRow(row);
    if (viewRow < 0 || attribute < 0 || attribute >= m_model->columnCount())
        return;
    const QModelIndex target = m_model->index(viewRow, attribute);
    m_table->selectionModel()->setCurrentIndex(target, QItemSelectionModel::ClearAndSelect);
    m_table->scrollTo(target);
}

void ReviewPage::goToGroup(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    goToCell(m_groups->firstRow(index.row()), m_groups->group(index.row()).attribute);
}

} // namespace sluice
