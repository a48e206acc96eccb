// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"
#include "models/schema/attributetype.h"
#include "models/schema/catalogue.h"
#include "models/session/tokenkeeper.h"
#include "models/upload/uploadsettings.h"

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QSettings;

namespace sluice {

class CredentialStore;
class LocalSandbox;

// Where the rows go, without widgets: the environment (the built-in Local sandbox, the hub, a
// regional host or a custom URL), the solution with its table prefix and suffix, the operation,
// and the token for the host. The Target & mapping page observes it; the upload asks it for an
// UploadTarget. Tokens live in the keychain (CredentialStore) and in memory only, kept per host
// by a TokenKeeper: never in settings, logs or signal messages.
class TargetSession : public QObject
{
    Q_OBJECT

public:
    enum class Environment { LocalSandbox, Hub, Regional, Custom };
    Q_ENUM(Environment)

    TargetSession(std::shared_ptr<const Catalogue> catalogue, QNetworkAccessManager &network,
                  CredentialStore &credentials, LocalSandbox *sandbox, QObject *parent = nullptr);
    ~TargetSession() override;

    // A catalogue without the chosen solution falls back to its first solution.
    void setCatalogue(std::shared_ptr<const Catalogue> catalogue);
    std::shared_ptr<const Catalogue> catalogue() const { return m_catalogue; }

    // Environment and host. Choosing the Local sandbox (again) starts it when it is not running
    // (sandboxStarted or sandboxFailed follow). Choosing any other host reads its token from the
    // keychain (tokenChanged follows when one is stored).
    void setEnvironment(Environment environment);
    Environment environment() const { return m_environment; }
    void setRegion(const QString &cluster); // "eu-west-1" → https://ingestion.eu-west-1.peak.ai
    QString region() const { return m_region; }
    void setCustomUrl(const QString &url);
    QString customUrl() const { return m_customUrl; }
    // The host rows go to; empty while it is not known (sandbox starting) or not valid.
    QUrl host() const;
    // Why host() is empty, for the user ("http:// is only allowed for this machine"); else empty.
    QString hostProblem() const;
    bool isSandbox() const { return m_environment == Environment::LocalSandbox; }
    bool isSandboxStarting() const { return m_sandboxStarting; }

    // Solution (by catalogue id, e.g. "INV"); choosing another one sets its prefix and suffix,
    // which the user may then change. The prefix and suffix apply to the resources of this
    // solution; a resource of another solution keeps its own solution's naming.
    void setSolution(const QString &solutionId);
    QString solutionId() const { return m_solutionId; }
    void setPrefix(const QString &prefix);
    QString prefix() const { return m_prefix; }
    void setSuffix(const QString &suffix);
    QString suffix() const { return m_suffix; }
    // The solution names the host listed at the last successful Test connection.
    QStringList liveSolutionNames() const { return m_liveSolutions; }
    void setOperation(OperationType operation);
    OperationType operation() const { return m_operation; }
    // The documented recommendation, else UPSERT for a resource with a primary key (resending
    // is then harmless) and APPEND for one without (UPSERT needs a key to match on).
    static OperationType recommendedOperation(const Resource &resource);
    // The path template of the ingest endpoint (a setting, Endpoint::defaultPathTemplate()).
    void setPathTemplate(const QString &pathTemplate);
    // Send "Bearer <token>" rather than the raw token (a setting, as for the upload).
    void setBearerPrefix(bool bearer) { m_bearerPrefix = bearer; }

    // Token: what the user typed (kept in memory per host), saved to the keychain on request.
    // The sandbox needs none: token() is its own.
    void setToken(const QString &token);
    bool hasToken() const { return !token().isEmpty(); }
    void saveToken();
    void forgetToken();    // deletes the saved token and clears the one in memory
    QString token() const; // for the upload only; never logged or shown
    // The keychain account of the host's token, e.g. "ingestion.peak.ai"; empty without a host.
    QString tokenAccount() const;
    // The token in memory is the one in the keychain.
    bool isTokenSaved() const { return !isSandbox() && m_tokens.isSaved(tokenAccount()); }
    // The keychain has not answered yet.
    bool isReadingToken() const { return !isSandbox() && m_tokens.isReading(tokenAccount()); }

    // GET /api/v2/schema/solutions with the token: connectionTested(ok, message) answers, never
    // from within the call, and on success the live solution names are updated.
    void testConnection();
    bool isTesting() const { return m_reply != nullptr; }

    // What an upload of resource sends to; an error names what is missing (no token, no host).
    Result<UploadTarget> target(const Resource &resource, bool dryRun) const;
    QString tableName(const Resource &resource) const;
    // Where resource's rows would go, token or not (to show before the upload).
    Result<QUrl> ingestUrl(const Resource &resource) const;

    // The choices (never the token) as UI state; restoring chooses the environment again.
    void saveSettings(QSettings &settings) const;
    void restoreSettings(const QSettings &settings);

Q_SIGNALS:
    void changed(); // any of environment, host, solution, prefix, suffix, operation
    void catalogueChanged();
    void tokenChanged();                       // the token or its saved state
    void tokenProblem(const QString &message); // the keychain failed
    void sandboxStarted(const QUrl &url);
    void sandboxFailed(const QString &message);
    void connectionTested(bool ok, const QString &message);
    void liveSolutionsChanged(const QStringList &names);

private:
    void startSandbox();
    bool hostMayHaveChanged(); // true: host() is another one now
    void readPendingToken();
    void answerLater(bool ok, const QString &message);
    void connectionAnswered(QNetworkReply *reply, const QUrl &host);

    std::shared_ptr<const Catalogue> m_catalogue;
    QNetworkAccessManager &m_network;
    TokenKeeper m_tokens; // by keychain account, tokenAccount()
    // Outlives the session (the composition root owns both); a raw pointer, as QPointer's
    // checks make GCC's -Wnull-dereference misfire at -O2.
    LocalSandbox *const m_sandbox;
    Environment m_environment = Environment::LocalSandbox;
    bool m_sandboxStarting = false;
    QString m_sandboxError;
    QString m_region;
    QString m_customUrl;
    QUrl m_host; // host() as last seen, to notice a change
    QString m_solutionId;
    QString m_prefix;
    QString m_suffix;
    QStringList m_liveSolutions;
    OperationType m_operation = OperationType::Upsert;
    QString m_pathTemplate;
    bool m_bearerPrefix = false;
    QTimer m_readTimer;               // typing a URL reads the token once, not per keystroke
    QNetworkReply *m_reply = nullptr; // the test in flight; we delete it (never the manager first)
};

} // namespace sluice
