// SPDX-License-Identifier: MIT
#include "ui/dialogs/settingsdialog.h"

#include "models/schema/endpoint.h"
#include "ui/prompter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace sluice {

namespace {

constexpr int MaxKilobytes = 1000; // shown as 1000 kB, sent as "under 1 MB"

int kilobytesOf(qint64 bytes)
{
    return int(std::clamp<qint64>((bytes + 999) / 1000, 1, MaxKilobytes));
}

qint64 bytesOf(int kilobytes)
{
    return std::min<qint64>(qint64(kilobytes) * 1000, Preferences::MaxBatchBytes);
}

int secondsOf(int milliseconds)
{
    return (milliseconds + 500) / 1000;
}

QSpinBox *spinBox(QWidget *parent, const char *name, int min, int max, const QString &suffix)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(QString::fromLatin1(name));
    spin->setRange(min, max);
    spin->setSuffix(suffix);
    spin->setAlignment(Qt::AlignRight);
    return spin;
}

// A form row whose label is the field's buddy (Alt+letter focuses it) and its accessible name.
void addRow(QFormLayout *form, const QString &label, QWidget *field, QWidget *fieldOrBox = nullptr)
{
    auto *text = new QLabel(label, form->parentWidget());
    text->setBuddy(field);
    field->setAccessibleName(QString(label).remove(u'&').remove(u':'));
    form->addRow(text, fieldOrBox ? fieldOrBox : field);
}

} // namespace

SettingsDialog::SettingsDialog(const Preferences &preferences, QWidget *parent, Prompter *prompter)
    : QDialog(parent)
    , m_preferences(preferences)
    , m_prompter(prompter)
{
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createUploadGroup());
    layout->addWidget(createOutputGroup());
    layout->addWidget(createGeneralGroup());
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    m_buttons->setObjectName(QStringLiteral("settingsButtons"));
    QPushButton *restore = m_buttons->button(QDialogButtonBox::RestoreDefaults);
    restore->setObjectName(QStringLiteral("settingsRestoreDefaults"));
    restore->setAccessibleName(tr("Restore defaults"));
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Defaults for what the dialog shows; what it does not show (the token prefix) stays.
    connect(restore, &QPushButton::clicked, this, [this] { showPreferences(Preferences()); });
    connect(m_pathTemplate, &QComboBox::editTextChanged, this, &SettingsDialog::checkPathTemplate);
    connect(m_catalogueChoose, &QPushButton::clicked, this, &SettingsDialog::chooseCatalogue);
    connect(m_catalogueBuiltIn, &QPushButton::clicked, this, [this] { setCataloguePath({}); });

    showPreferences(preferences);
}

SettingsDialog::~SettingsDialog() = default;

QGroupBox *SettingsDialog::createUploadGroup()
{
    auto *group = new QGroupBox(tr("Upload"), this);
    auto *form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint); // numbers need little room
    m_batchRows = spinBox(group, "settingsBatchRows", Preferences::MinBatchRows,
                          Preferences::MaxBatchRows, tr(" rows"));
    m_batchRows->setToolTip(tr("Rows per request; the API takes at most 500."));
    addRow(form, tr("Batch &rows:"), m_batchRows);
    m_batchKilobytes = spinBox(group, "settingsBatchKilobytes", 1, MaxKilobytes, tr(" kB"));
    m_batchKilobytes->setToolTip(tr("Largest request body; the API takes less than 1 MB."));
    addRow(form, tr("Batch si&ze:"), m_batchKilobytes);
    m_concurrency = spinBox(group, "settingsConcurrency", Preferences::MinConcurrency,
                            Preferences::MaxConcurrency, QString());
    m_concurrency->setToolTip(tr("Requests in flight at once (at most 6 per host)."));
    addRow(form, tr("&Parallel requests:"), m_concurrency);

    m_rate = new QDoubleSpinBox(group);
    m_rate->setObjectName(QStringLiteral("settingsRate"));
    m_rate->setRange(0, Preferences::MaxRequestsPerSecond);
    m_rate->setDecimals(1);
    m_rate->setSuffix(tr(" per second"));
    m_rate->setSpecialValueText(tr("No limit"));
    m_rate->setAlignment(Qt::AlignRight);
    m_rate->setToolTip(tr("Requests started per second; the API allows 50. 0: no limit."));
    addRow(form, tr("Request r&ate:"), m_rate);

    m_timeout = spinBox(group, "settingsTimeout", Preferences::MinTransferTimeoutMs / 1000,
                        Preferences::MaxTransferTimeoutMs / 1000, tr(" s"));
    m_timeout->setToolTip(
        tr("A request that moves no data for this long is given up and retried."));
    addRow(form, tr("Transfer &timeout:"), m_timeout);

    m_resendUncertain = new QCheckBox(tr("Resend &uncertain APPEND batches on resume"), group);
    m_resendUncertain->setObjectName(QStringLiteral("settingsResendUncertain"));
    m_resendUncertain->setAccessibleName(m_resendUncertain->text().remove(u'&'));
    m_resendUncertain->setToolTip(
        tr("A batch whose reply was lost may already be stored: sending it again can add its "
           "rows twice. Off: such rows are listed as uncertain for you to check."));
    form->addRow(m_resendUncertain);
    return group;
}

