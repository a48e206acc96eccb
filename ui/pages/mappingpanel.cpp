// SPDX-License-Identifier: MIT
#include "ui/pages/mappingpanel.h"

#include "models/itemmodels/mappingmodel.h"
#include "models/mapping/profilestore.h"
#include "models/session/importsession.h"
#include "ui/delegates/sourcecolumndelegate.h"
#include "ui/prompter.h"
#include "ui/widgets/banner.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace sluice {

namespace {

// Rows of required attributes without a source stand out twice: a warning tint mixed into the
// palette's own base colour (readable in light and dark palettes) and words with a symbol in the
// Source column, so colour never carries the meaning alone.
class AttentionProxyModel : public QIdentityProxyModel
{
public:
    AttentionProxyModel(QWidget *view, QObject *parent)
        : QIdentityProxyModel(parent)
        , m_view(view)
    {}

    QVariant data(const QModelIndex &index, int role) const override
    {
        if ((role != Qt::DisplayRole && role != Qt::BackgroundRole)
            || !index.data(MappingModel::NeedsAttentionRole).toBool())
            return QIdentityProxyModel::data(index, role);
        if (role == Qt::BackgroundRole) {
            const QColor base = m_view->palette().color(QPalette::Base);
            const QColor tint(0xe0, 0x9b, 0x00);
            const auto mix = [](float from, float to) {
                return from * 0.7f + to * 0.3f;
            };
            return QColor::fromRgbF(mix(base.redF(), tint.redF()),
                                    mix(base.greenF(), tint.greenF()),
                                    mix(base.blueF(), tint.blueF()));
        }
        if (index.column() == MappingModel::SourceColumn)
            return MappingPanel::tr("⚠ required, not mapped");
        return QIdentityProxyModel::data(index, role);
    }

private:
    QWidget *m_view;
};

} // namespace

