// SPDX-License-Identifier: MIT
#include "models/common/logging.h"

Q_LOGGING_CATEGORY(lcSchema, "sluice.schema", QtInfoMsg)
Q_LOGGING_CATEGORY(lcIo, "sluice.io", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "sluice.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcValidation, "sluice.validation", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProfiles, "sluice.profiles", QtInfoMsg)
