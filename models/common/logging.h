// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// Logging categories; enable with QT_LOGGING_RULES="sluice.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcSchema)
Q_DECLARE_LOGGING_CATEGORY(lcIo)
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcValidation)
Q_DECLARE_LOGGING_CATEGORY(lcProfiles)
