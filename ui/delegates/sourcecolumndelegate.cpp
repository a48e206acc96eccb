// SPDX-License-Identifier: MIT
#include "ui/delegates/sourcecolumndelegate.h"

#include "models/itemmodels/mappingmodel.h"

#include <QComboBox>

namespace sluice {

QString SourceColumnDelegate::notMappedText()
{
    return tr("(not mapped)");
}

QWidget *SourceColumnDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                            const QModelIndex &index) const
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("sourceColumnEditor"));
    combo->setAccessibleName(tr("Source column of %1")
                                 .arg(index.siblingAtColumn(MappingModel::AttributeColumn)
                                          .data(Qt::EditRole)
                                          .toString()));
    // The data is the value setData takes: a column's name, or empty for "not mapped".
    combo->addItem(notMappedText(), QString());
    for (const QString &column : index.data(MappingModel::ChoicesRole).toStringList())
        combo->addItem(column, column);
    // A choice from the list is the user's answer: no extra Enter needed.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        auto *self = const_cast<SourceColumnDelegate *>(this);
        Q_EMIT self->commitData(combo);
        Q_EMIT self->closeEditor(combo, QAbstractItemDelegate::SubmitModelCache);
    });
    return combo;
}

void SourceColumnDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo)
        return QStyledItemDelegate::setEditorData(editor, index);
    const QString current = index.data(Qt::EditRole).toString();
    int found = combo->findData(current);
    if (found < 0) {
        // Joined columns or a constant: shown as they are, and kept unless another is chosen.
        combo->insertItem(0, current, QVariant());
        found = 0;
    }
    combo->setCurrentIndex(found);
}

void SourceColumnDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                        const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo)
        return QStyledItemDelegate::setModelData(editor, model, index);
    const QVariant chosen = combo->currentData();
    // Committing the source the attribute already reads is no edit (and no "chosen by you").
    if (!chosen.isValid() || chosen.toString() == index.data(Qt::EditRole).toString())
        return;
    model->setData(index, chosen.toString(), Qt::EditRole);
}

void SourceColumnDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                                const QModelIndex &) const
{
    editor->setGeometry(option.rect);
}

} // namespace sluice
