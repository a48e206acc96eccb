// SPDX-License-Identifier: MIT
#include "ui/dialogs/bulkfixdialog.h"

#include "models/itemmodels/valuemapmodel.h"
#include "models/session/importsession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace sluice {

namespace {

constexpr int ShownSampleValues = 4;

// The Map to column: a combo box of the allowed values that also takes any text (a value the
// enum lacks is refused by the result column, not by the editor); a plain line edit without an
// enum. Picking an entry commits it at once.
class TargetDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        const QStringList allowed = index.data(ValueMapModel::AllowedValuesRole).toStringList();
        if (allowed.isEmpty())
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto *combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("valueMapTarget"));
        combo->setAccessibleName(tr("Map to"));
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->addItems(allowed);
        auto *self = const_cast<TargetDelegate *>(this);
        connect(combo, &QComboBox::activated, self, [self, combo] {
            Q_EMIT self->commitData(combo);
            Q_EMIT self->closeEditor(combo);
        });
        return combo;
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor))
            combo->setEditText(index.data(Qt::EditRole).toString());
        else
            QStyledItemDelegate::setEditorData(editor, index);
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor))
            model->setData(index, combo->currentText(), Qt::EditRole);
        else
            QStyledItemDelegate::setModelData(editor, model, index);
    }
};

// A label that wraps and names its field for screen readers.
QLabel *hint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

void addRow(QFormLayout *form, const QString &label, QWidget *field)
{
    auto *text = new QLabel(label, form->parentWidget());
    text->setBuddy(field);
    field->setAccessibleName(QString(label).remove(u'&').remove(u':'));
    form->addRow(text, field);
}

} // namespace

BulkFixDialog::BulkFixDialog(ImportSession &session, const IssueGroup &group, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_group(group)
    , m_resourceId(session.resource() ? session.resource()->id : QString())
    , m_valueMap(new ValueMapModel(this))
{
    setObjectName(QStringLiteral("bulkFixDialog"));
    setWindowTitle(tr("Fix %1").arg(attribute().name));
    if (const IssueIndex *issues = session.issues())
        m_values = issues->valuesOf(group);
    const AttributeMapping current = currentMapping();
    m_kinds = BulkFix::offeredFor(group, attribute(), &current);

    auto *layout = new QVBoxLayout(this);
    auto *summary = hint(m_group.summary, this);
    summary->setObjectName(QStringLiteral("bulkFixSummary"));
    layout->addWidget(summary);

    auto *form = new QFormLayout;
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("bulkFixKind"));
    for (const BulkFix::Kind kind : std::as_const(m_kinds))
        m_kind->addItem(BulkFix::kindName(kind), int(kind));
    layout->addLayout(form);
    addRow(form, tr("&Fix:"), m_kind);

    m_editors = new QStackedWidget(this);
    m_editors->setObjectName(QStringLiteral("bulkFixEditors"));
    createEditors();
    layout->addWidget(m_editors, 1);

    createFooter(layout);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_editors->setCurrentIndex(index);
        m_remember->setVisible(kind() != BulkFix::Kind::ExcludeRows);
        updatePreview();
    });
    connect(m_apply, &QPushButton::clicked, this, &BulkFixDialog::apply);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connectSession();

    m_remember->setVisible(kind() != BulkFix::Kind::ExcludeRows);
    updatePreview();
    resize(760, 520);
}

BulkFixDialog::~BulkFixDialog() = default;

void BulkFixDialog::createFooter(QVBoxLayout *layout)
{
    m_preview = hint(QString(), this);
    m_preview->setObjectName(QStringLiteral("bulkFixPreview"));
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_preview->setMargin(6);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_preview);
    m_remember = new QCheckBox(tr("&Remember in the profile"), this);
    m_remember->setObjectName(QStringLiteral("bulkFixRemember"));
    m_remember->setAccessibleName(tr("Remember in the profile"));
    m_remember->setToolTip(tr("Save the changed mapping with the resource's profile, so that "
                              "next month's file is read the same way."));
    m_remember->setChecked(true);
    layout->addWidget(m_remember);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_apply = m_buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(QStringLiteral("bulkFixApply"));
    m_apply->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("bulkFixCancel"));
    layout->addWidget(m_buttons);
}

