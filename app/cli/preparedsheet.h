// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/sheetloading.h"
#include "app/cli/validatecommand.h"
#include "models/mapping/mappingproposer.h"

namespace sluice::cli {

// What map, validate and upload all start from: the resource, the read sheet and the proposed
// (or saved) mapping.
struct Prepared
{
    const Resource *resource = nullptr;
    LoadedSheet sheet;
    MappingProposal proposal;
    QString profileName; // the profile applied, if any
    std::optional<OperationType> profileOperation;
};

Result<const Resource *, QString> findResource(const Catalogue &catalogue, const QString &id,
                                               const QString &solution);
Result<Prepared, LoadFailure> prepare(const MapRequest &request, const QCommandLineParser &parser,
                                      const SheetOptions &sheetOptions,
                                      const ValidateOptions &options);

} // namespace sluice::cli
