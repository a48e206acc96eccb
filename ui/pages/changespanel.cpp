// SPDX-License-Identifier: MIT
#include "ui/pages/changespanel.h"
