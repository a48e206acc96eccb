// SPDX-License-Identifier: MIT
#include "ui/delegates/reviewcelldelegate.h"

#include "models/itemmodels/issuegroupmodel.h"
#include "models/itemmodels/reviewmodel.h"

#include <QLineEdit>
#include <QPainter>
#include <QToolTip>

namespace sluice {

namespace {

QColor blend(const QColor &base, const QColor &tint)
{
    const auto mix = [](float from, float to) {
        return from * 0.7f + to * 0.3f;
    };
    return QColor::fromRgbF(mix(base.redF(), tint.redF()), mix(base.greenF(), tint.greenF()),
                            mix(base.blueF(), tint.blueF()));
}

constexpr int CornerMark = 7; // px: the edited cell's triangle, as a spreadsheet marks a comment

} // namespace

ReviewCellDelegate::ReviewCellDelegate(TextChecker checker, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_checker(std::move(checker))
{}

// A cell with issues gets a tint of its worst severity, mixed into the palette's base colour so
// it reads in light and dark palettes, and the severity's symbol before its text, so colour is
// never the only sign. An edited cell is in italics, an excluded row's text struck out.
void ReviewCellDelegate::initStyleOption(QStyleOptionViewItem *option,
                                         const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(ReviewModel::EditedRole).toBool())
        option->font.setItalic(true);
    if (index.data(ReviewModel::ExcludedRole).toBool()) {
        option->font.setStrikeOut(true);
        option->palette.setColor(QPalette::Text,
                                 option->palette.color(QPalette::Disabled, QPalette::Text));
        return; // not sent, so its issues do not count
    }
    const int severity = index.data(ReviewModel::SeverityRole).toInt();
    if (severity < 0)
        return;
    const bool error = severity == int(Severity::Error);
    option->backgroundBrush = blend(option->palette.color(QPalette::Base),
                                    error ? QColor(0xd0, 0x33, 0x2a) : QColor(0xe0, 0x9b, 0x00));
    option->text = IssueGroupModel::severitySymbol(Severity(severity)) + u' ' + option->text;
}

void ReviewCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    if (!index.data(ReviewModel::EditedRole).toBool())
        return;
    const QRect cell = option.rect;
    const QPoint corner = cell.topRight();
    const QPolygon mark({corner, corner - QPoint(CornerMark, 0), corner + QPoint(0, CornerMark)});
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(option.palette.color(QPalette::Highlight));
    painter->drawPolygon(mark);
    painter->restore();
}

QWidget *ReviewCellDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                          const QModelIndex &index) const
{
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    auto *line = qobject_cast<QLineEdit *>(editor);
    if (!line || !m_checker)
        return editor;
    line->setObjectName(QStringLiteral("reviewCellEditor"));
    const qsizetype row = index.data(ReviewModel::DataRowRole).toLongLong();
    const int attribute = index.column();
    const auto check = [this, line, row, attribute](const QString &text) {
        const QString verdict = m_checker(row, attribute, text);
        line->setProperty("verdict", verdict);
        line->setToolTip(verdict);
        if (line->isVisible())
            QToolTip::showText(line->mapToGlobal(QPoint(0, line->height())), verdict, line);
        Q_EMIT textChecked(verdict);
    };
    connect(line, &QLineEdit::textEdited, line, check);
    return editor;
}

} // namespace sluice
