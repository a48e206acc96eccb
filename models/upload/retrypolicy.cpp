// SPDX-License-Identifier: MIT
#include "models/upload/retrypolicy.h"

#include <algorithm>
#include <cmath>

namespace sluice {

std::optional<int> RetryPolicy::delayMs(int attemptsMade, std::optional<int> retryAfterMs,
                                        double random) const
{
    if (attemptsMade >= maxAttempts)
        return std::nullopt;
    const double clampedRandom = std::clamp(random, 0.0, 1.0);
    if (retryAfterMs) {
        // The server said when; a little jitter on top keeps clients from arriving together.
        return *retryAfterMs + int(clampedRandom * baseDelayMs);
    }
    const double ceiling
        = std::min<double>(maxDelayMs, baseDelayMs * std::pow(2.0, std::max(0, attemptsMade - 1)));
    return int(clampedRandom * ceiling);
}

} // namespace sluice
