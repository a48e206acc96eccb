// SPDX-License-Identifier: MIT
#include "models/itemmodels/findmatchmodel.h"