QGroupBox *SettingsDialog::createOutputGroup()
{
    auto *group = new QGroupBox(tr("Requests"), this);
    auto *form = new QFormLayout(group);
    m_pathTemplate = new QComboBox(group);
    m_pathTemplate->setObjectName(QStringLiteral("settingsPathTemplate"));
    m_pathTemplate->setEditable(true);
    m_pathTemplate->setInsertPolicy(QComboBox::NoInsert);
    m_pathTemplate->addItem(Endpoint::pathTemplate(Endpoint::PathForm::IngestObject));
    m_pathTemplate->addItem(Endpoint::pathTemplate(Endpoint::PathForm::Objects));
    m_pathTemplate->setToolTip(tr("The ingest path after the host; {table} is replaced by the "
                                  "table name. Both documented forms are listed."));
    m_pathError = new QLabel(group);
    m_pathError->setObjectName(QStringLiteral("settingsPathError"));
    m_pathError->setWordWrap(true);
    m_pathError->hide();
    auto *pathBox = new QWidget(group);
    auto *pathColumn = new QVBoxLayout(pathBox);
    pathColumn->setContentsMargins(0, 0, 0, 0);
    pathColumn->addWidget(m_pathTemplate);
    pathColumn->addWidget(m_pathError);
    addRow(form, tr("&Endpoint path:"), m_pathTemplate, pathBox);

    m_timestampForm = new QComboBox(group);
    m_timestampForm->setObjectName(QStringLiteral("settingsTimestampForm"));
    m_timestampForm->addItem(tr("The API's form (2025-01-08 09:00:00)"), int(TimestampForm::Api));
    m_timestampForm->addItem(tr("ISO 8601 (2025-01-08T09:00:00Z)"), int(TimestampForm::Iso8601));
    addRow(form, tr("Time&stamps written as:"), m_timestampForm);
    return group;
}

QGroupBox *SettingsDialog::createGeneralGroup()
{
    auto *group = new QGroupBox(tr("General"), this);
    auto *form = new QFormLayout(group);
    m_language = new QComboBox(group);
    m_language->setObjectName(QStringLiteral("settingsLanguage"));
    // Each language in its own words, so that whoever reads it finds theirs.
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    auto *languageBox = new QWidget(group);
    auto *languageRow = new QHBoxLayout(languageBox);
    languageRow->setContentsMargins(0, 0, 0, 0);
    languageRow->addWidget(m_language);
    languageRow->addWidget(new QLabel(tr("Applies at the next start."), languageBox), 1);
    addRow(form, tr("&Language:"), m_language, languageBox);

    m_catalogue = new QLineEdit(group);
    m_catalogue->setObjectName(QStringLiteral("settingsCatalogue"));
    m_catalogue->setReadOnly(true);
    m_catalogueChoose = new QPushButton(tr("C&hoose…"), group);
    m_catalogueChoose->setObjectName(QStringLiteral("settingsCatalogueChoose"));
    m_catalogueChoose->setAccessibleName(tr("Choose a catalogue file"));
    m_catalogueChoose->setVisible(m_prompter != nullptr);
    m_catalogueBuiltIn = new QPushButton(tr("Use &built-in"), group);
    m_catalogueBuiltIn->setObjectName(QStringLiteral("settingsCatalogueBuiltIn"));
    m_catalogueBuiltIn->setAccessibleName(tr("Use the built-in catalogue"));
    auto *catalogueBox = new QWidget(group);
    auto *catalogueRow = new QHBoxLayout(catalogueBox);
    catalogueRow->setContentsMargins(0, 0, 0, 0);
    catalogueRow->addWidget(m_catalogue, 1);
    catalogueRow->addWidget(m_catalogueChoose);
    catalogueRow->addWidget(m_catalogueBuiltIn);
    addRow(form, tr("&Catalogue:"), m_catalogue, catalogueBox);
    return group;
}