void BulkFixDialog::connectSession()
{
    // Another check running (or finished) changes whether the session takes corrections.
    connect(&m_session, &ImportSession::validationProgressed, this, &BulkFixDialog::updateApply);
    connect(&m_session, &ImportSession::validated, this, &BulkFixDialog::updateApply);
    connect(&m_session, &ImportSession::issuesChanged, this, &BulkFixDialog::updateApply);
    connect(&m_session, &ImportSession::correctionsChanged, this, &BulkFixDialog::updateApply);
    connect(&m_session, &ImportSession::mappingChanged, this, [this] {
        // Another resource's issues are not this group's: the fix no longer means anything.
        if (!m_session.resource() || m_session.resource()->id != m_resourceId)
            reject();
        else
            updatePreview();
    });
    connect(&m_session, &ImportSession::opened, this, &QDialog::reject);
}

const Attribute &BulkFixDialog::attribute() const
{
    static const Attribute none;
    const Resource *resource = m_session.resource();
    if (!resource || m_group.attribute < 0 || m_group.attribute >= resource->attributes.size())
        return none;
    return resource->attributes.at(m_group.attribute);
}

AttributeMapping BulkFixDialog::currentMapping() const
{
    const AttributeMapping *found = m_session.mapping().find(attribute().name);
    return found ? *found : AttributeMapping {};
}

qsizetype BulkFixDialog::groupRowCount() const
{
    // One issue of a cause per cell and one cell per attribute and row: cells are rows.
    return m_group.cells;
}

BulkFix::Kind BulkFixDialog::kind() const
{
    return m_kinds.value(m_kind->currentIndex(), BulkFix::Kind::ExcludeRows);
}

void BulkFixDialog::setKind(BulkFix::Kind kind)
{
    if (const qsizetype index = m_kinds.indexOf(kind); index >= 0)
        m_kind->setCurrentIndex(int(index));
}

bool BulkFixDialog::rememberInProfile() const
{
    return kind() != BulkFix::Kind::ExcludeRows && m_remember->isChecked();
}

BulkFix::Choice BulkFixDialog::choice() const
{
    BulkFix::Choice choice;
    choice.kind = kind();
    if (choice.kind == BulkFix::Kind::MapValues)
        choice.valueMap = m_valueMap->valueMap();
    if (m_dateOrder) {
        choice.dayOrder = DayOrder(m_dateOrder->currentData().toInt());
        choice.datePattern = m_datePattern->text();
    }
    if (m_letterCase)
        choice.letterCase = Transforms::Case(m_letterCase->currentData().toInt());
    if (m_fillValue)
        choice.fillValue = m_fillValue->text().trimmed();
    return choice;
}

void BulkFixDialog::createEditors()
{
    const QString name = attribute().name;
    for (const BulkFix::Kind kind : std::as_const(m_kinds)) {
        switch (kind) {
        case BulkFix::Kind::MapValues:
            m_editors->addWidget(createValueMapEditor());
            break;
        case BulkFix::Kind::ReformatDates:
            m_editors->addWidget(createDateEditor());
            break;
        case BulkFix::Kind::Trim:
            m_editors->addWidget(createSentence(
                tr("Remove the spaces before and after every value of %1.").arg(name)));
            break;
        case BulkFix::Kind::ChangeCase:
            m_editors->addWidget(createCaseEditor());
            break;
        case BulkFix::Kind::FillEmpty:
            m_editors->addWidget(createFillEditor());
            break;
        case BulkFix::Kind::ExcludeRows: {
            const qsizetype rows = groupRowCount();
            m_editors->addWidget(createSentence(
                (rows == 1 ? tr("Leave the row of this issue out of the upload.")
                           : tr("Leave the %1 rows of this issue out of the upload.").arg(rows))
                + u' '
                + tr("They stay in the file; Undo or the list of changes brings them back.")));
            break;
        }
        }
    }
}

