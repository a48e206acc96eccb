// SPDX-License-Identifier: MIT
#pragma once

class QThreadPool;

namespace sluice {

// The threads that read, hash and check files. Long work never goes to
// QThreadPool::globalInstance(): Qt 6.4's raster paint engine splits large fills over the
// global pool and waits for them, so a global pool busy with a 1M-row read froze painting for
// 300 ms at a time (tst_responsiveness found it). Created on first use, as many threads as
// cores.
QThreadPool &backgroundPool();

} // namespace sluice
