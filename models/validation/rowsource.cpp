// SPDX-License-Identifier: MIT
#include "models/validation/rowsource.h"

namespace sluice {

QByteArray recordJson(const Resource &resource, const std::vector<NormalisedCell> &cells)
{
    QByteArray json;
    json.reserve(64 * qsizetype(cells.size()));
    json += '{';
    const auto count = std::min<qsizetype>(resource.attributes.size(), qsizetype(cells.size()));
    bool first = true;
    for (qsizetype i = 0; i < count; ++i) {
        const NormalisedCell &cell = cells[size_t(i)];
        if (!cell.mapped)
            continue;
        if (!first)
            json += ',';
        first = false;
        json += ApiValue::string(resource.attributes.at(i).name).toJson();
        json += ':';
        json += cell.error ? QByteArrayLiteral("null") : cell.value.toJson();
    }
    json += '}';
    return json;
}

} // namespace sluice