QWidget *BulkFixDialog::createSentence(const QString &text)
{
    auto *page = new QWidget(m_editors);
    auto *layout = new QVBoxLayout(page);
    auto *label = hint(text, page);
    label->setObjectName(QStringLiteral("bulkFixSentence"));
    layout->addWidget(label);
    layout->addStretch(1);
    return page;
}

QWidget *BulkFixDialog::createValueMapEditor()
{
    auto *page = new QWidget(m_editors);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_valueMap->reset(attribute(), currentMapping(), m_values);
    m_valueMapTable = new QTableView(page);
    m_valueMapTable->setObjectName(QStringLiteral("valueMapTable"));
    m_valueMapTable->setAccessibleName(tr("Values and what to send instead"));
    m_valueMapTable->setModel(m_valueMap);
    m_valueMapTable->setItemDelegateForColumn(ValueMapModel::TargetColumn,
                                              new TargetDelegate(m_valueMapTable));
    m_valueMapTable->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_valueMapTable->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_valueMapTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_valueMapTable->verticalHeader()->hide();
    m_valueMapTable->setWordWrap(false);
    QHeaderView *header = m_valueMapTable->horizontalHeader();
    header->setSectionResizeMode(ValueMapModel::ValueColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ValueMapModel::CellsColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ValueMapModel::TargetColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ValueMapModel::ResultColumn, QHeaderView::Stretch);
    m_valueMapTable->setColumnWidth(ValueMapModel::ValueColumn, 160);
    m_valueMapTable->setColumnWidth(ValueMapModel::TargetColumn, 160);
    m_valueMapTable->setCurrentIndex(m_valueMap->index(0, ValueMapModel::TargetColumn));
    layout->addWidget(m_valueMapTable, 1);
    layout->addWidget(hint(tr("Type or choose the value to send instead in the Map to column; "
                              "an empty cell keeps the value as it is."),
                           page));
    connect(m_valueMap, &ValueMapModel::valueMapChanged, this, &BulkFixDialog::updatePreview);
    return page;
}

QWidget *BulkFixDialog::createDateEditor()
{
    auto *page = new QWidget(m_editors);
    auto *form = new QFormLayout(page);
    m_dateOrder = new QComboBox(page);
    m_dateOrder->setObjectName(QStringLiteral("dateOrder"));
    m_dateOrder->addItem(tr("Day/month/year (31/01/2025)"), int(DayOrder::DayMonthYear));
    m_dateOrder->addItem(tr("Month/day/year (01/31/2025)"), int(DayOrder::MonthDayYear));
    m_dateOrder->addItem(tr("Year/month/day (2025/01/31)"), int(DayOrder::YearMonthDay));
    m_dateOrder->addItem(tr("Unambiguous dates only"), int(DayOrder::Unspecified));
    const DayOrder suggested = BulkFix::suggestDayOrder(currentMapping(), attribute(), m_values);
    m_dateOrder->setCurrentIndex(m_dateOrder->findData(int(suggested)));
    addRow(form, tr("Day &order:"), m_dateOrder);
    m_datePattern = new QLineEdit(page);
    m_datePattern->setObjectName(QStringLiteral("datePattern"));
    m_datePattern->setPlaceholderText(tr("e.g. dd.MM.yyyy HH:mm"));
    m_datePattern->setClearButtonEnabled(true);
    addRow(form, tr("Or a &pattern:"), m_datePattern);
    form->addRow(hint(tr("A pattern wins over the day order. d or dd: day; M or MM: month; MMM: "
                         "its name; yy or yyyy: year; H or HH: hour; mm: minutes; ss: seconds; "
                         "AP: AM/PM; other characters as written."),
                      page));
    QStringList samples;
    for (const auto &[value, cells] :
         m_values.first(std::min<qsizetype>(m_values.size(), ShownSampleValues)))
        samples << value;
    form->addRow(
        hint(tr("Written in the file as: %1").arg(samples.join(QStringLiteral(", "))), page));
    connect(m_dateOrder, &QComboBox::currentIndexChanged, this, &BulkFixDialog::updatePreview);
    connect(m_datePattern, &QLineEdit::textChanged, this, &BulkFixDialog::updatePreview);
    return page;
}

