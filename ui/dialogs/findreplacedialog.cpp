// SPDX-License-Identifier: MIT
#include "ui/dialogs/findreplacedialog.h"

#include "models/common/backgroundpool.h"
#include "models/itemmodels/findmatchmodel.h"
#include "models/session/importsession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace sluice {

namespace {

// Long enough to let a word be typed without a search per letter, short enough to feel live.
constexpr int SearchPauseMs = 150;

using Matches = std::vector<FindMatch>;

QString matchesText(qsizetype matches, int columns)
{
    // Plurals spelled out: without a loaded English translation, tr()'s %n gives "match(es)".
    const QString found = matches == 1 ? FindReplaceDialog::tr("1 match")
                                       : FindReplaceDialog::tr("%1 matches").arg(matches);
    const QString in = columns == 1 ? FindReplaceDialog::tr("1 column")
                                    : FindReplaceDialog::tr("%1 columns").arg(columns);
    return FindReplaceDialog::tr("%1 in %2").arg(found, in);
}

// A form row whose label is the field's buddy (Alt+letter focuses it) and its accessible name.
void addRow(QFormLayout *form, const QString &label, QWidget *field, QLayout *fieldRow = nullptr)
{
    auto *text = new QLabel(label, form->parentWidget());
    text->setBuddy(field);
    field->setAccessibleName(QString(label).remove(u'&').remove(u':'));
    if (fieldRow)
        form->addRow(text, fieldRow);
    else
        form->addRow(text, field);
}

QPushButton *addButton(QBoxLayout *row, QWidget *parent, const QString &text, const char *name)
{
    auto *made = new QPushButton(text, parent);
    made->setObjectName(QString::fromLatin1(name));
    made->setAutoDefault(false);
    row->addWidget(made);
    return made;
}

} // namespace

FindReplaceDialog::FindReplaceDialog(ImportSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_model(new FindMatchModel(this))
{
    setWindowTitle(tr("Find and Replace"));
    m_pause.setSingleShot(true);
    m_pause.setInterval(SearchPauseMs);
    connect(&m_pause, &QTimer::timeout, this, &FindReplaceDialog::startSearch);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(createForm());
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("findCount"));
    m_count->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_count);

    m_preview = new QTreeView(this);
    m_preview->setObjectName(QStringLiteral("findPreview"));
    m_preview->setAccessibleName(tr("Matches, before and after the replace"));
    m_preview->setModel(m_model);
    m_preview->setRootIsDecorated(false);
    m_preview->setUniformRowHeights(true); // a million matches scroll smoothly
    m_preview->setAlternatingRowColors(true);
    m_preview->setAllColumnsShowFocus(true);
    m_preview->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_preview->header()->setStretchLastSection(true);
    m_preview->setColumnWidth(FindMatchModel::RowColumn, 90);
    m_preview->setColumnWidth(FindMatchModel::AttributeColumn, 150);
    m_preview->setColumnWidth(FindMatchModel::BeforeColumn, 220);
    layout->addWidget(m_preview, 1);
    layout->addLayout(createButtons());

    connect(m_model, &FindMatchModel::checkedCountChanged, this, &FindReplaceDialog::updateState);
    connect(m_preview, &QAbstractItemView::activated, this,
            [this](const QModelIndex &index) { goToMatch(index.row()); });
    connectSession();
    updateScopeItems();
    startSearch();
    resize(760, 540);
}

FindReplaceDialog::~FindReplaceDialog()
{
    // The workers read the session's table: they stop within a few thousand rows once told.
    cancelSearch(true);
}