void SettingsDialog::showPreferences(const Preferences &preferences)
{
    m_shown = preferences;
    const UploadSettings &upload = preferences.upload;
    m_batchRows->setValue(upload.batchRows);
    m_batchKilobytes->setValue(kilobytesOf(upload.batchBytes));
    m_concurrency->setValue(upload.concurrency);
    m_rate->setValue(upload.requestsPerSecond);
    m_timeout->setValue(secondsOf(upload.transferTimeoutMs));
    m_resendUncertain->setChecked(upload.resendUncertain);
    m_pathTemplate->setEditText(preferences.effectivePathTemplate());
    m_timestampForm->setCurrentIndex(m_timestampForm->findData(int(preferences.timestampForm)));
    m_language->setCurrentIndex(std::max(0, m_language->findData(preferences.language)));
    setCataloguePath(preferences.cataloguePath);
    checkPathTemplate();
}

Preferences SettingsDialog::preferences() const
{
    Preferences p = m_preferences;
    UploadSettings &upload = p.upload;
    upload.batchRows = m_batchRows->value();
    // The spin boxes round; a value the user left alone keeps its exact stored form.
    const int kilobytes = m_batchKilobytes->value();
    upload.batchBytes = kilobytes == kilobytesOf(m_shown.upload.batchBytes)
        ? m_shown.upload.batchBytes
        : bytesOf(kilobytes);
    upload.concurrency = m_concurrency->value();
    const double rate = m_rate->value();
    upload.requestsPerSecond = std::abs(rate - m_shown.upload.requestsPerSecond) < 0.05
        ? m_shown.upload.requestsPerSecond
        : rate;
    const int seconds = m_timeout->value();
    upload.transferTimeoutMs = seconds == secondsOf(m_shown.upload.transferTimeoutMs)
        ? m_shown.upload.transferTimeoutMs
        : seconds * 1000;
    upload.resendUncertain = m_resendUncertain->isChecked();

    const QString pathTemplate = m_pathTemplate->currentText().trimmed();
    if (!pathTemplate.isEmpty() && Preferences::pathTemplateProblem(pathTemplate).isEmpty())
        p.pathTemplate = pathTemplate == Endpoint::defaultPathTemplate() ? QString() : pathTemplate;
    p.timestampForm = TimestampForm(m_timestampForm->currentData().toInt());
    p.language = m_language->currentData().toString();
    p.cataloguePath = m_cataloguePath;
    return p;
}

void SettingsDialog::checkPathTemplate()
{
    const QString text = m_pathTemplate->currentText().trimmed();
    const QString problem = text.isEmpty()
        ? tr("Enter the path, with {table} where the table name goes.")
        : Preferences::pathTemplateProblem(text);
    // A symbol and words, not a colour alone.
    m_pathError->setText(problem.isEmpty() ? QString() : QStringLiteral("⚠ ") + problem);
    m_pathError->setVisible(!problem.isEmpty());
    m_pathTemplate->setAccessibleDescription(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void SettingsDialog::chooseCatalogue()
{
    if (!m_prompter)
        return;
    const QString path = m_prompter->fileToOpen(this, tr("Choose a catalogue"),
                                                tr("Catalogue (*.json);;All files (*)"));
    if (!path.isEmpty())
        setCataloguePath(path);
}

void SettingsDialog::setCataloguePath(const QString &path)
{
    m_cataloguePath = path;
    m_catalogue->setText(path.isEmpty() ? tr("Built-in catalogue")
                                        : QDir::toNativeSeparators(path));
    m_catalogue->setToolTip(m_catalogue->text());
    m_catalogue->setCursorPosition(0);
    m_catalogueBuiltIn->setEnabled(!path.isEmpty());
}

} // namespace sluice