MappingPanel::MappingPanel(ImportSession &session, ProfileStore &profiles, Prompter &prompter,
                           QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_profiles(profiles)
    , m_prompter(prompter)
    , m_model(new MappingModel(this))
    , m_banner(new Banner(this))
    , m_summary(new QLabel(this))
    , m_autoMap(new QPushButton(tr("&Auto-map"), this))
    , m_clear(new QPushButton(tr("C&lear mapping"), this))
    , m_saveProfile(new QPushButton(tr("Save as &profile…"), this))
    , m_table(new QTableView(this))
    , m_status(new QLabel(this))
{
    m_banner->setObjectName(QStringLiteral("mappingProfileBanner"));
    m_summary->setObjectName(QStringLiteral("mappingSummary"));
    m_summary->setWordWrap(true);
    m_autoMap->setObjectName(QStringLiteral("mappingAutoMapButton"));
    m_autoMap->setAccessibleName(tr("Auto-map"));
    m_autoMap->setToolTip(tr("Propose a source for every attribute again, from the headers and "
                             "values of the file"));
    m_clear->setObjectName(QStringLiteral("mappingClearButton"));
    m_clear->setAccessibleName(tr("Clear mapping"));
    m_saveProfile->setObjectName(QStringLiteral("mappingSaveProfileButton"));
    m_saveProfile->setAccessibleName(tr("Save as profile"));
    m_saveProfile->setToolTip(tr("Keep this mapping to apply it to next month's file"));
    m_status->setObjectName(QStringLiteral("mappingStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    setUpTable();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_autoMap);
    buttons->addWidget(m_clear);
    buttons->addWidget(m_saveProfile);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    setTabOrder(m_banner->actionButton(), m_autoMap);
    setTabOrder(m_autoMap, m_clear);
    setTabOrder(m_clear, m_saveProfile);
    setTabOrder(m_saveProfile, m_table);

    connect(m_autoMap, &QPushButton::clicked, this, &MappingPanel::autoMap);
    connect(m_clear, &QPushButton::clicked, this, &MappingPanel::clearMapping);
    connect(m_saveProfile, &QPushButton::clicked, this, &MappingPanel::saveProfile);
    connect(m_banner, &Banner::actionTriggered, this, &MappingPanel::applySuggestedProfile);
    // The session is told after the view is done with its editor: telling it re-proposes rows
    // and resets this model, which must not happen inside the delegate's commit.
    connect(m_model, &MappingModel::mappingEdited, this, [this] {
        QTimer::singleShot(0, this, [this] { m_session.setMapping(m_model->mapping()); });
    });
    connect(&m_session, &ImportSession::mappingChanged, this, &MappingPanel::showMapping);
    // After a read and after another header row was picked: the column names are new.
    connect(&m_session, &ImportSession::layoutChanged, this, &MappingPanel::suggestProfile);
    if (!m_session.filePath().isEmpty() && !m_session.isLoading())
        suggestProfile();
    showMapping();
}

MappingPanel::~MappingPanel() = default;

void MappingPanel::setUpTable()
{
    auto *proxy = new AttentionProxyModel(m_table, this);
    proxy->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("mappingTable"));
    // Tab leaves the table (arrows move inside it, F2 or typing edits): no grid traps the keyboard.
    m_table->setTabKeyNavigation(false);
    m_table->setAccessibleName(tr("Mapping of the file's columns onto the attributes"));
    m_table->setModel(proxy);
    m_table->setItemDelegateForColumn(MappingModel::SourceColumn, new SourceColumnDelegate(this));
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
                             | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    for (const int column :
         {MappingModel::AttributeColumn, MappingModel::TypeColumn, MappingModel::RequiredColumn,
          MappingModel::TransformColumn, MappingModel::ConfidenceColumn})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->resizeSection(MappingModel::SourceColumn, 200);
    header->resizeSection(MappingModel::SampleColumn, 280);
}

QStringList MappingPanel::unmappedRequired() const
{
    QStringList names;
    const Resource *resource = m_session.resource();
    if (!resource)
        return names;
    for (const Attribute &attribute : resource->attributes) {
        const AttributeMapping *mapping = m_session.mapping().find(attribute.name);
        if (attribute.required.value_or(false) && (!mapping || !mapping->isMapped()))
            names.append(attribute.name);
    }
    return names;
}

bool MappingPanel::isComplete() const
{
    return m_session.resource() && unmappedRequired().isEmpty();
}

QString MappingPanel::incompleteReason() const
{
    if (!m_session.resource())
        return tr("Choose a resource");
    const QStringList missing = unmappedRequired();
    if (missing.isEmpty())
        return {};
    return missing.size() == 1
        ? tr("Map the required attribute %1").arg(missing.first())
        : tr("Map the required attributes %1").arg(missing.join(QStringLiteral(", ")));
}

void MappingPanel::showMapping()
{
    const QModelIndex current = m_table->currentIndex();
    const Resource *resource = m_session.resource();
    if (resource)
        m_model->reset(resource, m_session.mapping(), m_session.layout().columnNames,
                       m_session.rows());
    else
        m_model->reset(nullptr, {}, {}, nullptr);
    // A reset forgets the current cell; after an edit the user expects to stay where they were.
    if (current.isValid() && current.row() < m_table->model()->rowCount())
        m_table->setCurrentIndex(m_table->model()->index(current.row(), current.column()));
    for (QPushButton *button : {m_autoMap, m_clear, m_saveProfile})
        button->setEnabled(resource != nullptr);
    updateSummary();
    Q_EMIT completeChanged();
}

void MappingPanel::updateSummary()
{
    const Resource *resource = m_session.resource();
    if (!resource) {
        m_summary->setText(tr("Choose a resource to map the file's columns onto."));
        return;
    }
    const auto &attributes = m_session.mapping().attributes;
    const qsizetype mapped = std::count_if(attributes.begin(), attributes.end(),
                                           [](const auto &mapping) { return mapping.isMapped(); });
    const QStringList missing = unmappedRequired();
    const QString counts
        = tr("%1 of %2 attributes mapped").arg(mapped).arg(resource->attributes.size());
    const QString required = missing.isEmpty() ? tr("every required attribute has a source")
        : missing.size() == 1 ? tr("⚠ 1 required attribute not mapped: %1").arg(missing.first())
                              : tr("⚠ %1 required attributes not mapped: %2")
                                    .arg(missing.size())
                                    .arg(missing.join(QStringLiteral(", ")));
    m_summary->setText(tr("%1 · %2").arg(counts, required));
}

void MappingPanel::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void MappingPanel::autoMap()
{
    const Resource *resource = m_session.resource();
    if (!resource)
        return;
    const QString id = resource->id;
    m_session.setResource(id);
    setStatus(tr("Mapped again from the file's headers and values."));
}

void MappingPanel::clearMapping()
{
    if (!m_session.resource())
        return;
    Mapping mapping = m_session.mapping();
    for (AttributeMapping &attribute : mapping.attributes) {
        attribute.source = AttributeMapping::Source::Unmapped;
        attribute.columns.clear();
        attribute.confidence = 0;
        attribute.reason = tr("cleared by you");
    }
    m_session.setMapping(mapping);
    setStatus(tr("Every attribute is unmapped; choose the sources or use Auto-map."));
}

void MappingPanel::saveProfile()
{
    const Resource *resource = m_session.resource();
    if (!resource)
        return;
    const QString name
        = m_prompter
              .textInput(this, tr("Save as profile"), tr("Profile name:"),
                         m_profileName.isEmpty() ? resource->displayName : m_profileName)
              .trimmed();
    if (name.isEmpty())
        return;
    std::optional<QDateTime> created;
    if (const auto existing = m_profiles.load(name)) {
        if (!m_prompter.confirm(this, tr("Replace profile"),
                                tr("A profile named '%1' exists. Replace it with this mapping?")
                                    .arg(existing->name),
                                tr("Replace profile")))
            return;
        created = existing->created;
    }
    writeProfile(name, created);
}

void MappingPanel::saveFixesToProfile()
{
    if (m_profileName.isEmpty())
        return saveProfile();
    const auto existing = m_profiles.load(m_profileName);
    writeProfile(m_profileName,
                 existing ? std::optional<QDateTime>(existing->created) : std::nullopt);
}

void MappingPanel::writeProfile(const QString &name, const std::optional<QDateTime> &created)
{
    const Resource *resource = m_session.resource();
    if (!resource)
        return;
    MappingProfile profile;
    if (created)
        profile.created = *created;
    const SheetLayout &layout = m_session.layout();
    profile.name = name;
    profile.reader.sheetName = m_session.sheets().value(m_session.sheetIndex()).name;
    profile.reader.sheetIndex = m_session.sheetIndex();
    profile.reader.headerRow = int(layout.headerRow + 1);
    profile.solutionId = resource->solutionId;
    profile.operation = resource->defaultOperation();
    profile.mapping = m_session.mapping();
    profile.signature = HeaderSignature::fromHeaders(layout.columnNames);
    const Result<QString> saved = m_profiles.save(profile);
    if (!saved) {
        m_prompter.showError(this, tr("Profile not saved"), saved.error().message);
        setStatus(tr("✖ Profile '%1' was not saved.").arg(name));
        return;
    }
    m_profileName = name;
    setStatus(tr("✓ Saved profile '%1'.").arg(name));
    Q_EMIT statusMessage(tr("✓ Saved profile '%1' with the mapping and its fixes.").arg(name));
}

void MappingPanel::suggestProfile()
{
    m_banner->hide();
    m_suggestedProfile.clear();
    const QList<ProfileStore::Suggestion> suggestions
        = m_profiles.suggest(m_session.layout().columnNames);
    if (suggestions.isEmpty())
        return;
    const Result<MappingProfile> profile = m_profiles.load(suggestions.first().name);
    if (!profile)
        return;
    m_suggestedProfile = profile->name;
    const QDate saved = profile->modified.toLocalTime().date();
    const QString date = QLocale().toString(saved,
                                            saved.year() == QDate::currentDate().year()
                                                ? QStringLiteral("d MMM")
                                                : QStringLiteral("d MMM yyyy"));
    m_banner->showMessage(Banner::Kind::Info,
                          tr("This file looks like '%1' (saved %2).").arg(profile->name, date),
                          tr("Apply profile"));
}

void MappingPanel::applySuggestedProfile()
{
    const Result<MappingProfile> profile = m_profiles.load(m_suggestedProfile);
    if (!profile) {
        m_prompter.showError(this, tr("Profile not applied"), profile.error().message);
        return;
    }
    if (!m_session.setResource(profile->resourceId(), profile->mapping)) {
        m_prompter.showError(this, tr("Profile not applied"),
                             tr("Profile '%1' is for %2, which the catalogue does not have.")
                                 .arg(profile->name, profile->resourceId()));
        return;
    }
    m_banner->hide();
    m_profileName = profile->name;
    setStatus(tr("Applied profile '%1'.").arg(profile->name));
}

} // namespace sluice
