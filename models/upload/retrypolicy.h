// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

namespace sluice {

// When to try a batch again (ARCHITECTURE.md §7): exponential backoff with full jitter, so that
// clients that failed together do not come back together, and never sooner than the server's
// Retry-After. A pure function: tests pass their own random numbers.
struct RetryPolicy
{
    int maxAttempts = 10;
    int baseDelayMs = 500;
    int maxDelayMs = 30 * 1000;

    // The wait before attempt number attemptsMade + 1, or nothing when the batch should be given
    // up. random is uniform in [0, 1).
    std::optional<int> delayMs(int attemptsMade, std::optional<int> retryAfterMs,
                               double random) const;
};

} // namespace sluice
