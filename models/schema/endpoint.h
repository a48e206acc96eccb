// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"
#include "models/schema/resource.h"
#include "models/schema/solution.h"

#include <QCoreApplication>
#include <QUrl>

namespace sluice {

// Where a resource's rows go: table names and endpoint URLs (API.md §1).
class Endpoint
{
    Q_DECLARE_TR_FUNCTIONS(Endpoint)

public:
    // The two documented ingest path forms. The founding documents' form is the default; the
    // overview pages use the other. The template is a setting, so a tenant can use either.
    enum class PathForm { IngestObject, Objects };
    static QString pathTemplate(PathForm form);
    static QString defaultPathTemplate() { return pathTemplate(PathForm::IngestObject); }

    static QUrl defaultHost();                             // https://ingestion.peak.ai
    static QUrl legacyHost();                              // https://service.peak.ai/ingestion-api
    static Result<QUrl> regionalHost(QStringView cluster); // https://ingestion.<cluster>.peak.ai

    // prefix + OBJECT + suffix, e.g. INV_ + CUSTOMER_ORDERS + _OOTB. Prefix and suffix belong to
    // the tenant's solution and may be empty.
    static QString tableName(QStringView prefix, QStringView objectName, QStringView suffix);
    static QString tableName(const Solution &solution, const Resource &resource);

    // https for any host; plain http only for loopback, where the local sandbox runs.
    static Result<QUrl> checkHost(const QUrl &host);

    // host (possibly with a base path such as /ingestion-api) + template with {table} filled in.
    static Result<QUrl> ingestUrl(const QUrl &host, const QString &pathTemplate,
                                  const QString &table);
    static Result<QUrl> schemaSolutionsUrl(const QUrl &host);
    static Result<QUrl> schemaUrl(const QUrl &host, const QString &solutionName);

private:
    static Result<QUrl> withPath(const QUrl &host, const QString &path);
};

} // namespace sluice
