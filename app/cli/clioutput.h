// SPDX-License-Identifier: MIT
#pragma once

#include "models/schema/catalogue.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace sluice::cli {

// How the CLI shows catalogue content: aligned text for people, JSON for scripts.
QJsonObject resourceSummaryJson(const Catalogue &catalogue, const Resource &resource);
QJsonObject resourceDetailJson(const Catalogue &catalogue, const Resource &resource);
QString resourceListText(const Catalogue &catalogue, const QList<const Resource *> &resources);
QString resourceDetailText(const Catalogue &catalogue, const Resource &resource);

// Ids that look like what the user typed, best first, for "did you mean".
QStringList closestResourceIds(const Catalogue &catalogue, const QString &typed, int count = 3);

} // namespace sluice::cli
