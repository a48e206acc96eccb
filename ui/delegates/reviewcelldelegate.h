// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace sluice {

// The Review grid's cells: a tint and a symbol (✖ ⚠) for issues, a corner mark and italics for a
// cell the user changed, struck-out muted text for an excluded row; and an editor that checks
// the text as it is typed, with the same parser the attribute's values go through, and says
// what would be sent or why it cannot be.
class ReviewCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // For (data row, attribute, text): "✓ sends 2025-01-06 10:00:00" or "✖ not a number".
    using TextChecker = std::function<QString(qsizetype row, int attribute, const QString &text)>;

    explicit ReviewCellDelegate(TextChecker checker, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

Q_SIGNALS:
    // The verdict on the editor's text, as it changes (the page shows it in its status line).
    void textChecked(const QString &verdict) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    TextChecker m_checker;
};

} // namespace sluice
