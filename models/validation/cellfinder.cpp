// SPDX-License-Identifier: MIT
#include "models/validation/cellfinder.h"
