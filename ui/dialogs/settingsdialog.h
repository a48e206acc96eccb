// SPDX-License-Identifier: MIT
#pragma once

#include "models/session/preferences.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace sluice {

class Prompter;

// Settings: batch rows and bytes, concurrency, timeouts, path template, timestamp output form,
// language and the catalogue file in use. Edits a copy; preferences() is read after accept().
// OK stays disabled while the path template cannot be used.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // prompter: asks for a catalogue file ("Choose…"); without one that button is hidden.
    explicit SettingsDialog(const Preferences &preferences, QWidget *parent = nullptr,
                            Prompter *prompter = nullptr);
    ~SettingsDialog() override;

    Preferences preferences() const;

private:
    QGroupBox *createUploadGroup();
    QGroupBox *createOutputGroup();
    QGroupBox *createGeneralGroup();
    void showPreferences(const Preferences &preferences);
    void checkPathTemplate();
    void chooseCatalogue();
    void setCataloguePath(const QString &path);

    Preferences m_preferences; // what came in: values the dialog does not show are kept
    Preferences m_shown;       // what the fields were last set to (incoming or the defaults)
    Prompter *m_prompter;
    QString m_cataloguePath;
    QSpinBox *m_batchRows;
    QSpinBox *m_batchKilobytes;
    QSpinBox *m_concurrency;
    QDoubleSpinBox *m_rate;
    QSpinBox *m_timeout;
    QCheckBox *m_resendUncertain;
    QComboBox *m_pathTemplate;
    QLabel *m_pathError;
    QComboBox *m_timestampForm;
    QComboBox *m_language;
    QLineEdit *m_catalogue;
    QPushButton *m_catalogueChoose;
    QPushButton *m_catalogueBuiltIn;
    QDialogButtonBox *m_buttons;
};

} // namespace sluice
