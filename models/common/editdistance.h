// SPDX-License-Identifier: MIT
#pragma once

#include <QStringView>

namespace sluice {

// Levenshtein distance between a and b (case-sensitive), or limit + 1 as soon as it is known to
// pass limit: callers only want near misses ("did you mean"), so the rest need not be computed.
int editDistance(QStringView a, QStringView b, int limit);

} // namespace sluice
