// SPDX-License-Identifier: MIT
#include "models/session/bulkfix.h"
