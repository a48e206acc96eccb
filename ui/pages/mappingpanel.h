// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace sluice {

class Banner;
class ImportSession;
class MappingModel;
class ProfileStore;
class Prompter;

// The lower half of step 2: the mapping table (a MappingModel) with attribute, type, required,
// mapped source (a combo delegate), sample values after transformation, transform, confidence
// and reason; Auto-map; unmapped required attributes stand out (not by colour alone); Save as
// profile; and a banner offering the matching saved profile when a file like a known one is open.
class MappingPanel : public QWidget
{
    Q_OBJECT

public:
    MappingPanel(ImportSession &session, ProfileStore &profiles, Prompter &prompter,
                 QWidget *parent = nullptr);
    ~MappingPanel() override;

    // A resource is chosen and every required attribute has a source.
    bool isComplete() const;
    // "Map the required attribute order_id"; empty when complete.
    QString incompleteReason() const;

    // The intents behind the buttons.
    void autoMap();
    void clearMapping();
    void saveProfile();
    void applySuggestedProfile();
    // The mapping with the fixes made on the Review page (value maps, date formats, defaults):
    // into the profile applied or saved last, without asking again; else as saveProfile().
    void saveFixesToProfile();

Q_SIGNALS:
    void completeChanged();
    // What happened, in a sentence for the status bar ("✓ Saved profile 'Orders'.").
    void statusMessage(const QString &message);

private:
    // created: of the profile replaced, kept; nullopt for a new one.
    void writeProfile(const QString &name, const std::optional<QDateTime> &created);
    void setUpTable();
    QStringList unmappedRequired() const;
    void showMapping();
    void updateSummary();
    void suggestProfile();
    void setStatus(const QString &text);

    ImportSession &m_session;
    ProfileStore &m_profiles;
    Prompter &m_prompter;
    MappingModel *m_model;
    Banner *m_banner;
    QLabel *m_summary;
    QPushButton *m_autoMap;
    QPushButton *m_clear;
    QPushButton *m_saveProfile;
    QTableView *m_table;
    QLabel *m_status;
    QString m_suggestedProfile; // the banner's offer
    QString m_profileName;      // applied or last saved: offered again when saving
};

} // namespace sluice
