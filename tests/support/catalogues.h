// SPDX-License-Identifier: MIT
#pragma once

#include "models/schema/catalogue.h"

#include <memory>

namespace sluice::test {

// The catalogue compiled into the binaries; a test cannot go on without it.
inline std::shared_ptr<const Catalogue> builtInCatalogue()
{
    Result<Catalogue> catalogue = Catalogue::load(Catalogue::builtInPath());
    if (!catalogue)
        qFatal("the built-in catalogue does not load: %s", qPrintable(catalogue.error().message));
    return std::make_shared<const Catalogue>(std::move(catalogue).value());
}

} // namespace sluice::test