QLayout *FindReplaceDialog::createForm()
{
    auto *form = new QFormLayout;
    m_findText = new QLineEdit(this);
    m_findText->setObjectName(QStringLiteral("findText"));
    m_findText->setClearButtonEnabled(true);
    addRow(form, tr("&Find:"), m_findText);
    m_replaceText = new QLineEdit(this);
    m_replaceText->setObjectName(QStringLiteral("replaceText"));
    m_replaceText->setClearButtonEnabled(true);
    m_replaceText->setToolTip(tr("With a regular expression, \\1, \\2 … put in what the "
                                 "parenthesised groups matched."));
    addRow(form, tr("Replace &with:"), m_replaceText);

    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("findScope"));
    m_scope->addItem(tr("Whole table"), int(Scope::WholeTable));
    m_scope->addItem(QString(), int(Scope::Column));
    m_scope->addItem(tr("Selection"), int(Scope::Selection));
    addRow(form, tr("&Look in:"), m_scope);

    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("findMode"));
    m_mode->addItem(tr("Contains"), int(FindQuery::Mode::Contains));
    m_mode->addItem(tr("Whole cell"), int(FindQuery::Mode::WholeCell));
    m_mode->addItem(tr("Regular expression"), int(FindQuery::Mode::Regex));
    m_caseSensitive = new QCheckBox(tr("&Case sensitive"), this);
    m_caseSensitive->setObjectName(QStringLiteral("findCaseSensitive"));
    m_caseSensitive->setAccessibleName(tr("Case sensitive"));
    auto *modeRow = new QHBoxLayout;
    modeRow->addWidget(m_mode);
    modeRow->addWidget(m_caseSensitive);
    modeRow->addStretch(1);
    addRow(form, tr("&Match:"), m_mode, modeRow);

    connect(m_findText, &QLineEdit::textChanged, this, &FindReplaceDialog::scheduleSearch);
    connect(m_replaceText, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setReplacement(text); // the same cells: only the After column changes
    });
    connect(m_scope, &QComboBox::currentIndexChanged, this, &FindReplaceDialog::scheduleSearch);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &FindReplaceDialog::scheduleSearch);
    connect(m_caseSensitive, &QCheckBox::toggled, this, &FindReplaceDialog::scheduleSearch);
    return form;
}

QLayout *FindReplaceDialog::createButtons()
{
    auto *row = new QHBoxLayout;
    m_checkAll = addButton(row, this, tr("Check &All"), "findCheckAll");
    m_checkNone = addButton(row, this, tr("Check N&one"), "findCheckNone");
    row->addStretch(1);
    m_findNext = addButton(row, this, tr("Find &Next"), "findNextButton");
    // The default button: Enter in the find field goes to the next match.
    m_findNext->setDefault(true);
    m_replace = addButton(row, this, QString(), "replaceButton");
    QPushButton *close = addButton(row, this, tr("Close"), "findClose");
    connect(m_checkAll, &QPushButton::clicked, this, [this] { m_model->setAllChecked(true); });
    connect(m_checkNone, &QPushButton::clicked, this, [this] { m_model->setAllChecked(false); });
    connect(m_findNext, &QPushButton::clicked, this, &FindReplaceDialog::findNext);
    connect(m_replace, &QPushButton::clicked, this, &FindReplaceDialog::replaceChecked);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    return row;
}

void FindReplaceDialog::connectSession()
{
    // A new file replaces the table the workers read: they must have stopped first.
    connect(&m_session, &ImportSession::opened, this, [this] {
        cancelSearch(true);
        rowsReplaced();
    });
    connect(&m_session, &ImportSession::mappingChanged, this, &FindReplaceDialog::rowsReplaced);
    const auto cellsChanged = [this] {
        m_finder.reset();
        scheduleSearch();
    };
    connect(&m_session, &ImportSession::cellsChanged, this, cellsChanged);
    connect(&m_session, &ImportSession::correctionsChanged, this, cellsChanged);
    connect(&m_session, &ImportSession::validated, this, &FindReplaceDialog::scheduleSearch);
    // Corrections wait while rows are checked or sent.
    connect(&m_session, &ImportSession::validationProgressed, this,
            &FindReplaceDialog::updateState);
    connect(&m_session, &ImportSession::uploadFinished, this, &FindReplaceDialog::updateState);
}

