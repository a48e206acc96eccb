// SPDX-License-Identifier: MIT
#include "models/itemmodels/changesmodel.h"
