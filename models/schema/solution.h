// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace sluice {

// A solution (module) of the platform. solutionName, prefix and suffix are per tenant in reality;
// the catalogue holds the documented examples and the user may override them for a target.
struct Solution
{
    QString id;                    // "INV"
    QString module;                // "Inventory Management"
    QString product;               // "Inventory Management"
    QString solutionName;          // "INV_OOTB", sent as the request's solutionName
    QString prefix;                // "INV_"
    QString suffix;                // "_OOTB"
    bool namingDocumented = false; // false: solutionName/prefix/suffix are a guess

    QString displayName() const { return module.isEmpty() ? id : module; }
};

} // namespace sluice