void FindReplaceDialog::setCurrentAttribute(int attribute)
{
    m_currentAttribute = attribute;
    updateScopeItems();
    if (scope() == Scope::Column)
        scheduleSearch();
}

void FindReplaceDialog::setSelection(std::vector<int> attributes,
                                     std::vector<std::pair<qsizetype, qsizetype>> rowRanges)
{
    m_selection = {std::move(attributes), std::move(rowRanges)};
    updateScopeItems();
    if (scope() == Scope::Selection)
        scheduleSearch();
}

void FindReplaceDialog::setScope(Scope scope)
{
    const int index = m_scope->findData(int(scope));
    const auto *items = qobject_cast<const QStandardItemModel *>(m_scope->model());
    if (index >= 0 && (!items || items->item(index)->isEnabled()))
        m_scope->setCurrentIndex(index);
}

FindReplaceDialog::Scope FindReplaceDialog::scope() const
{
    return Scope(m_scope->currentData().toInt());
}

QStringList FindReplaceDialog::attributeNames() const
{
    QStringList names;
    if (const Resource *resource = m_session.resource()) {
        for (const Attribute &attribute : resource->attributes)
            names.append(attribute.name);
    }
    return names;
}

// The column scope names the current attribute; scopes that cannot be used are disabled.
void FindReplaceDialog::updateScopeItems()
{
    const QStringList names = attributeNames();
    const MappedRowSource *rows = m_session.rows();
    const bool column = rows && m_currentAttribute >= 0 && m_currentAttribute < names.size()
        && rows->sourceColumn(m_currentAttribute) >= 0;
    const bool selection = !m_selection.attributes.empty() || !m_selection.rowRanges.empty();
    m_scope->setItemText(int(Scope::Column),
                         column ? tr("Column: %1").arg(names.at(m_currentAttribute))
                                : tr("Column (none chosen)"));
    if (auto *items = qobject_cast<QStandardItemModel *>(m_scope->model())) {
        items->item(int(Scope::Column))->setEnabled(column);
        items->item(int(Scope::Selection))->setEnabled(selection);
    }
    if ((scope() == Scope::Column && !column) || (scope() == Scope::Selection && !selection))
        m_scope->setCurrentIndex(int(Scope::WholeTable));
}

FindQuery FindReplaceDialog::query() const
{
    FindQuery query;
    query.text = m_findText->text();
    query.mode = FindQuery::Mode(m_mode->currentData().toInt());
    query.caseSensitive = m_caseSensitive->isChecked();
    query.replacement = m_replaceText->text();
    return query;
}

FindScope FindReplaceDialog::findScope() const
{
    switch (scope()) {
    case Scope::WholeTable:
        break;
    case Scope::Column:
        return {{m_currentAttribute}, {}};
    case Scope::Selection:
        return m_selection;
    }
    return {};
}

void FindReplaceDialog::scheduleSearch()
{
    cancelSearch();
    m_searchPending = true;
    m_pause.start();
    updateState();
}

void FindReplaceDialog::cancelSearch(bool wait)
{
    if (m_cancel)
        m_cancel->store(true);
    ++m_generation;
    // Never waited for: the search holds the table it reads (and the finder its own copies of
    // the rows and edits), so it may wind down after the dialog or the file is gone.
    Q_UNUSED(wait);
}

