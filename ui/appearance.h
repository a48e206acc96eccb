// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace sluice {

// Light or dark look, chosen in View ▸ Appearance (or --appearance). "system" keeps the platform's
// style and palette; "light" and "dark" use the Fusion style with a matching palette, which reads
// the same on every platform and is what the screenshots show.
class Appearance
{
public:
    static QStringList names(); // "system", "light", "dark"
    // Unknown names mean "system".
    static void apply(const QString &name);
};

} // namespace sluice
