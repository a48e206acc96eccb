// SPDX-License-Identifier: MIT
#include "models/common/backgroundpool.h"

#include <QThreadPool>

namespace sluice {

QThreadPool &backgroundPool()
{
    static QThreadPool pool;
    return pool;
}

} // namespace sluice
