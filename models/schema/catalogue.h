// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"
#include "models/schema/resource.h"
#include "models/schema/solution.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace sluice {

// The resource catalogue: every solution, resource and attribute Sluice knows. It is data, read
// from JSON at start-up (the built-in copy, or a file the user points to), never compiled in as
// code, so an updated catalogue needs no new release.
class Catalogue
{
    Q_DECLARE_TR_FUNCTIONS(Catalogue)

public:
    // The copy compiled into the binaries.
    static QString builtInPath();

    // Reads a catalogue file (a path or a ":/" resource). Errors name the file and the problem.
    static Result<Catalogue> load(const QString &path);
    // sourceName names the data in error messages, usually the file's name.
    static Result<Catalogue> fromJson(const QByteArray &json, const QString &sourceName);

    const QString &sourceName() const { return m_sourceName; }
    const QString &title() const { return m_title; }
    const QString &version() const { return m_version; }

    const QList<Solution> &solutions() const { return m_solutions; }
    const QList<Resource> &resources() const { return m_resources; }

    // Ids are matched case-insensitively: "inv.customer_orders" finds INV.CUSTOMER_ORDERS.
    const Solution *solution(QStringView id) const;
    const Resource *resource(QStringView id) const;
    QList<const Resource *> resourcesOf(QStringView solutionId) const;

private:
    friend class CatalogueReader;

    QString m_sourceName;
    QString m_title;
    QString m_version;
    QList<Solution> m_solutions;
    QList<Resource> m_resources;
};

} // namespace sluice
