// SPDX-License-Identifier: MIT
#pragma once

#include "models/mapping/mappingproposer.h"
#include "models/schema/resource.h"
#include "models/source/headerdetector.h"
#include "models/source/readerfactory.h"
#include "models/source/readsink.h"
#include "models/validation/mappedrowsource.h"

#include <cstdio>
#include <memory>

namespace sluice::bench {

// A generated orders file read and mapped onto resource as the automapper proposes: what the
// benchmarks measure on. Not movable (the rows read the sink's table), hence the pointer.
struct MappedOrders
{
    CollectingSink sink;
    SheetLayout layout;
    std::unique_ptr<MappedRowSource> rows;
};

// Null, with the reason on stderr, when the file cannot be read.
inline std::unique_ptr<MappedOrders> readMappedOrders(const QString &path, const Resource &resource)
{
    auto reader = ReaderFactory::create(path, {});
    if (!reader || !reader.value()->open(path)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        return nullptr;
    }
    auto orders = std::make_unique<MappedOrders>();
    if (!reader.value()->readSheet(0, orders->sink)) {
        std::fprintf(stderr, "cannot read the sheet of %s\n", qPrintable(path));
        return nullptr;
    }
    const SheetTable &table = orders->sink.table();
    orders->layout = HeaderDetector::detect(table);
    const MappingProposal proposal = MappingProposer::propose(resource, table, orders->layout);
    orders->rows = std::make_unique<MappedRowSource>(table, orders->layout, resource,
                                                     proposal.automap.mapping);
    return orders;
}

} // namespace sluice::bench
