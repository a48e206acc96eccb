// SPDX-License-Identifier: MIT
#include "ui/dialogs/findreplacedialog.h"
