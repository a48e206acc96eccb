// SPDX-License-Identifier: MIT
#pragma once

#include "models/schema/catalogue.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace sluice {

// Turns catalogue JSON into a Catalogue, checking every field and the cross references (primary
// keys name attributes, foreign keys name existing attributes, ids are unique). The first problem
// stops the read with a message that names the file, the place (resources[3] (QP.PRODUCT) ›
// attributes[2] (updated_at)) and what is wrong.
class CatalogueReader
{
    Q_DECLARE_TR_FUNCTIONS(CatalogueReader)

public:
    explicit CatalogueReader(QString sourceName);

    Result<Catalogue> read(const QByteArray &json);

private:
    Solution readSolution(const QJsonObject &object) const;
    Resource readResource(const QJsonObject &object, const Catalogue &catalogue) const;
    Attribute readAttribute(const QJsonObject &object) const;
    void checkKeys(const Resource &resource) const;
    void checkReferences(const Catalogue &catalogue) const;

    QString m_sourceName;
    mutable QStringList m_path; // where the reader is, for error messages
};

} // namespace sluice
