// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace sluice {

// A strip across a page that says something the user must not miss ("Rows go to the real
// platform at ingestion.peak.ai", "This file looks like a saved profile"), with an optional action
// button. The kind sets a tinted background that works in light and dark palettes, and a word and
// symbol in front of the text, so the meaning never rests on colour alone.
class Banner : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Info, Warning, Danger };

    explicit Banner(QWidget *parent = nullptr);

    // actionText empty: no button.
    void showMessage(Kind kind, const QString &text, const QString &actionText = {});
    QString text() const;
    Kind kind() const { return m_kind; }
    QPushButton *actionButton() const { return m_action; }

Q_SIGNALS:
    void actionTriggered();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    Kind m_kind = Kind::Info;
    bool m_applying = false;
    QLabel *m_symbol;
    QLabel *m_text;
    QPushButton *m_action;
};

} // namespace sluice
