// SPDX-License-Identifier: MIT
#include "ui/pages/targetpanel.h"

#include "models/schema/endpoint.h"
#include "models/session/importsession.h"
#include "models/session/targetsession.h"
#include "ui/widgets/banner.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>

#include <algorithm>

namespace sluice {

namespace {

enum Role { IdRole = Qt::UserRole, SolutionRole, SearchRole };

template<typename Widget>
Widget *named(Widget *widget, const char *objectName, const QString &accessibleName)
{
    widget->setObjectName(QString::fromLatin1(objectName));
    widget->setAccessibleName(accessibleName);
    return widget;
}

QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    return label;
}

QString hostName(const QUrl &host)
{
    return host.port() == -1 ? host.host()
                             : QStringLiteral("%1:%2").arg(host.host()).arg(host.port());
}

bool isThisComputer(const QUrl &host)
{
    const QHostAddress address(host.host());
    return host.host().compare(u"localhost", Qt::CaseInsensitive) == 0
        || (!address.isNull() && address.isLoopback());
}

} // namespace

// The resources of the chosen solution; a search looks through every solution, by name, id and
// description, so that "customer" finds Quote Pricing's Customer while Inventory is chosen.
class ResourceFilterProxyModel : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setFilter(const QString &solutionId, const QString &search)
    {
        const QStringList words = search.toLower().split(u' ', Qt::SkipEmptyParts);
        if (solutionId == m_solution && words == m_words)
            return;
        m_solution = solutionId;
        m_words = words;
        invalidateRowsFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        if (m_words.isEmpty())
            return index.data(SolutionRole).toString().compare(m_solution, Qt::CaseInsensitive)
                == 0;
        const QString text = index.data(SearchRole).toString();
        return std::all_of(m_words.cbegin(), m_words.cend(),
                           [&text](const QString &word) { return text.contains(word); });
    }

private:
    QString m_solution;
    QStringList m_words;
};

TargetPanel::TargetPanel(TargetSession &target, ImportSession &session, QWidget *parent)
    : QWidget(parent)
    , m_target(target)
    , m_session(session)
    , m_resources(new QStandardItemModel(this))
    , m_filter(new ResourceFilterProxyModel(this))
    , m_banner(named(new Banner(this), "targetHostBanner", tr("Where rows go")))
{
    m_filter->setSourceModel(m_resources);
    auto *columns = new QHBoxLayout;
    columns->addWidget(buildDestination(), 5);
    columns->addWidget(buildResourcePicker(), 4);
    columns->addWidget(buildTable(), 4);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addLayout(columns, 1);
    const QList<QWidget *> order {m_environment, m_region, m_url,      m_token,  m_saveToken,
                                  m_forgetToken, m_test,   m_solution, m_search, m_resourceList,
                                  m_prefix,      m_suffix, m_operation};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    connectControls();
    rebuildCatalogue();
    // The page is where the choice becomes real: the sandbox starts, the host's token is read.
    m_target.setEnvironment(m_target.environment());
    showResource();
}

TargetPanel::~TargetPanel() = default;

