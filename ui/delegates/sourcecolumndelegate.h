// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace sluice {

// The editor of the mapping table's Source column: a combo box of the file's columns (the
// model's MappingModel::ChoicesRole) headed by "(not mapped)". Picking an entry commits it at
// once; Enter and Tab commit too, Escape leaves the mapping as it was.
class SourceColumnDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The first entry: the attribute reads nothing.
    static QString notMappedText();

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;
};

} // namespace sluice
