// SPDX-License-Identifier: MIT
#include "models/validation/apivalue.h"
