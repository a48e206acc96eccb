// SPDX-License-Identifier: MIT
#include "models/itemmodels/valuemapmodel.h"
