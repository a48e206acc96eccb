// SPDX-License-Identifier: MIT
#include "models/schema/catalogue.h"

#include "models/schema/cataloguereader.h"

#include <QFile>
#include <QFileInfo>

namespace sluice {

QString Catalogue::builtInPath()
{
    return QStringLiteral(":/sluice/catalogue.json");
}

Result<Catalogue> Catalogue::load(const QString &path)
{
    QFile file(path);
    const QString name
        = path.startsWith(u':') ? tr("Built-in catalogue") : QFileInfo(path).absoluteFilePath();
    if (!file.open(QIODevice::ReadOnly))
        return Error {tr("%1: cannot open the catalogue: %2").arg(name, file.errorString())};
    return fromJson(file.readAll(), name);
}

Result<Catalogue> Catalogue::fromJson(const QByteArray &json, const QString &sourceName)
{
    return CatalogueReader(sourceName).read(json);
}

const Solution *Catalogue::solution(QStringView id) const
{
    for (const Solution &candidate : m_solutions) {
        if (QStringView(candidate.id).compare(id, Qt::CaseInsensitive) == 0)
            return &candidate;
    }
    return nullptr;
}

const Resource *Catalogue::resource(QStringView id) const
{
    for (const Resource &candidate : m_resources) {
        if (QStringView(candidate.id).compare(id, Qt::CaseInsensitive) == 0)
            return &candidate;
    }
    return nullptr;
}

QList<const Resource *> Catalogue::resourcesOf(QStringView solutionId) const
{
    QList<const Resource *> found;
    for (const Resource &candidate : m_resources) {
        if (QStringView(candidate.solutionId).compare(solutionId, Qt::CaseInsensitive) == 0)
            found.append(&candidate);
    }
    return found;
}

} // namespace sluice