QWidget *TargetPanel::buildDestination()
{
    auto *box = new QWidget(this);
    m_environment = named(new QComboBox(box), "targetEnvironmentCombo", tr("Environment"));
    m_environment->addItem(tr("Local sandbox (this computer)"));
    m_environment->addItem(tr("Peak hub (%1)").arg(Endpoint::defaultHost().host()));
    m_environment->addItem(tr("Regional host…"));
    m_environment->addItem(tr("Custom URL…"));
    m_region = named(new QLineEdit(box), "targetRegionEdit", tr("Cluster"));
    m_region->setPlaceholderText(tr("e.g. eu-west-1"));
    m_url = named(new QLineEdit(box), "targetUrlEdit", tr("Host URL"));
    m_url->setPlaceholderText(tr("https://ingestion.example.com"));
    m_tokenRow = new QWidget(box);
    m_token = named(new QLineEdit(m_tokenRow), "targetTokenEdit", tr("Personal access token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Paste a personal access token"));
    m_saveToken = named(new QPushButton(tr("Save in keychain"), m_tokenRow),
                        "targetSaveTokenButton", tr("Save the token in the system keychain"));
    m_forgetToken = named(new QPushButton(tr("Forget"), m_tokenRow), "targetForgetTokenButton",
                          tr("Forget the saved token"));
    auto *tokenLayout = new QHBoxLayout(m_tokenRow);
    tokenLayout->setContentsMargins(0, 0, 0, 0);
    tokenLayout->addWidget(m_token, 1);
    tokenLayout->addWidget(m_saveToken);
    tokenLayout->addWidget(m_forgetToken);
    m_tokenStatus = named(new QLabel(box), "targetTokenStatus", tr("Token status"));
    m_tokenStatus->setWordWrap(true);
    m_test = named(new QPushButton(tr("Test connection"), box), "targetTestButton",
                   tr("Test connection"));
    m_testResult = named(new QLabel(box), "targetTestResult", tr("Connection test result"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_destinationForm = new QFormLayout(box);
    m_destinationForm->setContentsMargins(0, 0, 0, 0);
    m_destinationForm->addRow(buddyLabel(tr("&Environment:"), m_environment), m_environment);
    m_destinationForm->addRow(buddyLabel(tr("C&luster:"), m_region), m_region);
    m_destinationForm->addRow(buddyLabel(tr("&URL:"), m_url), m_url);
    m_destinationForm->addRow(buddyLabel(tr("To&ken:"), m_token), m_tokenRow);
    m_destinationForm->addRow(QString(), m_tokenStatus);
    m_destinationForm->addRow(m_test, m_testResult);
    return box;
}

QWidget *TargetPanel::buildResourcePicker()
{
    auto *box = new QWidget(this);
    m_solution = named(new QComboBox(box), "targetSolutionCombo", tr("Solution"));
    m_search = named(new QLineEdit(box), "targetResourceSearch", tr("Search resources"));
    m_search->setPlaceholderText(tr("Search by name, id or description"));
    m_search->setClearButtonEnabled(true);
    m_resourceList = named(new QListView(box), "targetResourceList", tr("Resource"));
    m_resourceList->setModel(m_filter);
    m_resourceList->setUniformItemSizes(true);
    // Room for a handful of choices while the panel stays a strip above the mapping table.
    m_resourceList->setMinimumHeight(m_resourceList->fontMetrics().lineSpacing() * 9);
    m_resourceList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(buddyLabel(tr("&Solution:"), m_solution), m_solution);
    form->addRow(buddyLabel(tr("&Resource:"), m_search), m_search);
    form->addRow(m_resourceList);
    return box;
}

QWidget *TargetPanel::buildTable()
{
    auto *box = new QWidget(this);
    m_prefix = named(new QLineEdit(box), "targetPrefixEdit", tr("Table prefix"));
    m_suffix = named(new QLineEdit(box), "targetSuffixEdit", tr("Table suffix"));
    m_operation = named(new QComboBox(box), "targetOperationCombo", tr("Operation"));
    m_operation->addItem(QString(), int(OperationType::Upsert));
    m_operation->addItem(QString(), int(OperationType::Append));
    m_operation->setItemData(0, tr("Inserts new rows and updates those whose key is stored"),
                             Qt::ToolTipRole);
    m_operation->setItemData(1, tr("Only inserts; a key that is stored already is refused"),
                             Qt::ToolTipRole);
    m_table = named(new QLabel(box), "targetTableLabel", tr("Table and ingest URL"));
    m_table->setWordWrap(true);
    m_table->setTextFormat(Qt::PlainText);
    m_table->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(buddyLabel(tr("Table &prefix:"), m_prefix), m_prefix);
    form->addRow(buddyLabel(tr("Table su&ffix:"), m_suffix), m_suffix);
    form->addRow(buddyLabel(tr("&Operation:"), m_operation), m_operation);
    form->addRow(tr("Sends to:"), m_table);
    return box;
}

void TargetPanel::connectControls()
{
    connect(m_environment, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_target.setEnvironment(TargetSession::Environment(index)); });
    connect(m_region, &QLineEdit::textEdited, &m_target, &TargetSession::setRegion);
    connect(m_url, &QLineEdit::textEdited, &m_target, &TargetSession::setCustomUrl);
    connect(m_token, &QLineEdit::textEdited, &m_target, &TargetSession::setToken);
    connect(m_saveToken, &QPushButton::clicked, &m_target, &TargetSession::saveToken);
    connect(m_forgetToken, &QPushButton::clicked, &m_target, &TargetSession::forgetToken);
    connect(m_test, &QPushButton::clicked, this, [this] {
        m_test->setEnabled(false);
        m_resultHost = m_target.host();
        m_testResult->setText(tr("Testing…"));
        m_target.testConnection();
    });
    connect(m_solution, &QComboBox::currentIndexChanged, this,
            [this] { m_target.setSolution(m_solution->currentData().toString()); });
    connect(m_search, &QLineEdit::textChanged, this, &TargetPanel::refilter);
    connect(m_resourceList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TargetPanel::chooseResource);
    connect(m_prefix, &QLineEdit::textEdited, &m_target, &TargetSession::setPrefix);
    connect(m_suffix, &QLineEdit::textEdited, &m_target, &TargetSession::setSuffix);
    connect(m_operation, &QComboBox::currentIndexChanged, this,
            [this] { m_target.setOperation(OperationType(m_operation->currentData().toInt())); });

    connect(&m_target, &TargetSession::changed, this, &TargetPanel::showTarget);
    connect(&m_target, &TargetSession::catalogueChanged, this, &TargetPanel::rebuildCatalogue);
    connect(&m_target, &TargetSession::tokenChanged, this, &TargetPanel::showToken);
    connect(&m_target, &TargetSession::tokenChanged, this, &TargetPanel::updateCompleteness);
    connect(&m_target, &TargetSession::tokenProblem, this,
            [this](const QString &message) { m_tokenStatus->setText(tr("✗ %1").arg(message)); });
    connect(&m_target, &TargetSession::liveSolutionsChanged, this, &TargetPanel::showSolutions);
    connect(&m_target, &TargetSession::connectionTested, this, &TargetPanel::showTestResult);
    connect(&m_session, &ImportSession::mappingChanged, this, &TargetPanel::showResource);
}

void TargetPanel::rebuildCatalogue()
{
    m_resources->clear();
    const auto catalogue = m_target.catalogue();
    if (catalogue) {
        for (const Resource &resource : catalogue->resources()) {
            auto *item = new QStandardItem(tr("%1 — %2").arg(
                resource.displayName.isEmpty() ? resource.objectName : resource.displayName,
                resource.id));
            item->setData(resource.id, IdRole);
            item->setData(resource.solutionId, SolutionRole);
            item->setData(QStringList {resource.displayName, resource.id, resource.description}
                              .join(u' ')
                              .toLower(),
                          SearchRole);
            item->setToolTip(resource.description);
            m_resources->appendRow(item);
        }
    }
    showSolutions();
    showTarget();
    showResource();
}

void TargetPanel::showTarget()
{
    {
        const QSignalBlocker blocker(m_environment);
        m_environment->setCurrentIndex(int(m_target.environment()));
    }
    const bool regional = m_target.environment() == TargetSession::Environment::Regional;
    const bool custom = m_target.environment() == TargetSession::Environment::Custom;
    m_destinationForm->setRowVisible(m_region, regional);
    m_destinationForm->setRowVisible(m_url, custom);
    m_destinationForm->setRowVisible(m_tokenRow, !m_target.isSandbox());
    if (m_region->text() != m_target.region())
        m_region->setText(m_target.region());
    if (m_url->text() != m_target.customUrl())
        m_url->setText(m_target.customUrl());
    {
        const QSignalBlocker blocker(m_solution);
        m_solution->setCurrentIndex(m_solution->findData(m_target.solutionId()));
    }
    refilter();
    if (m_prefix->text() != m_target.prefix())
        m_prefix->setText(m_target.prefix());
    if (m_suffix->text() != m_target.suffix())
        m_suffix->setText(m_target.suffix());
    {
        const QSignalBlocker blocker(m_operation);
        m_operation->setCurrentIndex(m_operation->findData(int(m_target.operation())));
    }
    m_test->setEnabled(!m_target.isTesting());
    if (m_target.host() != m_resultHost)
        m_testResult->clear(); // it spoke of another host
    showBanner();
    showToken();
    showTableAndUrl();
    updateCompleteness();
}

void TargetPanel::showBanner()
{
    const QUrl host = m_target.host();
    if (m_target.isSandbox() && !host.isEmpty())
        m_banner->showMessage(Banner::Kind::Info,
                              tr("Local sandbox on this computer: nothing leaves this machine"));
    else if (m_target.isSandbox() && m_target.isSandboxStarting())
        m_banner->showMessage(Banner::Kind::Info, tr("Starting the local sandbox…"));
    else if (host.isEmpty())
        m_banner->showMessage(Banner::Kind::Warning, m_target.hostProblem());
    else if (isThisComputer(host))
        m_banner->showMessage(Banner::Kind::Warning,
                              tr("Rows will be sent to %1, a server on this computer that is not "
                                 "the built-in sandbox")
                                  .arg(hostName(host)));
    else
        m_banner->showMessage(Banner::Kind::Danger,
                              tr("Real platform: rows will be sent to %1").arg(hostName(host)));
}

void TargetPanel::showToken()
{
    const QString account = m_target.tokenAccount();
    m_token->setEnabled(!account.isEmpty());
    // Only a real difference is written back, so that typing is never disturbed.
    if (m_token->text().trimmed() != m_target.token() && !m_target.isSandbox())
        m_token->setText(m_target.token());
    m_saveToken->setEnabled(m_target.hasToken() && !m_target.isTokenSaved());
    m_forgetToken->setEnabled(m_target.hasToken() || m_target.isTokenSaved());
    if (m_target.isSandbox())
        m_tokenStatus->setText(tr("The local sandbox needs no token."));
    else if (account.isEmpty())
        m_tokenStatus->setText(tr("Choose a valid host to enter its token."));
    else if (m_target.isReadingToken())
        m_tokenStatus->setText(tr("Looking for a saved token for %1…").arg(account));
    else if (m_target.isTokenSaved())
        m_tokenStatus->setText(tr("Token saved in the system keychain for %1").arg(account));
    else if (m_target.hasToken())
        m_tokenStatus->setText(
            tr("Token kept until Sluice closes; save it to remember it for %1").arg(account));
    else
        m_tokenStatus->setText(tr("No token saved for %1").arg(account));
}

void TargetPanel::showSolutions()
{
    const QSignalBlocker blocker(m_solution);
    m_solution->clear();
    const auto catalogue = m_target.catalogue();
    if (!catalogue)
        return;
    const QStringList live = m_target.liveSolutionNames();
    for (const Solution &solution : catalogue->solutions()) {
        QString text = tr("%1 (%2)").arg(solution.displayName(), solution.solutionName);
        QString tip;
        // The mark leads, where a narrow combo box does not cut it off.
        if (live.contains(solution.solutionName, Qt::CaseInsensitive)) {
            text = tr("✓ %1").arg(text);
            tip = tr("%1 exists on the server").arg(solution.solutionName);
        } else if (!live.isEmpty()) {
            text = tr("✗ %1 (not on the server)").arg(text);
            tip = tr("The server lists no solution %1").arg(solution.solutionName);
        }
        m_solution->addItem(text, solution.id);
        m_solution->setItemData(m_solution->count() - 1, tip, Qt::ToolTipRole);
    }
    m_solution->setCurrentIndex(m_solution->findData(m_target.solutionId()));
}

void TargetPanel::showResource()
{
    const Resource *resource = m_session.resource();
    if (resource && resource->id != m_shownResourceId) {
        // A new resource: its solution's naming and its recommended operation.
        m_shownResourceId = resource->id;
        m_target.setSolution(resource->solutionId);
        m_target.setOperation(TargetSession::recommendedOperation(*resource));
    }
    // -1: no resource, so no recommendation (an int, not an optional: GCC's -O2 flow analysis
    // misreads an optional enum here as maybe uninitialised).
    const int recommended
        = resource ? static_cast<int>(TargetSession::recommendedOperation(*resource)) : -1;
    for (int row = 0; row < m_operation->count(); ++row) {
        const int operation = m_operation->itemData(row).toInt();
        const QString name = operationTypeName(OperationType(operation));
        m_operation->setItemText(
            row, operation == recommended ? tr("%1 (recommended)").arg(name) : name);
    }
    refilter();
    showTableAndUrl();
    updateCompleteness();
}

void TargetPanel::refilter()
{
    // Rows leaving the filter move the list's current row to a neighbour: that is no choice of
    // the user's, so it must not change the session's resource.
    m_syncingList = true;
    m_filter->setFilter(m_target.solutionId(), m_search->text());
    const Resource *resource = m_session.resource();
    const QModelIndexList found = resource
        ? m_filter->match(m_filter->index(0, 0), IdRole, resource->id, 1, Qt::MatchExactly)
        : QModelIndexList();
    if (found.isEmpty())
        m_resourceList->selectionModel()->clear();
    else if (m_resourceList->currentIndex() != found.first())
        m_resourceList->setCurrentIndex(found.first());
    m_syncingList = false;
}

void TargetPanel::chooseResource(const QModelIndex &current)
{
    if (m_syncingList)
        return;
    const QString id = current.data(IdRole).toString();
    if (id.isEmpty() || (m_session.resource() && m_session.resource()->id == id))
        return;
    m_session.setResource(id);
}

void TargetPanel::showTableAndUrl()
{
    const Resource *resource = chosenResource();
    if (!resource) {
        m_table->setText(tr("%1<object>%2").arg(m_target.prefix(), m_target.suffix()));
        return;
    }
    const Result<QUrl> url = m_target.ingestUrl(*resource);
    m_table->setText(tr("Table %1\n%2")
                         .arg(m_target.tableName(*resource),
                              url ? url->toString() : tr("(no URL: %1)").arg(url.error().message)));
}

void TargetPanel::showTestResult(bool ok, const QString &message)
{
    m_test->setEnabled(true);
    m_testResult->setText(ok ? tr("✓ %1").arg(message) : tr("✗ %1").arg(message));
}

const Resource *TargetPanel::chosenResource() const
{
    const Resource *resource = m_session.resource();
    if (!resource || resource->solutionId.compare(m_target.solutionId(), Qt::CaseInsensitive) != 0)
        return nullptr;
    return resource;
}

bool TargetPanel::isComplete() const
{
    return m_complete;
}

QString TargetPanel::incompleteReason() const
{
    return m_reason;
}

void TargetPanel::updateCompleteness()
{
    QString reason;
    const Resource *resource = chosenResource();
    if (!resource) {
        const auto catalogue = m_target.catalogue();
        const Solution *solution = catalogue ? catalogue->solution(m_target.solutionId()) : nullptr;
        reason = solution ? tr("Choose a resource of %1").arg(solution->displayName())
                          : tr("Choose a resource");
    } else if (const Result<UploadTarget> target = m_target.target(*resource, false); !target) {
        reason = target.error().message;
    }
    const bool complete = reason.isEmpty();
    if (complete == m_complete && reason == m_reason)
        return;
    m_complete = complete;
    m_reason = reason;
    Q_EMIT completeChanged();
}

} // namespace sluice
