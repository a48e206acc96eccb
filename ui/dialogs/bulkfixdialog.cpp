// SPDX-License-Identifier: MIT
#include "ui/dialogs/bulkfixdialog.h"
