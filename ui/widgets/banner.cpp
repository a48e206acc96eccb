// SPDX-License-Identifier: MIT
#include "ui/widgets/banner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace sluice {

namespace {

QColor tintOf(Banner::Kind kind)
{
    switch (kind) {
    case Banner::Kind::Info:
        return QColor(0x2f, 0x80, 0xed);
    case Banner::Kind::Warning:
        return QColor(0xe0, 0x9b, 0x00);
    case Banner::Kind::Danger:
        return QColor(0xd0, 0x33, 0x2a);
    }
    return {};
}

QString symbolOf(Banner::Kind kind)
{
    switch (kind) {
    case Banner::Kind::Info:
        return QStringLiteral("ℹ");
    case Banner::Kind::Warning:
        return QStringLiteral("⚠");
    case Banner::Kind::Danger:
        return QStringLiteral("✖");
    }
    return {};
}

// The tint mixed into the window colour: readable with the palette's own text colour whether
// the palette is light or dark.
QColor blend(const QColor &base, const QColor &tint, float share)
{
    const auto mix = [share](float from, float to) {
        return from * (1 - share) + to * share;
    };
    return QColor::fromRgbF(mix(base.redF(), tint.redF()), mix(base.greenF(), tint.greenF()),
                            mix(base.blueF(), tint.blueF()));
}

} // namespace

Banner::Banner(QWidget *parent)
    : QFrame(parent)
    , m_symbol(new QLabel(this))
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_symbol->setAccessibleName(tr("Message kind"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setObjectName(QStringLiteral("bannerText"));
    m_action->setObjectName(QStringLiteral("bannerAction"));
    m_action->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_symbol);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    connect(m_action, &QPushButton::clicked, this, &Banner::actionTriggered);
    hide();
}

void Banner::showMessage(Kind kind, const QString &text, const QString &actionText)
{
    m_kind = kind;
    m_symbol->setText(symbolOf(kind));
    m_text->setText(text);
    setAccessibleName(text);
    m_action->setText(actionText);
    m_action->setAccessibleName(actionText);
    m_action->setVisible(!actionText.isEmpty());
    applyColours();
    show();
}

QString Banner::text() const
{
    return m_text->text();
}

void Banner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColours();
}

void Banner::applyColours()
{
    // Setting the palette sends a PaletteChange of our own: keep it from recursing.
    if (m_applying)
        return;
    m_applying = true;
    QPalette colours = parentWidget() ? parentWidget()->palette() : palette();
    colours.setColor(QPalette::Window,
                     blend(colours.color(QPalette::Window), tintOf(m_kind), 0.25f));
    setPalette(colours);
    QFont bold = m_symbol->font();
    bold.setBold(true);
    m_symbol->setFont(bold);
    m_applying = false;
}

} // namespace sluice