void FindReplaceDialog::startSearch()
{
    m_pause.stop();
    cancelSearch();
    const FindQuery query = this->query();
    const MappedRowSource *rows = m_session.rows();
    m_problem.clear();
    if (!rows || !m_session.resource())
        m_problem = tr("Nothing to search yet: the columns are not mapped.");
    else if (query.isEmpty())
        m_problem = tr("Type the text to find.");
    else
        m_problem = query.errorString();
    if (!m_problem.isEmpty()) {
        m_searchPending = false;
        m_model->clear();
        updateState();
        return;
    }
    if (!m_finder)
        m_finder = std::make_shared<const CellFinder>(*rows,
                                                      int(m_session.resource()->attributes.size()));
    m_searchPending = true;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const quint64 generation = m_generation;
    QFuture<Matches> future = QtConcurrent::run(
        &backgroundPool(),
        [finder = m_finder, table = m_session.sharedTable(), query, scope = findScope(),
         cancel = m_cancel]() -> Matches { return finder->find(query, scope, cancel.get()); });
    m_running.append(future);
    auto *watcher = new QFutureWatcher<Matches>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        // Taking the result resets the future, which then never reads as finished: it must
        // leave the list that is waited for first.
        m_running.removeIf([](const QFuture<Matches> &running) { return running.isFinished(); });
        if (generation == m_generation)
            showMatches(watcher->future().takeResult());
    });
    watcher->setFuture(future);
    updateState();
}

void FindReplaceDialog::showMatches(Matches matches)
{
    if (!m_session.rows())
        return;
    m_searchPending = false;
    m_model->reset(m_session.rows(), attributeNames(), query(), std::move(matches));
    m_nextMatch = 0;
    updateState();
}

void FindReplaceDialog::rowsReplaced()
{
    cancelSearch();
    m_finder.reset();
    m_model->clear();
    updateScopeItems();
    scheduleSearch();
}

// The count (or why there is none) and what the buttons can do now.
void FindReplaceDialog::updateState()
{
    if (m_searchPending)
        m_count->setText(tr("Searching…"));
    else if (!m_problem.isEmpty())
        m_count->setText(m_problem);
    else if (m_model->rowCount() == 0)
        m_count->setText(tr("No matches"));
    else
        m_count->setText(matchesText(m_model->rowCount(), m_model->attributeCount()));
    const qsizetype checked = m_model->checkedCount();
    const bool current = !m_searchPending && m_problem.isEmpty();
    m_replace->setText(tr("&Replace %1 Checked").arg(checked));
    m_replace->setEnabled(current && checked > 0 && m_session.canCorrect());
    m_replace->setToolTip(m_session.canCorrect()
                              ? tr("Changes the checked cells; Undo puts them back.")
                              : tr("Cells can be changed once the rows are checked."));
    const bool any = m_model->rowCount() > 0;
    m_checkAll->setEnabled(any);
    m_checkNone->setEnabled(any);
    m_findNext->setEnabled(any);
}

void FindReplaceDialog::replaceChecked()
{
    const MappedRowSource *rows = m_session.rows();
    if (!rows || m_searchPending || !m_problem.isEmpty() || !m_session.canCorrect())
        return;
    const FindQuery query = m_model->query();
    const std::vector<CellReplacement> cells
        = CellFinder::replacements(*rows, m_model->checkedMatches(), query);
    if (cells.empty())
        return;
    std::vector<ImportSession::CellChange> changes;
    changes.reserve(cells.size());
    for (const CellReplacement &cell : cells)
        changes.push_back({cell.row, cell.attribute, cell.text});
    // One multi-argument arg(): the texts may hold "%3" themselves.
    const QString description = changes.size() == 1
        ? tr("Replace “%1” with “%2” in 1 cell").arg(query.text, query.replacement)
        : tr("Replace “%1” with “%2” in %3 cells")
              .arg(query.text, query.replacement, QString::number(changes.size()));
    m_session.changeCells(changes, description);
    scheduleSearch();
}

void FindReplaceDialog::findNext()
{
    if (m_model->rowCount() > 0)
        goToMatch(m_nextMatch % m_model->rowCount());
}

void FindReplaceDialog::goToMatch(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const FindMatch match = m_model->match(row);
    m_nextMatch = (row + 1) % m_model->rowCount();
    const QModelIndex index = m_model->index(row, FindMatchModel::BeforeColumn);
    m_preview->setCurrentIndex(index);
    m_preview->scrollTo(index);
    Q_EMIT goToCell(match.row, match.attribute);
}

} // namespace sluice
