// SPDX-License-Identifier: MIT
#include "app/cli/preparedsheet.h"

#include "models/mapping/mappingprofile.h"
#include "models/mapping/profilestore.h"

#include <QFileInfo>

namespace sluice::cli {

namespace {
constexpr int ExitUsage = 2;

Result<MappingProfile, QString> loadProfile(const QString &nameOrPath)
{
    if (QFileInfo(nameOrPath).isFile()) {
        auto profile = MappingProfile::load(nameOrPath);
        if (!profile)
            return profile.error().message;
        return std::move(profile).value();
    }
    auto profile = ProfileStore().load(nameOrPath);
    if (!profile)
        return profile.error().message;
    return std::move(profile).value();
}

} // namespace

Result<const Resource *, QString> findResource(const Catalogue &catalogue, const QString &id,
                                               const QString &solution)
{
    if (id.isEmpty())
        return QStringLiteral("--resource is required, e.g. --resource INV.CUSTOMER_ORDERS");
    // --solution takes the catalogue's id (INV) or the API's solution name (INV_OOTB).
    QString solutionId = solution;
    for (const Solution &candidate : catalogue.solutions()) {
        if (candidate.solutionName.compare(solution, Qt::CaseInsensitive) == 0)
            solutionId = candidate.id;
    }
    const QString full = id.contains(u'.') || solutionId.isEmpty() ? id : solutionId + u'.' + id;
    const Resource *resource = catalogue.resource(full);
    if (resource == nullptr)
        return QStringLiteral("no resource '%1' in %2 (see 'sluice-cli resources')")
            .arg(full, catalogue.sourceName());
    if (!solutionId.isEmpty() && resource->solutionId.compare(solutionId, Qt::CaseInsensitive) != 0)
        return QStringLiteral("resource %1 is not in solution %2").arg(resource->id, solution);
    return resource;
}

Result<Prepared, LoadFailure> prepare(const MapRequest &request, const QCommandLineParser &parser,
                                      const SheetOptions &sheetOptions,
                                      const ValidateOptions &options)
{
    Prepared prepared;
    std::optional<MappingProfile> profile;
    if (parser.isSet(options.profile)) {
        auto loaded = loadProfile(parser.value(options.profile));
        if (!loaded)
            return LoadFailure {ExitUsage, loaded.error()};
        profile = std::move(loaded).value();
    }
    // A profile names its resource; --resource may still be given, and must then agree.
    const QString id = parser.isSet(options.resource) || !profile ? parser.value(options.resource)
                                                                  : profile->resourceId();
    const auto resource = findResource(request.catalogue, id, request.solution);
    if (!resource)
        return LoadFailure {ExitUsage, resource.error()};
    prepared.resource = *resource;
    std::optional<Mapping> saved;
    if (profile) {
        if (profile->resourceId().compare(prepared.resource->id, Qt::CaseInsensitive) != 0)
            return LoadFailure {
                ExitUsage,
                QStringLiteral("profile '%1' is for %2, not %3")
                    .arg(profile->name, profile->resourceId(), prepared.resource->id)};
        saved = profile->mapping;
        prepared.profileName = profile->name;
        prepared.profileOperation = profile->operation;
    }
    auto sheet = loadSheet(request.path, parser, sheetOptions);
    if (!sheet)
        return LoadFailure {ExitUsage, sheet.error().message};
    prepared.sheet = std::move(sheet).value();
    prepared.proposal = MappingProposer::propose(*prepared.resource, prepared.sheet.table,
                                                 prepared.sheet.layout, saved);
    return prepared;
}

} // namespace sluice::cli
