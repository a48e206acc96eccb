// SPDX-License-Identifier: MIT
#include "models/session/preferences.h"

#include "models/schema/endpoint.h"

#include <QSettings>

namespace sluice {

namespace {

const QString BatchRowsKey = QStringLiteral("upload/batchRows");
const QString BatchBytesKey = QStringLiteral("upload/batchBytes");
const QString ConcurrencyKey = QStringLiteral("upload/concurrency");
const QString RateKey = QStringLiteral("upload/requestsPerSecond");
const QString TimeoutKey = QStringLiteral("upload/transferTimeoutMs");
const QString BearerKey = QStringLiteral("upload/bearerPrefix");
const QString ResendKey = QStringLiteral("upload/resendUncertain");
const QString PathTemplateKey = QStringLiteral("endpoint/pathTemplate");
const QString TimestampKey = QStringLiteral("output/timestampForm");
const QString LanguageKey = QStringLiteral("ui/language");
// The same key the application reads at start, so both agree on the catalogue in use.
const QString CataloguePathKey = QStringLiteral("catalogue/path");

const QString ApiName = QStringLiteral("api");
const QString Iso8601Name = QStringLiteral("iso8601");

// A setting read back from disk may have been edited by hand or written by another version:
// anything that is not a number in range is as good as absent.
qint64 integer(const QSettings &settings, const QString &key, qint64 min, qint64 max,
               qint64 fallback)
{
    bool ok = false;
    const qint64 value = settings.value(key).toLongLong(&ok);
    return ok && value >= min && value <= max ? value : fallback;
}

double number(const QSettings &settings, const QString &key, double min, double max,
              double fallback)
{
    bool ok = false;
    const double value = settings.value(key).toDouble(&ok);
    return ok && value >= min && value <= max ? value : fallback;
}

// QVariant calls any non-empty string true ("abc" too); only the spellings QSettings writes count.
bool flag(const QSettings &settings, const QString &key, bool fallback)
{
    const QString text = settings.value(key).toString().trimmed().toLower();
    if (text == u"true" || text == u"1")
        return true;
    if (text == u"false" || text == u"0")
        return false;
    return fallback;
}

} // namespace

Preferences Preferences::load(const QSettings &settings)
{
    Preferences p;
    const UploadSettings defaults;
    p.upload.batchRows
        = int(integer(settings, BatchRowsKey, MinBatchRows, MaxBatchRows, defaults.batchRows));
    p.upload.batchBytes
        = integer(settings, BatchBytesKey, MinBatchBytes, MaxBatchBytes, defaults.batchBytes);
    p.upload.concurrency = int(
        integer(settings, ConcurrencyKey, MinConcurrency, MaxConcurrency, defaults.concurrency));
    p.upload.requestsPerSecond
        = number(settings, RateKey, 0, MaxRequestsPerSecond, defaults.requestsPerSecond);
    p.upload.transferTimeoutMs = int(integer(settings, TimeoutKey, MinTransferTimeoutMs,
                                             MaxTransferTimeoutMs, defaults.transferTimeoutMs));
    p.upload.bearerPrefix = flag(settings, BearerKey, defaults.bearerPrefix);
    p.upload.resendUncertain = flag(settings, ResendKey, defaults.resendUncertain);

    const QString pathTemplate = settings.value(PathTemplateKey).toString().trimmed();
    // The default is kept as "the default", so a stored choice never pins an old default.
    if (pathTemplateProblem(pathTemplate).isEmpty()
        && pathTemplate != Endpoint::defaultPathTemplate())
        p.pathTemplate = pathTemplate;

    const QString form = settings.value(TimestampKey).toString();
    p.timestampForm = form == Iso8601Name ? TimestampForm::Iso8601 : TimestampForm::Api;
    const QString language = settings.value(LanguageKey).toString();
    if (languages().contains(language))
        p.language = language;
    p.cataloguePath = settings.value(CataloguePathKey).toString();
    return p;
}

void Preferences::save(QSettings &settings) const
{
    settings.setValue(BatchRowsKey, upload.batchRows);
    settings.setValue(BatchBytesKey, upload.batchBytes);
    settings.setValue(ConcurrencyKey, upload.concurrency);
    settings.setValue(RateKey, upload.requestsPerSecond);
    settings.setValue(TimeoutKey, upload.transferTimeoutMs);
    settings.setValue(BearerKey, upload.bearerPrefix);
    settings.setValue(ResendKey, upload.resendUncertain);
    settings.setValue(PathTemplateKey, pathTemplate);
    settings.setValue(TimestampKey,
                      timestampForm == TimestampForm::Iso8601 ? Iso8601Name : ApiName);
    settings.setValue(LanguageKey, language);
    settings.setValue(CataloguePathKey, cataloguePath);
}

QString Preferences::effectivePathTemplate() const
{
    return pathTemplate.isEmpty() ? Endpoint::defaultPathTemplate() : pathTemplate;
}

QString Preferences::pathTemplateProblem(const QString &pathTemplate)
{
    if (pathTemplate.isEmpty())
        return {}; // the default
    if (!pathTemplate.startsWith(u'/'))
        return tr("The path must start with '/'.");
    const qsizetype placeholders = pathTemplate.count(QStringLiteral("{table}"));
    if (placeholders == 0)
        return tr("The path must contain {table}, where the table name goes.");
    if (placeholders > 1)
        return tr("The path must contain {table} only once.");
    for (const QChar c : pathTemplate) {
        if (c.isSpace() || c == u'?' || c == u'#')
            return tr("The path must not contain spaces, '?' or '#'.");
    }
    return {};
}

QStringList Preferences::languages()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("de")};
}

} // namespace sluice