QWidget *BulkFixDialog::createCaseEditor()
{
    auto *page = new QWidget(m_editors);
    auto *form = new QFormLayout(page);
    m_letterCase = new QComboBox(page);
    m_letterCase->setObjectName(QStringLiteral("letterCase"));
    m_letterCase->addItem(tr("lower case"), int(Transforms::Case::Lower));
    m_letterCase->addItem(tr("UPPER CASE"), int(Transforms::Case::Upper));
    m_letterCase->addItem(tr("Title Case"), int(Transforms::Case::Title));
    m_letterCase->addItem(tr("As written"), int(Transforms::Case::Keep));
    const Transforms::Case suggested
        = BulkFix::suggestCase(currentMapping(), attribute(), m_values);
    m_letterCase->setCurrentIndex(m_letterCase->findData(int(suggested)));
    addRow(form, tr("&Write every value in:"), m_letterCase);
    connect(m_letterCase, &QComboBox::currentIndexChanged, this, &BulkFixDialog::updatePreview);
    return page;
}

QWidget *BulkFixDialog::createFillEditor()
{
    auto *page = new QWidget(m_editors);
    auto *form = new QFormLayout(page);
    m_fillValue = new QLineEdit(currentMapping().defaultValue, page);
    m_fillValue->setObjectName(QStringLiteral("fillValue"));
    addRow(form, tr("&Value for empty cells:"), m_fillValue);
    const Attribute &definition = attribute();
    QString help = tr("Written as the API takes a %1 (2025-01-31 for a date, 2025-01-31 "
                      "10:00:00 for a timestamp, 12.5 for a number).")
                       .arg(attributeTypeName(definition.type));
    if (definition.hasEnum())
        help += u' ' + tr("Allowed: %1.").arg(definition.enumValues.join(QStringLiteral(", ")));
    form->addRow(hint(help, page));
    connect(m_fillValue, &QLineEdit::textChanged, this, &BulkFixDialog::updatePreview);
    return page;
}

void BulkFixDialog::updatePreview()
{
    if (kind() == BulkFix::Kind::ExcludeRows) {
        const qsizetype rows = groupRowCount();
        m_preview->setText(rows == 1 ? tr("1 row will not be sent.")
                                     : tr("%1 rows will not be sent.").arg(rows));
    } else {
        const AttributeMapping proposed = BulkFix::withChoice(currentMapping(), choice());
        m_preview->setText(proposed == currentMapping()
                               ? tr("Nothing would change.")
                               : BulkFix::preview(proposed, attribute(), m_values).text());
    }
    updateApply();
}

void BulkFixDialog::updateApply()
{
    bool changes = false;
    if (kind() == BulkFix::Kind::ExcludeRows) {
        changes = groupRowCount() > 0;
    } else {
        const Mapping &mapping = m_session.mapping();
        changes = BulkFix::withChoice(mapping, attribute().name, choice()) != mapping;
    }
    m_apply->setEnabled(changes && m_session.canCorrect());
}

void BulkFixDialog::keyPressEvent(QKeyEvent *event)
{
    // In the value map, Enter ends the edit of a cell (the editor passes the key on when it is
    // done): it must not apply the fix too. Apply is a click or Alt+A there.
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && kind() == BulkFix::Kind::MapValues && focusWidget() != m_apply) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

bool BulkFixDialog::apply()
{
    if (!m_session.canCorrect())
        return false;
    const BulkFix::Choice chosen = choice();
    bool applied = false;
    if (chosen.kind == BulkFix::Kind::ExcludeRows) {
        const IssueIndex *issues = m_session.issues();
        applied = issues && m_session.setRowsExcluded(issues->rowsOf(m_group), true);
    } else {
        const QString &name = attribute().name;
        applied = m_session.changeMapping(BulkFix::withChoice(m_session.mapping(), name, chosen),
                                          BulkFix::description(name, chosen));
    }
    if (!applied)
        return false;
    Q_EMIT fixApplied(rememberInProfile());
    accept();
    return true;
}

} // namespace sluice
