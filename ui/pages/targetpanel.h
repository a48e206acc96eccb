// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QUrl>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QPushButton;
class QStandardItemModel;

namespace sluice {

class Banner;
class ImportSession;
class Resource;
class ResourceFilterProxyModel;
class TargetSession;

// The upper half of step 2: environment (Local sandbox, hub, regional host, custom URL) with a
// coloured banner naming any host that is not the sandbox, solution with prefix and suffix,
// resource (searchable by name and description), operation (the recommended one preselected),
// token entry saved to the keychain, and Test connection. It shows TargetSession's state and
// passes the user's choices to it; choosing a resource calls ImportSession::setResource.
class TargetPanel : public QWidget
{
    Q_OBJECT

public:
    TargetPanel(TargetSession &target, ImportSession &session, QWidget *parent = nullptr);
    ~TargetPanel() override;

    // Both a resource of the chosen solution is chosen and the target is complete (host and
    // token known).
    bool isComplete() const;
    QString incompleteReason() const;

Q_SIGNALS:
    void completeChanged(); // isComplete() or incompleteReason() changed

private:
    QWidget *buildDestination();
    QWidget *buildResourcePicker();
    QWidget *buildTable();
    void connectControls();
    void rebuildCatalogue();
    void showTarget();
    void showBanner();
    void showToken();
    void showSolutions();
    void showResource();
    void showTableAndUrl();
    void showTestResult(bool ok, const QString &message);
    void refilter();
    void chooseResource(const QModelIndex &current);
    void updateCompleteness();
    const Resource *chosenResource() const;

    TargetSession &m_target;
    ImportSession &m_session;
    QStandardItemModel *m_resources;
    ResourceFilterProxyModel *m_filter;
    Banner *m_banner;
    QFormLayout *m_destinationForm = nullptr;
    QComboBox *m_environment;
    QLineEdit *m_region;
    QLineEdit *m_url;
    QWidget *m_tokenRow;
    QLineEdit *m_token;
    QPushButton *m_saveToken;
    QPushButton *m_forgetToken;
    QLabel *m_tokenStatus;
    QPushButton *m_test;
    QLabel *m_testResult;
    QComboBox *m_solution;
    QLineEdit *m_search;
    QListView *m_resourceList;
    QLineEdit *m_prefix;
    QLineEdit *m_suffix;
    QComboBox *m_operation;
    QLabel *m_table;
    QUrl m_resultHost;          // the host the test result speaks of
    bool m_syncingList = false; // the list's current row moves without the user
    QString m_shownResourceId;  // the resource the operation was last preselected for
    bool m_complete = false;
    QString m_reason;
};

} // namespace sluice
